package ma.observatory.tourism;

import ma.observatory.csv.CsvColumn;

/** Columns of {@code tourism/jobs.csv}; direct jobs in persons. */
public enum TourismJobsColumn implements CsvColumn {
    PERIOD(true), DIRECT_JOBS(true), SOURCE(false);

    private final boolean required;

    TourismJobsColumn(boolean required) {
        this.required = required;
    }

    @Override
    public boolean required() {
        return required;
    }
}

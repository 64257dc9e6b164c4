package ma.observatory.outsourcing;

import ma.observatory.csv.CsvColumn;

/** Columns of {@code outsourcing/sector_jobs.csv}; jobs in persons. */
public enum SectorJobsColumn implements CsvColumn {
    PERIOD(true), COUNTRY(true), SEGMENT(true), CLIENT_COUNTRY(true), ACTIVITY(true), JOBS(true), SOURCE(false);

    private final boolean required;

    SectorJobsColumn(boolean required) {
        this.required = required;
    }

    @Override
    public boolean required() {
        return required;
    }
}

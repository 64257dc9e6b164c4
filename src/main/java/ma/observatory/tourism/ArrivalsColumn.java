package ma.observatory.tourism;

import ma.observatory.csv.CsvColumn;

/** Columns of {@code tourism/arrivals.csv}; arrivals and overnight stays in persons and nights. */
public enum ArrivalsColumn implements CsvColumn {
    PERIOD(true), VISITOR_TYPE(true), MARKET(true), ARRIVALS(true),
    OVERNIGHT_STAYS(false), RECEIPTS_MAD_MILLION(false), SOURCE(false);

    private final boolean required;

    ArrivalsColumn(boolean required) {
        this.required = required;
    }

    @Override
    public boolean required() {
        return required;
    }
}

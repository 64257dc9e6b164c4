package ma.observatory.indicator;

import ma.observatory.csv.CsvColumn;

/** Columns of {@code published.csv}. */
public enum PublishedColumn implements CsvColumn {
    INDICATOR, PERIOD, GEO, BREAKDOWN, VALUE, UNIT, SOURCE;

    @Override
    public boolean required() {
        return true;
    }
}

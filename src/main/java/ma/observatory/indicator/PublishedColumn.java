package ma.observatory.indicator;

import java.util.Locale;
import ma.observatory.csv.CsvColumn;

/** Columns of {@code published.csv}. */
public enum PublishedColumn implements CsvColumn {
    INDICATOR, PERIOD, GEO, BREAKDOWN, VALUE, UNIT, SOURCE;

    @Override
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean required() {
        return true;
    }
}

package ma.observatory.geo;

import ma.observatory.csv.CsvColumn;

/** Columns of {@code reference/geo.csv}. */
public enum GeoColumn implements CsvColumn {
    CODE, NAME_FR, NAME_EN, LEVEL, PARENT;

    @Override
    public boolean required() {
        return true;
    }
}

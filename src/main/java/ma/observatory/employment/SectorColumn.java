package ma.observatory.employment;

import ma.observatory.csv.CsvColumn;

/** Columns of {@code employment/employment_by_sector.csv}; employed in thousands of persons. */
public enum SectorColumn implements CsvColumn {
    PERIOD(true), GEO(true), SECTOR(true), EMPLOYED(true), SOURCE(false);

    private final boolean required;

    SectorColumn(boolean required) {
        this.required = required;
    }

    @Override
    public boolean required() {
        return required;
    }
}

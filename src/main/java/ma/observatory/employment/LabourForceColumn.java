package ma.observatory.employment;

import ma.observatory.csv.CsvColumn;

/** Columns of {@code employment/labour_force.csv}; counts in thousands of persons. */
public enum LabourForceColumn implements CsvColumn {
    PERIOD(true), GEO(true), AREA(true), SEX(true), AGE_GROUP(true),
    POPULATION(true), LABOUR_FORCE(true), EMPLOYED(true), UNEMPLOYED(true),
    UNDEREMPLOYED(false), SOURCE(false);

    private final boolean required;

    LabourForceColumn(boolean required) {
        this.required = required;
    }

    @Override
    public boolean required() {
        return required;
    }
}

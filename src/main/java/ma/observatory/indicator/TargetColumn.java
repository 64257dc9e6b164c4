package ma.observatory.indicator;

import ma.observatory.csv.CsvColumn;

/** Columns of {@code targets.csv}. */
public enum TargetColumn implements CsvColumn {
    INDICATOR(true), GEO(true), TARGET_PERIOD(true), TARGET_VALUE(true), UNIT(true),
    BASELINE_PERIOD(false), BASELINE_VALUE(false), SOURCE(false);

    private final boolean required;

    TargetColumn(boolean required) {
        this.required = required;
    }

    @Override
    public boolean required() {
        return required;
    }
}

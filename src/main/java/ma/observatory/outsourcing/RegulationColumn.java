package ma.observatory.outsourcing;

import ma.observatory.csv.CsvColumn;

/** Columns of {@code outsourcing/regulations.csv}; loss rates are shares between 0 and 1. */
public enum RegulationColumn implements CsvColumn {
    ID(true), COUNTRY(true), TITLE(true), EFFECTIVE_ON(true), SEGMENT(true), CLIENT_COUNTRY(true), ACTIVITY(true),
    ADOPTED_ON(false), LOSS_RATE_LOW(false), LOSS_RATE_CENTRAL(false), LOSS_RATE_HIGH(false), SOURCE(false);

    private final boolean required;

    RegulationColumn(boolean required) {
        this.required = required;
    }

    @Override
    public boolean required() {
        return required;
    }
}

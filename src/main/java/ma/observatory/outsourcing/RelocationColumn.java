package ma.observatory.outsourcing;

import ma.observatory.csv.CsvColumn;

/** Columns of {@code outsourcing/relocations.csv}: one row per relocation event; jobs in persons. */
public enum RelocationColumn implements CsvColumn {
    ANNOUNCED_ON(true), EFFECTIVE_ON(true), CLIENT(true), PROVIDER(true), ORIGIN_COUNTRY(true),
    DESTINATION_COUNTRY(true), JOBS(true), STATUS(true),
    ORIGIN_CITY(false), DESTINATION_CITY(false), LANGUAGE(false), SOURCE(false);

    private final boolean required;

    RelocationColumn(boolean required) {
        this.required = required;
    }

    @Override
    public boolean required() {
        return required;
    }
}

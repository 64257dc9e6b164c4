package ma.observatory.csv;

import java.util.Locale;

/**
 * A column of a dataset; each dataset names its columns with an enum implementing this, the
 * constant's name being the header in upper case ({@code LABOUR_FORCE} for {@code labour_force}).
 */
public interface CsvColumn {

    /** Implemented by the enum constant. */
    String name();

    /** Implemented by the enum constant; the key of the column's place in a file ({@link ColumnIndex}). */
    int ordinal();

    /** The header name as the contract spells it (matched case-insensitively, trimmed). */
    default String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean required();
}

package ma.observatory.csv;

/** A column of a dataset; each dataset names its columns with an enum implementing this. */
public interface CsvColumn {

    /** The header name as the contract spells it (matched case-insensitively, trimmed). */
    String header();

    boolean required();
}

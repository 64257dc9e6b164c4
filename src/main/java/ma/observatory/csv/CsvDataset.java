package ma.observatory.csv;

import java.util.List;

/**
 * One input file of the contract: where it lives under the input directory and which columns it
 * has. Domains describe their files with this and nothing else, so every file is read, checked and
 * reported the same way.
 */
public interface CsvDataset {

    /** Path relative to the input directory, with forward slashes, e.g. {@code employment/labour_force.csv}. */
    String file();

    List<? extends CsvColumn> columns();

    /** A required file missing stops the run; an optional one missing means "nothing given". */
    default boolean optional() {
        return false;
    }
}

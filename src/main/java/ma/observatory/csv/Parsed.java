package ma.observatory.csv;

import java.util.List;

/**
 * One data line as read: either an item (possibly with warnings) or the reasons it was rejected.
 * Rejected rows travel through the chunk like kept ones, so they are recorded in the same
 * transaction and a restart neither loses nor repeats them.
 */
public record Parsed<T>(long line, T item, List<RowProblem> rejects, List<RowProblem> warnings) {

    public Parsed {
        rejects = List.copyOf(rejects);
        warnings = List.copyOf(warnings);
    }

    public boolean rejected() {
        return !rejects.isEmpty();
    }
}

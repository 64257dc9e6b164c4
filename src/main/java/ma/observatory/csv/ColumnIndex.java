package ma.observatory.csv;

import java.util.Arrays;

/**
 * Where each column of a dataset sits in a file. Asked for every value of every line, so it is an
 * array indexed by the column enum's ordinal rather than a hash map.
 */
final class ColumnIndex {

    private CsvColumn[] columns = new CsvColumn[0];
    private int[] positions = new int[0];

    void put(CsvColumn column, int position) {
        int ordinal = column.ordinal();
        if (ordinal >= columns.length) {
            int size = ordinal + 1;
            columns = Arrays.copyOf(columns, size);
            int old = positions.length;
            positions = Arrays.copyOf(positions, size);
            Arrays.fill(positions, old, size, -1);
        }
        columns[ordinal] = column;
        positions[ordinal] = position;
    }

    /** The column's position in the line, or -1 when the file does not have it. */
    int position(CsvColumn column) {
        // Enum's own final ordinal(), not the interface's: called for every value, an interface
        // call here saw a new enum with every file read, and the JIT compiler threw away and
        // redid the reading code each time (16 times in a run).
        int ordinal = ((Enum<?>) column).ordinal();
        return ordinal < columns.length && columns[ordinal] == column ? positions[ordinal] : -1;
    }

    /** The column at a position of the line, or {@code null} for an extra column. */
    CsvColumn columnAt(int position) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] != null && positions[i] == position) {
                return columns[i];
            }
        }
        return null;
    }
}

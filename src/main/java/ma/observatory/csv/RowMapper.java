package ma.observatory.csv;

/**
 * Turns one row into a typed item. Problems are recorded on the row ({@link CsvRow#reject}); the
 * value returned for a row with problems is ignored.
 */
@FunctionalInterface
public interface RowMapper<T> {

    T map(CsvRow row);
}

package ma.observatory.csv;

/**
 * Something wrong with one value of one row, in the words the Data quality sheet shows.
 *
 * @param file   path relative to the input directory
 * @param line   line number in the file, the header being line 1
 * @param column header name, or empty when the whole row is concerned
 * @param value  the offending text as read
 * @param reason what is wrong and what was expected
 */
public record RowProblem(String file, long line, String column, String value, String reason) {

    @Override
    public String toString() {
        return file + " line " + line + (column.isEmpty() ? "" : ", column " + column)
                + (value.isEmpty() ? "" : ", value '" + value + "'") + ": " + reason;
    }
}

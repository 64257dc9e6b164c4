package ma.observatory.csv;

/**
 * Something wrong with one value of one row, for the Data quality sheet.
 *
 * @param file   path relative to the input directory
 * @param line   line number in the file, the header being line 1
 * @param column header name, or empty when the whole row is concerned
 * @param value  the offending text as read
 * @param why    what is wrong and what was expected, to be said in the workbook's language
 */
public record RowProblem(String file, long line, String column, String value, Reason why) {

    /** The reason in English, as the console, the log and the database's {@code reason} column give it. */
    public String reason() {
        return why.english();
    }

    @Override
    public String toString() {
        return file + " line " + line + (column.isEmpty() ? "" : ", column " + column)
                + (value.isEmpty() ? "" : ", value '" + value + "'") + ": " + reason();
    }
}

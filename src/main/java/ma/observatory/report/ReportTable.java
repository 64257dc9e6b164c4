package ma.observatory.report;

import java.util.List;

/**
 * A table marked up as an Excel table. Rows are streamed once by the renderer, so a table backed
 * by a database cursor never sits in memory as a whole.
 *
 * @param name    Excel table name: unique in the workbook, letters, digits and underscores
 * @param columns headings (with units) and display formats
 * @param rows     the rows; each row holds one value per column, see {@link CellValue}
 * @param overflow what to do when the table may not fit in a sheet, or {@code null} when it always fits
 * @param alsoSizedBy rows among {@code rows}, past the first ones, that the columns must be wide enough for
 */
public record ReportTable(String name, List<ReportColumn> columns, Iterable<List<CellValue>> rows,
                          Overflow overflow, List<List<CellValue>> alsoSizedBy) {

    /**
     * A table that may pass Excel's 1,048,576 rows: when it does, it is written in full to a CSV file
     * beside the workbook, the sheet holds the rows that fit, and a line under the title says so.
     *
     * @param expectedRows how many rows the table has
     * @param note         the line, a {@link java.text.MessageFormat} pattern: {0} rows in all, {1} on
     *                     the sheet, {2} the CSV file's name
     */
    public record Overflow(long expectedRows, String note) {
    }

    public ReportTable {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a valid Excel table name: " + name);
        }
        columns = List.copyOf(columns);
        alsoSizedBy = List.copyOf(alsoSizedBy);
    }

    public ReportTable(String name, List<ReportColumn> columns, Iterable<List<CellValue>> rows, Overflow overflow) {
        this(name, columns, rows, overflow, List.of());
    }

    public ReportTable(String name, List<ReportColumn> columns, Iterable<List<CellValue>> rows) {
        this(name, columns, rows, null);
    }

    /**
     * The table with rows its columns are sized by as well as its first ones: rows that come after
     * the renderer's sample (Data quality's checks, after thousands of rejected rows), whose texts
     * would otherwise be cut by the next column.
     */
    public ReportTable sizedAlsoBy(List<List<CellValue>> laterRows) {
        return new ReportTable(name, columns, rows, overflow, laterRows);
    }
}

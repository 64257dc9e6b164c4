package ma.observatory.report;

import java.util.List;

/**
 * A table marked up as an Excel table. Rows are streamed once by the renderer, so a table backed
 * by a database cursor never sits in memory as a whole.
 *
 * @param name    Excel table name: unique in the workbook, letters, digits and underscores
 * @param columns headings (with units) and display formats
 * @param rows    the rows; each row holds one value per column, see {@link CellValue}
 */
public record ReportTable(String name, List<ReportColumn> columns, Iterable<List<CellValue>> rows) {

    public ReportTable {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a valid Excel table name: " + name);
        }
        columns = List.copyOf(columns);
    }
}

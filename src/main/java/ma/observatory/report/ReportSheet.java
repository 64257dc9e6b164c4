package ma.observatory.report;

import java.util.List;

/**
 * One sheet: a title in A1, a few lines of text under it, then at most one table.
 *
 * @param name   sheet tab name (at most 31 characters, unique in the workbook)
 * @param title  written in A1
 * @param lines  text lines written under the title, one per row, before the table (may be empty)
 * @param table  the sheet's table, or {@code null} for a text-only sheet
 * @param charts charts drawn from the table, placed to its right
 */
public record ReportSheet(String name, String title, List<String> lines, ReportTable table, List<ReportChart> charts) {

    public ReportSheet {
        if (name.length() > 31) {
            throw new IllegalArgumentException("Excel sheet names are limited to 31 characters: " + name);
        }
        lines = List.copyOf(lines);
        charts = List.copyOf(charts);
        if (!charts.isEmpty() && table == null) {
            throw new IllegalArgumentException("a chart needs a table to draw from: " + name);
        }
    }

    public ReportSheet(String name, String title, List<String> lines, ReportTable table) {
        this(name, title, lines, table, List.of());
    }
}

package ma.observatory.report;

import java.util.List;

/**
 * A native Excel chart drawn from its sheet's table: categories from one column, one series per
 * other column, so that it follows the cells if a reader edits them.
 *
 * @param kind             line (a series over time) or bar (side-by-side amounts)
 * @param title            shown above the chart
 * @param categoryAxis     title of the horizontal axis, unit included
 * @param valueAxis        title of the vertical axis, unit included
 * @param categoryColumn   index of the table column holding the categories (periods)
 * @param seriesColumns    indexes of the table columns drawn as series, named by their headings
 * @param description      alternative text for readers who cannot see the chart
 */
public record ReportChart(Kind kind, String title, String categoryAxis, String valueAxis, int categoryColumn,
                          List<Integer> seriesColumns, String description) {

    public enum Kind { LINE, BAR }

    public ReportChart {
        seriesColumns = List.copyOf(seriesColumns);
        if (seriesColumns.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series: " + title);
        }
    }
}

package ma.observatory.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ma.observatory.cube.Breakdown;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

/**
 * The small tables charts are drawn from: one row per year, one column per series, for one place.
 * Only years are charted: a time axis mixing years and quarters would mislead.
 */
public final class ChartTables {

    /** One line or bar series: an indicator with one breakdown, and its column heading. */
    public record Series(Indicator indicator, String breakdown, String heading) {
    }

    private ChartTables() {
    }

    /**
     * A table with the year in column 0 (a number, for the chart's time axis) and each series after
     * it, every year from the first to the last with a value: a year between them that no series
     * has is a row of gaps, so that the axis keeps its spacing and the line a visible break (2022,
     * then 2024, must not be drawn as one year's step).
     */
    public static ReportTable yearly(ReportContext context, String name, String geo, String periodHeading,
                                     List<Series> series, NumberStyle style) {
        return yearly(context, name, geo, periodHeading, series, style, null);
    }

    /**
     * As above; with {@code countedInFull}, for counts of events by the year they took effect: every
     * year the range touches is a row, labelled as the events' sheets say it, as text ("2026 (to
     * October)" for a year the range covers in part: a bar chart's categories need no time axis).
     * A series without a value in a year of {@code countedInFull}, whose every event is counted
     * from the file, is a true 0; in another year (a total taken from a publication, or a move of
     * unknown size) it is a gap, [x].
     */
    static ReportTable yearly(ReportContext context, String name, String geo, String periodHeading,
                              List<Series> series, NumberStyle style, Set<Period> countedInFull) {
        boolean events = countedInFull != null;
        Map<String, IndicatorValue> values = new HashMap<>();
        TreeSet<Period> years = new TreeSet<>();
        for (Series s : series) {
            Breakdown breakdown = Breakdown.parse(s.breakdown());
            for (IndicatorValue v : context.values(s.indicator())) {
                if (v.geo().equals(geo) && v.value() != null && v.period().granularity() == Period.Granularity.YEAR
                        && v.breakdown().equals(breakdown)) {
                    values.put(v.period() + "|" + s.heading(), v);
                    years.add(v.period());
                }
            }
        }
        PeriodRange range = context.run().range();
        if (events) {
            for (int y = range.firstMonth().getYear(); y <= range.lastMonth().getYear(); y++) {
                years.add(Period.year(y));
            }
        } else if (!years.isEmpty()) {
            for (int y = years.first().year() + 1; y < years.last().year(); y++) {
                years.add(Period.year(y));
            }
        }
        List<List<CellValue>> rows = new ArrayList<>();
        for (Period year : years) {
            List<CellValue> row = new ArrayList<>();
            row.add(events ? CellValue.text(WideTables.periodSaid(context.messages(), year, range))
                    : CellValue.number((double) year.year(), NumberStyle.YEAR));
            for (Series s : series) {
                IndicatorValue value = values.get(year + "|" + s.heading());
                // as the value's own sheet shows it: a figure published whole without decimals
                row.add(value != null ? context.number(value, null)
                        : events && countedInFull.contains(year) ? CellValue.number(0.0) : CellValue.GAP);
            }
            rows.add(row);
        }
        List<ReportColumn> columns = new ArrayList<>();
        columns.add(new ReportColumn(periodHeading, events ? NumberStyle.TEXT : NumberStyle.YEAR));
        for (Series s : series) {
            columns.add(new ReportColumn(s.heading(), style));
        }
        return new ReportTable(name, columns, rows);
    }

    /**
     * A sheet holding a yearly table and the chart drawn from it. Its texts come from the message
     * keys {@code <chartKey>.title}, {@code .intro} and {@code .description}; the description is
     * also written under the title, for readers who cannot see the chart.
     */
    public static ReportSheet sheet(ReportContext context, String geo, String sheetKey, String chartKey,
                                    String tableName, List<Series> series, ReportChart.Kind kind, String valueAxis) {
        return sheet(context, geo, sheetKey, chartKey, tableName, series, kind, valueAxis,
                context.messages().get(chartKey + ".intro"));
    }

    /** As above, with an introduction of the caller's rather than {@code <chartKey>.intro}. */
    public static ReportSheet sheet(ReportContext context, String geo, String sheetKey, String chartKey,
                                    String tableName, List<Series> series, ReportChart.Kind kind, String valueAxis,
                                    String intro) {
        return sheet(context, geo, sheetKey, chartKey, tableName, series, kind, valueAxis, intro, null);
    }

    /** As above; {@code countedInFull} for counts of events by year (see {@link #yearly}), else null. */
    public static ReportSheet sheet(ReportContext context, String geo, String sheetKey, String chartKey,
                                    String tableName, List<Series> series, ReportChart.Kind kind, String valueAxis,
                                    String intro, Set<Period> countedInFull) {
        Messages m = context.messages();
        ReportTable table = yearly(context, tableName, geo, m.get("col.period"), series, commonStyle(series),
                countedInFull);
        ReportChart chart = new ReportChart(kind, m.get(chartKey + ".title"), m.get("chart.axis.year"), valueAxis, 0,
                seriesColumns(series), m.get(chartKey + ".description"));
        return chartSheet(m, m.get(sheetKey), intro, table, chart);
    }

    /**
     * A sheet of a chart and the table it is drawn from, its description written under the title;
     * when the table is empty (no whole year in the range), the sheet says so instead of
     * describing a chart that is not there.
     */
    public static ReportSheet chartSheet(Messages m, String sheetName, String intro, ReportTable table,
                                         ReportChart chart) {
        if (!table.rows().iterator().hasNext()) {
            return new ReportSheet(sheetName, chart.title(), List.of(intro, m.get("chart.none")), table, List.of());
        }
        return new ReportSheet(sheetName, chart.title(), List.of(intro, m.get("chart.gaps"),
                m.get("chart.alt", chart.description())), table, List.of(chart));
    }

    /**
     * The series' own display format when they share one (persons as whole numbers, as on their
     * tables); one decimal when they mix units.
     */
    static NumberStyle commonStyle(List<Series> series) {
        List<NumberStyle> styles = series.stream().map(s -> WideTables.style(s.indicator())).distinct().toList();
        return styles.size() == 1 ? styles.get(0) : NumberStyle.DECIMAL;
    }

    /** Column indexes 1..n: every series of a {@link #yearly} table. */
    public static List<Integer> seriesColumns(List<Series> series) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 1; i <= series.size(); i++) {
            columns.add(i);
        }
        return columns;
    }
}

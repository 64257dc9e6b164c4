package ma.observatory.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ma.observatory.cube.Breakdown;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.period.Period;

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

    /** A table with the period in column 0 and each series after it; years where none has a value are left out. */
    public static ReportTable yearly(ReportContext context, String name, String geo, String periodHeading,
                                     List<Series> series, NumberStyle style) {
        Map<String, Double> values = new HashMap<>();
        TreeSet<Period> years = new TreeSet<>();
        for (IndicatorValue v : context.values()) {
            if (!v.geo().equals(geo) || v.value() == null || v.period().granularity() != Period.Granularity.YEAR) {
                continue;
            }
            for (Series s : series) {
                if (v.indicator() == s.indicator() && v.breakdown().equals(Breakdown.parse(s.breakdown()))) {
                    values.put(v.period() + "|" + s.heading(), v.value());
                    years.add(v.period());
                }
            }
        }
        List<List<CellValue>> rows = new ArrayList<>();
        for (Period year : years) {
            List<CellValue> row = new ArrayList<>();
            row.add(CellValue.text(year.toString()));
            for (Series s : series) {
                row.add(CellValue.number(values.get(year + "|" + s.heading())));
            }
            rows.add(row);
        }
        List<ReportColumn> columns = new ArrayList<>();
        columns.add(new ReportColumn(periodHeading, NumberStyle.TEXT));
        for (Series s : series) {
            columns.add(new ReportColumn(s.heading(), style));
        }
        return new ReportTable(name, columns, rows);
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

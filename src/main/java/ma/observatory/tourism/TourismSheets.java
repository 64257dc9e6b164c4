package ma.observatory.tourism;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import ma.observatory.cube.Breakdown;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.indicator.Ratios;
import ma.observatory.indicator.Target;
import ma.observatory.indicator.TargetRepository;
import ma.observatory.indicator.Unit;
import ma.observatory.period.Period;
import ma.observatory.report.CellValue;
import ma.observatory.report.ChartTables;
import ma.observatory.report.DomainSheets;
import ma.observatory.report.Messages;
import ma.observatory.report.NumberStyle;
import ma.observatory.report.ReportChart;
import ma.observatory.report.ReportColumn;
import ma.observatory.report.ReportContext;
import ma.observatory.report.ReportSheet;
import ma.observatory.report.ReportTable;
import ma.observatory.report.WideTables;
import ma.observatory.report.WideTables.RowKey;

import static ma.observatory.indicator.Indicator.*;
import static ma.observatory.report.WideTables.*;

/** The tourism sheets: arrivals by visitor type and market; progress towards the official targets. */
@Component
class TourismSheets implements DomainSheets {

    /**
     * The targets' indicator wraps and their source shows the start of its one line, 24 characters
     * wide (cut at the column's edge, the whole text in the cell): printed at 70 %, the table's
     * eighteen columns then take two pages across, each beside the repeated indicator, place and
     * target year. With the source 48 characters wide, the French table took three, the third
     * holding the source alone, cut at the page's edge.
     * At 19, not 18: « Arrivées touristiques » and « Recettes touristiques », 21 characters, are
     * counted on one line (the wrap counts the column's width, 2 more), as they show.
     */
    private static final int LABEL_WRAP_CHARS = 19;
    private static final int SOURCE_SHOWN_CHARS = 24;

    /** The columns of the arrivals table, in order; MRE share sits on the all-visitors row of its market. */
    static final List<Indicator> ARRIVAL_COLUMNS = List.of(TOURISM_ARRIVALS, TOURISM_ARRIVALS_CHANGE,
            TOURISM_ARRIVALS_YTD, TOURISM_ARRIVALS_YTD_CHANGE, TOURISM_OVERNIGHT_STAYS, TOURISM_RECEIPTS,
            TOURISM_RECEIPTS_CHANGE, TOURISM_RECEIPTS_YTD, TOURISM_RECEIPTS_YTD_CHANGE, TOURISM_RECEIPTS_PER_ARRIVAL,
            TOURISM_MRE_SHARE, TOURISM_MARKET_SHARE);
    /** Changes in %, shown with their sign. */
    private static final Set<Indicator> CHANGE_COLUMNS = Set.of(TOURISM_ARRIVALS_CHANGE, TOURISM_ARRIVALS_YTD_CHANGE,
            TOURISM_RECEIPTS_CHANGE, TOURISM_RECEIPTS_YTD_CHANGE);
    private static final List<String> DIMS = List.of("visitor_type", "market");
    private static final String TOTAL = TourismIndicators.TOTAL;
    private static final String COUNTRY = ArrivalsDataset.COUNTRY;

    private final TargetRepository targets;

    TourismSheets(TargetRepository targets) {
        this.targets = targets;
    }

    @Override
    public String domain() {
        return TourismIndicatorsTasklet.DOMAIN;
    }

    @Override
    public List<ReportSheet> sheets(ReportContext context) {
        List<Target> list = TourismIndicators.followed(targets.targets(context.runId(), domain()), context.geo());
        return List.of(arrivals(context), targets(context, list), arrivalsAgainstTargets(context, list));
    }

    /** A target year ending before the range is not read, as the Data sheet does not: no sheet shows it. */
    private static boolean endsBeforeRange(Target t, ReportContext context) {
        return t.targetPeriod().lastMonth().isBefore(context.run().range().firstMonth());
    }

    /**
     * Arrivals year by year, with the official targets and their projections at the years they
     * are set for: one line and two sets of points on the same axis.
     */
    ReportSheet arrivalsAgainstTargets(ReportContext context, List<Target> list) {
        Messages m = context.messages();
        Breakdown all = Breakdown.of("visitor_type", TOTAL, "market", TOTAL);
        java.util.TreeMap<Integer, Double[]> years = new java.util.TreeMap<>();
        for (IndicatorValue v : context.values(TOURISM_ARRIVALS)) {
            if (v.geo().equals(COUNTRY) && v.breakdown().equals(all)
                    && v.period().granularity() == Period.Granularity.YEAR && v.value() != null) {
                years.computeIfAbsent(v.period().year(), y -> new Double[3])[0] = v.value();
            }
        }
        for (Target t : list) {
            if (t.indicator() != TOURISM_ARRIVALS || !t.geo().equals(COUNTRY) || endsBeforeRange(t, context)) {
                continue;
            }
            Double[] row = years.computeIfAbsent(t.targetPeriod().year(), y -> new Double[3]);
            row[1] = t.targetValue();
            for (IndicatorValue v : context.values(TOURISM_TARGET_PROJECTION)) {
                if (v.breakdown().equals(TourismIndicators.targetBreakdown(t))) {
                    row[2] = v.value();
                }
            }
        }
        List<List<CellValue>> rows = new ArrayList<>();
        if (!years.isEmpty()) {
            for (int y = years.firstKey(); y <= years.lastKey(); y++) {
                Double[] v = years.getOrDefault(y, new Double[3]);
                rows.add(List.of(CellValue.number((double) y, NumberStyle.YEAR), gapOr(v[0]), gapOr(v[1]),
                        gapOr(v[2])));
            }
        }
        ReportTable table = new ReportTable("ChartArrivalsTargets", List.of(
                new ReportColumn(m.get("col.period"), NumberStyle.YEAR),
                new ReportColumn(m.get("tourism.chart.series.arrivals"), NumberStyle.INTEGER),
                new ReportColumn(m.get("tourism.chart.series.target"), NumberStyle.INTEGER),
                new ReportColumn(m.get("tourism.chart.series.projection"), NumberStyle.INTEGER)), rows);
        ReportChart chart = new ReportChart(ReportChart.Kind.LINE, m.get("tourism.chart.targets.title"),
                m.get("chart.axis.year"), m.get("tourism.chart.axis.persons"), 0, List.of(1, 2, 3),
                m.get("tourism.chart.targets.description"));
        return ChartTables.chartSheet(m, m.get("sheet.tourism.chart.targets"), m.get("tourism.chart.targets.intro"),
                table, chart);
    }

    private static CellValue gapOr(Double value) {
        return value == null ? CellValue.GAP : CellValue.number(value);
    }

    // ---------------------------------------------------------------- arrivals

    ReportSheet arrivals(ReportContext context) {
        Messages m = context.messages();
        Map<RowKey, Map<Indicator, IndicatorValue>> grid = grid(context, ARRIVAL_COLUMNS, DIMS);
        // The MRE share of a market (breakdown market=XX) goes on that market's all-visitors row.
        for (IndicatorValue v : context.values(TOURISM_MRE_SHARE)) {
            if (v.breakdown().pairs().size() == 1
                    && v.breakdown().get("market") != null) {
                RowKey k = new RowKey(v.period(), v.geo(), ArrivalsRecord.breakdown(TOTAL, v.breakdown().get("market")));
                grid.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(TOURISM_MRE_SHARE, v);
            }
        }
        List<List<CellValue>> rows = new ArrayList<>();
        for (var e : grid.entrySet()) {
            RowKey k = e.getKey();
            if (!ArrivalsDataset.COUNTRY.equals(k.geo())) {
                continue; // the arrivals files are national; other places stay on the Data sheet
            }
            Map<Indicator, IndicatorValue> cells = e.getValue();
            String visitorType = k.breakdown().get("visitor_type");
            String market = k.breakdown().get("market");
            List<CellValue> row = new ArrayList<>();
            row.add(CellValue.text(k.period().toString()));
            row.add(dimension(m, k, "visitor_type"));
            row.add(CellValue.text(marketName(m, market)));
            row.add(CellValue.text(market));
            for (Indicator i : ARRIVAL_COLUMNS) {
                boolean applies = switch (i) {
                    case TOURISM_ARRIVALS_YTD, TOURISM_ARRIVALS_YTD_CHANGE, TOURISM_RECEIPTS_YTD,
                         TOURISM_RECEIPTS_YTD_CHANGE -> k.period().granularity() == Period.Granularity.MONTH;
                    case TOURISM_RECEIPTS_PER_ARRIVAL -> k.breakdown().equals(TourismIndicators.ALL_ARRIVALS);
                    case TOURISM_MRE_SHARE -> TOTAL.equals(visitorType);
                    case TOURISM_MARKET_SHARE -> !TOTAL.equals(market); // a share of itself says nothing
                    default -> true;
                };
                IndicatorValue v = cells.get(i);
                row.add(applies ? context.number(v, null) : CellValue.NOT_APPLICABLE);
            }
            row.add(basis(m, cells));
            rows.add(row);
        }
        List<ReportColumn> cols = new ArrayList<>();
        cols.add(new ReportColumn(m.get("col.period"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("tourism.col.visitor_type"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("tourism.col.market"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("tourism.col.market_code"), NumberStyle.TEXT));
        for (Indicator i : ARRIVAL_COLUMNS) {
            cols.add(CHANGE_COLUMNS.contains(i) ? new ReportColumn(heading(m, i), NumberStyle.CHANGE) : column(m, i));
        }
        cols.add(basisColumn(m));
        return new ReportSheet(m.get("sheet.tourism.arrivals"), m.get("tourism.arrivals.title"),
                List.of(m.get("tourism.arrivals.intro"), m.get("tourism.arrivals.intro.shares"),
                        m.get("intro.shorthand")),
                new ReportTable("TourismArrivals", cols, rows));
    }

    /** "France" / "France", "all markets" / "tous marchés", or the code when Java does not know it. */
    static String marketName(Messages m, String market) {
        if (market == null || TOTAL.equals(market)) {
            return m.get("tourism.market.total");
        }
        Locale language = "en".equals(m.language()) ? Locale.ENGLISH : Locale.FRENCH;
        String name = new Locale("", market).getDisplayCountry(language);
        return name == null || name.isBlank() ? market : name;
    }

    // ---------------------------------------------------------------- targets

    ReportSheet targets(ReportContext context, List<Target> list) {
        Messages m = context.messages();
        Map<String, IndicatorValue> byKey = new HashMap<>();
        Map<String, IndicatorValue> byTarget = new HashMap<>();
        // A year's total so far that already reaches a target (MAD 124 bn to November 2025 for 120 bn
        // in 2026): its latest actual, as on the Summary, where the last full year would say 93.8 %.
        Map<String, IndicatorValue> reachedSoFar = new HashMap<>();
        // Only the targets' own indicators and the four measures of progress are looked up.
        Set<Indicator> wanted = EnumSet.of(TOURISM_TARGET_PROGRESS, TOURISM_TARGET_REQUIRED_CAGR,
                TOURISM_TARGET_PROJECTION, TOURISM_TARGET_ON_TRACK);
        for (Target t : list) {
            if (t.indicator() != null) {
                wanted.add(t.indicator());
                if (TourismIndicators.yearToDateOf(t.indicator()) != null) {
                    wanted.add(TourismIndicators.yearToDateOf(t.indicator()));
                }
            }
        }
        for (Indicator indicator : wanted) {
            for (IndicatorValue v : context.values(indicator)) {
                byKey.put(v.key(), v);
                // a target is measured on full years, or on a year to date that reaches it
                if (v.breakdown().get("target") == null) {
                    continue;
                }
                if (v.period().granularity() == Period.Granularity.YEAR) {
                    byTarget.put(v.indicator().id() + '|' + v.geo() + '|' + v.breakdown(), v);
                } else if (v.indicator() == TOURISM_TARGET_PROGRESS && v.value() != null) {
                    reachedSoFar.put(v.geo() + '|' + v.breakdown(), v);
                }
            }
        }
        List<List<CellValue>> rows = new ArrayList<>();
        for (Target t : list) {
            if (t.indicator() == null || endsBeforeRange(t, context)) {
                continue;
            }
            Breakdown b = TourismIndicators.targetBreakdown(t);
            IndicatorValue progress = byTarget.get(TOURISM_TARGET_PROGRESS.id() + '|' + t.geo() + '|' + b);
            IndicatorValue required = byTarget.get(TOURISM_TARGET_REQUIRED_CAGR.id() + '|' + t.geo() + '|' + b);
            IndicatorValue projection = byTarget.get(TOURISM_TARGET_PROJECTION.id() + '|' + t.geo() + '|' + b);
            IndicatorValue onTrack = byTarget.get(TOURISM_TARGET_ON_TRACK.id() + '|' + t.geo() + '|' + b);
            Period actualPeriod = firstPeriod(progress, onTrack, required, projection);
            if (progress != null && progress.value() == null
                    && !TourismIndicators.yearOver(t, context.run().range())) {
                actualPeriod = null; // nothing measures it yet: no actual, and the target year still ahead
            }
            IndicatorValue soFar = reachedSoFar.get(t.geo() + '|' + b);
            Indicator actualIndicator = t.indicator();
            if (soFar != null) {
                progress = soFar;
                actualPeriod = soFar.period();
                actualIndicator = TourismIndicators.yearToDateOf(t.indicator());
            }
            Breakdown actualBreakdown = TourismIndicators.actualBreakdown(t);
            IndicatorValue actual = actualPeriod == null || actualBreakdown == null ? null
                    : byKey.get(TourismIndicators.keyOf(actualIndicator, actualPeriod, t.geo(), actualBreakdown));
            Unit unit = t.indicator().unit();
            NumberStyle style = styleOf(unit);
            int targetYear = t.targetPeriod().year();
            // Growth needed, trend and projection apply only while the target year is ahead, and
            // not to a target its latest actual, a full year or a total so far, already reaches.
            boolean reachedEarly = soFar != null || actual != null && actual.value() != null
                    && Ratios.reaches(actual.value(), t.targetValue());
            Boolean ahead = actualPeriod == null ? null : !reachedEarly && targetYear > actualPeriod.year();

            List<CellValue> row = new ArrayList<>();
            row.add(CellValue.text(WideTables.label(m, t.indicator())));
            row.add(CellValue.text(context.placeName(t.geo())));
            row.add(CellValue.text(t.targetPeriod().toString()));
            row.add(CellValue.number(t.targetValue(), style));
            row.add(CellValue.text(m.unit(unit)));
            row.add(t.baselinePeriod() == null ? CellValue.NOT_AVAILABLE : CellValue.text(t.baselinePeriod().toString()));
            row.add(CellValue.number(t.baselineValue(), style));
            row.add(CellValue.number(actual == null ? null : actual.value(), style));
            // a target awaiting its own year's figure has no latest actual yet, nor its year
            row.add(actual == null || actual.value() == null ? CellValue.NOT_AVAILABLE
                    : CellValue.text(soFar != null ? WideTables.yearSoFarSaid(m, actualPeriod)
                            : Integer.toString(actualPeriod.year())));
            // no actual, no basis: [z], as the Data sheet and the Summary say it
            row.add(actual == null || actual.value() == null ? CellValue.NOT_APPLICABLE
                    : CellValue.text(m.get("basis." + actual.basis().code())));
            row.add(CellValue.number(valueOf(progress)));
            // A running total (jobs created since a baseline) has no growth rate: its pace is a count.
            boolean rates = !Boolean.FALSE.equals(ahead) && !TourismIndicators.isRunningTotal(t);
            row.add(rates ? CellValue.number(valueOf(required)) : CellValue.NOT_APPLICABLE);
            row.add(rates ? CellValue.number(trend(actual, projection, targetYear)) : CellValue.NOT_APPLICABLE);
            row.add(Boolean.FALSE.equals(ahead) ? CellValue.NOT_APPLICABLE
                    : CellValue.number(valueOf(projection), style));
            Double flag = soFar != null ? Double.valueOf(1.0) : valueOf(onTrack);
            // a target year that is not ahead is reached or not: "on track" would look forward
            boolean yes = flag != null && flag == 1.0;
            String word = Boolean.FALSE.equals(ahead) ? (yes ? "tourism.reached" : "tourism.not-reached")
                    : yes ? "tourism.yes" : "tourism.no";
            row.add(flag == null ? CellValue.NOT_AVAILABLE : CellValue.text(m.get(word)));
            row.add(flag == null ? CellValue.NOT_AVAILABLE : CellValue.number(flag.longValue()));
            row.add(CellValue.text(t.indicator().id()));
            row.add(CellValue.text(t.source()));
            rows.add(row);
        }
        List<ReportColumn> cols = new ArrayList<>();
        // The indicator wraps and the source shows its start, as on the Summary: printed, the columns
        // naming a row are repeated on every page, and at full width left room for two figures a page.
        cols.add(ReportColumn.wrapped(m.get("tourism.col.indicator"), LABEL_WRAP_CHARS));
        cols.add(new ReportColumn(m.get("col.place"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("tourism.col.target_year"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("tourism.col.target_value"), NumberStyle.INTEGER));
        cols.add(new ReportColumn(m.get("tourism.col.unit"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("tourism.col.baseline_year"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("tourism.col.baseline_value"), NumberStyle.INTEGER));
        cols.add(new ReportColumn(m.get("tourism.col.actual"), NumberStyle.INTEGER));
        cols.add(new ReportColumn(m.get("tourism.col.actual_year"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("tourism.col.actual_basis"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("tourism.col.progress"), NumberStyle.DECIMAL));
        cols.add(new ReportColumn(m.get("tourism.col.required"), NumberStyle.DECIMAL));
        cols.add(new ReportColumn(m.get("tourism.col.trend"), NumberStyle.DECIMAL));
        cols.add(new ReportColumn(m.get("tourism.col.projection"), NumberStyle.INTEGER));
        cols.add(new ReportColumn(m.get("tourism.col.on_track"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("tourism.col.on_track_flag"), NumberStyle.INTEGER));
        // The id, for finding the target's values in the Data sheet, is no name a reader scrolls by:
        // beside the source rather than among the frozen columns, where it took 30 of 79 characters.
        cols.add(new ReportColumn(m.get("tourism.col.indicator_id"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("tourism.col.source"), NumberStyle.TEXT, SOURCE_SHOWN_CHARS));
        return new ReportSheet(m.get("sheet.tourism.targets"), m.get("tourism.targets.title"),
                List.of(m.get("tourism.targets.intro"), m.get("tourism.targets.intro.projection"),
                        m.get("tourism.targets.intro.shorthand")),
                new ReportTable("TourismTargets", cols, rows));
    }

    /**
     * The trailing growth the projection used, in % per year, read back from it: projection =
     * actual × (1 + g)^(target year − actual year).
     */
    static Double trend(IndicatorValue actual, IndicatorValue projection, int targetYear) {
        if (actual == null || projection == null || actual.value() == null || projection.value() == null
                || actual.value() <= 0 || projection.value() < 0) {
            return null;
        }
        int years = targetYear - actual.period().year();
        return years <= 0 ? null : 100.0 * (Math.pow(projection.value() / actual.value(), 1.0 / years) - 1.0);
    }

    private static Period firstPeriod(IndicatorValue... values) {
        for (IndicatorValue v : values) {
            if (v != null) {
                return v.period();
            }
        }
        return null;
    }

    private static Double valueOf(IndicatorValue v) {
        return v == null ? null : v.value();
    }

    /** Whole numbers for counts of people and money, one decimal for rates and amounts in MAD. */
    private static NumberStyle styleOf(Unit unit) {
        return switch (unit) {
            case PERCENT, POINTS, THOUSAND_PERSONS, MAD -> NumberStyle.DECIMAL;
            default -> NumberStyle.INTEGER;
        };
    }
}

package ma.observatory.outsourcing;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import ma.observatory.cube.Breakdown;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.outsourcing.OutsourcingIndicators.Classified;
import ma.observatory.outsourcing.OutsourcingIndicators.Counting;
import ma.observatory.outsourcing.OutsourcingIndicators.Direction;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;
import ma.observatory.report.CellValue;
import ma.observatory.report.ChartTables;
import ma.observatory.report.ReportChart;
import ma.observatory.report.DomainSheets;
import ma.observatory.report.Messages;
import ma.observatory.report.NumberStyle;
import ma.observatory.report.ReportColumn;
import ma.observatory.report.ReportContext;
import ma.observatory.report.ReportSheet;
import ma.observatory.report.ReportTable;

import static ma.observatory.indicator.Indicator.*;
import static ma.observatory.outsourcing.OutsourcingIndicators.MOROCCO;
import static ma.observatory.outsourcing.OutsourcingIndicators.TOTAL;
import static ma.observatory.report.WideTables.*;

/**
 * The outsourcing sheets: jobs of the sector; every relocation event and how the run counts it;
 * relocations by year and counterpart country; the jobs each regulation exposes and puts at risk.
 */
@Component
class OutsourcingSheets implements DomainSheets {

    private static final List<Indicator> JOBS_COLUMNS = List.of(OUTSOURCING_JOBS, OUTSOURCING_JOBS_CHANGE,
            OUTSOURCING_EXPORTS, OUTSOURCING_EXPORTS_CHANGE);
    /**
     * Long words naming a row (a segment's older measure, a law's title) wrap at this width: at full
     * width they were repeated on every printed page of their table and left room for one or two
     * figures beside them (a three-row table printed on four pages).
     */
    private static final int LABEL_WRAP_CHARS = 32;
    /**
     * The Exposure table's law title and jobs covered wrap narrower, so that its printed pages
     * across are two: the regulation and its figures, then its two sources beside the repeated
     * regulation and title. The sources wrap, whole: on one line, 22 characters wide, they made the
     * table narrow enough to be fitted to one page, at some 60 %, too small to read, and printed
     * their first words only, cut mid-word.
     */
    private static final int EXPOSURE_TITLE_CHARS = 28;
    private static final int EXPOSURE_SLICE_CHARS = 24;
    /**
     * A move's sources run to a thousand characters and more (each article cited, with what it
     * confirms): at the paragraph's usual 60 they made rows of 17 to 20 lines, a printed page
     * holding one event. This wide, beside the repeated line and the counting column, they still
     * print on the second page across, in rows half as tall.
     */
    private static final int RELOCATION_SOURCE_CHARS = 110;
    private static final List<String> JOBS_DIMS = List.of("segment", "client_country", "activity");

    @Override
    public String domain() {
        return "outsourcing";
    }

    @Override
    public List<ReportSheet> sheets(ReportContext context) {
        List<Classified> events = new ArrayList<>();
        PeriodRange range = context.run().range();
        for (RelocationEvent e : new RelocationRepository(context.jdbc()).events(context.runId())) {
            events.add(OutsourcingIndicators.classify(e, range));
        }
        return List.of(jobs(context), relocations(context, events), relocationsByYear(context, events),
                exposure(context), jobsChart(context), relocationsChart(context));
    }

    /**
     * Outsourcing jobs over time: the whole sector and its call centres, as bars. The figures are
     * sparse press counts (2022, 2024, CRM in 2025 in the shipped data): as lines broken by the
     * years without one, they were three lone markers, the lower CRM one read as a fall.
     */
    private ReportSheet jobsChart(ReportContext context) {
        Messages m = context.messages();
        List<ChartTables.Series> series = List.of(
                new ChartTables.Series(OUTSOURCING_JOBS, "segment=total, client_country=total, activity=total",
                        m.get("outsourcing.chart.series.all")),
                new ChartTables.Series(OUTSOURCING_JOBS, "segment=crm, client_country=total, activity=total",
                        m.get("outsourcing.chart.series.crm")));
        return ChartTables.sheet(context, MOROCCO, "sheet.outsourcing.chart.jobs", "outsourcing.chart.jobs",
                "ChartOutsourcingJobs", series, ReportChart.Kind.BAR, m.get("outsourcing.chart.axis.persons"));
    }

    /**
     * Jobs moved into Morocco by year, one bar series per origin country: every year of the range,
     * 0 where no move from a country took effect in a year whose total the events file gives in
     * full, as the Relocations by year sheet counts them; a gap in a year whose total is published
     * or [x] (a move of unknown size, whose country may have no bar at all).
     */
    private ReportSheet relocationsChart(ReportContext context) {
        Messages m = context.messages();
        java.util.TreeSet<String> origins = new java.util.TreeSet<>();
        java.util.Set<Period> countedInFull = new java.util.HashSet<>();
        for (IndicatorValue v : context.values(OUTSOURCING_RELOCATED_IN)) {
            String origin = v.breakdown().get("origin_country");
            if (MOROCCO.equals(v.geo()) && TOTAL.equals(origin) && v.value() != null && v.basis() == Basis.COMPUTED) {
                countedInFull.add(v.period());
            }
            // a country whose jobs are not known has no bar to draw
            if (origin != null && !TOTAL.equals(origin) && v.value() != null) {
                origins.add(origin);
            }
        }
        List<ChartTables.Series> series = new ArrayList<>();
        for (String origin : origins) {
            series.add(new ChartTables.Series(OUTSOURCING_RELOCATED_IN, "origin_country=" + origin,
                    m.get("outsourcing.chart.series.persons", country(m, origin))));
        }
        if (series.isEmpty()) {
            series.add(new ChartTables.Series(OUTSOURCING_RELOCATED_IN, "origin_country=total",
                    m.get("outsourcing.chart.series.persons", m.get("outsourcing.counterpart.total"))));
        }
        return ChartTables.sheet(context, MOROCCO, "sheet.outsourcing.chart.relocations",
                "outsourcing.chart.relocations", "ChartRelocations", series, ReportChart.Kind.BAR,
                m.get("outsourcing.chart.axis.persons"), relocationsChartIntro(m, context.run().range()),
                countedInFull);
    }

    /**
     * A year the range covers in part counts only the events of its months in the range: its bar
     * is labelled "2026 (to October)", as the Relocations by year sheet says it, and the
     * introduction says so too, for a reader of the table or of a printed page.
     */
    static String relocationsChartIntro(Messages m, PeriodRange range) {
        String intro = m.get("outsourcing.chart.relocations.intro");
        java.util.Set<String> partYears = new java.util.LinkedHashSet<>();
        for (Period year : List.of(Period.year(range.firstMonth().getYear()), Period.year(range.lastMonth().getYear()))) {
            String said = periodSaid(m, year, range);
            if (!said.equals(year.toString())) {
                partYears.add(said);
            }
        }
        return partYears.isEmpty() ? intro
                : intro + " " + m.get("outsourcing.chart.relocations.part-years", String.join(", ", partYears));
    }

    // ---- (a) jobs ----

    private ReportSheet jobs(ReportContext context) {
        Messages m = context.messages();
        List<List<CellValue>> rows = new ArrayList<>();
        // A figure measured on another scope (an older ministry measure of exports) follows the current
        // one, its segment saying so: a filter on the segment then keeps the two apart.
        for (var e : gridWith(context, JOBS_COLUMNS, JOBS_DIMS, JOBS_DIMS.size(), "scope")) {
            RowKey k = e.getKey();
            List<CellValue> row = new ArrayList<>();
            row.add(CellValue.text(k.period().toString()));
            row.add(CellValue.text(k.geo()));
            row.add(CellValue.text(context.placeName(k.geo())));
            String scope = k.breakdown().get("scope");
            row.add(scope == null ? dimension(m, k, "segment") : CellValue.text(m.get("outsourcing.segment.scoped",
                    m.getOr("segment." + k.breakdown().get("segment"), k.breakdown().get("segment")),
                    m.getOr("scope." + scope, scope))));
            row.add(dimension(m, k, "client_country"));
            row.add(dimension(m, k, "activity"));
            addValues(context, row, e.getValue(), JOBS_COLUMNS);
            row.add(basis(m, e.getValue()));
            rows.add(row);
        }
        List<ReportColumn> cols = new ArrayList<>();
        cols.add(text(m.get("col.period")));
        cols.add(text(m.get("outsourcing.col.country_code")));
        cols.add(text(m.get("outsourcing.col.country")));
        cols.add(ReportColumn.wrapped(m.get("outsourcing.col.segment"), LABEL_WRAP_CHARS));
        cols.add(text(m.get("outsourcing.col.client_country")));
        cols.add(text(m.get("outsourcing.col.activity")));
        cols.add(column(m, OUTSOURCING_JOBS));
        cols.add(new ReportColumn(heading(m, OUTSOURCING_JOBS_CHANGE), NumberStyle.CHANGE));
        cols.add(column(m, OUTSOURCING_EXPORTS));
        cols.add(new ReportColumn(heading(m, OUTSOURCING_EXPORTS_CHANGE), NumberStyle.CHANGE));
        cols.add(basisColumn(m));
        return new ReportSheet(m.get("sheet.outsourcing.jobs"), m.get("outsourcing.jobs.title"),
                List.of(m.get("outsourcing.jobs.intro"), m.get("intro.shorthand")),
                new ReportTable("OutsourcingJobs", cols, rows));
    }

    // ---- (b) every event ----

    private ReportSheet relocations(ReportContext context, List<Classified> events) {
        Messages m = context.messages();
        PeriodRange range = context.run().range();
        List<List<CellValue>> rows = new ArrayList<>();
        for (Classified c : events) {
            RelocationEvent e = c.event();
            rows.add(List.of(CellValue.number((double) e.line(), NumberStyle.INTEGER),
                    CellValue.date(e.announcedOn()), CellValue.date(e.effectiveOn()), CellValue.text(e.client()),
                    known(e.provider()), CellValue.text(country(m, e.originCountry())),
                    CellValue.text(country(m, e.destinationCountry())), CellValue.number(e.jobs()),
                    CellValue.text(m.getOr("status." + e.status().code(), e.status().code())),
                    // "2026 (to October)", as the by-year sheet and the Summary say the year counted
                    c.year() == null ? CellValue.NOT_APPLICABLE
                            : CellValue.text(periodSaid(m, Period.year(c.year()), range)),
                    CellValue.text(m.get("outsourcing.counting." + c.counting().code())),
                    CellValue.text(e.source())));
        }
        List<ReportColumn> cols = List.of(new ReportColumn(m.get("outsourcing.col.line"), NumberStyle.INTEGER),
                new ReportColumn(m.get("outsourcing.col.announced_on"), NumberStyle.DATE),
                new ReportColumn(m.get("outsourcing.col.effective_on"), NumberStyle.DATE),
                ReportColumn.wrapped(m.get("outsourcing.col.client"), LABEL_WRAP_CHARS),
                text(m.get("outsourcing.col.provider")), text(m.get("outsourcing.col.origin")),
                text(m.get("outsourcing.col.destination")),
                new ReportColumn(m.get("outsourcing.col.jobs"), NumberStyle.INTEGER),
                text(m.get("outsourcing.col.status")), text(m.get("outsourcing.col.counted_year")),
                // printed on one line, the source ran past the page's edge, cut mid-word
                paragraph(m.get("outsourcing.col.counting")),
                ReportColumn.wrapped(m.get("outsourcing.col.source"), RELOCATION_SOURCE_CHARS));
        return new ReportSheet(m.get("sheet.outsourcing.relocations"), m.get("outsourcing.relocations.title"),
                List.of(m.get("outsourcing.relocations.intro"),
                        m.get("outsourcing.relocations.counting", m.periods().range(range), m.periods().end(range))),
                new ReportTable("Relocations", cols, rows));
    }

    /** A country as a reader names it, with the code the files use: "Belgique (BE)". */
    static String country(Messages m, String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.forLanguageTag(m.language()));
        return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
    }

    /** A text the input may leave empty (an operation's provider): empty is not known, [x]. */
    private static CellValue known(String text) {
        return text == null || text.isBlank() ? CellValue.NOT_AVAILABLE : CellValue.text(text);
    }

    // ---- (c) by year and counterpart ----

    private ReportSheet relocationsByYear(ReportContext context, List<Classified> events) {
        Messages m = context.messages();
        // Events counted, by year and counterpart country: [into Morocco, out of Morocco].
        Map<Integer, Map<String, int[]>> counted = new TreeMap<>();
        int[] pipeline = new int[2];
        for (Classified c : events) {
            int d = c.direction() == Direction.IN ? 0 : 1;
            if (c.counting() == Counting.COUNTED) {
                Map<String, int[]> year = counted.computeIfAbsent(c.year(), y -> new TreeMap<>());
                year.computeIfAbsent(TOTAL, k -> new int[2])[d]++;
                year.computeIfAbsent(c.counterpart(), k -> new int[2])[d]++;
            } else if (c.counting() == Counting.PIPELINE) {
                pipeline[d]++;
            }
        }
        Map<String, IndicatorValue> values = new HashMap<>();
        for (IndicatorValue v : valuesOf(context, OUTSOURCING_RELOCATED_IN, OUTSOURCING_RELOCATED_OUT,
                OUTSOURCING_RELOCATED_NET, OUTSOURCING_PIPELINE_JOBS)) {
            if (v.geo().equals(MOROCCO)) {
                values.put(v.key(), v);
                String country = v.breakdown().pairs().isEmpty() ? null : v.breakdown().pairs().get(0).value();
                if (v.indicator() != OUTSOURCING_PIPELINE_JOBS && v.breakdown().pairs().size() == 1
                        && v.period().granularity() == Period.Granularity.YEAR) {
                    // A published figure with no event behind it still gets its row.
                    counted.computeIfAbsent(v.period().year(), y -> new TreeMap<>())
                            .computeIfAbsent(country, k -> new int[2]);
                }
            }
        }
        List<List<CellValue>> rows = new ArrayList<>();
        for (var year : counted.entrySet()) {
            Period period = Period.year(year.getKey());
            List<String> countries = new ArrayList<>(year.getValue().keySet());
            countries.remove(TOTAL);
            countries.add(0, TOTAL);
            for (String country : countries) {
                int[] n = year.getValue().getOrDefault(country, new int[2]);
                List<CellValue> row = new ArrayList<>();
                // a year the range cuts counts its months in the range only: "2025 (to 2025-06)"
                row.add(CellValue.text(periodSaid(m, period, context.run().range())));
                row.add(CellValue.text(TOTAL.equals(country) ? m.get("outsourcing.counterpart.total")
                        : country(m, country)));
                row.add(jobs(values, OUTSOURCING_RELOCATED_IN, period, "origin_country", country, n[0]));
                row.add(jobs(values, OUTSOURCING_RELOCATED_OUT, period, "destination_country", country, n[1]));
                IndicatorValue net = values.get(key(OUTSOURCING_RELOCATED_NET, period, "counterpart_country", country));
                row.add(CellValue.number(net == null ? null : net.value()));
                row.add(CellValue.number((long) n[0] + n[1]));
                rows.add(row);
            }
        }
        List<ReportColumn> cols = List.of(text(m.get("outsourcing.col.year")),
                text(m.get("outsourcing.col.counterpart")),
                new ReportColumn(m.get("outsourcing.col.jobs_in"), NumberStyle.INTEGER),
                new ReportColumn(m.get("outsourcing.col.jobs_out"), NumberStyle.INTEGER),
                new ReportColumn(m.get("outsourcing.col.jobs_net"), NumberStyle.INTEGER),
                new ReportColumn(m.get("outsourcing.col.events"), NumberStyle.INTEGER));
        Period end = Period.year(context.run().range().lastMonth().getYear());
        NumberFormat format = NumberFormat.getIntegerInstance(m.language().equals("en") ? Locale.ENGLISH
                : Locale.FRENCH);
        return new ReportSheet(m.get("sheet.outsourcing.relocations_by_year"),
                m.get("outsourcing.relocations_by_year.title"),
                List.of(m.get("outsourcing.relocations_by_year.intro"),
                        m.get("outsourcing.relocations_by_year.pipeline", m.periods().end(context.run().range()),
                                pipelineJobs(values, end, "in", pipeline[0], format), pipeline[0],
                                pipelineJobs(values, end, "out", pipeline[1], format), pipeline[1],
                                jobsWord(m, values, end, "in"), jobsWord(m, values, end, "out"))),
                new ReportTable("RelocationsByYear", cols, rows));
    }

    /** Jobs moved one way: 0 when no event went that way, [x] when one did without a published number. */
    private static CellValue jobs(Map<String, IndicatorValue> values, Indicator id, Period year, String dim,
                                  String country, int events) {
        IndicatorValue v = values.get(key(id, year, dim, country));
        if (v != null) {
            return CellValue.number(v.value());
        }
        return events == 0 ? CellValue.number(0L) : CellValue.NOT_AVAILABLE;
    }

    private static String pipelineJobs(Map<String, IndicatorValue> values, Period end, String direction, int events,
                                       NumberFormat format) {
        IndicatorValue v = values.get(key(OUTSOURCING_PIPELINE_JOBS, end, "direction", direction));
        if (v != null && v.value() != null) {
            return format.format(v.value());
        }
        return events == 0 ? "0" : "[x]";
    }

    /** "job" for a single one, "jobs" otherwise (an unknown number included). */
    private static String jobsWord(Messages m, Map<String, IndicatorValue> values, Period end, String direction) {
        IndicatorValue v = values.get(key(OUTSOURCING_PIPELINE_JOBS, end, "direction", direction));
        return m.get(v != null && v.value() != null && v.value() == 1.0 ? "outsourcing.jobs.one" : "outsourcing.jobs.many");
    }

    private static String key(Indicator id, Period period, String dim, String value) {
        return new IndicatorValue(id, period, MOROCCO, Breakdown.of(dim, value), null,
                Basis.COMPUTED, null).key();
    }

    // ---- (d) regulations ----

    @Override
    public Map<String, String> codeWords(ReportContext context) {
        Map<String, String> words = new HashMap<>();
        LocalDate rangeEnd = context.run().range().lastMonth().atEndOfMonth();
        for (Regulation reg : new RegulationRepository(context.jdbc()).regulations(context.runId())) {
            // in force from a date still ahead at the range's end, since a date already passed
            String key = reg.effectiveOn().isAfter(rangeEnd) ? "outsourcing.regulation.dated"
                    : "outsourcing.regulation.dated.since";
            Messages m = context.messages();
            words.put("regulation=" + reg.id(), m.get(key, reg.id(), m.periods().date(reg.effectiveOn())));
        }
        return words;
    }

    /** A regulation's loss-rate scenarios, in the order of its file's columns. */
    private static final List<String> SCENARIOS = List.of("low", "central", "high");

    private ReportSheet exposure(ReportContext context) {
        Messages m = context.messages();
        Map<String, List<IndicatorValue>> exposed = new HashMap<>();
        Map<String, IndicatorValue> atRisk = new HashMap<>();
        for (IndicatorValue v : valuesOf(context, OUTSOURCING_JOBS_EXPOSED, OUTSOURCING_JOBS_AT_RISK)) {
            String regulation = v.breakdown().get("regulation");
            if (regulation == null) {
                continue;
            }
            if (v.indicator() == OUTSOURCING_JOBS_EXPOSED && v.breakdown().pairs().size() == 1) {
                exposed.computeIfAbsent(regulation, r -> new ArrayList<>()).add(v);
            } else if (v.indicator() == OUTSOURCING_JOBS_AT_RISK && v.breakdown().get("scenario") != null) {
                atRisk.put(v.period() + "|" + v.geo() + "|" + v.breakdown(), v);
            }
        }
        List<List<CellValue>> rows = new ArrayList<>();
        for (Regulation reg : new RegulationRepository(context.jdbc()).regulations(context.runId())) {
            List<IndicatorValue> exposures = new ArrayList<>(exposed.getOrDefault(reg.id(), List.of()));
            exposures.sort(Comparator.comparingInt((IndicatorValue v) -> context.geo().order(v.geo()))
                    .thenComparing(IndicatorValue::geo));
            List<IndicatorValue> each = exposures.isEmpty() ? Collections.singletonList(null) : exposures;
            Map<String, Double> rates = reg.lossRates();
            for (IndicatorValue exposure : each) {
                // every scenario once one is given: a rate the source leaves out is said so, [x],
                // not a row that is missing (the French law's central case has none published)
                List<String> scenarios = rates.isEmpty() ? Collections.singletonList(null) : SCENARIOS;
                for (String scenario : scenarios) {
                    // The figures come right after what names the row, read as their formula
                    // (exposed × loss rate = at risk); what they were taken from comes after: on a
                    // printed page the repeated labels left room for the slice's words only.
                    List<CellValue> row = new ArrayList<>();
                    row.add(CellValue.text(reg.id()));
                    row.add(CellValue.text(reg.title()));
                    row.add(CellValue.date(reg.effectiveOn()));
                    row.add(scenario == null ? CellValue.NOT_AVAILABLE
                            : CellValue.text(m.getOr("scenario." + scenario, scenario)));
                    row.add(CellValue.number(exposure == null ? null : exposure.value()));
                    Double rate = scenario == null ? null : rates.get(scenario);
                    row.add(CellValue.number(rate == null ? null : 100.0 * rate));
                    IndicatorValue risk = exposure == null || scenario == null ? null
                            : atRisk.get(exposure.period() + "|" + exposure.geo() + "|"
                                    + Breakdown.of("regulation", reg.id(), "scenario", scenario));
                    row.add(CellValue.number(risk == null ? null : risk.value()));
                    row.add(exposure == null ? CellValue.NOT_AVAILABLE : CellValue.text(exposure.geo()));
                    row.add(exposure == null ? CellValue.NOT_AVAILABLE : CellValue.text(exposure.period().toString()));
                    row.add(CellValue.text(slice(m, reg)));
                    row.add(exposure == null ? CellValue.NOT_AVAILABLE : CellValue.text(exposure.source()));
                    row.add(CellValue.text(reg.source()));
                    rows.add(row);
                }
            }
        }
        List<ReportColumn> cols = List.of(text(m.get("outsourcing.col.regulation")),
                ReportColumn.wrapped(m.get("outsourcing.col.title"), EXPOSURE_TITLE_CHARS),
                new ReportColumn(m.get("outsourcing.col.regulation_effective_on"), NumberStyle.DATE),
                text(m.get("outsourcing.col.scenario")),
                new ReportColumn(m.get("outsourcing.col.jobs_exposed"), NumberStyle.INTEGER),
                new ReportColumn(m.get("outsourcing.col.loss_rate"), NumberStyle.DECIMAL),
                new ReportColumn(m.get("outsourcing.col.jobs_at_risk"), NumberStyle.INTEGER),
                text(m.get("outsourcing.col.jobs_country")), text(m.get("outsourcing.col.jobs_period")),
                ReportColumn.wrapped(m.get("outsourcing.col.slice"), EXPOSURE_SLICE_CHARS),
                paragraph(m.get("outsourcing.col.jobs_source")), paragraph(m.get("outsourcing.col.rate_source")));
        return new ReportSheet(m.get("sheet.outsourcing.exposure"), m.get("outsourcing.exposure.title"),
                List.of(m.get("outsourcing.exposure.intro")), new ReportTable("RegulationExposure", cols, rows));
    }

    /** The jobs a regulation applies to, in words: "CRM (call centres), all client countries, all activities". */
    private static String slice(Messages m, Regulation reg) {
        return m.getOr("segment." + reg.segment().code(), reg.segment().code()) + ", "
                + m.getOr("client_country." + reg.clientCountry(), reg.clientCountry()) + ", "
                + m.getOr("activity." + reg.activity().code(), reg.activity().code());
    }

    private static ReportColumn text(String heading) {
        return new ReportColumn(heading, NumberStyle.TEXT);
    }

    private static ReportColumn paragraph(String heading) {
        return new ReportColumn(heading, NumberStyle.PARAGRAPH);
    }

    /** The values of a few indicators, one indicator after the other, each in the report's order. */
    private static List<IndicatorValue> valuesOf(ReportContext context, Indicator... indicators) {
        List<IndicatorValue> values = new ArrayList<>();
        for (Indicator indicator : indicators) {
            values.addAll(context.values(indicator));
        }
        return values;
    }
}

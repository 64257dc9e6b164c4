package ma.observatory.report;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ma.observatory.csv.Reason;
import ma.observatory.cube.Breakdown;
import ma.observatory.geo.GeoReference;
import ma.observatory.geo.PlaceRepository;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorRepository;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.indicator.Reconciler;
import ma.observatory.indicator.Reconciliation;
import ma.observatory.indicator.Unit;
import ma.observatory.job.RunParameters;
import ma.observatory.period.MachineTime;
import ma.observatory.period.Period;

/**
 * Builds the report model of a run from what the earlier steps stored: the layout of the workbook
 * lives here, the POI details in {@link XlsxRenderer}.
 */
@Component
public class ReportBuilder {

    /** The country the headlines are about. */
    private static final String COUNTRY = "MA";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JdbcTemplate jdbc;
    private final IndicatorRepository indicators;
    private final PlaceRepository places;
    private final List<DomainSheets> domainSheets;
    /** The zone the reader lives in ({@code --zone}): the machine's clock may run on another. */
    private final ZoneId zone;
    private final String database;

    public ReportBuilder(JdbcTemplate jdbc, IndicatorRepository indicators, PlaceRepository places,
                         List<DomainSheets> domainSheets, @Value("${observatory.zone}") String zone,
                         @Value("${observatory.db}") String database) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.places = places;
        this.domainSheets = domainSheets;
        this.zone = ZoneId.of(zone);
        this.database = database;
    }

    /** A time of this machine's clock (as Spring Batch records it) in the reader's zone, named. */
    private String stamp(LocalDateTime machineTime) {
        return STAMP.format(MachineTime.inZone(machineTime, zone)) + " (" + zone + ")";
    }

    public ReportWorkbook build(org.springframework.batch.core.job.JobExecution execution, RunParameters run) {
        long runId = execution.getJobInstanceId();
        Messages m = new Messages(run.language());
        GeoReference geo = places.load(runId, run.geoLevels());
        List<IndicatorValue> values = inTableOrder(indicators.values(runId), geo);

        ReportContext context = new ReportContext(runId, run, m, geo, values, jdbc);
        List<ReportSheet> body = new ArrayList<>();
        Map<String, String> codeWords = new HashMap<>();
        for (String domain : RunParameters.ALL_DOMAINS) {
            for (DomainSheets sheets : domainSheets) {
                if (sheets.domain().equals(domain) && run.runs(domain)) {
                    body.addAll(sheets.sheets(context));
                    codeWords.putAll(sheets.codeWords(context));
                }
            }
        }
        context.useCodeWords(codeWords);
        List<Reconciliation> reconciliations = indicators.reconciliations(runId);
        context.useFlaggedAgainstPublication(reconciliations.stream().filter(ReportBuilder::differs)
                .map(Reconciliation::key).collect(Collectors.toSet()));
        body.add(dataSheet(m, values));
        body.add(qualitySheet(context, runId, reconciliations));
        body.add(filesSheet(m, runId));
        body.add(aboutSheet(m, execution, run));

        ReportSheet notes = notesSheet(m, run);
        List<ReportSheet> sheets = new ArrayList<>();
        ReportSheet cover = coverSheet(m, execution, run, runId, values);
        sheets.add(cover);
        List<ReportSheet> listed = new ArrayList<>();
        listed.add(SummarySheet.build(context, COUNTRY));
        listed.add(ChangesSheet.build(context, indicators, zone));
        listed.add(notes);
        listed.addAll(body);
        // the Cover too: its legend of [x] and [z], which other sheets send the reader to
        List<ReportSheet> linked = new ArrayList<>(List.of(cover));
        linked.addAll(listed);
        sheets.add(contentsSheet(m, linked));
        sheets.addAll(listed);
        // Pinned to the range's end so that the same inputs give the same file properties.
        var created = run.range().lastMonth().atEndOfMonth().atStartOfDay(ZoneId.of("UTC")).toInstant();
        return new ReportWorkbook(title(m, run), run.language(), created, sheets);
    }

    /**
     * The values in the order of the Indicators table: indicator (catalogue order), period, place
     * (reference order), breakdown. Each value gets one number made of the ranks of the four and
     * of its position, and those numbers are sorted as plain longs: with a comparator per field,
     * sorting a million values spent a second spelling out breakdowns. A period's rank is its
     * {@link Period#orderNumber()}; places and breakdowns are looked up only when they differ from
     * the value before's, as values come series by series.
     */
    static List<IndicatorValue> inTableOrder(List<IndicatorValue> values, GeoReference geo) {
        int firstPeriod = Integer.MAX_VALUE;
        int lastPeriod = Integer.MIN_VALUE;
        Set<String> placeSet = new HashSet<>();
        Set<Breakdown> breakdownSet = new HashSet<>();
        String previousPlace = null;
        Breakdown previousBreakdown = null;
        for (IndicatorValue v : values) {
            int p = v.period().orderNumber();
            firstPeriod = Math.min(firstPeriod, p);
            lastPeriod = Math.max(lastPeriod, p);
            if (v.geo() != previousPlace) {
                previousPlace = v.geo();
                placeSet.add(previousPlace);
            }
            if (v.breakdown() != previousBreakdown) {
                previousBreakdown = v.breakdown();
                breakdownSet.add(previousBreakdown);
            }
        }
        Map<String, Integer> places = ranks(placeSet,
                Comparator.comparingInt(geo::order).thenComparing(Comparator.naturalOrder()));
        Map<Breakdown, Integer> breakdowns = ranks(breakdownSet, Comparator.comparing(Breakdown::toString));
        int indicatorBits = bits(Indicator.values().length);
        int periodBits = bits(values.isEmpty() ? 1 : lastPeriod - firstPeriod + 1);
        int placeBits = bits(places.size());
        int breakdownBits = bits(breakdowns.size());
        int positionBits = bits(values.size());
        if (indicatorBits + periodBits + placeBits + breakdownBits + positionBits > Long.SIZE - 1) {
            List<IndicatorValue> sorted = new ArrayList<>(values);
            sorted.sort(Comparator.comparing((IndicatorValue v) -> v.indicator().ordinal())
                    .thenComparing(IndicatorValue::period).thenComparing(v -> places.get(v.geo()))
                    .thenComparing(v -> breakdowns.get(v.breakdown())));
            return sorted;
        }
        long[] keys = new long[values.size()];
        String place = null;
        int placeRank = 0;
        Breakdown breakdown = null;
        int breakdownRank = 0;
        for (int i = 0; i < keys.length; i++) {
            IndicatorValue v = values.get(i);
            if (v.geo() != place) {
                place = v.geo();
                placeRank = places.get(place);
            }
            if (v.breakdown() != breakdown) {
                breakdown = v.breakdown();
                breakdownRank = breakdowns.get(breakdown);
            }
            long key = v.indicator().ordinal();
            key = key << periodBits | (v.period().orderNumber() - firstPeriod);
            key = key << placeBits | placeRank;
            key = key << breakdownBits | breakdownRank;
            keys[i] = key << positionBits | i;
        }
        Arrays.sort(keys);
        long positionMask = (1L << positionBits) - 1;
        List<IndicatorValue> sorted = new ArrayList<>(values.size());
        for (long key : keys) {
            sorted.add(values.get((int) (key & positionMask)));
        }
        return sorted;
    }

    /** Bits needed to number {@code count} things from 0. */
    private static int bits(int count) {
        return Math.max(1, Integer.SIZE - Integer.numberOfLeadingZeros(Math.max(0, count - 1)));
    }

    /** Each of the distinct things, numbered in the given order. */
    static <K> Map<K, Integer> ranks(Set<K> distinct, Comparator<? super K> order) {
        List<K> sorted = new ArrayList<>(distinct);
        sorted.sort(order);
        Map<K, Integer> ranks = new HashMap<>(sorted.size() * 2);
        for (int i = 0; i < sorted.size(); i++) {
            ranks.put(sorted.get(i), i);
        }
        return ranks;
    }

    private ReportSheet coverSheet(Messages m, org.springframework.batch.core.job.JobExecution execution,
                                   RunParameters run, long runId, List<IndicatorValue> values) {
        List<String> files = jdbc.queryForList("SELECT file FROM input_file WHERE run_id = ? AND present ORDER BY file",
                String.class, runId);
        LocalDateTime started = execution.getStartTime() == null ? LocalDateTime.now() : execution.getStartTime();
        List<String> lines = List.of(
                m.get("cover.period", m.periods().range(run.range())),
                latestFigures(m, run, values),
                m.get("cover.made", m.periods().moment(started, zone)),
                contents(m, run),
                m.get("cover.files", String.join(", ", files)),
                m.get("cover.sources"),
                m.get("cover.shorthand.x"),
                m.get("cover.shorthand.z"),
                m.get("cover.basis"),
                m.get("cover.units"));
        return new ReportSheet(m.get("sheet.cover"), title(m, run), lines, null);
    }

    /** Counts of relocation events, dated by the events: one move in 2026 is no 2026 statistic. */
    private static final Set<Indicator> EVENTS = java.util.EnumSet.of(Indicator.OUTSOURCING_RELOCATED_IN,
            Indicator.OUTSOURCING_RELOCATED_OUT, Indicator.OUTSOURCING_RELOCATED_NET,
            Indicator.OUTSOURCING_RELOCATION_EVENTS, Indicator.OUTSOURCING_PIPELINE_JOBS);

    /**
     * Where each domain's statistics end: a range to 2026-12 says nothing of data that stop in
     * 2025, and the reader should not have to find it out sheet by sheet. Relocations are events,
     * not series that end; pipeline jobs are dated with the range's last year for want of a date.
     */
    static String latestFigures(Messages m, RunParameters run, List<IndicatorValue> values) {
        // Each indicator's latest first, by month numbers: this looks at every value of a run (800,000
        // at 2 million input rows), and a domain cut from each id and two dates made for each
        // comparison stood out in profiles of the report step.
        Map<Indicator, Period> latestOfEach = new EnumMap<>(Indicator.class);
        for (IndicatorValue v : values) {
            // jobs exposed to a regulation are dated at the period before it, which may precede the range
            if (v.value() != null && !EVENTS.contains(v.indicator()) && run.range().contains(v.period())) {
                Period before = latestOfEach.get(v.indicator());
                if (before == null || isLater(v.period(), before)) {
                    latestOfEach.put(v.indicator(), v.period());
                }
            }
        }
        Map<String, Period> latest = new HashMap<>();
        latestOfEach.forEach((indicator, p) -> latest.merge(indicator.domain(), p, (a, b) -> isLater(b, a) ? b : a));
        List<String> parts = new ArrayList<>();
        for (String domain : RunParameters.ALL_DOMAINS) {
            if (run.runs(domain)) {
                Period p = latest.get(domain);
                parts.add(p == null ? m.get("cover.latest.none", m.get("domain." + domain))
                        : m.get("cover.latest.domain", m.get("domain." + domain), m.periods().period(p)));
            }
        }
        return m.get("cover.latest", String.join(m.get("list.separator"), parts), m.periods().end(run.range()));
    }

    /** Whether {@code p} ends after {@code q}; of two ending together, the longer: 2025 rather than 2025-12. */
    private static boolean isLater(Period p, Period q) {
        int c = Integer.compare(p.lastMonthNumber(), q.lastMonthNumber());
        return c != 0 ? c > 0 : p.granularity().months() > q.granularity().months();
    }

    private ReportSheet contentsSheet(Messages m, List<ReportSheet> listed) {
        List<List<CellValue>> rows = new ArrayList<>();
        for (ReportSheet s : listed) {
            rows.add(List.of(new CellValue.SheetLink(s.name(), s.name()), CellValue.text(s.title())));
        }
        return new ReportSheet(m.get("sheet.contents"), m.get("contents.title"), List.of(m.get("contents.intro")),
                new ReportTable("Contents", List.of(
                        new ReportColumn(m.get("contents.sheet"), NumberStyle.TEXT),
                        new ReportColumn(m.get("contents.holds"), NumberStyle.TEXT)), rows));
    }

    /** The report's title, naming the domains this run covers ({@code --only}). */
    private static String title(Messages m, RunParameters run) {
        List<String> domains = RunParameters.ALL_DOMAINS.stream().filter(run::runs).toList();
        if (domains.size() == RunParameters.ALL_DOMAINS.size()) {
            return m.get("report.title");
        }
        List<String> words = domains.stream().map(d -> m.get("domain." + d)).toList();
        return m.get("report.title.domains", words.size() == 1 ? words.get(0)
                : m.get("list.pair", words.get(0), words.get(1)));
    }

    /** What is inside, saying only the sheets of the domains this run covers. */
    private static String contents(Messages m, RunParameters run) {
        List<String> parts = new ArrayList<>();
        parts.add(m.get("cover.contents.summary"));
        for (String domain : RunParameters.ALL_DOMAINS) {
            if (run.runs(domain)) {
                parts.add(m.get("cover.contents." + domain));
            }
        }
        parts.add(m.get("cover.contents.data"));
        return String.join(m.get("list.separator"), parts) + ".";
    }

    /** The Notes' label and files columns wrap at these widths (see {@link #notesSheet}). */
    private static final int NOTES_LABEL_CHARS = 28;
    private static final int NOTES_FILES_CHARS = 36; // "employment/employment_by_sector.csv" on one line

    private ReportSheet notesSheet(Messages m, RunParameters run) {
        List<List<CellValue>> rows = new ArrayList<>();
        int n = 1;
        for (String key : List.of("note.basis", "note.ratios", "note.published", "note.oldbase")) {
            rows.add(List.of(CellValue.text("[note " + n++ + "]"), CellValue.NOT_APPLICABLE, CellValue.NOT_APPLICABLE,
                    CellValue.NOT_APPLICABLE, CellValue.text(m.get(key)), CellValue.NOT_APPLICABLE));
        }
        for (Indicator i : Indicator.values()) {
            if (!run.runs(i.domain())) {
                continue;
            }
            rows.add(List.of(CellValue.text("[note " + n++ + "]"), CellValue.text(i.id()),
                    CellValue.text(WideTables.label(m, i)), CellValue.text(m.unit(i.unit())),
                    CellValue.text(m.get("indicator." + i.id() + ".definition")),
                    CellValue.text(String.join(", ", i.files()))));
        }
        return new ReportSheet(m.get("sheet.notes"), m.get("notes.title"),
                List.of(m.get("notes.intro"), m.get("intro.shorthand")),
                // The label and the files wrap: at full width (56 and 62 characters in French) the
                // table was too wide for a page, which printed the columns naming a note beside the
                // definitions on one page and beside the files on another, and LibreOffice put a
                // page of names alone before each. Wrapped, it fits the page's width.
                new ReportTable("Notes", List.of(
                        new ReportColumn(m.get("notes.note"), NumberStyle.TEXT),
                        new ReportColumn(m.get("notes.id"), NumberStyle.TEXT),
                        ReportColumn.wrapped(m.get("notes.label"), NOTES_LABEL_CHARS),
                        new ReportColumn(m.get("notes.unit"), NumberStyle.TEXT),
                        new ReportColumn(m.get("notes.definition"), NumberStyle.PARAGRAPH),
                        ReportColumn.wrapped(m.get("notes.files"), NOTES_FILES_CHARS)), rows));
    }

    /**
     * Whole things (persons, events, nights, the 1-or-0 flag) without decimals; the rest with up to
     * three, enough to recompute from (the cell holds every digit).
     */
    static NumberStyle dataStyle(Unit unit) {
        return switch (unit) {
            case PERSONS, COUNT, NIGHTS, FLAG -> NumberStyle.INTEGER;
            default -> NumberStyle.PRECISE;
        };
    }

    private ReportSheet dataSheet(Messages m, List<IndicatorValue> values) {
        // Rows are made as the renderer streams them: hundreds of thousands of values never sit
        // in memory a second time as cells. The few hundred distinct periods and breakdowns are
        // spelled out once, not once per value.
        Map<Object, CellValue> texts = new HashMap<>();
        Iterable<List<CellValue>> rows = () -> values.stream().map(v -> List.of(
                CellValue.text(v.indicator().id()),
                texts.computeIfAbsent(v.period(), p -> CellValue.text(p.toString())),
                CellValue.text(v.geo()),
                texts.computeIfAbsent(v.breakdown(), b -> CellValue.text(b.toString())),
                v.value() == null ? CellValue.GAP : CellValue.number(v.value(), dataStyle(v.unit())),
                // no figure, no basis: "computed" beside an empty value read as a computed nothing
                CellValue.text(v.unit().text()), v.value() == null ? CellValue.NOT_APPLICABLE
                        : CellValue.text(v.basis().code()),
                CellValue.text(v.source()))).iterator();
        // The Indicators table keeps English headers whatever the language: formulas and scripts use them.
        List<ReportColumn> cols = new ArrayList<>();
        for (String h : List.of("indicator", "period", "geo", "breakdown", "value", "unit", "basis", "source")) {
            cols.add(new ReportColumn(h, h.equals("value") ? NumberStyle.PRECISE : NumberStyle.TEXT));
        }
        return new ReportSheet(m.get("sheet.data"), m.get("data.title"),
                List.of(m.get("data.intro"), m.get("intro.shorthand")),
                new ReportTable("Indicators", cols, rows,
                        new ReportTable.Overflow(values.size(), m.get("data.overflow"))));
    }

    /** Data quality's two columns saying what a row is about, wrapped at these widths. */
    private static final int QUALITY_KIND_CHARS = 24;
    private static final int QUALITY_REASON_CHARS = 50;

    /** A flag the publication's rounding cannot explain. */
    private static boolean differs(Reconciliation r) {
        return r.flagged()
                && !Reconciler.withinPublishedRounding(r.indicator().unit(), r.computed(), r.published(), r.decimals());
    }

    private ReportSheet qualitySheet(ReportContext context, long runId, List<Reconciliation> reconciliations) {
        Messages m = context.messages();
        List<List<CellValue>> checks = new ArrayList<>();
        boolean publishedDecimalComma = Boolean.TRUE.equals(jdbc.query("SELECT decimal_comma FROM input_file"
                + " WHERE run_id = ? AND file = 'published.csv'", rs -> rs.next() ? rs.getObject(1) : null, runId));
        for (Reconciliation r : reconciliations) {
            // a flag that the publication's rounding may explain, which the reader must weigh
            boolean withinRounding = r.flagged() && Reconciler.withinPublishedRounding(r.indicator().unit(),
                    r.computed(), r.published(), r.decimals());
            String kind = (!r.flagged() ? "quality.matches"
                    : withinRounding ? "quality.differs.rounding" : "quality.differs")
                    + (r.indicator().publishedPrevails() ? ".shown" : "");
            checks.add(List.of(CellValue.text(m.get(kind)), CellValue.text(figure(context, r)),
                    CellValue.text("published.csv"), CellValue.number(r.line()), CellValue.text("value"),
                    CellValue.text(asWritten(r.published(), r.decimals(), publishedDecimalComma)),
                    CellValue.text(m.unit(r.indicator().unit())),
                    // whole things without decimals, as on the Data sheet: 2,140,540, not 2,140,540.0
                    CellValue.number(r.computed(), dataStyle(r.indicator().unit())),
                    CellValue.number(r.published(), publishedStyle(r)),
                    CellValue.number(r.difference(), dataStyle(r.indicator().unit())), relativeDifference(r)));
        }
        long problems = jdbc.queryForObject("SELECT COUNT(*) FROM row_problem WHERE run_id = ?", Long.class, runId);
        // Read from the database as the sheet is written: with --max-reject-rate=1, a file of a
        // million bad rows lists them all, which held in memory took gigabytes.
        Iterable<List<CellValue>> rows = () -> {
            var listed = jdbc.queryForStream("SELECT kind, file, line, col, val, reason, reason_key, reason_args"
                    + " FROM row_problem WHERE run_id = ?"
                    + " ORDER BY CASE kind WHEN 'rejected' THEN 0 ELSE 1 END, file, line, col, reason",
                    (rs, i) -> List.of(CellValue.text(m.get("quality." + rs.getString(1))),
                            CellValue.text(reason(m, rs.getString(6), rs.getString(7), rs.getArray(8))),
                            CellValue.text(rs.getString(2)),
                            rs.getLong(3) == 0 ? CellValue.NOT_APPLICABLE : CellValue.number(rs.getLong(3)),
                            CellValue.text(rs.getString(4)), CellValue.text(rs.getString(5)),
                            CellValue.NOT_APPLICABLE, CellValue.NOT_APPLICABLE, CellValue.NOT_APPLICABLE,
                            CellValue.NOT_APPLICABLE, CellValue.NOT_APPLICABLE), runId);
            return closedWhenDone(java.util.stream.Stream.concat(listed, checks.stream()));
        };
        // What a row is about first: a printed page too narrow for the table repeats these two
        // beside the figures, which without them say nothing; narrow, to leave the figures room
        List<ReportColumn> cols = List.of(
                ReportColumn.wrapped(m.get("quality.kind"), QUALITY_KIND_CHARS),
                ReportColumn.wrapped(m.get("quality.reason"), QUALITY_REASON_CHARS),
                new ReportColumn(m.get("quality.file"), NumberStyle.TEXT),
                new ReportColumn(m.get("quality.line"), NumberStyle.INTEGER),
                new ReportColumn(m.get("quality.column"), NumberStyle.TEXT),
                new ReportColumn(m.get("quality.value"), NumberStyle.TEXT),
                new ReportColumn(m.get("quality.unit"), NumberStyle.TEXT),
                new ReportColumn(m.get("quality.computed"), NumberStyle.PRECISE),
                new ReportColumn(m.get("quality.published"), NumberStyle.PRECISE),
                new ReportColumn(m.get("quality.difference"), NumberStyle.PRECISE),
                new ReportColumn(m.get("quality.difference.relative"), NumberStyle.PRECISE));
        return new ReportSheet(m.get("sheet.quality"), m.get("quality.title"),
                List.of(m.get("quality.intro"), m.get("intro.shorthand")),
                // with --max-reject-rate=1 a file of millions of bad rows lists them all: past a
                // sheet's rows they go to a CSV beside the workbook, as the Data sheet's do
                new ReportTable("DataQuality", cols, rows,
                        new ReportTable.Overflow(problems + checks.size(), m.get("data.overflow")))
                        .sizedAlsoBy(checks));
    }

    /** A published figure with the decimals it was typed with, as the Value column beside it gives it. */
    private static NumberStyle publishedStyle(Reconciliation r) {
        return switch (r.decimals()) {
            case 0 -> NumberStyle.INTEGER;
            case 1 -> NumberStyle.DECIMAL;
            default -> dataStyle(r.indicator().unit());
        };
    }

    /**
     * A level's difference in % of the published figure, the measure its flag is set by (0.5 %):
     * 20,000 jobs tell nothing until set against 120,000. A rate's difference is already in points.
     */
    private static CellValue relativeDifference(Reconciliation r) {
        if (r.indicator().unit().isRate() || r.published() == 0) {
            return CellValue.NOT_APPLICABLE;
        }
        return CellValue.number(100 * r.difference() / Math.abs(r.published()));
    }

    /** The stream's rows, its cursor closed once the last is read. */
    private static <T> java.util.Iterator<T> closedWhenDone(java.util.stream.Stream<T> stream) {
        java.util.Iterator<T> rows = stream.iterator();
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more) {
                    stream.close();
                }
                return more;
            }

            @Override
            public T next() {
                return rows.next();
            }
        };
    }

    /**
     * A problem's reason in the workbook's language; in English as stored for a run recorded before
     * reasons had keys.
     */
    private static String reason(Messages m, String english, String key, Array args) throws SQLException {
        if (key == null) {
            return english;
        }
        List<String> texts = new ArrayList<>();
        if (args != null) {
            for (Object a : (Object[]) args.getArray()) {
                texts.add((String) a);
            }
        }
        return new Reason(key, texts).text(m.locale());
    }

    /**
     * The figure a check is about, as a reader says it, then as the Data sheet codes it (to find
     * it there): "Taux de chômage, 2024, Maroc, urbain (employment.unemployment_rate, MA, area=urban, …)".
     */
    private static String figure(ReportContext context, Reconciliation r) {
        Messages m = context.messages();
        String words = SummarySheet.inWords(context, r.breakdown()) instanceof CellValue.Text t ? ", " + t.text() : "";
        return WideTables.label(m, r.indicator()) + ", " + r.period() + ", " + context.placeName(r.geo()) + words
                + " (" + r.indicator().id() + ", " + r.geo()
                + (r.breakdown().pairs().isEmpty() ? "" : ", " + r.breakdown()) + ")";
    }

    /**
     * A published figure as its file gives it: 17400000 and 43.6, not 1.74E7 and 120000.0; its
     * decimals included ("14" may be the rounding of 13.79, "14.0" not: the two must not look
     * alike), with the file's decimal separator.
     *
     * @param decimals as typed, or negative when not known (a figure staged by an earlier version)
     */
    static String asWritten(double value, int decimals, boolean decimalComma) {
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(value);
        String text = decimals < 0 ? exact.stripTrailingZeros().toPlainString()
                : exact.setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
        return decimalComma ? text.replace('.', ',') : text;
    }

    /**
     * A file's format wraps at this width: "UTF-8 avec BOM, séparateur « ; », virgule décimale" on
     * one line took the Input files sheet past a printed page's width.
     */
    private static final int FORMAT_WRAP_CHARS = 28;

    private ReportSheet filesSheet(Messages m, long runId) {
        List<List<CellValue>> rows = new ArrayList<>();
        jdbc.query("SELECT file, present, dialect, sha256, rows_read, rows_rejected, rows_outside, charset, bom,"
                + " separator, decimal_comma, modified_ns FROM input_file WHERE run_id = ? ORDER BY file", rs -> {
                    boolean present = rs.getBoolean(2);
                    long read = rs.getLong(5);
                    long rejected = rs.getLong(6);
                    long outside = rs.getLong(7);
                    rows.add(List.of(CellValue.text(rs.getString(1)),
                            CellValue.text(m.get(present ? "files.present" : "files.absent")),
                            present ? CellValue.text(format(m, rs.getString(3), rs.getString(8), rs.getBoolean(9),
                                    rs.getString(10), rs.getBoolean(11))) : CellValue.NOT_APPLICABLE,
                            !present ? CellValue.NOT_APPLICABLE : rs.getObject(12) == null ? CellValue.NOT_AVAILABLE
                                    : CellValue.dateTime(modified(rs.getLong(12))),
                            present ? CellValue.text(rs.getString(4)) : CellValue.NOT_APPLICABLE,
                            present ? CellValue.number(read) : CellValue.NOT_APPLICABLE,
                            present ? CellValue.number(read - rejected - outside) : CellValue.NOT_APPLICABLE,
                            present ? CellValue.number(rejected) : CellValue.NOT_APPLICABLE,
                            present ? CellValue.number(outside) : CellValue.NOT_APPLICABLE));
                }, runId);
        List<ReportColumn> cols = List.of(
                new ReportColumn(m.get("files.file"), NumberStyle.TEXT),
                new ReportColumn(m.get("files.state"), NumberStyle.TEXT),
                ReportColumn.wrapped(m.get("files.dialect"), FORMAT_WRAP_CHARS),
                new ReportColumn(m.get("files.modified", zone.getId()), NumberStyle.DATE_TIME),
                new ReportColumn("SHA-256", NumberStyle.TEXT),
                new ReportColumn(m.get("files.read"), NumberStyle.INTEGER),
                new ReportColumn(m.get("files.kept"), NumberStyle.INTEGER),
                new ReportColumn(m.get("files.rejected"), NumberStyle.INTEGER),
                new ReportColumn(m.get("files.outside"), NumberStyle.INTEGER));
        return new ReportSheet(m.get("sheet.files"), m.get("files.title"), List.of(m.get("files.intro")),
                new ReportTable("InputFiles", cols, rows));
    }

    /**
     * When the file was last changed, as the run found it: which delivery of a file a workbook was
     * made from, when a figure looks off. (A run recorded before the time was kept has {@code [x]}.)
     */
    private LocalDateTime modified(long epochNanos) {
        return java.time.Instant.EPOCH.plusNanos(epochNanos).atZone(zone).toLocalDateTime();
    }

    /**
     * A file's format in the workbook's language; in English as stored for a run recorded before
     * the format had its parts.
     */
    private static String format(Messages m, String english, String charset, boolean bom, String separator,
                                 boolean decimalComma) {
        if (charset == null) {
            return english;
        }
        return m.get(bom ? "files.format.bom" : "files.format", charset, separator)
                + (decimalComma ? m.get("files.format.decimal-comma") : "");
    }

    private ReportSheet aboutSheet(Messages m, org.springframework.batch.core.job.JobExecution execution,
                                   RunParameters run) {
        Map<String, String> items = new LinkedHashMap<>();
        items.put(m.get("about.run"), Long.toString(execution.getJobInstanceId()));
        items.put(m.get("about.execution"), Long.toString(execution.getId()));
        items.put(m.get("about.started"), execution.getStartTime() == null ? "" : stamp(execution.getStartTime()));
        items.put(m.get("about.written"), stamp(LocalDateTime.now()));
        items.put("--from", run.range().from().toString());
        items.put("--to", run.range().to().toString());
        items.put("--input-dir", run.inputDir().toString());
        items.put("--output-dir", run.outputDir().toString());
        items.put("--lang", run.language());
        items.put("--only", String.join(",", RunParameters.ALL_DOMAINS.stream().filter(run::runs).toList()));
        items.put("--max-reject-rate", Double.toString(run.maxRejectRate()));
        items.put("--geo-levels", String.join(",", run.geoLevels().stream().sorted().toList()));
        items.put("--zone", zone.getId());
        items.put("--db", database);
        String version = ReportBuilder.class.getPackage().getImplementationVersion();
        items.put(m.get("about.version"), version == null ? m.get("about.version.development") : version);
        List<List<CellValue>> rows = new ArrayList<>();
        items.forEach((k, v) -> rows.add(List.of(CellValue.text(k), CellValue.text(v))));
        return new ReportSheet(m.get("sheet.about"), m.get("about.title"), List.of(m.get("about.intro")),
                new ReportTable("AboutThisRun", List.of(new ReportColumn(m.get("about.item"), NumberStyle.TEXT),
                        new ReportColumn(m.get("about.value"), NumberStyle.TEXT)), rows));
    }
}

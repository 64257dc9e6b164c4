package ma.observatory.outsourcing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.Cube;
import ma.observatory.geo.GeoReference;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.indicator.PublishedFigure;
import ma.observatory.indicator.Ratios;
import ma.observatory.indicator.Reconciler;
import ma.observatory.indicator.Reconciliation;
import ma.observatory.indicator.SourceText;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

import static ma.observatory.indicator.Indicator.*;

/**
 * The outsourcing indicators: jobs of the sector and their change over a year; the jobs that
 * relocation events moved into and out of Morocco; the jobs each regulation exposes and puts at
 * risk. Every geo code is a country (ISO alpha-2). A job count that a source does not give is
 * never read as 0: a sum that needs it is not available.
 */
public final class OutsourcingIndicators {

    /** The country whose relocations are counted. */
    public static final String MOROCCO = "MA";
    public static final String TOTAL = "total";

    private static final Set<Indicator> CHANGES = Set.of(OUTSOURCING_JOBS_CHANGE, OUTSOURCING_EXPORTS_CHANGE);
    private static final Set<Indicator> RELOCATIONS = Set.of(OUTSOURCING_RELOCATED_IN, OUTSOURCING_RELOCATED_OUT,
            OUTSOURCING_RELOCATED_NET, OUTSOURCING_RELOCATION_EVENTS, OUTSOURCING_PIPELINE_JOBS);
    private static final Set<Indicator> EXPOSURES = Set.of(OUTSOURCING_JOBS_EXPOSED, OUTSOURCING_JOBS_AT_RISK);

    public record Result(List<IndicatorValue> values, List<Reconciliation> checks) {
    }

    /** Whether the jobs of a relocation moved into Morocco or out of it. */
    public enum Direction {
        IN, OUT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How an event is treated by a run, in the order the reasons are checked. */
    public enum Counting {
        /** Neither side is Morocco. */
        NOT_MOROCCO,
        CANCELLED,
        /** Effective within the range's months: counted in the calendar year of effective_on. */
        COUNTED,
        /** Announced, effective after the range, or announced within it on a date not yet published. */
        PIPELINE,
        /**
         * Announced before the range and never dated since: nothing says it is still coming, so it is
         * listed but not counted as pending.
         */
        UNDATED,
        /** Effective before the range; or after it with status effective; or announced after it ended. */
        OUTSIDE_RANGE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An event as a run sees it.
     *
     * @param direction {@code null} when the event does not involve Morocco
     * @param year      the calendar year it is counted in, {@code null} unless {@link Counting#COUNTED}
     */
    public record Classified(RelocationEvent event, Counting counting, Direction direction, Integer year) {

        /** The other country of the move: where jobs came from, or where they went. */
        public String counterpart() {
            return direction == Direction.IN ? event.originCountry() : event.destinationCountry();
        }
    }

    private OutsourcingIndicators() {
    }

    /**
     * Completes the jobs cube: all segments from crm + bpo + ito + kpo when the four are given; all
     * activities from inbound + outbound + back_office when the three are given. All client
     * countries are never derived: the list of client countries is open-ended, so no set of them is
     * known to be complete.
     */
    public static void deriveSectorJobsTotals(Cube jobs) {
        jobs.deriveTotals("activity", TOTAL, all(Activity.PARTS));
        jobs.deriveTotals("segment", TOTAL, all(Segment.PARTS));
    }

    private static java.util.function.Function<Set<String>, List<String>> all(List<String> parts) {
        return present -> present.containsAll(parts) ? parts : List.of();
    }

    /**
     * Where an event stands in a run. An event is counted when it takes effect within the range's
     * months, in the calendar year of its effective_on, also when the range ends inside that year
     * (a run to 2026-10 counts an event effective 2026-01-01 in 2026). An announced event whose
     * date has come within the range is counted like an effective one.
     */
    public static Classified classify(RelocationEvent e, PeriodRange range) {
        Direction direction = MOROCCO.equals(e.destinationCountry()) ? Direction.IN
                : MOROCCO.equals(e.originCountry()) ? Direction.OUT : null;
        if (direction == null) {
            return new Classified(e, Counting.NOT_MOROCCO, null, null);
        }
        if (e.status() == RelocationStatus.CANCELLED) {
            return new Classified(e, Counting.CANCELLED, direction, null);
        }
        LocalDate first = range.firstMonth().atDay(1);
        LocalDate last = range.lastMonth().atEndOfMonth();
        LocalDate effective = e.effectiveOn();
        if (effective != null && !effective.isBefore(first) && !effective.isAfter(last)) {
            return new Classified(e, Counting.COUNTED, direction, effective.getYear());
        }
        if (e.status() == RelocationStatus.ANNOUNCED && !e.announcedOn().isAfter(last)) {
            if (effective != null && effective.isAfter(last)) {
                return new Classified(e, Counting.PIPELINE, direction, null);
            }
            if (effective == null) {
                return new Classified(e, e.announcedOn().isBefore(first) ? Counting.UNDATED : Counting.PIPELINE,
                        direction, null);
            }
        }
        return new Classified(e, Counting.OUTSIDE_RANGE, direction, null);
    }

    /**
     * @param jobs        completed cube of sector_jobs.csv (all periods up to the range's end)
     * @param events      the relocation events, in file order
     * @param regulations the regulations, in file order
     * @param published   published outsourcing figures
     */
    public static Result compute(Cube jobs, List<RelocationEvent> events, List<Regulation> regulations,
                                 List<PublishedFigure> published, PeriodRange range, GeoReference geo) {
        return compute(jobs, events, regulations, published, range, geo, SourceText.ENGLISH);
    }

    /**
     * As {@link #compute(Cube, List, List, List, PeriodRange, GeoReference)}.
     *
     * @param words the words a source adds to what the files say, in the workbook's language
     */
    public static Result compute(Cube jobs, List<RelocationEvent> events, List<Regulation> regulations,
                                 List<PublishedFigure> published, PeriodRange range, GeoReference geo,
                                 SourceText words) {
        List<PublishedFigure> publishedBase = new ArrayList<>();
        List<PublishedFigure> publishedChanges = new ArrayList<>();
        List<PublishedFigure> publishedRelocations = new ArrayList<>();
        List<PublishedFigure> publishedExposures = new ArrayList<>();
        for (PublishedFigure f : published) {
            (CHANGES.contains(f.indicator()) ? publishedChanges
                    : RELOCATIONS.contains(f.indicator()) ? publishedRelocations
                    : EXPOSURES.contains(f.indicator()) ? publishedExposures : publishedBase).add(f);
        }
        PeriodRange staged = range.withPreviousYear();

        List<IndicatorValue> levels = new ArrayList<>();
        for (Cube.Key key : jobs.keys()) {
            if (staged.contains(key.period())) {
                add(levels, OUTSOURCING_JOBS, key.period(), key.geo(), key.breakdown(), jobs.get(key, "jobs"),
                        jobs.source(key));
            }
        }
        Reconciler.Result first = Reconciler.reconcile(levels, publishedBase, staged, geo);

        // The change is taken over the completed series, so a year known only from a publication
        // still gets its change; so do exports, which only publications give, where both years are
        // published for the same segment and scope.
        Map<String, IndicatorValue> byKey = new HashMap<>();
        for (IndicatorValue v : first.values()) {
            byKey.put(v.key(), v);
        }
        List<IndicatorValue> changes = new ArrayList<>();
        for (IndicatorValue v : first.values()) {
            Indicator change = v.indicator() == OUTSOURCING_JOBS ? OUTSOURCING_JOBS_CHANGE
                    : v.indicator() == OUTSOURCING_EXPORTS ? OUTSOURCING_EXPORTS_CHANGE : null;
            if (change == null || v.value() == null) {
                continue;
            }
            IndicatorValue before = byKey.get(new IndicatorValue(v.indicator(), v.period().previousYear(), v.geo(),
                    v.breakdown(), null, Basis.COMPUTED, null).key());
            if (before != null) {
                add(changes, change, v.period(), v.geo(), v.breakdown(),
                        Ratios.percentChange(v.value(), before.value()), sourceOf(words, v, before));
            }
        }
        Reconciler.Result second = Reconciler.reconcile(changes, publishedChanges, staged, geo);
        Reconciler.Result third = Reconciler.reconcile(
                givingWayToPublished(relocations(events, range, words), publishedRelocations, range, words),
                publishedRelocations, range, geo);
        Reconciler.Result fourth = Reconciler.reconcile(exposures(jobs, regulations, words), publishedExposures, range, geo);

        List<IndicatorValue> values = new ArrayList<>();
        List<Reconciliation> checks = new ArrayList<>();
        for (Reconciler.Result r : List.of(first, second)) {
            r.values().stream().filter(v -> range.contains(v.period())).forEach(values::add);
            r.checks().stream().filter(c -> range.contains(c.period())).forEach(checks::add);
        }
        // Relocation years cut by the range's end, and exposures measured before the range, are
        // shown as they are (see classify and exposures).
        for (Reconciler.Result r : List.of(third, fourth)) {
            values.addAll(r.values());
            checks.addAll(r.checks());
        }
        return new Result(values, checks);
    }

    /** Jobs and events of one year, direction and country; jobs not available once one event lacks them. */
    private static final class Tally {
        private double jobs;
        private boolean missing;
        private int events;
        private final List<RelocationEvent> counted = new ArrayList<>();

        void add(RelocationEvent e) {
            events++;
            counted.add(e);
            if (e.jobs() == null) {
                missing = true;
            } else {
                jobs += e.jobs();
            }
        }

        /** No event is a true 0; an event whose jobs are not published makes the sum not available. */
        Double jobs() {
            return missing ? null : jobs;
        }
    }

    private static final class YearTallies {
        final Map<String, Tally> in = new TreeMap<>();
        final Map<String, Tally> out = new TreeMap<>();
        final Tally inTotal = new Tally();
        final Tally outTotal = new Tally();
    }

    static List<IndicatorValue> relocations(List<RelocationEvent> events, PeriodRange range, SourceText words) {
        Map<Integer, YearTallies> years = new TreeMap<>();
        // Every year of the range has its totals: a year with no move listed is 0 jobs moved, which
        // the Summary gives for the range's last year rather than an older year's moves as the latest.
        for (int year = range.firstMonth().getYear(); year <= range.lastMonth().getYear(); year++) {
            years.put(year, new YearTallies());
        }
        Tally pipelineIn = new Tally();
        Tally pipelineOut = new Tally();
        for (RelocationEvent e : events) {
            Classified c = classify(e, range);
            if (c.counting() == Counting.COUNTED) {
                YearTallies y = years.computeIfAbsent(c.year(), k -> new YearTallies());
                boolean in = c.direction() == Direction.IN;
                (in ? y.in : y.out).computeIfAbsent(c.counterpart(), k -> new Tally()).add(e);
                (in ? y.inTotal : y.outTotal).add(e);
            } else if (c.counting() == Counting.PIPELINE) {
                (c.direction() == Direction.IN ? pipelineIn : pipelineOut).add(e);
            }
        }
        List<IndicatorValue> values = new ArrayList<>();
        for (var entry : years.entrySet()) {
            Period year = Period.year(entry.getKey());
            YearTallies y = entry.getValue();
            String file = eventsFile(words, range, year);
            // Both directions' totals are given for every year with an event, so that net = in - out
            // can be checked on the Data sheet; no event in a direction is 0 jobs, not a gap.
            addSum(values, OUTSOURCING_RELOCATED_IN, year, MOROCCO, Breakdown.of("origin_country", TOTAL),
                    y.inTotal.jobs(), lines(words, file, y.inTotal));
            addSum(values, OUTSOURCING_RELOCATED_OUT, year, MOROCCO, Breakdown.of("destination_country", TOTAL),
                    y.outTotal.jobs(), lines(words, file, y.outTotal));
            addSum(values, OUTSOURCING_RELOCATED_NET, year, MOROCCO, Breakdown.of("counterpart_country", TOTAL),
                    Ratios.difference(y.inTotal.jobs(), y.outTotal.jobs()), lines(words, file, y.inTotal, y.outTotal));
            add(values, OUTSOURCING_RELOCATION_EVENTS, year, MOROCCO, Breakdown.of("direction", "in"),
                    (double) y.inTotal.events, lines(words, file, y.inTotal));
            add(values, OUTSOURCING_RELOCATION_EVENTS, year, MOROCCO, Breakdown.of("direction", "out"),
                    (double) y.outTotal.events, lines(words, file, y.outTotal));
            for (var in : y.in.entrySet()) {
                addSum(values, OUTSOURCING_RELOCATED_IN, year, MOROCCO, Breakdown.of("origin_country", in.getKey()),
                        in.getValue().jobs(), lines(words, file, in.getValue()));
            }
            for (var out : y.out.entrySet()) {
                addSum(values, OUTSOURCING_RELOCATED_OUT, year, MOROCCO,
                        Breakdown.of("destination_country", out.getKey()), out.getValue().jobs(),
                        lines(words, file, out.getValue()));
            }
            Set<String> counterparts = new TreeSet<>(y.in.keySet());
            counterparts.addAll(y.out.keySet());
            for (String country : counterparts) {
                Tally in = y.in.getOrDefault(country, new Tally());
                Tally out = y.out.getOrDefault(country, new Tally());
                addSum(values, OUTSOURCING_RELOCATED_NET, year, MOROCCO, Breakdown.of("counterpart_country", country),
                        Ratios.difference(in.jobs(), out.jobs()), lines(words, file, in, out));
            }
        }
        Period end = Period.year(range.lastMonth().getYear());
        if (pipelineIn.events > 0) {
            addSum(values, OUTSOURCING_PIPELINE_JOBS, end, MOROCCO, Breakdown.of("direction", "in"), pipelineIn.jobs(),
                    lines(words, RelocationDataset.INSTANCE.file(), pipelineIn));
        }
        if (pipelineOut.events > 0) {
            addSum(values, OUTSOURCING_PIPELINE_JOBS, end, MOROCCO, Breakdown.of("direction", "out"),
                    pipelineOut.jobs(), lines(words, RelocationDataset.INSTANCE.file(), pipelineOut));
        }
        return values;
    }

    /**
     * The relocation values without the 0s of a year with no event listed where a publication gives
     * a figure of that year: the file lists the moves the team heard of, a publication counts them
     * (500 moved in during 2025 in an industry report, and no event in the file, is 500, not 0
     * flagged as differing, nor a net of 0 beside it). A year with events listed keeps its sums,
     * checked against the publication as any computed value.
     */
    static List<IndicatorValue> givingWayToPublished(List<IndicatorValue> values, List<PublishedFigure> published,
                                                     PeriodRange range, SourceText words) {
        Set<Period> withEvents = new java.util.HashSet<>();
        // what is pending at the range's end is no move of that year
        for (IndicatorValue v : values) {
            if (v.indicator() != OUTSOURCING_PIPELINE_JOBS
                    && !lines(words, eventsFile(words, range, v.period())).equals(v.source())) {
                withEvents.add(v.period());
            }
        }
        Set<Period> givenElsewhere = new java.util.HashSet<>();
        for (PublishedFigure f : published) {
            // only a figure the run uses: Morocco's, of a year the range holds (as the reconciling keeps)
            if (f.indicator() != OUTSOURCING_PIPELINE_JOBS && MOROCCO.equals(f.geo()) && range.contains(f.period())
                    && !withEvents.contains(f.period())) {
                givenElsewhere.add(f.period());
            }
        }
        return givenElsewhere.isEmpty() ? values : values.stream().filter(v -> v.indicator() == OUTSOURCING_PIPELINE_JOBS
                || !givenElsewhere.contains(v.period())).toList();
    }

    /**
     * The file the moves of a year are counted from, with the months counted when the range covers
     * the year in part: the Data sheet's period is the year's code, and "2026" of jobs moved in read
     * as the whole year when it is January to October.
     */
    private static String eventsFile(SourceText words, PeriodRange range, Period year) {
        String file = RelocationDataset.INSTANCE.file();
        YearMonth first = year.firstMonth().isBefore(range.firstMonth()) ? range.firstMonth() : year.firstMonth();
        YearMonth last = year.lastMonth().isAfter(range.lastMonth()) ? range.lastMonth() : year.lastMonth();
        if (first.equals(year.firstMonth()) && last.equals(year.lastMonth())) {
            return file;
        }
        String y = Integer.toString(year.year());
        return first.equals(last) ? words.get("source.events.month", file, words.monthName(first), y)
                : words.get("source.events.months", file, words.monthName(first), words.monthName(last), y);
    }

    /**
     * The lines of the events counted and what the file says of them: the press report a reader
     * looks up, not only where the event is in the file. Lines are grouped by their source, each
     * source said once after its own lines, so that none reads as covering a line it does not.
     */
    private static String lines(SourceText words, String file, Tally... tallies) {
        List<RelocationEvent> all = new ArrayList<>();
        for (Tally t : tallies) {
            all.addAll(t.counted);
        }
        all.sort(Comparator.comparingLong(RelocationEvent::line));
        if (all.isEmpty()) {
            return words.get("source.events.none", file);
        }
        Map<String, List<Long>> bySource = new LinkedHashMap<>(); // "" for lines the file gives no source
        for (RelocationEvent e : all) {
            String source = e.source() == null ? "" : e.source().strip();
            bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(e.line());
        }
        if (bySource.size() == 1) {
            Map.Entry<String, List<Long>> only = bySource.entrySet().iterator().next();
            String source = only.getKey();
            String numbers = numbered(only.getValue());
            return SourceText.capped(all.size() == 1
                    ? words.quoting("source.events.line", source, file, numbers)
                    : words.quoting("source.events.lines", source, file, numbers));
        }
        List<String> groups = new ArrayList<>();
        List<Integer> lineCounts = new ArrayList<>();
        for (Map.Entry<String, List<Long>> g : bySource.entrySet()) {
            String numbers = numbered(g.getValue());
            groups.add(g.getValue().size() == 1
                    ? words.quoting("source.events.group.line", g.getKey(), numbers)
                    : words.quoting("source.events.group.lines", g.getKey(), numbers));
            lineCounts.add(g.getValue().size());
        }
        String whole = words.get("source.events.groups", file, String.join(" | ", groups));
        return whole.length() <= SourceText.MAX_CHARS ? whole : wholeGroups(words, file, groups, lineCounts);
    }

    /**
     * Too many press reports for one source: as many whole groups as fit, then how many lines are
     * left out and where their reports are, rather than a report cut mid-word that reads as complete.
     */
    private static String wholeGroups(SourceText words, String file, List<String> groups, List<Integer> lineCounts) {
        int left = lineCounts.stream().mapToInt(Integer::intValue).sum();
        StringBuilder kept = new StringBuilder();
        String best = null;
        for (int i = 0; i < groups.size(); i++) {
            kept.append(i == 0 ? "" : " | ").append(groups.get(i));
            left -= lineCounts.get(i);
            String text = words.get(moreLines(left), file, kept.toString(), Integer.toString(left));
            if (text.length() > SourceText.MAX_CHARS) {
                break;
            }
            best = text;
        }
        if (best != null) {
            return best;
        }
        // the first report alone leaves no room for the closing words: it is cut to make room
        int afterFirst = lineCounts.stream().mapToInt(Integer::intValue).sum() - lineCounts.get(0);
        String key = moreLines(afterFirst);
        int room = SourceText.MAX_CHARS - words.get(key, file, "", Integer.toString(afterFirst)).length() - 1;
        return words.get(key, file, groups.get(0).substring(0, Math.max(0, room)) + "…", Integer.toString(afterFirst));
    }

    private static String moreLines(int left) {
        return left == 1 ? "source.events.groups.more.line" : "source.events.groups.more.lines";
    }

    private static String numbered(List<Long> lines) {
        StringBuilder numbers = new StringBuilder();
        for (long line : lines) {
            numbers.append(numbers.isEmpty() ? "" : ", ").append(line);
        }
        return numbers.toString();
    }

    /**
     * For each regulation and each country with jobs: the jobs of the slice the regulation names
     * (segment, client country, activity) in the latest period that ends before the regulation
     * takes effect, and those jobs times each loss rate given. Not limited to the range: the
     * exposure is "the latest known before it takes effect", whenever that was.
     */
    static List<IndicatorValue> exposures(Cube jobs, List<Regulation> regulations, SourceText words) {
        List<IndicatorValue> values = new ArrayList<>();
        for (Regulation reg : regulations) {
            Breakdown slice = reg.jobs();
            Map<String, Cube.Key> latest = new TreeMap<>();
            for (Cube.Key key : jobs.keys()) {
                if (!key.breakdown().equals(slice) || jobs.get(key, "jobs") == null
                        || !key.period().lastMonth().atEndOfMonth().isBefore(reg.effectiveOn())) {
                    continue;
                }
                latest.merge(key.geo(), key, (a, b) -> LATEST_FIRST.compare(a, b) <= 0 ? a : b);
            }
            Breakdown byRegulation = Breakdown.of("regulation", reg.id());
            for (Cube.Key key : latest.values()) {
                double exposed = jobs.get(key, "jobs");
                String jobsSource = words.quoting("source.jobs-in", jobs.source(key), SectorJobsDataset.INSTANCE.file(),
                        key.period().toString());
                add(values, OUTSOURCING_JOBS_EXPOSED, key.period(), key.geo(), byRegulation, exposed, jobsSource);
                for (var rate : reg.lossRates().entrySet()) {
                    add(values, OUTSOURCING_JOBS_AT_RISK, key.period(), key.geo(),
                            byRegulation.with("scenario", rate.getKey()), exposed * rate.getValue(),
                            words.quoting("source.jobs-at-risk", reg.source(), jobsSource,
                                    RegulationDataset.INSTANCE.file(), reg.id()));
                }
            }
        }
        return values;
    }

    /** The latest period by its end; at the same end, the longest (a year before its last quarter). */
    private static final Comparator<Cube.Key> LATEST_FIRST = Comparator
            .comparing((Cube.Key k) -> k.period().lastMonth()).reversed()
            .thenComparing(k -> k.period().granularity().months(), Comparator.reverseOrder());

    /** A change's source: both ends', with their bases, unless both were computed from one source. */
    private static String sourceOf(SourceText words, IndicatorValue a, IndicatorValue b) {
        return words.bothEnds("source.change-between", "source.change-between.joint", b.period().toString(), b.basis(),
                b.source(), a.period().toString(), a.basis(), a.source());
    }

    /**
     * A sum of relocated jobs, kept when not available (an event whose jobs are not published): the
     * Data sheet then has the row, its value empty, its source naming the events' lines.
     */
    private static void addSum(List<IndicatorValue> out, Indicator id, Period period, String geo,
                               Breakdown breakdown, Double value, String source) {
        out.add(new IndicatorValue(id, period, geo, breakdown, value, Basis.COMPUTED, SourceText.capped(source)));
    }

    private static void add(List<IndicatorValue> out, Indicator id, Period period, String geo, Breakdown breakdown,
                            Double value, String source) {
        if (value != null) {
            out.add(new IndicatorValue(id, period, geo, breakdown, value, Basis.COMPUTED, SourceText.capped(source)));
        }
    }
}

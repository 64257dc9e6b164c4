package ma.observatory.cube;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.csv.Reason;
import ma.observatory.csv.RowProblem;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;

/**
 * The summed counts of one dataset at the reported places, with every total the input lacks
 * derived by adding up its parts (never by averaging rates). Held in memory: its size is the
 * number of output cells, not the number of input rows.
 *
 * <p>Where the input gives a total and its parts, the input's total wins; a difference beyond the
 * soft-rule tolerance (0.5 unit and 0.2 %) is reported as a warning.
 */
public final class Cube {

    public record Key(Period period, String geo, Breakdown breakdown) {

        // spelled out for speed, as Period's
        @Override
        public int hashCode() {
            return (period.hashCode() * 31 + geo.hashCode()) * 31 + breakdown.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key k && k.period.equals(period) && k.geo.equals(geo)
                    && k.breakdown.equals(breakdown);
        }
    }

    private static final double ABSOLUTE_TOLERANCE = 0.5;
    private static final double RELATIVE_TOLERANCE = 0.002;
    /**
     * A figure a hundred times larger or smaller than a year earlier was typed in another unit
     * (persons in a file of thousands: a thousand times): no count of a place moves so in a year.
     */
    private static final double JUMP_FACTOR = 100;
    /** Below this, in the file's unit, a pair is not judged: small counts of small places swing by themselves. */
    private static final double JUMP_FLOOR = 1000;

    /**
     * Ends the source of a figure summed from parts whose sources differ (staged rows, the places
     * a place contains): the workbook says it in its language.
     */
    public static final String OTHER_SOURCES = " (and other sources)";

    private final CountDataset dataset;
    private final Map<Key, Double[]> values = new HashMap<>();
    /** How a source ending in {@link #OTHER_SOURCES} is said in the workbook's language. */
    private UnaryOperator<String> sourceWords = UnaryOperator.identity();
    private final Map<Key, String> sources = new HashMap<>();
    /**
     * Where the figures a given row left empty and its parts supplied come from, by measure: the
     * row's source says nothing of them (2015's arrivals on a row giving only its receipts).
     */
    private final Map<Key, String[]> filledSources = new HashMap<>();
    /**
     * The cells whose {@link CountDataset#sumOf} measure some rows left empty and their parts made
     * (a labour force the file did not give): said so in the figure's source.
     */
    private final Set<Key> madeFromParts = new java.util.HashSet<>();
    private Set<Key> rollupMadeFromParts = Set.of();
    /** The cells the input does not give, added from others (sums of parts, places, months). */
    private final Set<Key> derivedKeys = new java.util.HashSet<>();
    private static final String PLACES = "total.differs.places";
    /**
     * The figures of given cells that their parts supplied (the row left them empty): compared
     * later, they are said to be worked out, not given.
     */
    private final Map<Key, boolean[]> filledFigures = new HashMap<>();
    /** The figures of each place already compared with its parts' sum. */
    private final Map<Key, boolean[]> placeCompared = new HashMap<>();
    private final List<RowProblem> warnings = new ArrayList<>();
    // Kept from load so that totals derived later by deriveTotals reach the places above too.
    private GeoReference geo;
    private Map<Key, Double[]> rollup = Map.of();
    private Map<Key, String> rollupSources = Map.of();
    /** What each rollup cell's rows cover ({@code null}: staged before covers were kept). */
    private Map<Key, Long> rollupCovers = Map.of();
    /** Cells of reported places whose finer rows do not tile them: not summed, said once per place. */
    private final Set<Key> notTiled = new java.util.HashSet<>();
    /** Cells of reported places some of whose reported children lack the cell: said once per place. */
    private final Set<Key> partsMissing = new java.util.HashSet<>();

    private Cube(CountDataset dataset) {
        this.dataset = dataset;
    }

    /** An empty cube, for building one by hand (tests, or datasets staged elsewhere). */
    public static Cube empty(CountDataset dataset) {
        return new Cube(dataset);
    }

    /**
     * Loads the staged cells of a dataset and resolves places: a reported place keeps its own rows
     * when it has some, else gets the sum of its finer rows and of its reported children, provided
     * together they cover it whole, each part once (a partial sum would pass for a total).
     */
    public static Cube load(JdbcTemplate jdbc, long runId, CountDataset dataset, GeoReference geo) {
        return load(jdbc, runId, dataset, geo, UnaryOperator.identity());
    }

    /**
     * @param sources how a staged source is said in the workbook's language: the staging marks a
     *                cell whose rows named several sources, in English
     */
    public static Cube load(JdbcTemplate jdbc, long runId, CountDataset dataset, GeoReference geo,
                            UnaryOperator<String> sources) {
        Cube cube = new Cube(dataset);
        Map<Key, Double[]> rollup = new HashMap<>();
        Map<Key, String> rollupSources = new HashMap<>();
        Set<Key> rollupMadeFromParts = new java.util.HashSet<>();
        CountDataset.SumOf sumOf = dataset.sumOf();
        Map<Key, Long> rollupCovers = new HashMap<>();
        List<String> measures = dataset.measures();
        // The few distinct periods and breakdowns are parsed once and shared.
        Map<String, Period> periods = new HashMap<>();
        Map<String, Breakdown> breakdowns = new HashMap<>();
        String otherSources = sources.apply(OTHER_SOURCES);
        Map<String, String> staged = new HashMap<>();
        StagedCells.forEach(jdbc, runId, dataset, (period, place, origin, dims, total, missing, source, cover) -> {
            Key key = new Key(periods.computeIfAbsent(period, Period::parse), place,
                    breakdowns.computeIfAbsent(dims, Breakdown::parse));
            Double[] v = new Double[measures.size()];
            for (int m = 0; m < v.length; m++) {
                v[m] = missing[m] > 0 ? null : total[m];
            }
            boolean direct = "direct".equals(origin);
            // Rows that left the measure empty counted for their parts' sum (the staging added it):
            // whole when every such row had its parts.
            if (sumOf != null && missing[sumOf.measure()] > 0 && sumOf.completes(missing)) {
                v[sumOf.measure()] = total[sumOf.measure()];
                (direct ? cube.madeFromParts : rollupMadeFromParts).add(key);
            }
            (direct ? cube.values : rollup).put(key, v);
            (direct ? cube.sources : rollupSources).put(key, staged.computeIfAbsent(source, said -> {
                // the staging marks a cell summed from rows of several sources after its whole source
                String inLanguage = sources.apply(said);
                return inLanguage == null || !inLanguage.endsWith(otherSources) ? inLanguage : SourceParts.marked(
                        inLanguage.substring(0, inLanguage.length() - otherSources.length()), null, measures, otherSources);
            }));
            if (!direct) {
                rollupCovers.put(key, cover);
            }
        });
        cube.geo = geo;
        cube.sourceWords = sources;
        cube.rollup = rollup;
        cube.rollupSources = rollupSources;
        cube.rollupMadeFromParts = rollupMadeFromParts;
        cube.rollupCovers = rollupCovers;
        cube.resolvePlaces(null);
        return cube;
    }

    /**
     * @param only {@code null} for every slot (period and breakdown); after {@link #deriveTotals},
     *             the slots whose cells it added or completed (a region's total derived from its
     *             sexes completes the set of regions a national total needs): the sums of the
     *             others cannot have changed since the last pass
     */
    private void resolvePlaces(Set<Slot> only) {
        if (only != null && only.isEmpty()) {
            return;
        }
        Map<String, Map<Key, Double[]>> byPlace = new HashMap<>();
        for (var e : values.entrySet()) {
            if (only == null || only.contains(Slot.of(e.getKey()))) {
                byPlace.computeIfAbsent(e.getKey().geo(), g -> new HashMap<>()).put(e.getKey(), e.getValue());
            }
        }
        Map<String, Map<Key, Double[]>> rollupByPlace = new HashMap<>();
        for (var e : rollup.entrySet()) {
            if (only == null || only.contains(Slot.of(e.getKey()))) {
                rollupByPlace.computeIfAbsent(e.getKey().geo(), g -> new HashMap<>()).put(e.getKey(), e.getValue());
            }
        }
        String otherSources = sourceWords.apply(OTHER_SOURCES);
        List<String> measures = dataset.measures();
        for (String place : geo.reportedBottomUp()) {
            List<String> children = geo.reportedChildren(place);
            Map<Slot, Double[]> derived = new LinkedHashMap<>();
            Map<Slot, String> derivedSource = new HashMap<>();
            Map<Slot, Integer> childCount = new HashMap<>();
            Set<Slot> made = new java.util.HashSet<>();
            // What the parts cover, summed; null where a rollup cell was staged without its cover.
            Map<Slot, Long> covered = new HashMap<>();
            for (var e : rollupByPlace.getOrDefault(place, Map.of()).entrySet()) {
                Slot s = Slot.of(e.getKey());
                derived.put(s, e.getValue().clone());
                derivedSource.put(s, rollupSources.get(e.getKey()));
                covered.put(s, rollupCovers.get(e.getKey()));
                if (rollupMadeFromParts.contains(e.getKey())) {
                    made.add(s);
                }
            }
            for (String child : children) {
                long childCover = geo.coverOf(child);
                for (var e : byPlace.getOrDefault(child, Map.of()).entrySet()) {
                    Slot s = Slot.of(e.getKey());
                    Double[] acc = derived.get(s);
                    derived.put(s, acc == null ? e.getValue().clone() : add(acc, e.getValue()));
                    String childSource = source(e.getKey());
                    String had = derivedSource.putIfAbsent(s, childSource);
                    if (had != null && !had.equals(childSource)) {
                        // Morocco summed from twelve regions cited the first region's survey alone
                        derivedSource.put(s, SourceParts.marked(had, childSource, measures, otherSources));
                    }
                    childCount.merge(s, 1, Integer::sum);
                    if (madeFromParts.contains(e.getKey())) {
                        made.add(s);
                    }
                    if (acc == null) {
                        covered.put(s, childCover);
                    } else {
                        covered.computeIfPresent(s, (k, c) -> c + childCover);
                    }
                }
            }
            long whole = geo.coverOf(place);
            for (var e : derived.entrySet()) {
                Slot s = e.getKey();
                Key key = new Key(s.period, place, s.breakdown);
                Long cover = covered.get(s);
                if (cover == null) {
                    int given = childCount.getOrDefault(s, 0);
                    if (given > 0 && given < children.size()) {
                        partsMissing.add(key); // their sum is not the place's figure
                        continue;
                    }
                } else if (cover != whole) {
                    // Some part lacks this cell (or a province came with its communes): the sum of
                    // what is there is not the place's figure.
                    (rollupByPlace.getOrDefault(place, Map.of()).containsKey(key) ? notTiled : partsMissing).add(key);
                    continue;
                }
                // Covered now: a place whose parts did not cover it before (a region given by sex only,
                // its total derived since) is no longer lacking them. Its row, and one completed
                // earlier, get the figures still empty and are compared on those not compared yet.
                partsMissing.remove(key);
                notTiled.remove(key);
                put(key, e.getValue(), made.contains(s), derivedSource.get(s), PLACES, "", byPlace);
            }
        }
    }

    private record Slot(Period period, Breakdown breakdown) {
        static Slot of(Key k) {
            return new Slot(k.period(), k.breakdown());
        }
    }

    /**
     * Adds a derived total where the input has none; where it has one, keeps its figures, warns
     * when they disagree with the derived ones, and fills those it leaves empty.
     *
     * @param partsMade whether the derived {@link CountDataset#sumOf} measure was, for some rows,
     *                  made from its parts
     * @param how       the reason's key, saying how the total was derived; {@code null} to fill
     *                  only, without comparing
     * @param dimension the dimension summed over, for {@code total.differs.groups}
     */
    private boolean put(Key key, Double[] derived, boolean partsMade, String source, String how, String dimension,
                        Map<String, Map<Key, Double[]>> byPlace) {
        Double[] given = values.get(key);
        CountDataset.SumOf sumOf = dataset.sumOf();
        if (given == null) {
            values.put(key, derived);
            sources.put(key, source);
            derivedKeys.add(key);
            if (partsMade) {
                madeFromParts.add(key);
            }
            if (byPlace != null) {
                byPlace.computeIfAbsent(key.geo(), g -> new HashMap<>()).put(key, derived);
            }
            return true;
        }
        boolean filled = false;
        // A place's row is compared with its parts' sum figure by figure, each once: a later pass
        // (a region's total derived from its sexes since) may bring figures the first could not.
        boolean[] compared = PLACES.equals(how) ? placeCompared.computeIfAbsent(key, k -> new boolean[given.length])
                : null;
        for (int m = 0; m < given.length; m++) {
            if (given[m] == null && derived[m] != null) {
                filled = true;
                // The file gives the total row but leaves this figure empty: the parts supply it,
                // and the figure cites them.
                given[m] = derived[m];
                filledFigures.computeIfAbsent(key, k -> new boolean[given.length])[m] = true;
                if (partsMade && sumOf != null && sumOf.measure() == m) {
                    madeFromParts.add(key);
                }
                String measure = dataset.measures().get(m);
                String partsSay = SourceParts.of(source, measure, dataset.measures());
                if (partsSay != null && !partsSay.equals(SourceParts.of(sources.get(key), measure, dataset.measures()))) {
                    filledSources.computeIfAbsent(key, k -> new String[given.length])[m] = partsSay;
                }
            } else if (how != null && given[m] != null && derived[m] != null && (compared == null || !compared[m])) {
                if (compared != null) {
                    compared[m] = true;
                }
                if (differs(given[m], derived[m])) {
                    // a figure itself summed from other rows is not "the total given in the file"
                    boolean[] filledHere = filledFigures.get(key);
                    boolean workedOut = derivedKeys.contains(key) || filledHere != null && filledHere[m]
                            || madeFromParts.contains(key) && sumOf != null && sumOf.measure() == m;
                    warnings.add(new RowProblem(dataset.file(), 0, dataset.measures().get(m), format(given[m]),
                            Reason.of(workedOut ? how + ".worked-out" : how, placedCellName(key), format(given[m]),
                                    format(derived[m]), dimension)));
                }
            }
        }
        return filled;
    }

    /** Whether two figures of the same total differ beyond the tolerance of rounded inputs. */
    public static boolean differs(double a, double b) {
        double diff = Math.abs(a - b);
        return diff > ABSOLUTE_TOLERANCE && diff > RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /**
     * A figure as a file would write it: 10746, not 10746.0; twelve significant digits at most, so
     * that a sum (10770.3 + 1508.4) reads 12278.7, not 12278.699999999999.
     */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }

    private static Double[] add(Double[] acc, Double[] more) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] = acc[i] == null || more[i] == null ? null : acc[i] + more[i];
        }
        return acc;
    }

    /**
     * Derives the total of one dimension where the input lacks it.
     *
     * @param dimension  e.g. {@code area}
     * @param total      the value that means "all", e.g. {@code total} or {@code 15+}
     * @param partition  given the values present besides the total, the ones that add up to the
     *                   total, or an empty list when they do not cover it
     */
    public void deriveTotals(String dimension, String total, Function<Set<String>, List<String>> partition) {
        Map<Key, Map<String, Key>> groups = new LinkedHashMap<>();
        // One breakdown object per distinct breakdown, as load() gives them: every value computed
        // from the cube shares it, and the maps keyed by it later find it by identity.
        Map<Breakdown, Breakdown> withTotal = new HashMap<>();
        Map<Breakdown, Breakdown> shared = new HashMap<>();
        for (Key k : values.keySet()) {
            String v = k.breakdown().get(dimension);
            if (v != null && !v.equals(total)) {
                Breakdown totalled = withTotal.computeIfAbsent(k.breakdown(),
                        b -> shared.computeIfAbsent(b.with(dimension, total), t -> t));
                Key group = new Key(k.period(), k.geo(), totalled);
                groups.computeIfAbsent(group, g -> new TreeMap<>()).put(v, k);
            }
        }
        Set<Slot> added = new java.util.HashSet<>();
        // The partition depends only on the values present, and a few sets recur in every group.
        Map<List<String>, List<String>> partitions = new HashMap<>();
        for (var g : groups.entrySet()) {
            Set<String> present = g.getValue().keySet();
            List<String> parts = partitions.computeIfAbsent(List.copyOf(present), k -> partition.apply(present));
            if (parts.isEmpty()) {
                continue;
            }
            Double[] sum = null;
            List<Key> partKeys = new ArrayList<>(parts.size());
            for (String part : parts) {
                Key k = g.getValue().get(part);
                sum = sum == null ? values.get(k).clone() : add(sum, values.get(k));
                partKeys.add(k);
            }
            // a total filled where its row left a figure empty changes its place's sum too
            if (put(g.getKey(), sum, partKeys.stream().anyMatch(madeFromParts::contains),
                    sourceOfParts(partKeys, sum, UnaryOperator.identity()), "total.differs.groups", dimension, null)) {
                added.add(Slot.of(g.getKey()));
            }
        }
        if (geo != null) {
            resolvePlaces(added);
        }
    }

    /**
     * Adds each year whose twelve months the input gives as their sum, for a dataset of flows
     * (arrivals, nights, receipts; never stocks such as the employed, whose year is not the sum of
     * its quarters). A year the input gives keeps its figures, gets those it leaves empty from its
     * months, and a difference beyond the tolerance is a warning.
     *
     * @param source the derived year's source, from the year and what its January's source says
     */
    public void deriveYearsFromMonths(BiFunction<Period, String, String> source) {
        deriveYearsFromMonths(source, year -> true, false);
    }

    /** As {@link #deriveYearsFromMonths(BiFunction)}, for the years {@code which} accepts only. */
    public void deriveYearsFromMonths(BiFunction<Period, String, String> source, java.util.function.Predicate<Key> which) {
        deriveYearsFromMonths(source, which, false);
    }

    /**
     * As {@link #deriveYearsFromMonths(BiFunction)}, once months have been completed from their
     * parts: adds the years and figures still lacking; a year already there is compared with its
     * months only where it was derived (all visitors = foreign + MRE) and its months are the file's,
     * since months made from parts repeat what their parts' own years were compared with.
     */
    public void fillYearsFromMonths(BiFunction<Period, String, String> source) {
        deriveYearsFromMonths(source, year -> true, true);
    }

    private void deriveYearsFromMonths(BiFunction<Period, String, String> source, java.util.function.Predicate<Key> which,
                                       boolean filling) {
        Map<Key, Key[]> years = new LinkedHashMap<>();
        for (Key k : values.keySet()) {
            if (k.period().granularity() == Period.Granularity.MONTH) {
                Key year = new Key(Period.year(k.period().year()), k.geo(), k.breakdown());
                years.computeIfAbsent(year, y -> new Key[12])[k.period().index() - 1] = k;
            }
        }
        Set<Slot> added = new java.util.HashSet<>();
        for (var e : years.entrySet()) {
            Key[] months = e.getValue();
            if (!which.test(e.getKey())) {
                continue;
            }
            if (java.util.Arrays.asList(months).contains(null)) {
                continue; // a year with a month missing: its sum would pass for the year's total
            }
            Double[] sum = values.get(months[0]).clone();
            for (int m = 1; m < months.length; m++) {
                add(sum, values.get(months[m]));
            }
            // the year cites its January's source, each figure its own: twelve months' would be a list
            Period year = e.getKey().period();
            if (put(e.getKey(), sum, java.util.Arrays.stream(months).anyMatch(madeFromParts::contains),
                    sourceOfParts(List.of(months[0]), sum, said -> source.apply(year, said)),
                    !filling || derivedKeys.contains(e.getKey())
                            && java.util.Arrays.stream(months).noneMatch(derivedKeys::contains)
                            ? "total.differs.months" : null, "", null)) {
                added.add(Slot.of(e.getKey()));
            }
        }
        if (geo != null) {
            resolvePlaces(added);
        }
    }

    public Double get(Key key, String measure) {
        Double[] v = values.get(key);
        return v == null ? null : v[dataset.measures().indexOf(measure)];
    }

    public Set<Key> keys() {
        return values.keySet();
    }

    /**
     * Whether the cell's {@link CountDataset#sumOf} measure is, for some of its rows, the sum of
     * their parts, the rows having left it empty (a labour force the file did not give).
     */
    public boolean madeFromParts(Key key) {
        return madeFromParts.contains(key);
    }

    /** The cell's source, with a part for each figure its parts supplied ({@link #source(Key, String)}). */
    public String source(Key key) {
        String own = sources.get(key);
        String[] filled = filledSources.get(key);
        if (filled == null) {
            return own;
        }
        String whole = own;
        for (int m = 0; m < filled.length; m++) {
            if (filled[m] != null) {
                whole = SourceParts.withPart(whole, dataset.measures().get(m), filled[m]);
            }
        }
        return whole;
    }

    /** What the cell's source says of one of its figures (see {@link SourceParts}), or where its parts got it. */
    public String source(Key key, String measure) {
        String[] filled = filledSources.get(key);
        int m = dataset.measures().indexOf(measure);
        if (filled != null && m >= 0 && filled[m] != null) {
            return filled[m];
        }
        return SourceParts.of(sources.get(key), measure, dataset.measures());
    }

    /**
     * The source of a sum (urban + rural; a year of months): each figure cites every part's source
     * for it, once ("URB; RUR"), in parts by figure when the figures' sources differ, each said
     * through {@code words} ("the twelve months of 2025 added up: …").
     */
    private String sourceOfParts(List<Key> parts, Double[] sum, UnaryOperator<String> words) {
        List<String> measures = dataset.measures();
        java.util.Set<String> wholes = new java.util.LinkedHashSet<>();
        for (Key k : parts) {
            if (source(k) != null) {
                wholes.add(source(k));
            }
        }
        String whole = wholes.isEmpty() ? null : String.join("; ", wholes);
        String[] said = new String[measures.size()];
        boolean inParts = false;
        for (int m = 0; m < measures.size(); m++) {
            java.util.Set<String> each = new java.util.LinkedHashSet<>();
            for (Key k : parts) {
                String s = source(k, measures.get(m));
                if (s != null) {
                    each.add(s);
                }
            }
            said[m] = each.isEmpty() ? null : String.join("; ", each);
            inParts |= sum[m] != null && !java.util.Objects.equals(said[m], whole);
        }
        if (!inParts) {
            return words.apply(whole);
        }
        String composite = null;
        for (int m = 0; m < measures.size(); m++) {
            if (sum[m] != null && said[m] != null) {
                composite = SourceParts.withPart(composite, measures.get(m), words.apply(said[m]));
            }
        }
        return composite;
    }

    /**
     * The warnings of the cube, with one per place some of whose figures are not available because
     * the rows under it do not cover it whole: finer rows not tiling it, or some of the places it
     * contains that the run reports lacking a figure most of them give (a region missing for a
     * quarter leaves Morocco without that quarter, which the reader would otherwise take for a gap
     * in the national series).
     */
    public List<RowProblem> warnings() {
        List<RowProblem> all = new ArrayList<>(warnings);
        for (var e : lostByPlace(notTiled).entrySet()) {
            Key first = e.getValue().get(0);
            all.add(new RowProblem(dataset.file(), 0, "geo", e.getKey(), Reason.of("places.not-tiled", e.getKey(),
                    e.getValue().size(), cellName(first))));
        }
        Map<String, List<Key>> partsLost = lostByPlace(partsMissing);
        for (var e : partsLost.entrySet()) {
            // A place whose parts lack a figure only because a part's own figure is not available
            // is not said again: the part's warning gives the cause. Nor a figure that only some of
            // its parts give (one region's split by sex): it is no figure of the place that went
            // missing, only one of most of its parts' is.
            e.getValue().removeIf(k -> lackingParts(k).isEmpty() || !mostPartsHave(k));
        }
        partsLost.values().removeIf(List::isEmpty);
        for (var e : partsLost.entrySet()) {
            Key first = e.getValue().get(0);
            List<String> lacking = lackingParts(first);
            String named = lacking.size() <= 3 ? String.join(", ", lacking)
                    : String.join(", ", lacking.subList(0, 3)) + " (+" + (lacking.size() - 3) + ")";
            all.add(new RowProblem(dataset.file(), 0, "geo", e.getKey(), Reason.of("places.parts-missing", e.getKey(),
                    e.getValue().size(), cellName(first), named)));
        }
        all.addAll(jumps());
        return List.copyOf(all);
    }

    private record Jump(Key key, int measure, double value, double yearBefore, int specific) {
    }

    /** Whether {@code a} is {@link #JUMP_FACTOR} times {@code b} or more, or as much smaller. */
    private static boolean jumps(Double a, Double b) {
        // a sum past the largest number (two rows of 1e308) is no figure to compare: it shows [x]
        return a != null && b != null && a > 0 && b > 0 && Double.isFinite(a) && Double.isFinite(b)
                && Math.max(a, b) >= JUMP_FLOOR
                && Math.max(a, b) >= JUMP_FACTOR * Math.min(a, b);
    }

    /**
     * One warning per period and place some figure of which is {@link #JUMP_FACTOR} times larger or
     * smaller than a year earlier: a row typed in another unit moves all its figures and the cells
     * summed from it, so the warning names the most detailed breakdown and the finest place that
     * jumps (a region's, not Morocco's sum of it). The figures are used as given.
     */
    private List<RowProblem> jumps() {
        Map<Period, Map<String, Jump>> byPeriod = new HashMap<>();
        for (var e : values.entrySet()) {
            Key k = e.getKey();
            Double[] now = e.getValue();
            Double[] before = values.get(new Key(k.period().previousYear(), k.geo(), k.breakdown()));
            if (before == null) {
                continue;
            }
            Double[] twoBefore = values.get(new Key(k.period().previousYear().previousYear(), k.geo(), k.breakdown()));
            for (int m = 0; m < now.length; m++) {
                if (!jumps(now[m], before[m])) {
                    continue;
                }
                if (twoBefore != null && jumps(before[m], twoBefore[m]) && !jumps(now[m], twoBefore[m])) {
                    continue; // back in line after a slip the year before: that year's warning says where
                }
                int specific = (int) k.breakdown().pairs().stream().filter(p -> !p.value().equals("total")).count();
                Jump jump = new Jump(k, m, now[m], before[m], specific);
                byPeriod.computeIfAbsent(k.period(), p -> new HashMap<>())
                        .merge(k.geo(), jump, (x, y) -> y.specific() > x.specific() ? y : x);
                break;
            }
        }
        List<RowProblem> out = new ArrayList<>();
        for (Map<String, Jump> places : byPeriod.values()) {
            for (Jump j : places.values()) {
                if (geo != null && geo.reportedChildren(j.key().geo()).stream().anyMatch(places::containsKey)) {
                    continue; // a part of the place jumps too: its warning says where
                }
                Key k = j.key();
                String measure = dataset.measures().get(j.measure());
                String factor = format(Math.rint(Math.max(j.value(), j.yearBefore()) / Math.min(j.value(), j.yearBefore())));
                out.add(new RowProblem(dataset.file(), 0, measure, format(j.value()),
                        Reason.of(j.value() > j.yearBefore() ? "change.implausible.up" : "change.implausible.down",
                                placedCellName(k),
                                measure, format(j.value()), format(j.yearBefore()), k.period().previousYear().toString(),
                                factor)));
            }
        }
        out.sort(java.util.Comparator.comparing(RowProblem::reason));
        return out;
    }

    /**
     * The reported children of the key's place without the key's figure, less those whose own
     * figure is not available for a reason said on its own (its parts not covering it).
     */
    private List<String> lackingParts(Key key) {
        List<String> lacking = new ArrayList<>();
        for (String child : geo.reportedChildren(key.geo())) {
            Key childKey = new Key(key.period(), child, key.breakdown());
            if (!values.containsKey(childKey) && !notTiled.contains(childKey) && !partsMissing.contains(childKey)) {
                lacking.add(child);
            }
        }
        return lacking;
    }

    /** Whether more than half of the key's place's reported children have the key's figure. */
    private boolean mostPartsHave(Key key) {
        List<String> children = geo.reportedChildren(key.geo());
        int having = 0;
        for (String child : children) {
            if (values.containsKey(new Key(key.period(), child, key.breakdown()))) {
                having++;
            }
        }
        return having * 2 > children.size();
    }

    /** The cells of the set still without a value (not derived otherwise since), by place, earliest first. */
    private Map<String, List<Key>> lostByPlace(Set<Key> cells) {
        Map<String, List<Key>> byPlace = new TreeMap<>();
        for (Key k : cells) {
            if (!values.containsKey(k)) {
                byPlace.computeIfAbsent(k.geo(), g -> new ArrayList<>()).add(k);
            }
        }
        for (List<Key> keys : byPlace.values()) {
            keys.sort(java.util.Comparator.comparing(Key::period).thenComparing(k -> k.breakdown().toString()));
        }
        return byPlace;
    }

    /** A cell as a reason names it: "2024, MA-01, area=total, sex=total, age_group=15+". */
    private static String placedCellName(Key k) {
        return k.period() + ", " + k.geo() + (k.breakdown().pairs().isEmpty() ? "" : ", " + k.breakdown());
    }

    private static String cellName(Key k) {
        return k.period() + (k.breakdown().pairs().isEmpty() ? "" : ", " + k.breakdown());
    }

    /** For tests and hand-built cubes: sets the measures of one cell as the input would give them. */
    public void put(Key key, String source, Double... measures) {
        values.put(key, measures.clone());
        sources.put(key, source);
    }
}

package ma.observatory.employment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ma.observatory.csv.Reason;
import ma.observatory.csv.RowProblem;
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
import ma.observatory.period.PeriodRange;

import static ma.observatory.indicator.Indicator.*;

/**
 * The employment indicators (ILO conventions as the HCP applies them). Every rate is a ratio of
 * summed counts: totals missing from the input are first derived by adding up their parts, so a
 * national rate is never an average of regional rates.
 */
public final class EmploymentIndicators {

    /** A rate, its numerator and denominator measures, and the ids of its change and gap. */
    private record Rate(Indicator id, String numerator, String denominator, Indicator change, Indicator gap) {
    }

    private static final List<Rate> RATES = List.of(
            new Rate(EMPLOYMENT_ACTIVITY_RATE, "labour_force", "population",
                    EMPLOYMENT_ACTIVITY_RATE_CHANGE, EMPLOYMENT_ACTIVITY_RATE_GAP),
            new Rate(EMPLOYMENT_EMPLOYMENT_RATE, "employed", "population",
                    EMPLOYMENT_EMPLOYMENT_RATE_CHANGE, EMPLOYMENT_EMPLOYMENT_RATE_GAP),
            new Rate(EMPLOYMENT_UNEMPLOYMENT_RATE, "unemployed", "labour_force",
                    EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, EMPLOYMENT_UNEMPLOYMENT_RATE_GAP),
            new Rate(EMPLOYMENT_UNDEREMPLOYMENT_RATE, "underemployed", "employed",
                    EMPLOYMENT_UNDEREMPLOYMENT_RATE_CHANGE, EMPLOYMENT_UNDEREMPLOYMENT_RATE_GAP));

    private static final Map<String, Indicator> LEVELS = Map.of(
            "population", EMPLOYMENT_POPULATION, "labour_force", EMPLOYMENT_LABOUR_FORCE,
            "employed", EMPLOYMENT_EMPLOYED, "unemployed", EMPLOYMENT_UNEMPLOYED,
            "underemployed", EMPLOYMENT_UNDEREMPLOYED);

    /** Between the two groups of a gap's breakdown value: {@code female minus male}. */
    static final String GAP_SEPARATOR = Breakdown.GAP_SEPARATOR;

    /** The pairs each gap compares: dimension, first value, second value. */
    private static final List<String[]> GAPS = List.of(
            new String[] {"sex", "female", "male"},
            new String[] {"area", "urban", "rural"},
            new String[] {"age_group", AgeGroups.YOUTH, AgeGroups.ALL});

    /** All areas, both sexes, 15 and over: the labour force file's total row. */
    private static final Breakdown ALL_PERSONS =
            Breakdown.of("area", "total", "sex", "total", "age_group", AgeGroups.ALL);

    public record Result(List<IndicatorValue> values, List<Reconciliation> checks) {
    }

    private EmploymentIndicators() {
    }

    /** Completes the labour force cube with the totals its input lacks. */
    public static void deriveLabourForceTotals(Cube labourForce) {
        labourForce.deriveTotals("area", "total", both("urban", "rural"));
        labourForce.deriveTotals("sex", "total", both("male", "female"));
        labourForce.deriveTotals("age_group", AgeGroups.ALL, AgeGroups::partitionOfAll);
    }

    /** Completes the sector cube: the total is the four main sectors, plus "other" when given. */
    public static void deriveSectorTotals(Cube sectors) {
        sectors.deriveTotals("sector", "total", present -> {
            if (!present.containsAll(List.of("agriculture", "industry", "construction", "services"))) {
                return List.of();
            }
            return present.stream().sorted().toList();
        });
    }

    private static boolean givesOther(Cube sectors, Cube.Key total) {
        return sectors.get(new Cube.Key(total.period(), total.geo(), total.breakdown().with("sector", "other")),
                "employed") != null;
    }

    private static java.util.function.Function<Set<String>, List<String>> both(String a, String b) {
        return present -> present.contains(a) && present.contains(b) ? List.of(a, b) : List.of();
    }

    /**
     * The employed of all sectors against those of {@code labour_force.csv} (all areas, both
     * sexes, 15+) where both files give them for the same period and place: two tables of one
     * survey, which should agree. A difference beyond the tolerance of totals is a warning on the
     * sector file (line 0: it is about sums, not a line); both figures are kept.
     */
    public static List<RowProblem> compareEmployed(Cube labourForce, Cube sectors) {
        List<RowProblem> warnings = new ArrayList<>();
        for (Cube.Key key : sectors.keys()) {
            if (!"total".equals(key.breakdown().get("sector"))) {
                continue;
            }
            Double bySector = sectors.get(key, "employed");
            Double all = labourForce.get(new Cube.Key(key.period(), key.geo(), ALL_PERSONS), "employed");
            if (bySector != null && all != null && Cube.differs(bySector, all)) {
                warnings.add(new RowProblem(SectorDataset.INSTANCE.file(), 0, "employed", Cube.format(bySector),
                        Reason.of("employed.differs-across-files", key.period() + ", " + key.geo(),
                                Cube.format(bySector), Cube.format(all))));
            }
        }
        return warnings;
    }

    /** As {@link #compute(Cube, Cube, List, PeriodRange, GeoReference, SourceText)}, the sources' words in English. */
    public static Result compute(Cube labourForce, Cube sectors, List<PublishedFigure> published, PeriodRange range,
                                 GeoReference geo) {
        return compute(labourForce, sectors, published, range, geo, SourceText.ENGLISH);
    }

    /**
     * @param labourForce completed cube of labour_force.csv
     * @param sectors     completed cube of employment_by_sector.csv
     * @param published   published employment figures
     * @param words       the words a source adds to what the files say, in the workbook's language
     */
    public static Result compute(Cube labourForce, Cube sectors, List<PublishedFigure> published, PeriodRange range,
                                 GeoReference geo, SourceText words) {
        PeriodRange staged = range.withPreviousYear();
        List<IndicatorValue> base = new ArrayList<>();
        for (Cube.Key key : labourForce.keys()) {
            String source = labourForce.source(key);
            Map<String, Double> measures = new HashMap<>();
            for (String measure : LEVELS.keySet()) {
                measures.put(measure, labourForce.get(key, measure));
            }
            // The labour force is the employed plus the unemployed, by definition: a note that gives
            // those two but not their sum still has its unemployment rate.
            Double employed = measures.get("employed");
            Double unemployed = measures.get("unemployed");
            boolean summed = measures.get("labour_force") == null && employed != null && unemployed != null;
            if (summed) {
                measures.put("labour_force", employed + unemployed);
            }
            // the staging did the same row by row, where rows that gave it met rows that did not
            summed |= labourForce.madeFromParts(key);
            String summedSource = !summed ? source : blank(source) ? words.get("source.labour-force.summed.bare")
                    : words.get("source.labour-force.summed", source);
            // A level cites what the source says of it (its parts' source when they supplied it); a
            // rate, made of two levels, the whole.
            for (var level : LEVELS.entrySet()) {
                add(base, level.getValue(), key, measures.get(level.getKey()),
                        level.getKey().equals("labour_force") && summed ? summedSource
                                : labourForce.source(key, level.getKey()));
            }
            for (Rate rate : RATES) {
                boolean usesSum = rate.numerator.equals("labour_force") || rate.denominator.equals("labour_force");
                add(base, rate.id, key, Ratios.percent(measures.get(rate.numerator), measures.get(rate.denominator)),
                        usesSum ? summedSource : source);
            }
        }
        for (Cube.Key key : sectors.keys()) {
            Double employed = sectors.get(key, "employed");
            Cube.Key total = new Cube.Key(key.period(), key.geo(), key.breakdown().with("sector", "total"));
            Cube.Key before = new Cube.Key(key.period().previousYear(), key.geo(), key.breakdown());
            add(base, EMPLOYMENT_EMPLOYED, key, employed, sectors.source(key));
            Cube.Key everyone = new Cube.Key(key.period(), key.geo(), ALL_PERSONS);
            if (key.equals(total) && employed != null && labourForce.get(everyone, "employed") == null) {
                // The employed of all sectors are the employed aged 15 and over: where labour_force.csv
                // lacks them, the Employment sheet shows them too, rather than [x] beside the sectors'.
                add(base, EMPLOYMENT_EMPLOYED, everyone, employed,
                        words.quoting("source.all-sectors", sectors.source(key), SectorDataset.INSTANCE.file()));
            }
            Double created = Ratios.difference(employed, sectors.get(before, "employed"));
            if (key.equals(total) && givesOther(sectors, key) != givesOther(sectors, before)) {
                // All sectors with "other" in one year and without it in the other: the difference
                // would count the whole of "other" as jobs created or lost.
                created = null;
            }
            add(base, EMPLOYMENT_NET_JOB_CREATION, key, created, twoYears(words, sectors, key, before));
            if (!key.equals(total)) {
                add(base, EMPLOYMENT_SECTOR_SHARE, key, Ratios.percent(employed, sectors.get(total, "employed")),
                        sectors.source(key));
            }
        }
        addNetJobCreationOfAllSectors(base, labourForce, words);
        Set<Indicator> derivedIds = new java.util.HashSet<>();
        for (Rate r : RATES) {
            derivedIds.add(r.change);
            derivedIds.add(r.gap);
        }
        List<PublishedFigure> publishedBase = new ArrayList<>();
        List<PublishedFigure> publishedDerived = new ArrayList<>();
        for (PublishedFigure f : published) {
            (derivedIds.contains(f.indicator()) ? publishedDerived : publishedBase).add(f);
        }
        Reconciler.Result first = Reconciler.reconcile(base, publishedBase, staged, geo);

        // Changes and gaps are taken over the completed series, published figures included, so a
        // year known only from a publication still gets its change.
        Map<Reconciler.Key, IndicatorValue> rates = new HashMap<>();
        for (IndicatorValue v : first.values()) {
            if (rateOf(v.indicator()) != null) {
                rates.put(new Reconciler.Key(v.indicator(), v.period(), v.geo(), v.breakdown()), v);
            }
        }
        Map<Reconciler.Key, IndicatorValue> publishedRates = new HashMap<>();
        for (PublishedFigure f : publishedBase) {
            if (rateOf(f.indicator()) != null && f.value() != null) {
                publishedRates.put(new Reconciler.Key(f.indicator(), f.period(), f.geo(), f.breakdown()),
                        new IndicatorValue(f.indicator(), f.period(), f.geo(), f.breakdown(), f.value(),
                                Basis.PUBLISHED, f.source()));
            }
        }
        List<IndicatorValue> derived = new ArrayList<>();
        Map<Breakdown, Breakdown[]> gapBreakdowns = new HashMap<>();
        for (IndicatorValue v : first.values()) {
            Rate rate = rateOf(v.indicator());
            if (rate == null || v.value() == null) {
                continue;
            }
            IndicatorValue before = rates.get(new Reconciler.Key(v.indicator(), v.period().previousYear(), v.geo(),
                    v.breakdown()));
            if (before != null && before.value() != null) {
                IndicatorValue[] pair = likeWithLike(v, before, publishedRates);
                derived.add(new IndicatorValue(rate.change, v.period(), v.geo(), v.breakdown(),
                        Ratios.minus(pair[0].value(), pair[1].value()), Basis.COMPUTED,
                        sourceOf(words, pair[0], pair[1], v.period().toString(), before.period().toString())));
            }
            Breakdown[] gaps = gapBreakdowns.computeIfAbsent(v.breakdown(), EmploymentIndicators::gapBreakdowns);
            for (int g = 0; g < GAPS.size(); g++) {
                if (gaps[2 * g] != null) {
                    IndicatorValue other = rates.get(new Reconciler.Key(v.indicator(), v.period(), v.geo(),
                            gaps[2 * g]));
                    if (other != null && other.value() != null) {
                        String[] gap = GAPS.get(g);
                        IndicatorValue[] pair = likeWithLike(v, other, publishedRates);
                        derived.add(new IndicatorValue(rate.gap, v.period(), v.geo(), gaps[2 * g + 1],
                                Ratios.minus(pair[0].value(), pair[1].value()), Basis.COMPUTED, sourceOf(words, pair[0], pair[1],
                                        gap[0] + "=" + gap[1] + ", " + v.period(), gap[0] + "=" + gap[2] + ", " + v.period())));
                    }
                }
            }
        }
        Reconciler.Result second = Reconciler.reconcile(derived, publishedDerived, staged, geo);

        List<IndicatorValue> values = new ArrayList<>();
        for (IndicatorValue v : first.values()) {
            if (range.contains(v.period())) {
                values.add(v);
            }
        }
        for (IndicatorValue v : second.values()) {
            if (range.contains(v.period())) {
                values.add(v);
            }
        }
        List<Reconciliation> checks = new ArrayList<>();
        for (Reconciliation r : first.checks()) {
            if (range.contains(r.period())) {
                checks.add(r);
            }
        }
        for (Reconciliation r : second.checks()) {
            if (range.contains(r.period())) {
                checks.add(r);
            }
        }
        return new Result(values, checks);
    }

    /**
     * Net job creation of all sectors is the change over a year of the employed aged 15 and over,
     * which labour_force.csv gives, by area too: computed from that file, both years from it, where
     * the sector file cannot give it. Otherwise only a publication would (a figure the counts
     * reproduce would be shown as published, and never checked against them).
     */
    private static void addNetJobCreationOfAllSectors(List<IndicatorValue> base, Cube labourForce, SourceText words) {
        Set<Reconciler.Key> fromSectors = new java.util.HashSet<>();
        for (IndicatorValue v : base) {
            if (v.indicator() == EMPLOYMENT_NET_JOB_CREATION) {
                fromSectors.add(new Reconciler.Key(v.indicator(), v.period(), v.geo(), v.breakdown()));
            }
        }
        for (Cube.Key key : labourForce.keys()) {
            Breakdown b = key.breakdown();
            if (!"total".equals(b.get("sex")) || !AgeGroups.ALL.equals(b.get("age_group"))) {
                continue;
            }
            Breakdown allSectors = "total".equals(b.get("area")) ? Breakdown.of("sector", "total")
                    : Breakdown.of("area", b.get("area"), "sector", "total");
            if (fromSectors.contains(new Reconciler.Key(EMPLOYMENT_NET_JOB_CREATION, key.period(), key.geo(),
                    allSectors))) {
                continue;
            }
            Cube.Key before = new Cube.Key(key.period().previousYear(), key.geo(), b);
            Double created = Ratios.difference(labourForce.get(key, "employed"), labourForce.get(before, "employed"));
            add(base, EMPLOYMENT_NET_JOB_CREATION, new Cube.Key(key.period(), key.geo(), allSectors), created,
                    words.quoting("source.net-creation", twoYears(words, labourForce, key, before),
                            key.period().toString(), before.period().toString(), LabourForceDataset.INSTANCE.file()));
        }
    }

    /**
     * The source of a change of the employed over a year: both years' (what each row's source says
     * of the employed, where it is in parts), unless one row or publication gave both.
     */
    private static String twoYears(SourceText words, Cube cube, Cube.Key key, Cube.Key before) {
        String now = cube.source(key, "employed");
        String then = cube.source(before, "employed");
        return Objects.equals(now, then) || then == null ? now
                : SourceText.capped(words.get("source.net-creation.two-sources", key.period().toString(), now,
                        before.period().toString(), then));
    }

    /**
     * The two rates a change or gap subtracts, alike: where one is a published figure (rounded to a
     * tenth) and the other a computed one that a publication also gives and that rounding explains,
     * the publication's is used for both. Else 43.5 published less 43.642 computed gives −0.142
     * where the HCP says −0.1 (its 43.6): a precision the published side does not have, and a bias
     * of up to 0.05 point. A publication that the counts contradict is not swapped in: the change
     * must agree with the rates shown beside it.
     */
    private static IndicatorValue[] likeWithLike(IndicatorValue a, IndicatorValue b,
                                                 Map<Reconciler.Key, IndicatorValue> publishedRates) {
        if (a.basis() == b.basis()) {
            return new IndicatorValue[] {a, b};
        }
        IndicatorValue computed = a.basis() == Basis.COMPUTED ? a : b;
        IndicatorValue published = publishedRates.get(new Reconciler.Key(computed.indicator(), computed.period(),
                computed.geo(), computed.breakdown()));
        if (published == null || Reconciler.beyondTolerance(computed.indicator().unit(), computed.value(),
                published.value())) {
            return new IndicatorValue[] {a, b};
        }
        return computed == a ? new IndicatorValue[] {published, b} : new IndicatorValue[] {a, published};
    }

    private static Rate rateOf(Indicator id) {
        for (Rate r : RATES) {
            if (r.id == id) {
                return r;
            }
        }
        return null;
    }

    /**
     * For each gap whose first side the breakdown is: the breakdown of the other side, and the
     * breakdown the gap is filed under ({@code sex=female minus male}); {@code null}s otherwise.
     * Made once per breakdown: a million rates would otherwise make several million equal ones.
     */
    private static Breakdown[] gapBreakdowns(Breakdown b) {
        Breakdown[] result = new Breakdown[GAPS.size() * 2];
        for (int g = 0; g < GAPS.size(); g++) {
            String[] gap = GAPS.get(g);
            if (gap[1].equals(b.get(gap[0]))) {
                result[2 * g] = b.with(gap[0], gap[2]);
                result[2 * g + 1] = b.with(gap[0], gap[1] + GAP_SEPARATOR + gap[2]);
            }
        }
        return result;
    }

    /**
     * Where a difference comes from, each side named ({@code 2023}, or {@code sex=female, 2023} for
     * a gap, whose two sides share the period) with its basis and source; once, when both sides
     * were computed from one source.
     */
    private static String sourceOf(SourceText words, IndicatorValue a, IndicatorValue b, String aName, String bName) {
        return words.bothEnds("source.difference", "source.difference.joint", aName, a.basis(), a.source(), bName,
                b.basis(), b.source());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void add(List<IndicatorValue> out, Indicator id, Cube.Key key, Double value, String source) {
        if (value != null) {
            out.add(new IndicatorValue(id, key.period(), key.geo(), key.breakdown(), value, Basis.COMPUTED, source));
        }
    }
}

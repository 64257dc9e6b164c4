package ma.observatory.tourism;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

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
import ma.observatory.indicator.Target;
import ma.observatory.indicator.TargetDataset;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

import static ma.observatory.indicator.Indicator.*;
import static ma.observatory.tourism.ArrivalsDataset.ARRIVALS_MEASURE;
import static ma.observatory.tourism.ArrivalsDataset.OVERNIGHT_STAYS_MEASURE;
import static ma.observatory.tourism.ArrivalsDataset.RECEIPTS_MEASURE;
import static ma.observatory.tourism.TourismJobsDataset.DIRECT_JOBS_MEASURE;

/**
 * The tourism indicators: arrivals, overnight stays and receipts as given, their year-on-year
 * change, year-to-date sums, MRE and market shares, receipts per arrival, direct jobs; and, for
 * each official target, how far the latest actual value is from it and whether the recent trend
 * reaches it. Pure computation: cubes, published figures and targets in, values out.
 */
public final class TourismIndicators {

    public static final String TOTAL = "total";
    /** All visitors from all markets: the breakdown of the national headline series. */
    public static final Breakdown ALL_ARRIVALS = ArrivalsRecord.breakdown(TOTAL, TOTAL);
    /** Years over which the trend of a target's series is measured. */
    static final int TRAILING_YEARS = 3;
    /** Levels read from the arrivals file, by measure. */
    private static final List<Map.Entry<String, Indicator>> ARRIVALS_LEVELS = List.of(
            Map.entry(ARRIVALS_MEASURE, TOURISM_ARRIVALS), Map.entry(OVERNIGHT_STAYS_MEASURE, TOURISM_OVERNIGHT_STAYS),
            Map.entry(RECEIPTS_MEASURE, TOURISM_RECEIPTS));

    /** Year-on-year changes, in %, of the levels that have one. */
    private static final Map<Indicator, Indicator> CHANGES = Map.of(TOURISM_ARRIVALS, TOURISM_ARRIVALS_CHANGE,
            TOURISM_ARRIVALS_YTD, TOURISM_ARRIVALS_YTD_CHANGE, TOURISM_RECEIPTS, TOURISM_RECEIPTS_CHANGE,
            TOURISM_RECEIPTS_YTD, TOURISM_RECEIPTS_YTD_CHANGE, TOURISM_DIRECT_JOBS, TOURISM_DIRECT_JOBS_CHANGE);

    private static final Set<Indicator> YTD_CHANGES = Set.of(TOURISM_ARRIVALS_YTD_CHANGE, TOURISM_RECEIPTS_YTD_CHANGE);

    /** Indicators worked out from other values (second pass), not from the counts themselves. */
    private static final Set<Indicator> DERIVED = Set.of(TOURISM_ARRIVALS_CHANGE, TOURISM_ARRIVALS_YTD_CHANGE,
            TOURISM_RECEIPTS_CHANGE, TOURISM_RECEIPTS_YTD_CHANGE, TOURISM_DIRECT_JOBS_CHANGE,
            TOURISM_DIRECT_JOBS_CREATED, TOURISM_JOBS_CREATED);

    private static final Set<Indicator> TARGET_INDICATORS = Set.of(TOURISM_TARGET_PROGRESS,
            TOURISM_TARGET_REQUIRED_CAGR, TOURISM_TARGET_PROJECTION, TOURISM_TARGET_ON_TRACK);

    public record Result(List<IndicatorValue> values, List<Reconciliation> checks) {
    }

    private TourismIndicators() {
    }

    // ---------------------------------------------------------------- totals

    /**
     * Completes the arrivals cube: {@code visitor_type=total} is foreign + MRE where the file gives
     * both, for each market. A total row the file gives keeps its figures (a difference beyond the
     * tolerance is a warning) and gets those it leaves empty from foreign + MRE (see
     * {@link Cube#deriveTotals}): a year published only by visitor type still gets its total.
     * Markets are never summed into {@code market=total}: the files list only some markets. A year
     * whose twelve months the file gives is their sum where the file gives no figure for it (see
     * {@link Cube#deriveYearsFromMonths}), its source saying so in the words' language. The years
     * of each visitor type come first (and an all-visitors year the file gives is checked against
     * its months): a foreign year the file gives, which wins over its months, is then part of the
     * all-visitors year, which foreign + MRE make before the all-visitors months would; those
     * months then make only the years still lacking, and are checked against the others.
     */
    public static void deriveArrivalsTotals(Cube arrivals, SourceText words) {
        // Arrivals, nights and receipts are flows: a year of twelve months is their sum.
        BiFunction<Period, String, String> months = (year, january) -> words.quoting("source.months", january,
                year.toString());
        arrivals.deriveYearsFromMonths(months, year -> !TOTAL.equals(year.breakdown().get("visitor_type"))
                || arrivals.keys().contains(year));
        arrivals.deriveTotals("visitor_type", TOTAL,
                present -> present.contains("foreign") && present.contains("mre") ? List.of("foreign", "mre")
                        : List.of());
        arrivals.fillYearsFromMonths(months);
    }

    // ---------------------------------------------------------------- indicators

    /** As {@link #compute(Cube, Cube, List, List, PeriodRange, GeoReference, SourceText)}, the sources' words in English. */
    public static Result compute(Cube arrivals, Cube jobs, List<PublishedFigure> published, List<Target> targets,
                                 PeriodRange range, GeoReference geo) {
        return compute(arrivals, jobs, published, targets, range, geo, SourceText.ENGLISH);
    }

    /**
     * @param arrivals  completed cube of {@code tourism/arrivals.csv} (see {@link #deriveArrivalsTotals})
     * @param jobs      cube of {@code tourism/jobs.csv}
     * @param published published tourism figures
     * @param targets   tourism targets, in file order
     * @param range     the run's range: only values of periods wholly inside it are returned; the
     *                  year before is read for changes
     * @param words     the words a source adds to what the files say, in the workbook's language
     */
    public static Result compute(Cube arrivals, Cube jobs, List<PublishedFigure> published, List<Target> targets,
                                 PeriodRange range, GeoReference geo, SourceText words) {
        PeriodRange staged = range.withPreviousYear();
        List<IndicatorValue> base = new ArrayList<>();
        for (Cube.Key key : arrivals.keys()) {
            arrivalIndicators(arrivals, key, base, words);
        }
        for (Cube.Key key : jobs.keys()) {
            add(base, TOURISM_DIRECT_JOBS, key.period(), key.geo(), key.breakdown(),
                    jobs.get(key, DIRECT_JOBS_MEASURE), jobs.source(key));
        }

        List<PublishedFigure> publishedBase = new ArrayList<>();
        List<PublishedFigure> publishedDerived = new ArrayList<>();
        List<PublishedFigure> publishedTargets = new ArrayList<>();
        for (PublishedFigure f : published) {
            if (TARGET_INDICATORS.contains(f.indicator())) {
                publishedTargets.add(f);
            } else if (DERIVED.contains(f.indicator())) {
                publishedDerived.add(f);
            } else {
                publishedBase.add(f);
            }
        }
        // Published levels complete the series as far back as the counts are staged, not just the
        // year before the range: a target's trend starts three years before its latest actual, and
        // jobs created count from a baseline up to ten years back. Only the range is returned.
        PeriodRange history = range.withYearsBefore(Math.max(ArrivalsDataset.INSTANCE.yearsOfHistory(),
                TourismJobsDataset.INSTANCE.yearsOfHistory()));
        Reconciler.Result first = Reconciler.reconcile(base, publishedBase, history, geo);

        // Changes and jobs created are taken over the completed series, published figures
        // included, so a year known only from a publication still gets its change.
        Map<String, IndicatorValue> levels = index(first.values());
        Map<String, IndicatorValue> counted = index(base);
        List<IndicatorValue> derived = new ArrayList<>();
        for (IndicatorValue v : first.values()) {
            Indicator change = CHANGES.get(v.indicator());
            if (change == null || v.value() == null || isJanuary(v.period()) && YTD_CHANGES.contains(change)) {
                continue; // January's year to date is the month: its change is the month's (below)
            }
            IndicatorValue before = levels.get(keyOf(v.indicator(), v.period().previousYear(), v.geo(),
                    v.breakdown()));
            if (before != null) {
                IndicatorValue[] ends = fromTheCounts(v, before, counted);
                Double pct = Ratios.percentChange(ends[0].value(), ends[1].value());
                if (pct != null) {
                    derived.add(new IndicatorValue(change, v.period(), v.geo(), v.breakdown(), pct, Basis.COMPUTED,
                            sourceOf(words, ends[0], ends[1])));
                }
            }
        }
        derived.addAll(directJobsCreated(first.values(), targets, words));
        Reconciler.Result second = Reconciler.reconcile(derived, publishedDerived, history, geo);
        List<IndicatorValue> januaries = januaryYearToDateChanges(second.values(), words);

        Map<String, IndicatorValue> series = index(first.values());
        series.putAll(index(second.values()));
        List<IndicatorValue> progress = new ArrayList<>();
        for (Target t : followed(targets, geo)) {
            progress.addAll(targetValues(t, series, range, words));
        }
        Reconciler.Result third = Reconciler.reconcile(progress, publishedTargets, staged, geo);

        List<IndicatorValue> values = new ArrayList<>();
        List<Reconciliation> checks = new ArrayList<>();
        for (IndicatorValue v : januaries) {
            if (range.contains(v.period())) {
                values.add(v);
            }
        }
        for (Reconciler.Result r : List.of(first, second, third)) {
            for (IndicatorValue v : r.values()) {
                if (range.contains(v.period())) {
                    values.add(v);
                }
            }
            for (Reconciliation c : r.checks()) {
                if (range.contains(c.period())) {
                    checks.add(c);
                }
            }
        }
        return new Result(values, checks);
    }

    /**
     * The two levels a change compares, from the count files where they give both: a year to date
     * shows the ministry's rounded total (2.7 million to February 2025 against 2.1 million), whose
     * ratio, +28.6 %, is not what the counts say (2,596,177 against 2,140,540, +21.3 %) and would
     * make Data quality compare the ministry's +24 % with its own totals rather than with the counts.
     * Where either end is known only from a publication, both are the levels shown.
     */
    private static IndicatorValue[] fromTheCounts(IndicatorValue now, IndicatorValue before,
                                                  Map<String, IndicatorValue> counted) {
        if (now.basis() == Basis.COMPUTED && before.basis() == Basis.COMPUTED) {
            return new IndicatorValue[] {now, before};
        }
        IndicatorValue countedNow = counted.get(now.key());
        IndicatorValue countedBefore = counted.get(before.key());
        return countedNow != null && countedNow.value() != null && countedBefore != null
                && countedBefore.value() != null ? new IndicatorValue[] {countedNow, countedBefore}
                : new IndicatorValue[] {now, before};
    }

    private static boolean isJanuary(Period p) {
        return p.granularity() == Period.Granularity.MONTH && p.firstMonth().getMonthValue() == 1;
    }

    /**
     * January's year-to-date changes: the month's own change as reported (the ministry's where it
     * prevails), so that the row never shows two changes of one figure; a published year-to-date
     * change of January is kept as it is.
     */
    private static List<IndicatorValue> januaryYearToDateChanges(List<IndicatorValue> changes, SourceText words) {
        Set<String> given = new java.util.HashSet<>();
        for (IndicatorValue v : changes) {
            if (YTD_CHANGES.contains(v.indicator())) {
                given.add(v.key());
            }
        }
        List<IndicatorValue> out = new ArrayList<>();
        for (IndicatorValue v : changes) {
            Indicator ytd = v.indicator() == TOURISM_ARRIVALS_CHANGE ? TOURISM_ARRIVALS_YTD_CHANGE
                    : v.indicator() == TOURISM_RECEIPTS_CHANGE ? TOURISM_RECEIPTS_YTD_CHANGE : null;
            if (ytd != null && isJanuary(v.period())) {
                // Named as what it is: a publication gave the month's change, not a year-to-date one.
                IndicatorValue copy = new IndicatorValue(ytd, v.period(), v.geo(), v.breakdown(), v.value(), v.basis(),
                        SourceText.capped(blank(v.source()) ? words.get("source.january-ytd", v.indicator().id())
                                : words.get("source.january-ytd.quoting", v.indicator().id(), v.source())));
                if (!given.contains(copy.key())) {
                    out.add(copy);
                }
            }
        }
        return out;
    }

    /** The values one cell of the arrivals cube gives, alone or with its neighbours. */
    private static void arrivalIndicators(Cube cube, Cube.Key key, List<IndicatorValue> out, SourceText words) {
        // Each figure cites its own part of a source in parts by figure (see SourceParts); a value
        // made from several figures (receipts per arrival) cites the whole source.
        String source = cube.source(key);
        String arrivalsSource = cube.source(key, ARRIVALS_MEASURE);
        Breakdown b = key.breakdown();
        for (var level : ARRIVALS_LEVELS) {
            add(out, level.getValue(), key.period(), key.geo(), b, cube.get(key, level.getKey()),
                    cube.source(key, level.getKey()));
        }
        Double arrivals = cube.get(key, ARRIVALS_MEASURE);
        String visitorType = b.get("visitor_type");
        String market = b.get("market");
        if (b.equals(ALL_ARRIVALS)) {
            Double receipts = cube.get(key, RECEIPTS_MEASURE);
            Double perArrival = receipts == null || arrivals == null || arrivals == 0.0 ? null
                    : receipts * 1e6 / arrivals;
            add(out, TOURISM_RECEIPTS_PER_ARRIVAL, key.period(), key.geo(), b, perArrival, source);
        }
        if ("mre".equals(visitorType)) {
            Double all = cube.get(withDim(key, "visitor_type", TOTAL), ARRIVALS_MEASURE);
            add(out, TOURISM_MRE_SHARE, key.period(), key.geo(), Breakdown.of("market", market),
                    Ratios.percent(arrivals, all), arrivalsSource);
        }
        if (market != null && !TOTAL.equals(market)) {
            Double allMarkets = cube.get(withDim(key, "market", TOTAL), ARRIVALS_MEASURE);
            add(out, TOURISM_MARKET_SHARE, key.period(), key.geo(), b, Ratios.percent(arrivals, allMarkets),
                    arrivalsSource);
        }
        if (key.period().granularity() == Period.Granularity.MONTH) {
            add(out, TOURISM_ARRIVALS_YTD, key.period(), key.geo(), b, yearToDate(cube, key, ARRIVALS_MEASURE),
                    monthsToDate(words, key.period(), arrivalsSource));
            add(out, TOURISM_RECEIPTS_YTD, key.period(), key.geo(), b, yearToDate(cube, key, RECEIPTS_MEASURE),
                    monthsToDate(words, key.period(), cube.source(key, RECEIPTS_MEASURE)));
        }
    }

    /**
     * The sum of a measure from January to the key's month, same place and breakdown; not
     * available as soon as one month is missing (a partial sum would pass for the cumulative).
     */
    /**
     * A year to date's source: the months it adds up, then what the file says of the latest, so that
     * a note on that month alone ("single month") is not read as the sum's. January's is the month.
     */
    private static String monthsToDate(SourceText words, Period month, String monthSource) {
        if (month.index() == 1) {
            return monthSource;
        }
        return SourceText.capped(words.quoting("source.months-to-date", monthSource,
                Period.month(month.year(), 1).toString(), month.toString()));
    }

    static Double yearToDate(Cube cube, Cube.Key month, String measure) {
        double sum = 0;
        for (int m = 1; m <= month.period().index(); m++) {
            Double v = cube.get(new Cube.Key(Period.month(month.period().year(), m), month.geo(), month.breakdown()),
                    measure);
            if (v == null) {
                return null;
            }
            sum += v;
        }
        return sum;
    }

    /**
     * Direct jobs created since each baseline that a {@code tourism.direct_jobs_created} target
     * names: direct jobs of a later period of the same length minus those of the baseline, with
     * the breakdown {@code baseline=<period>}.
     */
    private static List<IndicatorValue> directJobsCreated(List<IndicatorValue> levels, List<Target> targets,
                                                           SourceText words) {
        Set<Period> baselines = new LinkedHashSet<>();
        for (Target t : targets) {
            if (t.indicator() == TOURISM_DIRECT_JOBS_CREATED && t.baselinePeriod() != null) {
                baselines.add(t.baselinePeriod());
            }
        }
        Map<String, IndicatorValue> byKey = index(levels);
        List<IndicatorValue> out = new ArrayList<>();
        for (Period baseline : baselines) {
            for (IndicatorValue v : levels) {
                if (v.indicator() != TOURISM_DIRECT_JOBS || v.value() == null || !v.breakdown().equals(Breakdown.NONE)
                        || v.period().granularity() != baseline.granularity() || v.period().compareTo(baseline) <= 0) {
                    continue;
                }
                IndicatorValue start = byKey.get(keyOf(TOURISM_DIRECT_JOBS, baseline, v.geo(), Breakdown.NONE));
                if (start != null && start.value() != null) {
                    out.add(new IndicatorValue(TOURISM_DIRECT_JOBS_CREATED, v.period(), v.geo(),
                            baselineBreakdown(baseline), Ratios.minus(v.value(), start.value()), Basis.COMPUTED,
                            sourceOf(words, v, start)));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- targets

    /**
     * The breakdown of the series a target is measured against, or {@code null} when the
     * indicator has no national series to follow.
     */
    static Breakdown actualBreakdown(Target t) {
        if (t.indicator() == null) {
            return null;
        }
        return switch (t.indicator()) {
            case TOURISM_ARRIVALS, TOURISM_ARRIVALS_YTD, TOURISM_ARRIVALS_CHANGE, TOURISM_ARRIVALS_YTD_CHANGE,
                 TOURISM_OVERNIGHT_STAYS, TOURISM_RECEIPTS, TOURISM_RECEIPTS_YTD, TOURISM_RECEIPTS_CHANGE,
                 TOURISM_RECEIPTS_YTD_CHANGE, TOURISM_RECEIPTS_PER_ARRIVAL ->
                    ALL_ARRIVALS;
            case TOURISM_MRE_SHARE -> Breakdown.of("market", TOTAL);
            case TOURISM_DIRECT_JOBS, TOURISM_DIRECT_JOBS_CHANGE -> Breakdown.NONE;
            case TOURISM_DIRECT_JOBS_CREATED, TOURISM_JOBS_CREATED ->
                    t.baselinePeriod() == null ? Breakdown.NONE : baselineBreakdown(t.baselinePeriod());
            default -> null;
        };
    }

    static Breakdown baselineBreakdown(Period baseline) {
        return Breakdown.of("baseline", baseline.toString());
    }

    /** {@code target=tourism.arrivals 2026}: how every value about a target is keyed. */
    public static Breakdown targetBreakdown(Target t) {
        return Breakdown.of("target", t.label());
    }

    /**
     * The actual value a target is measured against: the latest annual value of its series at its
     * place that the run may report (its year not after the range's last year) — or, for a target
     * whose year the range covers whole, the value of that year itself: a 2023 milestone is judged on
     * 2023, not on what came after, nor on 2022 projected to a year that is over, and not at all
     * until 2023 is known.
     */
    static IndicatorValue latestActual(Target t, Map<String, IndicatorValue> series, PeriodRange range) {
        IndicatorValue latest = latestAnnual(t, series, range);
        if (latest != null && yearOver(t, range)) {
            IndicatorValue atTarget = series.get(keyOf(t.indicator(), Period.year(t.targetPeriod().year()), t.geo(),
                    actualBreakdown(t)));
            return atTarget != null && atTarget.value() != null ? atTarget : null;
        }
        return latest;
    }

    /** The latest annual value of a target's series at its place, its year not after the range's last. */
    private static IndicatorValue latestAnnual(Target t, Map<String, IndicatorValue> series, PeriodRange range) {
        Breakdown b = actualBreakdown(t);
        if (b == null) {
            return null;
        }
        IndicatorValue latest = null;
        for (IndicatorValue v : series.values()) {
            if (v.indicator() == t.indicator() && v.geo().equals(t.geo()) && v.breakdown().equals(b)
                    && v.period().granularity() == Period.Granularity.YEAR && v.value() != null
                    && !v.period().lastMonth().isAfter(range.lastMonth())
                    && (latest == null || v.period().compareTo(latest.period()) > 0)) {
                latest = v;
            }
        }
        return latest;
    }

    /**
     * The last year the range covers whole, as targets are measured on annual values (2025 for a
     * range to 2026-10); {@code null} when it covers no whole year.
     */
    private static Period lastWholeYear(PeriodRange range) {
        int year = range.lastMonth().getYear();
        for (Period p : List.of(Period.year(year), Period.year(year - 1))) {
            if (range.contains(p)) {
                return p;
            }
        }
        return null;
    }

    /** The range covers the target's year whole: the target is judged on that year's own value. */
    static boolean yearOver(Target t, PeriodRange range) {
        return !t.targetPeriod().lastMonth().isAfter(range.lastMonth());
    }

    /**
     * Progress, growth needed, projection and on-track flag of one target, each keyed by
     * {@code target=<id> <target period>}, at the target's place, for the year of the latest actual.
     * A target whose year ends in the range but is not yet known has its progress not available, at
     * that year: in January 2027 the 2026 targets stay on the Summary, waiting for 2026's figures,
     * rather than vanish. A target still ahead whose series has no annual value to measure it by has
     * its progress not available at the last year the range covers whole.
     */
    static List<IndicatorValue> targetValues(Target t, Map<String, IndicatorValue> series, PeriodRange range,
                                             SourceText words) {
        List<IndicatorValue> out = new ArrayList<>();
        IndicatorValue actual = latestActual(t, series, range);
        if (actual == null) {
            if (!yearOver(t, range) && actualBreakdown(t) != null) {
                // Nothing in the data measures it yet (jobs created since 2023 with no figure after
                // 2023): still a target the reader follows, shown not available as of the range's
                // last whole year rather than left off the Summary. A range of no whole year shows
                // no target's progress (measured on full years), this one's neither.
                Period asOf = lastWholeYear(range);
                if (asOf != null) {
                    out.add(new IndicatorValue(TOURISM_TARGET_PROGRESS, asOf, t.geo(), targetBreakdown(t), null,
                            Basis.COMPUTED, SourceText.capped(words.get("source.unmeasured", targetSource(words, t),
                                    words.periods().end(range)))));
                }
                return out;
            }
            // a target year ending before the range is not read, and not the workbook's news
            if (yearOver(t, range) && !t.targetPeriod().lastMonth().isBefore(range.firstMonth())
                    && actualBreakdown(t) != null) {
                IndicatorValue soFar = yearToDateReaching(t, series, range, t.targetPeriod().year() - 1);
                if (soFar != null) {
                    // the target year's own total so far reaches it: its full total will too
                    out.add(yearToDateProgress(t, soFar, words));
                    return out;
                }
                String year = Integer.toString(t.targetPeriod().year());
                // What an earlier year reached is said, not judged: 19.8 million in 2025 against
                // 17.5 million for 2026 is news the reader should not have to look up; so is a later
                // year's total so far that reached the target (MAD 124 bn to November 2025).
                IndicatorValue earlier = latestAnnual(t, series, range);
                IndicatorValue earlierSoFar = earlier == null || Ratios.reaches(earlier.value(), t.targetValue()) ? null
                        : yearToDateReaching(t, series, range, earlier.period().year());
                if (earlierSoFar != null) {
                    earlier = earlierSoFar;
                }
                String source = earlier == null || earlier.period().year() >= t.targetPeriod().year()
                        ? words.get("source.awaiting", targetSource(words, t), year)
                        : words.get("source.awaiting.earlier", targetSource(words, t), year,
                                earlier == earlierSoFar ? earlier.period().toString()
                                        : Integer.toString(earlier.period().year()), words.figure(earlier.value()),
                                words.decimal(Ratios.percent(earlier.value(), t.targetValue())),
                                words.basis(earlier.basis()));
                out.add(new IndicatorValue(TOURISM_TARGET_PROGRESS, Period.year(t.targetPeriod().year()), t.geo(),
                        targetBreakdown(t), null, Basis.COMPUTED, SourceText.capped(source)));
            }
            return out;
        }
        double a = actual.value();
        double target = t.targetValue();
        int actualYear = actual.period().year();
        int targetYear = t.targetPeriod().year();
        Period period = actual.period();
        Breakdown b = targetBreakdown(t);
        String source = targetSource(words, t, actual);

        add(out, TOURISM_TARGET_PROGRESS, period, t.geo(), b, Ratios.percent(a, target), source);
        // Only where the last full year falls short, and in a range covering a whole year, as targets are
        // measured on full years (a range of no whole year shows no target's progress).
        IndicatorValue soFar = targetYear > actualYear && !Ratios.reaches(a, target) && lastWholeYear(range) != null
                ? yearToDateReaching(t, series, range, actualYear) : null;
        IndicatorValue reachedSoFar = null;
        if (soFar != null) {
            // A later year's total so far already at the target: that year's total is at least as
            // much, so the target is reached then (MAD 124 bn to November 2025 for 120 bn in 2026),
            // which the last full year's 93.8 % would hide.
            reachedSoFar = yearToDateProgress(t, soFar, words);
            out.add(reachedSoFar);
        }
        if (targetYear > actualYear && (soFar != null || Ratios.reaches(a, target))) {
            // Reached before its year (19.8 million arrivals in 2025 for 17.5 million in 2026): the
            // Summary says "reached in 2025". A growth needed of -11.6 % read as a decline wanted,
            // and a projection from the post-2020 rebound as a forecast of 24 million: neither is given.
            // Reached by a total so far, the flag is that total's, dated and sourced as it is: dated
            // at the last full year, which fell short, it read as a projection from that year.
            if (reachedSoFar != null) {
                add(out, TOURISM_TARGET_ON_TRACK, reachedSoFar.period(), t.geo(), b, 1.0, reachedSoFar.source());
            } else {
                add(out, TOURISM_TARGET_ON_TRACK, period, t.geo(), b, 1.0, source);
            }
            return out;
        }
        Double onTrack;
        if (targetYear > actualYear && isRunningTotal(t)) {
            // Jobs created since a baseline add up year after year: a growth rate of such a total
            // means nothing (33,000 to 80,000 is not "+142 % a year"). The pace is jobs per year.
            int sinceBaseline = actualYear - t.baselinePeriod().year();
            if (sinceBaseline <= 0) {
                return out; // a figure for the baseline year itself: no pace yet, no telling
            }
            double projection = a + a / sinceBaseline * (targetYear - actualYear);
            out.add(new IndicatorValue(TOURISM_TARGET_PROJECTION, period, t.geo(), b, projection, Basis.COMPUTED,
                    SourceText.capped(words.get("source.pace", source, t.baselinePeriod().toString())),
                    t.indicator().unit()));
            onTrack = Ratios.reaches(projection, target) ? 1.0 : 0.0;
        } else if (targetYear > actualYear) {
            int years = targetYear - actualYear;
            add(out, TOURISM_TARGET_REQUIRED_CAGR, period, t.geo(), b, Ratios.cagrPercent(a, target, years), source);
            IndicatorValue start = series.get(keyOf(t.indicator(), Period.year(actualYear - TRAILING_YEARS), t.geo(),
                    actualBreakdown(t)));
            Double trend = start == null ? null : Ratios.cagrPercent(start.value(), a, TRAILING_YEARS);
            Double projection = trend == null ? null : a * Math.pow(1.0 + trend / 100.0, years);
            if (projection != null && Double.isFinite(projection)) {
                out.add(new IndicatorValue(TOURISM_TARGET_PROJECTION, period, t.geo(), b, projection, Basis.COMPUTED,
                        SourceText.capped(words.get("source.trend", source, Integer.toString(TRAILING_YEARS),
                                start.period().toString(), words.basis(start.basis()))),
                        t.indicator().unit()));
                onTrack = Ratios.reaches(projection, target) ? 1.0 : 0.0;
            } else {
                onTrack = null; // without a trend there is no telling
            }
        } else {
            // The target year has passed: compare that year's actual with the target itself.
            onTrack = Ratios.reaches(a, target) ? 1.0 : 0.0;
        }
        add(out, TOURISM_TARGET_ON_TRACK, period, t.geo(), b, onTrack, source);
        return out;
    }

    /** The share of a target that a year's total so far reaches, at its month, saying so. */
    private static IndicatorValue yearToDateProgress(Target t, IndicatorValue soFar, SourceText words) {
        // "to the end of November 2025", as the Summary's introduction dates the range, not "2025-11"
        YearMonth month = soFar.period().lastMonth();
        String said = words.quoting("source.year-to-date", soFar.source(), targetSource(words, t),
                words.monthName(month), String.valueOf(month.getYear()), words.basis(soFar.basis()));
        return new IndicatorValue(TOURISM_TARGET_PROGRESS, soFar.period(), t.geo(), targetBreakdown(t),
                Ratios.percent(soFar.value(), t.targetValue()), Basis.COMPUTED, SourceText.capped(said));
    }

    /** The year-to-date series of a target's indicator, for those summed over the months of a year. */
    private static final Map<Indicator, Indicator> YEAR_TO_DATE = Map.of(TOURISM_ARRIVALS, TOURISM_ARRIVALS_YTD,
            TOURISM_RECEIPTS, TOURISM_RECEIPTS_YTD);

    /** The year-to-date indicator of a target's indicator, or {@code null} when it has none. */
    static Indicator yearToDateOf(Indicator indicator) {
        return YEAR_TO_DATE.get(indicator);
    }

    /**
     * The latest year-to-date value of a target's indicator, at its place, in a year after
     * {@code afterYear} (the latest full year's) and not after the target's, within the range, that
     * already reaches the target; else {@code null}.
     */
    private static IndicatorValue yearToDateReaching(Target t, Map<String, IndicatorValue> series, PeriodRange range,
                                                     int afterYear) {
        Indicator ytd = YEAR_TO_DATE.get(t.indicator());
        Breakdown b = actualBreakdown(t);
        if (ytd == null || b == null) {
            return null;
        }
        IndicatorValue latest = null;
        for (IndicatorValue v : series.values()) {
            if (v.indicator() == ytd && v.geo().equals(t.geo()) && v.breakdown().equals(b) && v.value() != null
                    && v.period().year() > afterYear && v.period().year() <= t.targetPeriod().year()
                    && range.contains(v.period()) && Ratios.reaches(v.value(), t.targetValue())
                    && (latest == null || v.period().compareTo(latest.period()) > 0)) {
                latest = v;
            }
        }
        return latest;
    }

    /**
     * The targets the run reports the place of. One for a province, in a run of the country and its
     * regions, is a warning of the targets file saying it is not used: no figure could ever measure
     * it, and an [x] row would say it waits for one.
     */
    static List<Target> followed(List<Target> targets, GeoReference geo) {
        return geo == null ? targets : targets.stream().filter(t -> geo.isReported(t.geo())).toList();
    }

    /** A target on jobs created since its baseline year: a running total, which grows by addition. */
    static boolean isRunningTotal(Target t) {
        return t.baselinePeriod() != null
                && (t.indicator() == TOURISM_DIRECT_JOBS_CREATED || t.indicator() == TOURISM_JOBS_CREATED);
    }

    private static String targetSource(SourceText words, Target t) {
        String file = TargetDataset.INSTANCE.file();
        String line = Long.toString(t.line());
        return blank(t.source()) ? words.get("source.target", file, line)
                : words.get("source.target.quoting", file, line, t.source());
    }

    private static String targetSource(SourceText words, Target t, IndicatorValue actual) {
        String target = targetSource(words, t);
        String period = actual.period().toString();
        String basis = words.basis(actual.basis());
        return SourceText.capped(blank(actual.source()) ? words.get("source.latest-actual", target, period, basis)
                : words.get("source.latest-actual.quoting", target, period, basis, actual.source()));
    }

    // ---------------------------------------------------------------- helpers

    private static Cube.Key withDim(Cube.Key key, String dim, String value) {
        return new Cube.Key(key.period(), key.geo(), key.breakdown().with(dim, value));
    }

    static String keyOf(Indicator id, Period period, String geo, Breakdown b) {
        return new IndicatorValue(id, period, geo, b, null, Basis.COMPUTED, null).key();
    }

    private static Map<String, IndicatorValue> index(List<IndicatorValue> values) {
        Map<String, IndicatorValue> map = new HashMap<>();
        for (IndicatorValue v : values) {
            map.put(v.key(), v);
        }
        return map;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A change's source: both ends', with their bases, unless both were computed from one source. */
    private static String sourceOf(SourceText words, IndicatorValue a, IndicatorValue b) {
        return words.bothEnds("source.from-both", "source.from-both.joint", a.period().toString(), a.basis(),
                a.source(), b.period().toString(), b.basis(), b.source());
    }

    private static void add(List<IndicatorValue> out, Indicator id, Period period, String geo, Breakdown b,
                            Double value, String source) {
        if (value != null && Double.isFinite(value)) {
            out.add(new IndicatorValue(id, period, geo, b, value, Basis.COMPUTED, source));
        }
    }
}

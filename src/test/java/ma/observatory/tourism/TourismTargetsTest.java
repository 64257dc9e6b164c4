package ma.observatory.tourism;

import static ma.observatory.indicator.Indicator.*;
import static ma.observatory.tourism.TourismIndicatorsTest.ALL;
import static ma.observatory.tourism.TourismIndicatorsTest.arrivals;
import static ma.observatory.tourism.TourismIndicatorsTest.directJobs;
import static ma.observatory.tourism.TourismIndicatorsTest.find;
import static ma.observatory.tourism.TourismIndicatorsTest.jobs;
import static ma.observatory.tourism.TourismIndicatorsTest.published;
import static ma.observatory.tourism.TourismIndicatorsTest.put;
import static ma.observatory.tourism.TourismIndicatorsTest.range;
import static ma.observatory.tourism.TourismIndicatorsTest.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.Cube;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.indicator.PublishedFigure;
import ma.observatory.indicator.Target;
import ma.observatory.indicator.Unit;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

/**
 * Progress towards targets: share reached, growth needed, projection at the trailing three-year
 * growth, on track. Every expected value is worked out by hand in the comment next to it.
 */
class TourismTargetsTest {

    private static Target target(Indicator id, int year, double value) {
        return new Target(id, "MA", Period.year(year), value, null, null, "roadmap " + year, 3);
    }

    private static Target target(Indicator id, int year, double value, int baseline) {
        return new Target(id, "MA", Period.year(year), value, Period.year(baseline), null, "roadmap " + year, 4);
    }

    private static Breakdown of(Target t) {
        return Breakdown.of("target", t.label());
    }

    /** Annual national arrivals, year by year from {@code firstYear}; {@code null} = no row. */
    private static Cube arrivalsFrom(int firstYear, Double... millions) {
        Cube cube = arrivals();
        for (int i = 0; i < millions.length; i++) {
            if (millions[i] != null) {
                put(cube, Integer.toString(firstYear + i), ALL, millions[i] * 1e6, null, null);
            }
        }
        return cube;
    }

    private static TourismIndicators.Result run(Cube arrivals, PeriodRange range, Target... targets) {
        return TourismIndicatorsTest.compute(arrivals, jobs(), range, List.of(targets));
    }

    @Test
    void growthNeededFromTheLatestActualToTheTarget() {
        // 14.5 million in 2023; 17.5 million targeted for 2026.
        Target t = target(TOURISM_ARRIVALS, 2026, 17_500_000);
        var r = run(arrivalsFrom(2023, 14.5), range("2023", "2023"), t);

        // 14.5 / 17.5 = 82.857 % of the target reached
        assertThat(value(r, TOURISM_TARGET_PROGRESS, "2023", of(t))).isCloseTo(100.0 * 14.5 / 17.5, within(1e-9));
        // (17.5 / 14.5)^(1/3) - 1 = 1.2068966^(1/3) - 1 = 6.46904 % a year for three years
        assertThat(value(r, TOURISM_TARGET_REQUIRED_CAGR, "2023", of(t)))
                .isCloseTo(100.0 * (Math.cbrt(17.5 / 14.5) - 1), within(1e-9)).isCloseTo(6.46904, within(1e-5));
        // Nothing three years earlier: no trend, no projection, no telling whether on track.
        assertThat(find(r, TOURISM_TARGET_PROJECTION, "2023", of(t))).isEmpty();
        assertThat(find(r, TOURISM_TARGET_ON_TRACK, "2023", of(t))).isEmpty();
    }

    @Test
    void targetValuesAreKeyedByTheTargetAndDatedByTheLatestActual() {
        Target t = target(TOURISM_ARRIVALS, 2026, 17_500_000);
        var r = run(arrivalsFrom(2022, 10.9, 14.5, 17.4), range("2022", "2024"), t);

        assertThat(r.values()).filteredOn(v -> v.indicator() == TOURISM_TARGET_PROGRESS).singleElement()
                .satisfies(v -> {
                    assertThat(v.period()).isEqualTo(Period.year(2024));
                    assertThat(v.geo()).isEqualTo("MA");
                    assertThat(v.breakdown().toString()).isEqualTo("target=tourism.arrivals 2026");
                    assertThat(v.source()).contains("targets.csv line 3").contains("roadmap 2026")
                            .contains("latest actual 2024");
                });
    }

    @Test
    void projectionAtTheTrailingThreeYearGrowth() {
        // 2020: 10 million; 2023: 14.5 million. Trailing growth g: (1 + g)^3 = 14.5 / 10 = 1.45.
        Target t2026 = target(TOURISM_ARRIVALS, 2026, 17_500_000);
        Target t2030 = target(TOURISM_ARRIVALS, 2030, 40_000_000);
        var r = run(arrivalsFrom(2020, 10.0, null, null, 14.5), range("2020", "2023"), t2026, t2030);

        // 2026 is three years on: 14.5 x 1.45 = 21.025 million >= 17.5: on track
        IndicatorValue p2026 = find(r, TOURISM_TARGET_PROJECTION, "2023", of(t2026)).orElseThrow();
        assertThat(p2026.value()).isCloseTo(21_025_000, within(1e-3));
        assertThat(p2026.unit()).as("in the unit of the target").isEqualTo(Unit.PERSONS);
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2023", of(t2026))).isEqualTo(1.0);
        // 2030 is seven years on: 14.5 x 1.45^(7/3) = 34.5059 million < 40: off track
        assertThat(value(r, TOURISM_TARGET_PROJECTION, "2023", of(t2030)))
                .isCloseTo(14.5e6 * Math.pow(1.45, 7.0 / 3), within(1e-3))
                .isCloseTo(34.5059e6, within(100.0));
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2023", of(t2030))).isEqualTo(0.0);
        // Growth needed for 2030: (40 / 14.5)^(1/7) - 1 = 15.59 %
        assertThat(value(r, TOURISM_TARGET_REQUIRED_CAGR, "2023", of(t2030)))
                .isCloseTo(100.0 * (Math.pow(40 / 14.5, 1.0 / 7) - 1), within(1e-9));
    }

    @Test
    void projectionOfReceiptsIsInMadMillion() {
        Cube cube = arrivals();
        put(cube, "2021", ALL, null, null, 34_300.0);
        put(cube, "2024", ALL, null, null, 112_500.0);
        Target t = target(TOURISM_RECEIPTS, 2026, 120_000);

        var r = run(cube, range("2021", "2024"), t);

        // (112,500 / 34,300)^(1/3) = 1.485774 a year; 112,500 x 1.485774^2 = 248,346.5 MAD million
        IndicatorValue p = find(r, TOURISM_TARGET_PROJECTION, "2024", of(t)).orElseThrow();
        assertThat(p.value()).isCloseTo(112_500 * Math.pow(112_500 / 34_300.0, 2.0 / 3), within(1e-6))
                .isCloseTo(248_346.5, within(0.5));
        assertThat(p.unit()).isEqualTo(Unit.MAD_MILLION);
        // 112,500 / 120,000 = 93.75 %
        assertThat(value(r, TOURISM_TARGET_PROGRESS, "2024", of(t))).isCloseTo(93.75, within(1e-9));
    }

    @Test
    void aProjectionExactlyEqualToTheTargetIsOnTrack() {
        // No growth over three years (12 million in 2020 and 2023): the projection is 12 million.
        Target exact = target(TOURISM_ARRIVALS, 2026, 12_000_000);
        Target justAbove = target(TOURISM_ARRIVALS, 2027, 12_000_001);
        var r = run(arrivalsFrom(2020, 12.0, null, null, 12.0), range("2020", "2023"), exact, justAbove);

        // One person short: off track.
        assertThat(value(r, TOURISM_TARGET_PROJECTION, "2023", of(justAbove))).isEqualTo(12_000_000.0);
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2023", of(justAbove))).isEqualTo(0.0);
        // The latest actual exactly at the target reaches it already: on track, nothing to project.
        assertThat(value(r, TOURISM_TARGET_PROGRESS, "2023", of(exact))).isEqualTo(100.0);
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2023", of(exact))).isEqualTo(1.0);
        assertThat(find(r, TOURISM_TARGET_PROJECTION, "2023", of(exact))).isEmpty();
        assertThat(find(r, TOURISM_TARGET_REQUIRED_CAGR, "2023", of(exact))).isEmpty();
    }

    @Test
    void aTargetForAPlaceTheRunDoesNotReportHasNoValue() {
        // a province's target in a run of the country and its regions: the targets file warns it is not
        // used; an [x] share reached "waiting for a figure" would say otherwise
        Target province = new Target(TOURISM_ARRIVALS, "MA-01-01", Period.year(2026), 1_000_000, null, null,
                "province plan", 8);
        Target country = target(TOURISM_ARRIVALS, 2026, 17_500_000);

        var r = run(arrivalsFrom(2022, 10.9, 14.5, 17.4, 19.8), range("2022", "2026-10"), province, country);

        assertThat(r.values()).filteredOn(v -> v.breakdown().get("target") != null)
                .extracting(IndicatorValue::geo).containsOnly("MA");
        assertThat(TourismIndicators.followed(List.of(province, country), TourismIndicatorsTest.GEO))
                .containsExactly(country);
    }

    @Test
    void aTargetAFullYearBeforeItsYearAlreadyReachesIsReachedWithNothingProjected() {
        // 19.8 million in 2025 for 17.5 million in 2026: reached, as the Summary says. A growth needed
        // of (17.5 / 19.8) - 1 = -11.6 % and a projection at the 2022-2025 rebound (24.2 million)
        // would read as a decline wanted and a forecast.
        Target t = target(TOURISM_ARRIVALS, 2026, 17_500_000);
        var r = run(arrivalsFrom(2022, 10.9, 14.5, 17.4, 19.8), range("2022", "2025"), t);

        // 19.8 / 17.5 = 113.14 %
        assertThat(value(r, TOURISM_TARGET_PROGRESS, "2025", of(t))).isCloseTo(100 * 19.8 / 17.5, within(1e-9));
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2025", of(t))).isEqualTo(1.0);
        assertThat(find(r, TOURISM_TARGET_REQUIRED_CAGR, "2025", of(t))).isEmpty();
        assertThat(find(r, TOURISM_TARGET_PROJECTION, "2025", of(t))).isEmpty();
    }

    @Test
    void equalityHoldsDespiteTheRoundingOfTheGrowthRate() {
        // 10 million in 2020, 17.28 million in 2023: +20 % a year (1.2^3 = 1.728). Three years on
        // the projection is 17.28 x 1.728 = 29.85984 million exactly in arithmetic, but
        // pow(1.728, 1/3)^3 computes to 29,859,839.999999996: still on track.
        Target t = target(TOURISM_ARRIVALS, 2026, 29_859_840);
        var r = run(arrivalsFrom(2020, 10.0, null, null, 17.28), range("2020", "2023"), t);

        assertThat(value(r, TOURISM_TARGET_PROJECTION, "2023", of(t))).isCloseTo(29_859_840, within(1e-6));
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2023", of(t))).isEqualTo(1.0);
        // The growth the sheet reads back from the projection: 20 % a year.
        assertThat(TourismSheets.trend(find(r, TOURISM_ARRIVALS, "2023", ALL).orElseThrow(),
                find(r, TOURISM_TARGET_PROJECTION, "2023", of(t)).orElseThrow(), 2026))
                .isCloseTo(20.0, within(1e-9));
    }

    @Test
    void aPastTargetYearIsJudgedOnThatYearsActual() {
        // Actuals: 2022 10.9 M, 2023 14.5 M, 2024 17.4 M.
        Target reached = target(TOURISM_ARRIVALS, 2023, 13_500_000);
        Target missed = target(TOURISM_ARRIVALS, 2024, 20_000_000);
        Target exactly = target(TOURISM_ARRIVALS, 2022, 10_900_000);
        var r = run(arrivalsFrom(2021, null, 10.9, 14.5, 17.4), range("2021", "2024"), reached, missed, exactly);

        // The 2023 milestone is judged on 2023, not on 2024: 14.5 / 13.5 = 107.41 %, reached.
        assertThat(value(r, TOURISM_TARGET_PROGRESS, "2023", of(reached))).isCloseTo(100.0 * 14.5 / 13.5, within(1e-9));
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2023", of(reached))).isEqualTo(1.0);
        // 17.4 / 20 = 87 % in the target year 2024: missed.
        assertThat(value(r, TOURISM_TARGET_PROGRESS, "2024", of(missed))).isCloseTo(87.0, within(1e-9));
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2024", of(missed))).isEqualTo(0.0);
        // Exactly equal, in 2022, counts as reached.
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2022", of(exactly))).isEqualTo(1.0);
        // No growth needed and no projection for a year that is not ahead.
        for (Target t : List.of(reached, missed, exactly)) {
            String year = t.targetPeriod().toString();
            assertThat(find(r, TOURISM_TARGET_REQUIRED_CAGR, year, of(t))).isEmpty();
            assertThat(find(r, TOURISM_TARGET_PROJECTION, year, of(t))).isEmpty();
        }
    }

    @Test
    void aPastTargetYearWithoutItsOwnValueIsNotJudgedOnALaterYear() {
        // 2021 is not known; 2022 to 2024 are. The 2021 milestone cannot be judged on 2024's 17.4 M.
        Target milestone = target(TOURISM_ARRIVALS, 2021, 11_000_000);
        var r = run(arrivalsFrom(2022, 10.9, 14.5, 17.4), range("2021", "2024"), milestone);

        assertThat(r.values()).filteredOn(v -> of(milestone).equals(v.breakdown())).singleElement()
                .satisfies(v -> assertAwaited(v, "2021", "roadmap 2021 | no annual figure for 2021 in the data"));
    }

    @Test
    void aTargetYearEndingBeforeTheRangeIsNotAwaited() {
        // The run reads arrivals from three years before the range only: 2018 is not read, not missing.
        Target old = target(TOURISM_ARRIVALS, 2018, 12_000_000);
        var r = run(arrivalsFrom(2022, 10.9, 14.5, 17.4), range("2022", "2024"), old);

        assertThat(r.values()).noneMatch(v -> of(old).equals(v.breakdown()));
    }

    /** The one value of a target whose year is over and not known: its progress, not available. */
    private static void assertAwaited(IndicatorValue v, String year, String source) {
        assertThat(v.indicator()).isEqualTo(TOURISM_TARGET_PROGRESS);
        assertThat(v.period()).isEqualTo(Period.parse(year));
        assertThat(v.value()).isNull();
        assertThat(v.source()).isEqualTo("target: targets.csv line 3, " + source);
    }

    @Test
    void aTargetYearTheRangeCoversIsNotJudgedOnTheYearBeforeUntilItsOwnValueIsKnown() {
        // The nightly run of January 2027 covers 2026 whole, whose arrivals are not published yet:
        // 2025's 19.8 M projected to 2026 would say "on track" for a year that is over.
        Target t = target(TOURISM_ARRIVALS, 2026, 17_500_000);
        var before = run(arrivalsFrom(2022, 10.9, 14.5, 17.4, 19.8), range("2022-01", "2026-12"), t);

        // it stays in view, waiting: progress not available at 2026, nothing projected
        assertThat(before.values()).filteredOn(v -> of(t).equals(v.breakdown())).singleElement()
                // and says what 2025 had reached: 19.8 / 17.5 = 113.14 %
                .satisfies(v -> assertAwaited(v, "2026", "roadmap 2026 | no annual figure for 2026 in the data;"
                        + " in 2025: 19,800,000 (computed), 113.1% of the target"));

        // Once 2026 is known (say 20.1 M), it is judged on it: 20.1 / 17.5 = 114.86 %, reached.
        var after = run(arrivalsFrom(2022, 10.9, 14.5, 17.4, 19.8, 20.1), range("2022-01", "2026-12"), t);
        assertThat(value(after, TOURISM_TARGET_PROGRESS, "2026", of(t))).isCloseTo(100.0 * 20.1 / 17.5, within(1e-9));
        assertThat(value(after, TOURISM_TARGET_ON_TRACK, "2026", of(t))).isEqualTo(1.0);
        // While the target year is still running (to 2026-11), 2025 is the latest actual, as before.
        var running = run(arrivalsFrom(2022, 10.9, 14.5, 17.4, 19.8), range("2022-01", "2026-11"), t);
        assertThat(value(running, TOURISM_TARGET_PROGRESS, "2025", of(t))).isCloseTo(100.0 * 19.8 / 17.5, within(1e-9));
    }

    @Test
    void theLatestActualIsTheLatestAnnualValueInTheRange() {
        Cube cube = arrivalsFrom(2023, 14.5, 17.4, 19.8);
        put(cube, "2025-07", ALL, 2_700_000.0, null, null); // a month is not an annual actual
        Target t = target(TOURISM_ARRIVALS, 2026, 17_500_000);

        // The range ends in June 2025: the year 2025 is not wholly inside, 2024 is the latest.
        var r = run(cube, range("2024-01", "2025-06"), t);

        // 17.4 / 17.5 = 99.43 %
        assertThat(value(r, TOURISM_TARGET_PROGRESS, "2024", of(t))).isCloseTo(100.0 * 17.4 / 17.5, within(1e-9));
        assertThat(r.values()).filteredOn(v -> v.indicator() == TOURISM_TARGET_PROGRESS)
                .extracting(IndicatorValue::period).containsExactly(Period.year(2024));
    }

    @Test
    void theLatestActualMayBeAPublishedValue() {
        Cube cube = arrivalsFrom(2021, 4.0);
        Target t = target(TOURISM_ARRIVALS, 2026, 17_500_000);

        var r = TourismIndicatorsTest.compute(cube, jobs(), range("2021", "2024"), List.of(t),
                published(TOURISM_ARRIVALS, "2024", ALL, 16_000_000));

        // 16 / 17.5 = 91.43 %; trend from the 4 million counted in 2021: (16 / 4)^(1/3) = 4^(1/3)
        assertThat(value(r, TOURISM_TARGET_PROGRESS, "2024", of(t))).isCloseTo(100.0 * 16 / 17.5, within(1e-9));
        // 16 million x 4^(2/3) = 40.317 million
        assertThat(value(r, TOURISM_TARGET_PROJECTION, "2024", of(t)))
                .isCloseTo(16e6 * Math.pow(4, 2.0 / 3), within(1e-3));
        assertThat(find(r, TOURISM_TARGET_PROGRESS, "2024", of(t)).orElseThrow().source())
                .contains("latest actual 2024 (published)");
    }

    @Test
    void theTrendMayStartFromAPublishedValueYearsBeforeTheRange() {
        Cube cube = arrivalsFrom(2024, 17.4);
        Target t = target(TOURISM_ARRIVALS, 2026, 17_500_000);

        var r = TourismIndicatorsTest.compute(cube, jobs(), range("2024", "2024"), List.of(t),
                published(TOURISM_ARRIVALS, "2021", ALL, 3_700_000));

        // trend from the 3.7 million published for 2021, three years before 2024 (the range's year
        // before is 2023): 17.4 million x (17.4 / 3.7)^(2/3) = 48.84 million by 2026
        IndicatorValue projection = find(r, TOURISM_TARGET_PROJECTION, "2024", of(t)).orElseThrow();
        assertThat(projection.value()).isCloseTo(17.4e6 * Math.pow(17.4 / 3.7, 2.0 / 3), within(1e-3));
        assertThat(projection.source()).contains("from 2021 (published)");
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2024", of(t))).isEqualTo(1.0);
        // the 2021 figure serves the trend; it is not one of the run's values
        assertThat(r.values()).noneMatch(v -> v.period().equals(Period.year(2021)));
    }

    @Test
    void jobsCreatedMayCountFromAPublishedBaselineYearsBeforeTheRange() {
        Cube jobs = jobs();
        directJobs(jobs, "2025", 860_000);
        Target t = target(TOURISM_DIRECT_JOBS_CREATED, 2026, 80_000, 2022);

        var r = TourismIndicatorsTest.compute(arrivals(), jobs, range("2025", "2025"), List.of(t),
                published(TOURISM_DIRECT_JOBS, "2022", Breakdown.NONE, 802_000));

        // 860,000 counted in 2025 - 802,000 published for 2022 = 58,000 created since 2022
        assertThat(value(r, TOURISM_DIRECT_JOBS_CREATED, "2025", Breakdown.of("baseline", "2022")))
                .isEqualTo(58_000.0);
    }

    @Test
    void aLaterYearsTotalSoFarThatReachesTheTargetReachesItThatYear() {
        // 16 million in 2024; 1.6 million a month in 2025, 17.6 million to November: the 2026 target
        // of 17.5 million is reached in 2025, whatever December brings
        Cube cube = arrivalsFrom(2021, 3.7, 10.9, 14.5, 16.0);
        for (int month = 1; month <= 11; month++) {
            put(cube, String.format("2025-%02d", month), ALL, 1.6e6, null, null);
        }
        Target t = target(TOURISM_ARRIVALS, 2026, 17_500_000);

        var r = run(cube, range("2024", "2025-11"), t);

        // the last full year's share stays: 16 / 17.5 = 91.43 %
        assertThat(value(r, TOURISM_TARGET_PROGRESS, "2024", of(t))).isCloseTo(100 * 16 / 17.5, within(1e-9));
        // and the year so far's: 17.6 / 17.5 = 100.57 %, saying from what
        IndicatorValue soFar = find(r, TOURISM_TARGET_PROGRESS, "2025-11", of(t)).orElseThrow();
        assertThat(soFar.value()).isCloseTo(100 * 17.6 / 17.5, within(1e-9));
        assertThat(soFar.source()).startsWith("target: targets.csv line 3, roadmap 2026 | year to date to the end of"
                + " November 2025 (computed), a floor for that year’s total");
        // reached: no growth needed from the full year's 16 million, nothing projected from it; the
        // flag is the total so far's, with its date and source, not a judgement of 2024's
        assertThat(find(r, TOURISM_TARGET_ON_TRACK, "2024", of(t))).isEmpty();
        IndicatorValue flag = find(r, TOURISM_TARGET_ON_TRACK, "2025-11", of(t)).orElseThrow();
        assertThat(flag.value()).isEqualTo(1.0);
        assertThat(flag.source()).isEqualTo(soFar.source());
        assertThat(find(r, TOURISM_TARGET_REQUIRED_CAGR, "2024", of(t))).isEmpty();
        assertThat(find(r, TOURISM_TARGET_PROJECTION, "2024", of(t))).isEmpty();

        // Once the target year is over, its own total so far reaching the target is reached too
        for (int month = 1; month <= 11; month++) {
            put(cube, String.format("2026-%02d", month), ALL, 1.6e6, null, null);
        }
        var over = run(cube, range("2022-01", "2026-12"), t);
        assertThat(over.values()).filteredOn(v -> v.indicator() == TOURISM_TARGET_PROGRESS).singleElement()
                .satisfies(v -> {
                    assertThat(v.period()).isEqualTo(Period.month(2026, 11));
                    assertThat(v.value()).isCloseTo(100 * 17.6 / 17.5, within(1e-9));
                });

        // A range of no whole year shows no target's progress, a year to date's neither
        assertThat(run(cube, range("2025-01", "2025-11"), t).values())
                .noneMatch(v -> v.indicator() == TOURISM_TARGET_PROGRESS);

        // Below the target, the year so far says nothing of the year: no such value
        Cube lower = arrivalsFrom(2021, 3.7, 10.9, 14.5, 16.0);
        for (int month = 1; month <= 11; month++) {
            put(lower, String.format("2025-%02d", month), ALL, 1.5e6, null, null);
        }
        assertThat(run(lower, range("2024", "2025-11"), t).values())
                .filteredOn(v -> v.indicator() == TOURISM_TARGET_PROGRESS).extracting(v -> v.period().toString())
                .containsExactly("2024");
    }

    @Test
    void aTargetAFullYearReachedIsNotSaidReachedLaterByAYearToDate() {
        // 19.8 million in 2025 reach the 17.5 million of 2026; 2026's months to September too (18 m)
        Cube cube = arrivalsFrom(2022, 10.9, 14.5, 17.4, 19.8);
        for (int month = 1; month <= 9; month++) {
            put(cube, String.format("2026-%02d", month), ALL, 2.0e6, null, null);
        }
        Target t = target(TOURISM_ARRIVALS, 2026, 17_500_000);

        var r = run(cube, range("2022-01", "2026-10"), t);

        assertThat(r.values()).filteredOn(v -> v.indicator() == TOURISM_TARGET_PROGRESS)
                .extracting(v -> v.period().toString()).containsExactly("2025");
    }

    @Test
    void aTargetAwaitingItsYearSaysWhatALaterYearToDateReached() {
        // 1 January 2027: receipts of 2026 not known; 112,500 in 2024, 124,000 to November 2025
        Cube cube = arrivals();
        put(cube, "2024", ALL, null, null, 112_500.0);
        Target t = target(TOURISM_RECEIPTS, 2026, 120_000);

        var r = TourismIndicatorsTest.compute(cube, jobs(), range("2022-01", "2026-12"), List.of(t),
                published(TOURISM_RECEIPTS_YTD, "2025-11", ALL, 124_000));

        assertThat(r.values()).filteredOn(v -> v.indicator() == TOURISM_TARGET_PROGRESS).singleElement()
                .satisfies(v -> {
                    assertThat(v.period()).isEqualTo(Period.year(2026));
                    assertThat(v.value()).isNull();
                    // 124 / 120 = 103.3 %, not 2024's 93.8 %
                    assertThat(v.source()).endsWith("no annual figure for 2026 in the data; in 2025-11: 124,000"
                            + " (published), 103.3% of the target");
                });
    }

    @Test
    void aTargetAheadThatNothingMeasuresYetIsNotAvailableAsOfTheRangesLastWholeYear() {
        Target t = target(TOURISM_ARRIVALS, 2026, 17_500_000);

        var r = run(arrivals(), range("2023", "2024-06"), t);

        // still on the Summary, [x]: no growth, projection or verdict from nothing
        assertThat(r.values()).singleElement().satisfies(v -> {
            assertThat(v.indicator()).isEqualTo(TOURISM_TARGET_PROGRESS);
            assertThat(v.period()).isEqualTo(Period.year(2023)); // 2024 is not over at 2024-06
            assertThat(v.breakdown()).isEqualTo(of(t));
            assertThat(v.value()).isNull();
            assertThat(v.source()).isEqualTo("target: targets.csv line 3, roadmap 2026 | no figure in the data to"
                    + " measure it by, up to the end of June\u00a02024");
        });
        // a range of no whole year shows no target's progress, measured on full years: this one's neither
        assertThat(run(arrivals(), range("2024-02", "2024-06"), t).values()).isEmpty();
    }

    @Test
    void directJobsCreatedAreCountedFromTheBaselineYear() {
        Cube jobs = jobs();
        directJobs(jobs, "2022", 802_000);
        directJobs(jobs, "2023", 827_000);
        directJobs(jobs, "2025", 860_000);
        Target t = target(TOURISM_DIRECT_JOBS_CREATED, 2026, 80_000, 2023);

        var r = TourismIndicatorsTest.compute(arrivals(), jobs, range("2022", "2025"), List.of(t));

        Breakdown sinceBaseline = Breakdown.of("baseline", "2023");
        // 860,000 - 827,000 = 33,000 created since 2023
        assertThat(value(r, TOURISM_DIRECT_JOBS_CREATED, "2025", sinceBaseline)).isEqualTo(33_000.0);
        // none reported for the baseline itself nor before it
        assertThat(find(r, TOURISM_DIRECT_JOBS_CREATED, "2023", sinceBaseline)).isEmpty();
        assertThat(find(r, TOURISM_DIRECT_JOBS_CREATED, "2022", sinceBaseline)).isEmpty();
        // 33,000 / 80,000 = 41.25 %
        assertThat(value(r, TOURISM_TARGET_PROGRESS, "2025", of(t))).isCloseTo(41.25, within(1e-9));
        // A running total has no growth rate ("+142 % a year" from 33,000 to 80,000 would mean nothing):
        assertThat(find(r, TOURISM_TARGET_REQUIRED_CAGR, "2025", of(t))).isEmpty();
        // its projection adds the pace since the baseline: 33,000 in two years, 16,500 a year, so
        // 33,000 + 16,500 = 49,500 in 2026, short of 80,000
        assertThat(value(r, TOURISM_TARGET_PROJECTION, "2025", of(t))).isCloseTo(49_500.0, within(1e-9));
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2025", of(t))).isEqualTo(0.0);
    }

    @Test
    void directJobsCreatedAreNotAvailableWithoutTheBaselineYear() {
        Cube jobs = jobs();
        directJobs(jobs, "2025", 860_000);
        Target t = target(TOURISM_DIRECT_JOBS_CREATED, 2026, 80_000, 2023);

        var r = TourismIndicatorsTest.compute(arrivals(), jobs, range("2023", "2025"), List.of(t));

        assertThat(r.values()).noneMatch(v -> v.indicator() == TOURISM_DIRECT_JOBS_CREATED);
        // the target is followed all the same, not available
        assertThat(r.values()).filteredOn(v -> v.breakdown().get("target") != null).singleElement()
                .satisfies(v -> {
                    assertThat(v.indicator()).isEqualTo(TOURISM_TARGET_PROGRESS);
                    assertThat(v.value()).isNull();
                });
    }

    @Test
    void jobsCreatedHaveOnlyTheirPublishedValues() {
        Target t = target(TOURISM_JOBS_CREATED, 2026, 200_000, 2023);
        PublishedFigure jobsCreated = published(TOURISM_JOBS_CREATED, "2025", Breakdown.of("baseline", "2023"),
                150_000);

        var r = TourismIndicatorsTest.compute(arrivals(), jobs(), range("2024", "2025"), List.of(t), jobsCreated);

        IndicatorValue actual = find(r, TOURISM_JOBS_CREATED, "2025", Breakdown.of("baseline", "2023")).orElseThrow();
        assertThat(actual.basis()).isEqualTo(Basis.PUBLISHED);
        // 150,000 / 200,000 = 75 %; at 75,000 a year since 2023, 225,000 in 2026: on track
        assertThat(value(r, TOURISM_TARGET_PROGRESS, "2025", of(t))).isCloseTo(75.0, within(1e-9));
        assertThat(value(r, TOURISM_TARGET_PROJECTION, "2025", of(t))).isCloseTo(225_000.0, within(1e-9));
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2025", of(t))).isEqualTo(1.0);

        // A figure for the baseline year itself gives no pace: progress only, no projection or verdict.
        var atBaseline = TourismIndicatorsTest.compute(arrivals(), jobs(), range("2023", "2023"), List.of(t),
                published(TOURISM_JOBS_CREATED, "2023", Breakdown.of("baseline", "2023"), 0));
        assertThat(value(atBaseline, TOURISM_TARGET_PROGRESS, "2023", of(t))).isZero();
        assertThat(find(atBaseline, TOURISM_TARGET_PROJECTION, "2023", of(t))).isEmpty();
        assertThat(find(atBaseline, TOURISM_TARGET_ON_TRACK, "2023", of(t))).isEmpty();
    }

    @Test
    void jobsCreatedWhosePaceReachesTheTargetExactlyAreOnTrack() {
        Target t = target(TOURISM_JOBS_CREATED, 2026, 150_000, 2023);

        var r = TourismIndicatorsTest.compute(arrivals(), jobs(), range("2024", "2025"), List.of(t),
                published(TOURISM_JOBS_CREATED, "2025", Breakdown.of("baseline", "2023"), 100_000));

        // 100,000 in the two years since 2023, 50,000 a year: 150,000 in 2026, the target exactly
        assertThat(value(r, TOURISM_TARGET_PROJECTION, "2025", of(t))).isEqualTo(150_000.0);
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2025", of(t))).isEqualTo(1.0);
    }

    @Test
    void directJobsTargetFollowsTheSeriesWithoutBreakdown() {
        Cube jobs = jobs();
        directJobs(jobs, "2020", 700_000);
        directJobs(jobs, "2023", 827_000);
        Target t = target(TOURISM_DIRECT_JOBS, 2026, 1_000_000);

        var r = TourismIndicatorsTest.compute(arrivals(), jobs, range("2020", "2023"), List.of(t));

        // (827 / 700)^(1/3) per year for three years: 827,000 x 827/700 = 977,041.4 < 1,000,000: off track
        assertThat(value(r, TOURISM_TARGET_PROJECTION, "2023", of(t)))
                .isCloseTo(827_000.0 * 827 / 700, within(1e-3));
        assertThat(value(r, TOURISM_TARGET_ON_TRACK, "2023", of(t))).isEqualTo(0.0);
    }
}

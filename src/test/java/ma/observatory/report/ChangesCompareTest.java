package ma.observatory.report;

import static ma.observatory.indicator.Indicator.OUTSOURCING_RELOCATED_IN;
import static ma.observatory.indicator.Indicator.TOURISM_TARGET_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.CellTable;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.job.RunParameters;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;
import ma.observatory.report.ChangesSheet.Change;
import ma.observatory.report.ChangesSheet.Kind;

/** What the Changes sheet lists: a value kept not available counts as no figure at all. */
class ChangesCompareTest {

    private static final Period Y2026 = Period.year(2026);
    private static final Breakdown TARGET = Breakdown.parse("target=tourism.arrivals 2026");
    private static final Breakdown FROM_FR = Breakdown.of("origin_country", "FR");
    private static final Breakdown FROM_ES = Breakdown.of("origin_country", "ES");

    private static IndicatorValue value(ma.observatory.indicator.Indicator id, Breakdown b, Double v) {
        return new IndicatorValue(id, Y2026, "MA", b, v, Basis.COMPUTED, "source");
    }

    private static ReportContext context(List<IndicatorValue> values) {
        RunParameters run = new RunParameters(new PeriodRange(Period.month(2022, 1), Period.month(2026, 12)),
                Path.of("data"), Path.of("reports"), "en", Set.of("outsourcing", "tourism"), 0.01,
                Set.of("country", "region"), LocalDateTime.of(2027, 2, 1, 2, 0));
        return new ReportContext(2, run, new Messages("en"), CellTable.morocco("MA-01"), values, null);
    }

    private static List<Change> compare(List<IndicatorValue> before, List<IndicatorValue> after) {
        return ChangesSheet.compare(context(after), before::forEach, null);
    }

    @Test
    void aFigureThatComesWhereNoneWasIsNewAndOneThatGoesIsGone() {
        // February 2027: 2026's arrivals are in (20.1 / 17.5 = 114.9 %); a French move's jobs are withdrawn
        List<Change> changes = compare(
                List.of(value(TOURISM_TARGET_PROGRESS, TARGET, null), value(OUTSOURCING_RELOCATED_IN, FROM_FR, 300.0),
                        value(OUTSOURCING_RELOCATED_IN, FROM_ES, null)),
                List.of(value(TOURISM_TARGET_PROGRESS, TARGET, 114.9), value(OUTSOURCING_RELOCATED_IN, FROM_FR, null)));

        assertThat(changes).extracting(Change::indicator, Change::kind, Change::before, Change::after)
                .containsExactlyInAnyOrder(
                        tuple(TOURISM_TARGET_PROGRESS, Kind.NEW, null, 114.9),
                        tuple(OUTSOURCING_RELOCATED_IN, Kind.GONE, 300.0, null));
    }

    @Test
    void aValueNotAvailableInBothRunsOrNewlyListedWithoutAFigureIsNoChange() {
        List<Change> changes = compare(List.of(value(TOURISM_TARGET_PROGRESS, TARGET, null)),
                List.of(value(TOURISM_TARGET_PROGRESS, TARGET, null), value(OUTSOURCING_RELOCATED_IN, FROM_ES, null)));

        assertThat(changes).isEmpty();
    }

    @Test
    void twoRangesShareThePeriodsFromTheLaterStartToTheEarlierEnd() {
        PeriodRange december = new PeriodRange(Period.month(2021, 1), Period.month(2026, 11));
        PeriodRange january = new PeriodRange(Period.month(2022, 1), Period.month(2026, 12));
        assertThat(ChangesSheet.shared(january, december))
                .isEqualTo(new PeriodRange(Period.month(2022, 1), Period.month(2026, 11)));
        assertThat(ChangesSheet.shared(new PeriodRange(Period.year(2015), Period.year(2020)), january)).isNull();
        // a year and the months of that year start and end together; ends of two kinds are said in months
        assertThat(ChangesSheet.shared(new PeriodRange(Period.year(2023), Period.year(2024)),
                new PeriodRange(Period.month(2024, 1), Period.month(2024, 12))))
                .isEqualTo(new PeriodRange(Period.month(2024, 1), Period.month(2024, 12)));
        assertThat(ChangesSheet.shared(new PeriodRange(Period.year(2024), Period.year(2025)),
                new PeriodRange(Period.month(2023, 1), Period.month(2024, 6))).toString())
                .isEqualTo(new PeriodRange(Period.month(2024, 1), Period.month(2024, 6)).toString());
        assertThat(ChangesSheet.shared(new PeriodRange(Period.year(2023), Period.year(2024)),
                new PeriodRange(Period.year(2024), Period.year(2025)))).isEqualTo(
                new PeriodRange(Period.year(2024), Period.year(2024)));
    }

    @Test
    void onAnotherRangeOnlyThePeriodsBothCoverAreCompared() {
        // the night before ran to 2026-11; 2021's values are outside tonight's range, 2026-12's outside its
        PeriodRange shared = new PeriodRange(Period.month(2022, 1), Period.month(2026, 11));
        IndicatorValue old2021 = new IndicatorValue(OUTSOURCING_RELOCATED_IN, Period.year(2021), "MA", FROM_FR, 90.0,
                Basis.COMPUTED, "s");
        IndicatorValue new202612 = new IndicatorValue(OUTSOURCING_RELOCATED_IN, Period.month(2026, 12), "MA", FROM_ES,
                40.0, Basis.COMPUTED, "s");
        IndicatorValue before2025 = new IndicatorValue(OUTSOURCING_RELOCATED_IN, Period.year(2025), "MA", FROM_FR,
                300.0, Basis.COMPUTED, "s");
        IndicatorValue after2025 = new IndicatorValue(OUTSOURCING_RELOCATED_IN, Period.year(2025), "MA", FROM_FR,
                320.0, Basis.COMPUTED, "s");
        List<Change> changes = ChangesSheet.compare(context(List.of(new202612, after2025)),
                List.of(old2021, before2025)::forEach, shared);

        assertThat(changes).singleElement().extracting(Change::kind, Change::before, Change::after)
                .containsExactly(Kind.REVISED, 300.0, 320.0);
    }

    @Test
    void aYearBothRangesCoverInPartIsComparedWhereBothRunsReportTheIndicatorThatYear() {
        // to 2026-10, then to 2026-11: a move out of Morocco on 15 November enters the year 2026
        PeriodRange shared = new PeriodRange(Period.month(2022, 1), Period.month(2026, 10));
        Breakdown out = Breakdown.of("destination_country", "total");
        Breakdown toFrance = Breakdown.of("destination_country", "FR");
        var jobsOut = ma.observatory.indicator.Indicator.OUTSOURCING_RELOCATED_OUT;
        var employed = ma.observatory.indicator.Indicator.EMPLOYMENT_EMPLOYED;
        List<IndicatorValue> before = List.of(new IndicatorValue(jobsOut, Y2026, "MA", out, 0.0, Basis.COMPUTED, "s"));
        List<IndicatorValue> after = List.of(new IndicatorValue(jobsOut, Y2026, "MA", out, 300.0, Basis.COMPUTED, "s"),
                new IndicatorValue(jobsOut, Y2026, "MA", toFrance, 300.0, Basis.COMPUTED, "s"),
                // reported for 2026 by this run only (a range covering 2026 whole would add it): not news
                new IndicatorValue(employed, Y2026, "MA", Breakdown.NONE, 11_000.0, Basis.COMPUTED, "s"),
                // a month after the earlier range: not compared
                new IndicatorValue(jobsOut, Period.month(2026, 11), "MA", out, 300.0, Basis.COMPUTED, "s"));

        List<Change> changes = ChangesSheet.compare(context(after), before::forEach, shared);

        assertThat(changes).extracting(Change::indicator, Change::breakdown, Change::kind, Change::before, Change::after)
                .containsExactlyInAnyOrder(tuple(jobsOut, out, Kind.REVISED, 0.0, 300.0),
                        tuple(jobsOut, toFrance, Kind.NEW, null, 300.0));
        // and the other way: what the earlier run reported for a year this run still reports, and no longer has
        assertThat(ChangesSheet.compare(context(before.subList(0, 0)), after.subList(0, 2)::forEach, shared)).isEmpty();
        assertThat(ChangesSheet.compare(context(after.subList(0, 1)), after.subList(0, 2)::forEach, shared))
                .extracting(Change::breakdown, Change::kind).containsExactly(tuple(toFrance, Kind.GONE));
    }

    @Test
    void aYearWhoseFirstMonthsALaterStartLeavesOutIsNotCompared() {
        // 2021-01 to 2026-10, then 2021-06 to 2026-10: moves of March 2021 leave 2021's total, no input changed
        PeriodRange later = new PeriodRange(Period.month(2021, 6), Period.month(2026, 10));
        RunParameters run = new RunParameters(later, Path.of("data"), Path.of("reports"), "en", Set.of("outsourcing"),
                0.01, Set.of("country", "region"), LocalDateTime.of(2026, 11, 2, 2, 0));
        IndicatorValue before = new IndicatorValue(OUTSOURCING_RELOCATED_IN, Period.year(2021), "MA", FROM_FR, 140.0,
                Basis.COMPUTED, "s");
        IndicatorValue after = new IndicatorValue(OUTSOURCING_RELOCATED_IN, Period.year(2021), "MA", FROM_FR, 40.0,
                Basis.COMPUTED, "s");

        assertThat(ChangesSheet.compare(new ReportContext(2, run, new Messages("en"), CellTable.morocco("MA-01"),
                List.of(after), null), List.of(before)::forEach, later)).isEmpty();
    }

    @Test
    void aFigureThatMovesIsRevised() {
        List<Change> changes = compare(List.of(value(OUTSOURCING_RELOCATED_IN, FROM_FR, 300.0)),
                List.of(value(OUTSOURCING_RELOCATED_IN, FROM_FR, 320.0)));

        assertThat(changes).singleElement().extracting(Change::kind, Change::before, Change::after)
                .containsExactly(Kind.REVISED, 300.0, 320.0);
    }

    @Test
    void aWholeRevisedSeriesListsEveryValueOnceAndKeepsTheIndicatorsTablesOrder() {
        // the HCP re-bases a series: every one of 12 regions x 40 quarters x 3 breakdowns moves by a
        // thousand; the night before also had a region since merged (gone), tonight adds a quarter (new)
        var employed = ma.observatory.indicator.Indicator.EMPLOYMENT_EMPLOYED;
        List<Breakdown> breakdowns = List.of(Breakdown.NONE, Breakdown.of("sex", "female"), Breakdown.of("sex", "male"));
        List<IndicatorValue> before = new ArrayList<>();
        List<IndicatorValue> after = new ArrayList<>();
        for (int region = 1; region <= 13; region++) {
            String geo = String.format("MA-%02d", region);
            for (int q = 0; q < 41; q++) {
                Period quarter = Period.quarter(2016 + q / 4, q % 4 + 1);
                for (Breakdown b : breakdowns) {
                    double figure = region * 1000 + q;
                    if (region <= 12 && q < 40) {
                        after.add(new IndicatorValue(employed, quarter, geo, b, figure + 1000, Basis.COMPUTED, "s"));
                    }
                    if (region <= 12 && q == 40) {
                        after.add(new IndicatorValue(employed, quarter, geo, b, figure, Basis.COMPUTED, "s"));
                    }
                    if (q < 40) {
                        before.add(new IndicatorValue(employed, quarter, geo, b, figure, Basis.COMPUTED, "s"));
                    }
                }
            }
        }
        Collections.reverse(before); // the earlier run's order is not this run's

        List<Change> changes = compare(before, after);

        assertThat(changes).hasSize(12 * 40 * 3 + 40 * 3 + 12 * 3);
        assertThat(changes).filteredOn(c -> c.kind() == Kind.REVISED).hasSize(12 * 40 * 3)
                .allSatisfy(c -> assertThat(c.after() - c.before()).isEqualTo(1000.0));
        assertThat(changes).filteredOn(c -> c.kind() == Kind.GONE).hasSize(40 * 3)
                .allSatisfy(c -> assertThat(c.geo()).isEqualTo("MA-13"));
        assertThat(changes).filteredOn(c -> c.kind() == Kind.NEW).hasSize(12 * 3)
                .allSatisfy(c -> assertThat(c.period()).isEqualTo(Period.quarter(2026, 1)));
        // by period, then place, then breakdown, as the Indicators table lists them
        assertThat(changes.get(0)).extracting(Change::period, Change::geo, Change::breakdown, Change::before,
                Change::after).containsExactly(Period.quarter(2016, 1), "MA-01", Breakdown.NONE, 1000.0, 2000.0);
        assertThat(changes.get(changes.size() - 1)).extracting(Change::period, Change::geo, Change::kind)
                .containsExactly(Period.quarter(2026, 1), "MA-12", Kind.NEW);
    }

    @Test
    void aValueTheEarlierRunStoredTwiceIsComparedOnce() {
        List<Change> changes = compare(List.of(value(OUTSOURCING_RELOCATED_IN, FROM_FR, 300.0),
                        value(OUTSOURCING_RELOCATED_IN, FROM_FR, 300.0)),
                List.of(value(OUTSOURCING_RELOCATED_IN, FROM_FR, 320.0)));

        assertThat(changes).singleElement().extracting(Change::kind, Change::before, Change::after)
                .containsExactly(Kind.REVISED, 300.0, 320.0);
    }

    @Test
    void theIntroCountsOnlyTheKindsOfChangeThereAreInTheirNumber() {
        assertThat(ChangesSheet.counted(new Messages("en"), new long[] {0, 0, 4})).isEqualTo("4 values revised");
        assertThat(ChangesSheet.counted(new Messages("en"), new long[] {1, 2, 0})).isEqualTo("1 new value, 2 values gone");
        assertThat(ChangesSheet.counted(new Messages("fr"), new long[] {2, 1, 1234}))
                .isEqualTo("2 valeurs nouvelles, 1 valeur disparue, 1\u202f234 valeurs révisées");
    }
}

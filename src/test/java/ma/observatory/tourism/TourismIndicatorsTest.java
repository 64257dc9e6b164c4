package ma.observatory.tourism;

import static ma.observatory.indicator.Indicator.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ma.observatory.csv.RowProblem;
import ma.observatory.cube.Breakdown;
import ma.observatory.cube.CellTable;
import ma.observatory.cube.Cube;
import ma.observatory.geo.GeoReference;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.indicator.SourceText;
import ma.observatory.indicator.PublishedFigure;
import ma.observatory.indicator.Target;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

/**
 * Arrivals measures are given in the order arrivals, overnight_stays, receipts_mad_million;
 * every expected value is worked out by hand in the comment next to it.
 */
class TourismIndicatorsTest {

    static final GeoReference GEO = CellTable.morocco("MA-01", "MA-02");
    static final Breakdown ALL = Breakdown.of("visitor_type", "total", "market", "total");

    // ---- helpers, shared with the target tests ----

    static PeriodRange range(String from, String to) {
        return new PeriodRange(Period.parse(from), Period.parse(to));
    }

    static Breakdown arrivalsOf(String visitorType, String market) {
        return Breakdown.of("visitor_type", visitorType, "market", market);
    }

    static Cube arrivals() {
        return Cube.empty(ArrivalsDataset.INSTANCE);
    }

    static Cube jobs() {
        return Cube.empty(TourismJobsDataset.INSTANCE);
    }

    /** One cell of the arrivals cube at Morocco: arrivals, overnight stays, receipts (MAD million). */
    static void put(Cube cube, String period, Breakdown b, Double arrivals, Double nights, Double receipts) {
        cube.put(new Cube.Key(Period.parse(period), "MA", b), "src " + period + " " + b, arrivals, nights, receipts);
    }

    static void arrivals(Cube cube, String period, Breakdown b, double arrivals) {
        put(cube, period, b, arrivals, null, null);
    }

    static void directJobs(Cube cube, String period, double jobs) {
        cube.put(new Cube.Key(Period.parse(period), "MA", Breakdown.NONE), "jobs " + period, jobs);
    }

    static PublishedFigure published(Indicator id, String period, Breakdown b, double value) {
        return new PublishedFigure(id, Period.parse(period), "MA", b, value, "office " + period, 10);
    }

    static TourismIndicators.Result compute(Cube arrivals, Cube jobs, PeriodRange range, List<Target> targets,
                                            PublishedFigure... published) {
        TourismIndicators.deriveArrivalsTotals(arrivals, SourceText.ENGLISH);
        return TourismIndicators.compute(arrivals, jobs, List.of(published), targets, range, GEO);
    }

    static TourismIndicators.Result compute(Cube arrivals, PeriodRange range, PublishedFigure... published) {
        return compute(arrivals, jobs(), range, List.of(), published);
    }

    static Optional<IndicatorValue> find(TourismIndicators.Result r, Indicator id, String period, Breakdown b) {
        List<IndicatorValue> found = r.values().stream().filter(v -> v.indicator() == id
                && v.period().equals(Period.parse(period)) && v.geo().equals("MA") && v.breakdown().equals(b)).toList();
        assertThat(found).as("values for " + id.id() + " " + period + " " + b).hasSizeLessThan(2);
        return found.stream().findFirst();
    }

    static double value(TourismIndicators.Result r, Indicator id, String period, Breakdown b) {
        return find(r, id, period, b).orElseThrow(() -> new AssertionError("no " + id.id() + " " + period + " " + b))
                .value();
    }

    // ---- levels and changes ----

    @Test
    void levelsAreGivenAsInTheFileAndChangesCompareWithTheSamePeriodAYearEarlier() {
        Cube cube = arrivals();
        put(cube, "2023", ALL, 14_500_000.0, null, 105_000.0);
        put(cube, "2024", ALL, 17_400_000.0, 30_000_000.0, 112_500.0);

        var r = compute(cube, range("2024", "2024"));

        assertThat(value(r, TOURISM_ARRIVALS, "2024", ALL)).isEqualTo(17_400_000.0);
        assertThat(value(r, TOURISM_OVERNIGHT_STAYS, "2024", ALL)).isEqualTo(30_000_000.0);
        assertThat(value(r, TOURISM_RECEIPTS, "2024", ALL)).isEqualTo(112_500.0);
        // (17.4 - 14.5) / 14.5 = 2.9 / 14.5 = +20 %
        assertThat(value(r, TOURISM_ARRIVALS_CHANGE, "2024", ALL)).isCloseTo(20.0, within(1e-9));
        // (112,500 - 105,000) / 105,000 = 7,500 / 105,000 = +7.142857 %
        assertThat(value(r, TOURISM_RECEIPTS_CHANGE, "2024", ALL)).isCloseTo(100.0 * 7_500 / 105_000, within(1e-9));
        // 2023 is read for the change only: outside the range, not reported.
        assertThat(r.values()).noneMatch(v -> v.period().equals(Period.year(2023)));
        // No overnight stays in 2023: no value, never 0.
        assertThat(find(r, TOURISM_OVERNIGHT_STAYS, "2023", ALL)).isEmpty();
    }

    @Test
    void monthlyChangeComparesWithTheSameMonthAndMarketChangesByMarket() {
        Cube cube = arrivals();
        arrivals(cube, "2023-01", arrivalsOf("foreign", "FR"), 110_335);
        arrivals(cube, "2024-01", arrivalsOf("foreign", "FR"), 122_330);
        arrivals(cube, "2023-12", arrivalsOf("foreign", "FR"), 200_000); // not the comparison of 2024-01

        var r = compute(cube, range("2024-01", "2024-01"));

        // (122,330 - 110,335) / 110,335 = 11,995 / 110,335 = +10.8714 %
        assertThat(value(r, TOURISM_ARRIVALS_CHANGE, "2024-01", arrivalsOf("foreign", "FR")))
                .isCloseTo(100.0 * 11_995 / 110_335, within(1e-9));
    }

    @Test
    void noChangeWithoutTheYearBefore() {
        Cube cube = arrivals();
        arrivals(cube, "2024", ALL, 17_400_000);

        var r = compute(cube, range("2024", "2024"));

        assertThat(find(r, TOURISM_ARRIVALS_CHANGE, "2024", ALL)).isEmpty();
    }

    // ---- year to date ----

    @Test
    void yearToDateSumsJanuaryToTheMonthWhenEveryMonthIsPresent() {
        Cube cube = arrivals();
        arrivals(cube, "2024-01", ALL, 1_000_000);
        arrivals(cube, "2024-02", ALL, 1_100_000);
        arrivals(cube, "2024-03", ALL, 1_200_000);
        arrivals(cube, "2024-01", arrivalsOf("foreign", "FR"), 122_330);
        arrivals(cube, "2024-02", arrivalsOf("foreign", "FR"), 184_556);
        arrivals(cube, "2024", ALL, 17_400_000);

        var r = compute(cube, range("2024-01", "2024-12"));

        // January alone is its own year to date.
        assertThat(value(r, TOURISM_ARRIVALS_YTD, "2024-01", ALL)).isEqualTo(1_000_000.0);
        // 1.0 + 1.1 = 2.1 million
        assertThat(value(r, TOURISM_ARRIVALS_YTD, "2024-02", ALL)).isEqualTo(2_100_000.0);
        // 1.0 + 1.1 + 1.2 = 3.3 million
        assertThat(value(r, TOURISM_ARRIVALS_YTD, "2024-03", ALL)).isEqualTo(3_300_000.0);
        // its source names the months added up before quoting what the file says of the last one
        assertThat(find(r, TOURISM_ARRIVALS_YTD, "2024-03", ALL).orElseThrow().source())
                .isEqualTo("2024-01 to 2024-03 added up; 2024-03: src 2024-03 " + ALL);
        assertThat(find(r, TOURISM_ARRIVALS_YTD, "2024-01", ALL).orElseThrow().source()).isEqualTo("src 2024-01 " + ALL);
        // Same breakdown only: France's foreign tourists 122,330 + 184,556 = 306,886.
        assertThat(value(r, TOURISM_ARRIVALS_YTD, "2024-02", arrivalsOf("foreign", "FR"))).isEqualTo(306_886.0);
        // The year 2024, given, has no year to date: it is the whole year.
        assertThat(find(r, TOURISM_ARRIVALS, "2024", ALL)).isPresent();
        assertThat(find(r, TOURISM_ARRIVALS_YTD, "2024", ALL)).isEmpty();
        assertThat(r.values()).filteredOn(v -> v.indicator() == TOURISM_ARRIVALS_YTD)
                .allMatch(v -> v.period().granularity() == Period.Granularity.MONTH);
    }

    @Test
    void yearToDateIsNotWrittenWhenOneMonthIsMissing() {
        Cube cube = arrivals();
        arrivals(cube, "2024-01", ALL, 1_000_000);
        // February missing
        arrivals(cube, "2024-03", ALL, 1_200_000);
        arrivals(cube, "2024-04", ALL, 1_300_000);
        put(cube, "2024-05", ALL, null, null, 9_000.0); // May given, but only its receipts

        var r = compute(cube, range("2024-01", "2024-12"));

        assertThat(find(r, TOURISM_ARRIVALS_YTD, "2024-01", ALL)).isPresent();
        assertThat(find(r, TOURISM_ARRIVALS_YTD, "2024-03", ALL)).as("February missing").isEmpty();
        assertThat(find(r, TOURISM_ARRIVALS_YTD, "2024-04", ALL)).as("February missing").isEmpty();
        assertThat(find(r, TOURISM_ARRIVALS_YTD, "2024-05", ALL)).as("no arrivals in May").isEmpty();
        // The months themselves are reported as given.
        assertThat(value(r, TOURISM_ARRIVALS, "2024-03", ALL)).isEqualTo(1_200_000.0);
    }

    @Test
    void yearToDateUsesMonthsOfTheYearBeforeTheRangeStarts() {
        Cube cube = arrivals();
        arrivals(cube, "2024-01", ALL, 1_000_000);
        arrivals(cube, "2024-02", ALL, 1_100_000);
        arrivals(cube, "2024-03", ALL, 1_200_000);

        var r = compute(cube, range("2024-03", "2024-12"));

        // January and February are staged (year before the range start), not reported: 3.3 million.
        assertThat(value(r, TOURISM_ARRIVALS_YTD, "2024-03", ALL)).isEqualTo(3_300_000.0);
        assertThat(find(r, TOURISM_ARRIVALS_YTD, "2024-02", ALL)).isEmpty();
    }

    @Test
    void yearToDateChangesCompareWithTheSameMonthsAYearEarlierAPublishedChangePrevailing() {
        Cube cube = arrivals();
        put(cube, "2023-01", ALL, 900_000.0, null, 8_000.0);
        put(cube, "2023-02", ALL, 1_000_000.0, null, 9_000.0);
        put(cube, "2024-01", ALL, 1_000_000.0, null, 8_400.0);
        put(cube, "2024-02", ALL, 1_100_000.0, null, 9_500.0);
        put(cube, "2023", ALL, 14_500_000.0, null, 104_700.0);
        put(cube, "2024", ALL, 17_400_000.0, null, 112_500.0);

        var r = compute(cube, range("2024-01", "2024-12"),
                published(TOURISM_RECEIPTS_YTD_CHANGE, "2024-02", ALL, 5.0));

        // receipts to February: 8,400 + 9,500 = 17,900 MAD million
        assertThat(value(r, TOURISM_RECEIPTS_YTD, "2024-02", ALL)).isEqualTo(17_900.0);

        // arrivals to February: 2.1 million against 1.9 million, +10.526 %
        assertThat(value(r, TOURISM_ARRIVALS_YTD_CHANGE, "2024-02", ALL))
                .isCloseTo(100.0 * (2_100_000.0 / 1_900_000 - 1), within(1e-9));
        // January: its year to date is the month itself, 1.0 against 0.9 million
        assertThat(value(r, TOURISM_ARRIVALS_YTD_CHANGE, "2024-01", ALL))
                .isCloseTo(100.0 * (1_000_000.0 / 900_000 - 1), within(1e-9));
        // receipts to February: 17,900 against 17,000 would be +5.29 %; the ministry's +5 % is reported,
        // and the computed figure kept for Data quality
        IndicatorValue receipts = find(r, TOURISM_RECEIPTS_YTD_CHANGE, "2024-02", ALL).orElseThrow();
        assertThat(receipts.value()).isEqualTo(5.0);
        assertThat(receipts.basis()).isEqualTo(Basis.PUBLISHED);
        assertThat(r.checks()).anySatisfy(c -> {
            assertThat(c.indicator()).isEqualTo(TOURISM_RECEIPTS_YTD_CHANGE);
            assertThat(c.computed()).isCloseTo(100.0 * (17_900.0 / 17_000 - 1), within(1e-9));
        });
        // the years, given, have their change (17.4 against 14.5 million, +20 %) but no year-to-date one
        assertThat(value(r, TOURISM_ARRIVALS_CHANGE, "2024", ALL)).isCloseTo(20.0, within(1e-9));
        assertThat(find(r, TOURISM_ARRIVALS_YTD_CHANGE, "2024", ALL)).isEmpty();
        assertThat(find(r, TOURISM_RECEIPTS_YTD_CHANGE, "2024", ALL)).isEmpty();
    }

    @Test
    void januarysYearToDateChangeIsTheMonthsAsReported() {
        Cube cube = arrivals();
        arrivals(cube, "2024-01", ALL, 992_541);
        arrivals(cube, "2025-01", ALL, 1_200_000); // "≈1.2 million": +20.9 % computed

        var r = compute(cube, range("2025-01", "2025-12"), published(TOURISM_ARRIVALS_CHANGE, "2025-01", ALL, 27.0));

        // the month's change is the ministry's +27 %; January's year to date is the same figure, and says so
        IndicatorValue ytd = find(r, TOURISM_ARRIVALS_YTD_CHANGE, "2025-01", ALL).orElseThrow();
        assertThat(ytd.value()).isEqualTo(27.0);
        assertThat(ytd.basis()).isEqualTo(Basis.PUBLISHED);
        assertThat(ytd.source()).startsWith("January’s own change (tourism.arrivals_change_pct), the year to date"
                + " being the month: ");
        assertThat(value(r, TOURISM_ARRIVALS_CHANGE, "2025-01", ALL)).isEqualTo(27.0);
    }

    // ---- shares and ratios ----

    @Test
    void mreShareIsMreArrivalsOverAllArrivalsOfTheSameMarket() {
        Cube cube = arrivals();
        arrivals(cube, "2024", arrivalsOf("total", "total"), 17_400_000);
        arrivals(cube, "2024", arrivalsOf("mre", "total"), 8_600_000);
        arrivals(cube, "2024", arrivalsOf("total", "FR"), 5_000_000);
        arrivals(cube, "2024", arrivalsOf("mre", "FR"), 3_000_000);

        var r = compute(cube, range("2024", "2024"));

        // 8.6 / 17.4 = 49.4253 %
        assertThat(value(r, TOURISM_MRE_SHARE, "2024", Breakdown.of("market", "total")))
                .isCloseTo(100.0 * 8.6 / 17.4, within(1e-9));
        // 3 / 5 = 60 %
        assertThat(value(r, TOURISM_MRE_SHARE, "2024", Breakdown.of("market", "FR"))).isCloseTo(60.0, within(1e-9));
    }

    @Test
    void visitorTotalIsForeignPlusMreWhenTheFileLacksIt() {
        Cube cube = arrivals();
        arrivals(cube, "2024", arrivalsOf("foreign", "total"), 8_800_000);
        arrivals(cube, "2024", arrivalsOf("mre", "total"), 8_600_000);

        var r = compute(cube, range("2024", "2024"));

        // 8.8 + 8.6 = 17.4 million; MRE share 8.6 / 17.4
        assertThat(value(r, TOURISM_ARRIVALS, "2024", ALL)).isEqualTo(17_400_000.0);
        assertThat(value(r, TOURISM_MRE_SHARE, "2024", Breakdown.of("market", "total")))
                .isCloseTo(100.0 * 8.6 / 17.4, within(1e-9));
    }

    @Test
    void aTotalRowGivingOnlyReceiptsGetsItsArrivalsFromForeignPlusMre() {
        // As 2015 in the shipped file: receipts on the total row, arrivals only by visitor type.
        Cube cube = arrivals();
        put(cube, "2015", ALL, null, null, 61_150.0);
        arrivals(cube, "2015", arrivalsOf("foreign", "total"), 5_151_404);
        arrivals(cube, "2015", arrivalsOf("mre", "total"), 5_025_058);

        var r = compute(cube, range("2015", "2015"));

        // 5,151,404 + 5,025,058 = 10,176,462; the receipts stay as given.
        assertThat(value(r, TOURISM_ARRIVALS, "2015", ALL)).isEqualTo(10_176_462.0);
        assertThat(value(r, TOURISM_RECEIPTS, "2015", ALL)).isEqualTo(61_150.0);
    }

    @Test
    void aTotalGivenInTheFileWinsOverForeignPlusMreWithAWarning() {
        Cube cube = arrivals();
        arrivals(cube, "2025-07", ALL, 2_700_000);
        arrivals(cube, "2025-07", arrivalsOf("foreign", "total"), 875_000);
        arrivals(cube, "2025-07", arrivalsOf("mre", "total"), 1_800_000);

        var r = compute(cube, range("2025-07", "2025-07"));

        // 875,000 + 1,800,000 = 2,675,000: 25,000 apart, beyond 0.2 % of 2.7 million (5,400).
        assertThat(value(r, TOURISM_ARRIVALS, "2025-07", ALL)).isEqualTo(2_700_000.0);
        assertThat(cube.warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("2675000"));
    }

    @Test
    void marketsAreNeverAddedUpIntoAllMarkets() {
        Cube cube = arrivals();
        arrivals(cube, "2024", arrivalsOf("total", "FR"), 5_000_000);
        arrivals(cube, "2024", arrivalsOf("total", "ES"), 3_000_000);

        var r = compute(cube, range("2024", "2024"));

        assertThat(find(r, TOURISM_ARRIVALS, "2024", ALL)).isEmpty();
        assertThat(find(r, TOURISM_MARKET_SHARE, "2024", arrivalsOf("total", "FR"))).isEmpty();
    }

    @Test
    void receiptsPerArrivalIsReceiptsInMadOverArrivalsForAllVisitorsFromAllMarkets() {
        Cube cube = arrivals();
        put(cube, "2024", ALL, 17_400_000.0, null, 112_500.0);
        put(cube, "2024", arrivalsOf("total", "FR"), 5_000_000.0, null, 30_000.0);

        var r = compute(cube, range("2024", "2024"));

        // 112,500 MAD million x 1e6 / 17,400,000 = 6,465.517 MAD per arrival
        assertThat(value(r, TOURISM_RECEIPTS_PER_ARRIVAL, "2024", ALL)).isCloseTo(112_500e6 / 17_400_000,
                within(1e-6));
        assertThat(value(r, TOURISM_RECEIPTS_PER_ARRIVAL, "2024", ALL)).isCloseTo(6_465.517, within(1e-3));
        // Only for the national total.
        assertThat(find(r, TOURISM_RECEIPTS_PER_ARRIVAL, "2024", arrivalsOf("total", "FR"))).isEmpty();
    }

    @Test
    void aSourceInPartsByFigureGivesEachFigureItsOwnPartAndBothToWhatUsesBoth() {
        Cube cube = arrivals();
        String source = "arrivals: Ministry communiqué | receipts: Office des changes";
        cube.put(new Cube.Key(Period.parse("2024"), "MA", ALL), source, 17_400_000.0, null, 112_500.0);

        var r = compute(cube, range("2024", "2024"));

        assertThat(find(r, TOURISM_ARRIVALS, "2024", ALL).orElseThrow().source()).isEqualTo("Ministry communiqué");
        assertThat(find(r, TOURISM_RECEIPTS, "2024", ALL).orElseThrow().source()).isEqualTo("Office des changes");
        assertThat(find(r, TOURISM_RECEIPTS_PER_ARRIVAL, "2024", ALL).orElseThrow().source()).isEqualTo(source);
    }

    @Test
    void aChangeOverAYearNamesBothYearsSourcesUnlessOneGaveBoth() {
        Cube cube = arrivals();
        cube.put(new Cube.Key(Period.parse("2023"), "MA", ALL), "Communiqué 2023", 14_500_000.0, null, 104_600.0);
        cube.put(new Cube.Key(Period.parse("2024"), "MA", ALL), "Communiqué 2024", 17_400_000.0, null, 112_500.0);
        cube.put(new Cube.Key(Period.parse("2024"), "MA", arrivalsOf("mre", "total")), "Note 2024", 8_600_000.0,
                null, null);
        cube.put(new Cube.Key(Period.parse("2023"), "MA", arrivalsOf("mre", "total")), "Note 2024", 8_000_000.0,
                null, null);

        var r = compute(cube, range("2024", "2024"));

        // (17.4 - 14.5) / 14.5 = +20 %, from two communiqués
        IndicatorValue change = find(r, TOURISM_ARRIVALS_CHANGE, "2024", ALL).orElseThrow();
        assertThat(change.value()).isCloseTo(20.0, within(1e-9));
        assertThat(change.source()).isEqualTo("from 2024 (computed: Communiqué 2024) and 2023 (computed: Communiqué 2023)");
        // one note giving both years: cited once
        assertThat(find(r, TOURISM_ARRIVALS_CHANGE, "2024", arrivalsOf("mre", "total")).orElseThrow().source())
                .isEqualTo("Note 2024");
    }

    @Test
    void aYearOfTwelveMonthsIsTheirSumWhereTheFileGivesNone() {
        // 2025: twelve months of 1.5 million arrivals and MAD 10,000 million receipts, no annual row;
        // 2024: its annual row, 15 million arrivals, and 2024's twelve months adding up to 12 million
        Cube cube = arrivals();
        put(cube, "2024", ALL, 15_000_000.0, null, null);
        for (int m = 1; m <= 12; m++) {
            put(cube, String.format("2025-%02d", m), ALL, 1_500_000.0, null, 10_000.0);
            put(cube, String.format("2024-%02d", m), ALL, 1_000_000.0, null, null);
        }
        // 2026: eleven months only, no year
        for (int m = 1; m <= 11; m++) {
            put(cube, String.format("2026-%02d", m), ALL, 1_600_000.0, null, 11_000.0);
        }

        var r = compute(cube, jobs(), range("2024", "2026-11"), List.of());

        IndicatorValue arrivals2025 = find(r, TOURISM_ARRIVALS, "2025", ALL).orElseThrow();
        assertThat(arrivals2025.value()).isEqualTo(18_000_000.0); // 12 x 1.5 million
        assertThat(arrivals2025.source()).isEqualTo("the twelve months of 2025 added up: src 2025-01 " + ALL);
        assertThat(find(r, TOURISM_RECEIPTS, "2025", ALL).orElseThrow().value()).isEqualTo(120_000.0);
        // (18 - 15) / 15 = +20 %, on the year the file gives
        assertThat(find(r, TOURISM_ARRIVALS_CHANGE, "2025", ALL).orElseThrow().value()).isCloseTo(20.0, within(1e-9));
        // the year given wins over its months (12 million), with a warning naming both
        assertThat(find(r, TOURISM_ARRIVALS, "2024", ALL).orElseThrow().value()).isEqualTo(15_000_000.0);
        assertThat(cube.warnings()).singleElement().satisfies(w -> assertThat(w.reason())
                .isEqualTo("2024, MA, visitor_type=total, market=total: the year given in the file (15000000) differs"
                        + " from the sum of its twelve months (12000000); the year given is used"));
        assertThat(find(r, TOURISM_ARRIVALS, "2026", ALL)).isEmpty();
    }

    @Test
    void aYearGivenWithoutItsReceiptsCitesItsMonthsForThemAndItsOwnSourceForItsArrivals() {
        // the ministry's 19.8 million for 2025, no receipts; twelve months each citing two publications
        Cube cube = arrivals();
        cube.put(new Cube.Key(Period.parse("2025"), "MA", ALL), "Ministry communiqué", 19_800_000.0, null, null);
        for (int m = 1; m <= 12; m++) {
            cube.put(new Cube.Key(Period.parse(String.format("2025-%02d", m)), "MA", ALL),
                    "arrivals: ArrPub" + m + " | receipts: RecPub" + m + " | note: provisional", 1_650_000.0, null,
                    10_000.0);
        }

        var r = compute(cube, range("2025", "2025"));

        assertThat(find(r, TOURISM_ARRIVALS, "2025", ALL).orElseThrow().source()).isEqualTo("Ministry communiqué");
        IndicatorValue receipts = find(r, TOURISM_RECEIPTS, "2025", ALL).orElseThrow();
        assertThat(receipts.value()).isEqualTo(120_000.0);
        assertThat(receipts.source()).isEqualTo("the twelve months of 2025 added up: RecPub1; note: provisional");
        // what uses both figures cites both, each once
        assertThat(find(r, TOURISM_RECEIPTS_PER_ARRIVAL, "2025", ALL).orElseThrow().source()).isEqualTo(
                "Ministry communiqué | receipts mad million: the twelve months of 2025 added up: RecPub1; note: provisional");
    }

    @Test
    void aForeignYearTheFileGivesIsPartOfTheAllVisitorsYearNotTheMonthsItOverrules() {
        // foreign: the year given (6,000,000) and twelve months summing to 5,400,000; MRE: months only
        Cube cube = arrivals();
        cube.put(new Cube.Key(Period.parse("2023"), "MA", arrivalsOf("foreign", "total")), "F-year", 6_000_000.0,
                null, null);
        for (int m = 1; m <= 12; m++) {
            cube.put(new Cube.Key(Period.parse(String.format("2023-%02d", m)), "MA", arrivalsOf("foreign", "total")),
                    "F-months", 450_000.0, null, null);
            cube.put(new Cube.Key(Period.parse(String.format("2023-%02d", m)), "MA", arrivalsOf("mre", "total")),
                    "M-months", 500_000.0, null, null);
        }

        var r = compute(cube, range("2023", "2023"));

        // 6,000,000 + 12 x 500,000, not the months' 12 x (450,000 + 500,000) = 11,400,000
        assertThat(find(r, TOURISM_ARRIVALS, "2023", ALL).orElseThrow().value()).isEqualTo(12_000_000.0);
        assertThat(find(r, TOURISM_ARRIVALS, "2023", arrivalsOf("foreign", "total")).orElseThrow().value())
                .isEqualTo(6_000_000.0);
        assertThat(find(r, TOURISM_ARRIVALS, "2023-06", ALL).orElseThrow().value()).isEqualTo(950_000.0);
        // the foreign year against its months is said once, not again for the all-visitors year
        assertThat(cube.warnings()).extracting(RowProblem::value).containsExactly("6000000");
    }

    @Test
    void foreignAndMreYearsTheFileGivesMakeTheAllVisitorsYearBeforeItsMonthsDo() {
        // all-visitors months (12 x 1,000), foreign and MRE years (7,000 and 6,000), no all-visitors year
        Cube cube = arrivals();
        cube.put(new Cube.Key(Period.parse("2023"), "MA", arrivalsOf("foreign", "total")), "FY", 7_000.0, null, null);
        cube.put(new Cube.Key(Period.parse("2023"), "MA", arrivalsOf("mre", "total")), "MY", 6_000.0, null, null);
        for (int m = 1; m <= 12; m++) {
            cube.put(new Cube.Key(Period.parse(String.format("2023-%02d", m)), "MA", ALL), "TM", 1_000.0, null, null);
        }

        var r = compute(cube, range("2023", "2023"));

        assertThat(find(r, TOURISM_ARRIVALS, "2023", ALL).orElseThrow().value()).isEqualTo(13_000.0);
        // the file's all-visitors months disagree with its visitor types' years: said once, the
        // year being foreign + MRE, not a year the file gave
        assertThat(cube.warnings()).extracting(RowProblem::value, RowProblem::reason).containsExactly(tuple("13000",
                "2023, MA, visitor_type=total, market=total: the year worked out from other rows or figures (13000) differs"
                        + " from the sum of its twelve months (12000); the first is used"));
    }

    @Test
    void aYearOfMonthsWhoseJanuaryWasCompletedFromItsPartsCitesEachFiguresOwnSource() {
        // January: the total row gives receipts, the foreign and MRE rows the arrivals; the other
        // months give both on the total row, in parts
        Cube cube = arrivals();
        cube.put(new Cube.Key(Period.parse("2020-01"), "MA", ALL), "R-Jan", null, null, 2_000.0);
        cube.put(new Cube.Key(Period.parse("2020-01"), "MA", arrivalsOf("foreign", "total")), "F-Jan", 600_000.0,
                null, null);
        cube.put(new Cube.Key(Period.parse("2020-01"), "MA", arrivalsOf("mre", "total")), "F-Jan", 400_000.0, null,
                null);
        for (int m = 2; m <= 12; m++) {
            cube.put(new Cube.Key(Period.parse(String.format("2020-%02d", m)), "MA", ALL),
                    "arrivals: A" + m + " | receipts: R" + m, 1_000_000.0, null, 2_000.0);
        }

        var r = compute(cube, range("2020", "2020"));

        assertThat(find(r, TOURISM_ARRIVALS, "2020", ALL).orElseThrow().source())
                .isEqualTo("the twelve months of 2020 added up: F-Jan");
        assertThat(find(r, TOURISM_RECEIPTS, "2020", ALL).orElseThrow().source())
                .isEqualTo("the twelve months of 2020 added up: R-Jan");
    }

    @Test
    void aTotalFromItsVisitorTypesOnARowGivingOnlyReceiptsCitesTheVisitorTypesForItsArrivals() {
        // 2015 as shipped: the total row gives receipts only; foreign and MRE rows give arrivals
        Cube cube = arrivals();
        cube.put(new Cube.Key(Period.parse("2015"), "MA", ALL), "receipts: Observatoire via Maghreb Emergent",
                null, null, 61_150.0);
        cube.put(new Cube.Key(Period.parse("2015"), "MA", arrivalsOf("foreign", "total")), "arrivals: Observatoire 2016",
                5_151_404.0, null, null);
        cube.put(new Cube.Key(Period.parse("2015"), "MA", arrivalsOf("mre", "total")), "arrivals: Observatoire 2016",
                5_025_058.0, null, null);

        var r = compute(cube, range("2015", "2015"));

        IndicatorValue all = find(r, TOURISM_ARRIVALS, "2015", ALL).orElseThrow();
        assertThat(all.value()).isEqualTo(10_176_462.0); // 5,151,404 + 5,025,058
        assertThat(all.source()).isEqualTo("Observatoire 2016");
        assertThat(find(r, TOURISM_RECEIPTS, "2015", ALL).orElseThrow().source())
                .isEqualTo("Observatoire via Maghreb Emergent");
    }

    @Test
    void noReceiptsPerArrivalWhenArrivalsAreNotAvailable() {
        Cube cube = arrivals();
        put(cube, "2021", ALL, null, null, 34_300.0);

        var r = compute(cube, range("2021", "2021"));

        assertThat(find(r, TOURISM_RECEIPTS_PER_ARRIVAL, "2021", ALL)).isEmpty();
        assertThat(find(r, TOURISM_ARRIVALS, "2021", ALL)).isEmpty();
    }

    @Test
    void marketShareIsTheMarketOverAllMarketsOfTheSameVisitorType() {
        Cube cube = arrivals();
        arrivals(cube, "2023", ALL, 14_500_000);
        arrivals(cube, "2023", arrivalsOf("total", "FR"), 4_880_000);
        arrivals(cube, "2025-02", arrivalsOf("foreign", "total"), 800_000);
        arrivals(cube, "2025-02", arrivalsOf("foreign", "ES"), 110_209);
        arrivals(cube, "2025-02", arrivalsOf("foreign", "FR"), 215_179);

        var r = compute(cube, range("2023", "2025"));

        // 4.88 / 14.5 = 33.655 %
        assertThat(value(r, TOURISM_MARKET_SHARE, "2023", arrivalsOf("total", "FR")))
                .isCloseTo(100.0 * 4.88 / 14.5, within(1e-9));
        // 110,209 / 800,000 = 13.776 %; 215,179 / 800,000 = 26.897 %
        assertThat(value(r, TOURISM_MARKET_SHARE, "2025-02", arrivalsOf("foreign", "ES")))
                .isCloseTo(100.0 * 110_209 / 800_000, within(1e-9));
        assertThat(value(r, TOURISM_MARKET_SHARE, "2025-02", arrivalsOf("foreign", "FR")))
                .isCloseTo(100.0 * 215_179 / 800_000, within(1e-9));
        // No share of all markets in itself.
        assertThat(r.values()).filteredOn(v -> v.indicator() == TOURISM_MARKET_SHARE)
                .noneMatch(v -> "total".equals(v.breakdown().get("market")));
    }

    @Test
    void marketShareNeedsAllMarketsOfTheSameVisitorType() {
        Cube cube = arrivals();
        arrivals(cube, "2024-01", ALL, 992_541);                       // all visitors
        arrivals(cube, "2024-01", arrivalsOf("foreign", "FR"), 122_330); // foreign only

        var r = compute(cube, range("2024-01", "2024-01"));

        // Foreign tourists from France over ALL visitors would mix two populations.
        assertThat(find(r, TOURISM_MARKET_SHARE, "2024-01", arrivalsOf("foreign", "FR"))).isEmpty();
    }

    // ---- jobs ----

    @Test
    void directJobsAndTheirChange() {
        Cube jobs = jobs();
        directJobs(jobs, "2022", 802_000);
        directJobs(jobs, "2023", 827_000);

        var r = compute(arrivals(), jobs, range("2023", "2023"), List.of());

        assertThat(value(r, TOURISM_DIRECT_JOBS, "2023", Breakdown.NONE)).isEqualTo(827_000.0);
        // (827,000 - 802,000) / 802,000 = 25,000 / 802,000 = +3.117 %
        assertThat(value(r, TOURISM_DIRECT_JOBS_CHANGE, "2023", Breakdown.NONE))
                .isCloseTo(100.0 * 25_000 / 802_000, within(1e-9));
    }

    // ---- published figures ----

    @Test
    void publishedFiguresFillGapsAndPrevailOverChangesAndSharesComputedFromTheTotals() {
        Cube cube = arrivals();
        put(cube, "2023", ALL, 14_500_000.0, null, null);
        put(cube, "2024", ALL, 17_400_000.0, null, null);
        arrivals(cube, "2024", arrivalsOf("mre", "total"), 8_600_000);

        var r = compute(cube, range("2023", "2024"),
                published(TOURISM_ARRIVALS_CHANGE, "2023", ALL, 34),              // no 2022 count: used
                published(TOURISM_ARRIVALS_CHANGE, "2024", ALL, 20.05),           // computed 20 %: agrees
                published(TOURISM_MRE_SHARE, "2024", Breakdown.of("market", "total"), 49), // 49.43: flagged
                published(TOURISM_ARRIVALS_YTD, "2024-11", ALL, 15_900_000));     // no months: used

        IndicatorValue change2023 = find(r, TOURISM_ARRIVALS_CHANGE, "2023", ALL).orElseThrow();
        assertThat(change2023.value()).isEqualTo(34.0);
        assertThat(change2023.basis()).isEqualTo(Basis.PUBLISHED);
        // the totals may be rounded: the published change is reported, the computed one checked against it
        IndicatorValue change2024 = find(r, TOURISM_ARRIVALS_CHANGE, "2024", ALL).orElseThrow();
        assertThat(change2024.value()).isEqualTo(20.05);
        assertThat(change2024.basis()).isEqualTo(Basis.PUBLISHED);
        IndicatorValue mre2024 = find(r, TOURISM_MRE_SHARE, "2024", Breakdown.of("market", "total")).orElseThrow();
        assertThat(mre2024.value()).isEqualTo(49.0);
        assertThat(mre2024.basis()).isEqualTo(Basis.PUBLISHED);
        // a level is the input's own figure: computed, as the count files give it
        assertThat(find(r, TOURISM_ARRIVALS, "2024", ALL).orElseThrow().basis()).isEqualTo(Basis.COMPUTED);
        assertThat(find(r, TOURISM_ARRIVALS_YTD, "2024-11", ALL).orElseThrow().basis()).isEqualTo(Basis.PUBLISHED);

        assertThat(r.checks()).hasSize(2);
        assertThat(r.checks()).filteredOn(c -> c.indicator() == TOURISM_ARRIVALS_CHANGE).singleElement()
                .satisfies(c -> {
                    assertThat(c.computed()).isCloseTo(20.0, within(1e-9));
                    assertThat(c.flagged()).isFalse();
                });
        // 8.6 / 17.4 = 49.425 % against 49: 0.425 point apart, over 0.1
        assertThat(r.checks()).filteredOn(c -> c.indicator() == TOURISM_MRE_SHARE).singleElement()
                .satisfies(c -> {
                    assertThat(c.computed()).isCloseTo(100.0 * 8.6 / 17.4, within(1e-9));
                    assertThat(c.flagged()).isTrue();
                });
    }

    @Test
    void aYearToDateChangeIsWorkedOutFromTheMonthsNotFromTheRoundedTotalsShownBesideIt() {
        var r = twoYearsToFebruary(published(TOURISM_ARRIVALS_YTD_CHANGE, "2025-02", ALL, 24));

        // the ministry's rounded totals are shown, and its +24 %
        assertThat(value(r, TOURISM_ARRIVALS_YTD, "2025-02", ALL)).isEqualTo(2_700_000.0);
        assertThat(value(r, TOURISM_ARRIVALS_YTD_CHANGE, "2025-02", ALL)).isEqualTo(24.0);
        // checked against the months' 2,596,177 over 2,140,540 (+21.3 %), not 2.7 over 2.1 million (+28.6 %)
        assertThat(r.checks()).filteredOn(c -> c.indicator() == TOURISM_ARRIVALS_YTD_CHANGE).singleElement()
                .satisfies(c -> assertThat(c.computed())
                        .isCloseTo(100.0 * (2_596_177.0 / 2_140_540 - 1), within(1e-9)));
    }

    /** January and February 2024 and 2025, as counted (2,140,540 and 2,596,177) and as the ministry rounded them. */
    private static TourismIndicators.Result twoYearsToFebruary(PublishedFigure... more) {
        Cube cube = arrivals();
        arrivals(cube, "2024-01", ALL, 1_000_000);
        arrivals(cube, "2024-02", ALL, 1_140_540);
        arrivals(cube, "2025-01", ALL, 1_200_000);
        arrivals(cube, "2025-02", ALL, 1_396_177);
        List<PublishedFigure> published = new ArrayList<>(List.of(
                published(TOURISM_ARRIVALS_YTD, "2024-02", ALL, 2_100_000),
                published(TOURISM_ARRIVALS_YTD, "2025-02", ALL, 2_700_000)));
        published.addAll(List.of(more));
        return compute(cube, range("2025-01", "2025-12"), published.toArray(PublishedFigure[]::new));
    }

    @Test
    void withoutAPublishedChangeTheYearToDateChangeShownIsTheMonthsAndSaysSo() {
        var r = twoYearsToFebruary();

        IndicatorValue change = find(r, TOURISM_ARRIVALS_YTD_CHANGE, "2025-02", ALL).orElseThrow();
        assertThat(change.value()).isCloseTo(100.0 * (2_596_177.0 / 2_140_540 - 1), within(1e-9));
        assertThat(change.basis()).isEqualTo(Basis.COMPUTED);
        // both ends are the months added up, as their sources say; neither is the office's total
        assertThat(change.source()).contains("2025-02 (computed: 2025-01 to 2025-02 added up;",
                "2024-02 (computed: 2024-01 to 2024-02 added up;").doesNotContain("office");
    }

    @Test
    void aPublishedYearToDateWithoutTheMonthsOfTheYearBeforeGivesTheChangeOfTheTotalsShown() {
        Cube cube = arrivals();
        arrivals(cube, "2025-01", ALL, 1_200_000);
        arrivals(cube, "2025-02", ALL, 1_396_177);

        var r = compute(cube, range("2025-01", "2025-12"),
                published(TOURISM_ARRIVALS_YTD, "2024-02", ALL, 2_100_000),
                published(TOURISM_ARRIVALS_YTD, "2025-02", ALL, 2_700_000));

        // 2024's months are missing: both ends are the totals shown, here both published (+28.6 %), not
        // the months' 2,596,177 over 2.1 million (were 2025-02 published too, it would be shown and used)
        IndicatorValue change = find(r, TOURISM_ARRIVALS_YTD_CHANGE, "2025-02", ALL).orElseThrow();
        assertThat(change.value()).isCloseTo(100.0 * (2_700_000.0 / 2_100_000 - 1), within(1e-9));
        assertThat(change.source()).contains("published");
    }

    @Test
    void aPublishedLevelGetsItsChangeComputed() {
        Cube cube = arrivals();
        put(cube, "2023", ALL, 14_500_000.0, null, null);

        var r = compute(cube, range("2024", "2024"), published(TOURISM_ARRIVALS, "2024", ALL, 17_400_000));

        IndicatorValue change = find(r, TOURISM_ARRIVALS_CHANGE, "2024", ALL).orElseThrow();
        assertThat(change.value()).isCloseTo(20.0, within(1e-9));
        assertThat(change.basis()).isEqualTo(Basis.COMPUTED);
        assertThat(change.source()).contains("published").contains("computed");
    }
}

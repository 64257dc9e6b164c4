package ma.observatory.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ma.observatory.csv.RowProblem;
import ma.observatory.cube.Breakdown;
import ma.observatory.cube.CellTable;
import ma.observatory.cube.Cube;
import ma.observatory.geo.GeoReference;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.indicator.PublishedFigure;
import ma.observatory.indicator.Reconciliation;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

import static ma.observatory.indicator.Indicator.*;

/**
 * Labour force measures are given in the order population, labour_force, employed, unemployed,
 * underemployed (thousands); every expected value is worked out by hand in the comment next to it.
 */
class EmploymentIndicatorsTest {

    private static final Breakdown TOTAL = Breakdown.of("area", "total", "sex", "total", "age_group", "15+");
    private static final Breakdown URBAN = TOTAL.with("area", "urban");
    private static final Breakdown RURAL = TOTAL.with("area", "rural");
    private static final Breakdown FEMALE = TOTAL.with("sex", "female");
    private static final Breakdown MALE = TOTAL.with("sex", "male");
    private static final Breakdown YOUTH = TOTAL.with("age_group", "15-24");
    private static final PeriodRange Y2024 = range("2024", "2024");
    private static final GeoReference GEO = CellTable.morocco("MA-01", "MA-02");

    private final CellTable cells = new CellTable();

    @AfterEach
    void shutDown() {
        cells.close();
    }

    // ---- helpers ----

    private static PeriodRange range(String from, String to) {
        return new PeriodRange(Period.parse(from), Period.parse(to));
    }

    private static Cube.Key key(String period, String geo, Breakdown b) {
        return new Cube.Key(Period.parse(period), geo, b);
    }

    private static Cube labourForce() {
        return Cube.empty(LabourForceDataset.INSTANCE);
    }

    private static Cube sectors() {
        return Cube.empty(SectorDataset.INSTANCE);
    }

    private static Breakdown sector(String s) {
        return Breakdown.of("sector", s);
    }

    private static EmploymentIndicators.Result compute(Cube lf, PeriodRange range, PublishedFigure... published) {
        return EmploymentIndicators.compute(lf, sectors(), List.of(published), range, GEO);
    }

    private static Optional<IndicatorValue> find(EmploymentIndicators.Result r, Indicator id, String period, String geo,
                                                 Breakdown b) {
        List<IndicatorValue> found = r.values().stream().filter(v -> v.indicator() == id
                && v.period().equals(Period.parse(period)) && v.geo().equals(geo) && v.breakdown().equals(b)).toList();
        assertThat(found).as("values for " + id.id() + " " + period + " " + geo + " " + b).hasSizeLessThan(2);
        return found.stream().findFirst();
    }

    private static double value(EmploymentIndicators.Result r, Indicator id, String period, String geo, Breakdown b) {
        IndicatorValue v = find(r, id, period, geo, b)
                .orElseThrow(() -> new AssertionError("no " + id.id() + " " + period + " " + geo + " " + b));
        assertThat(v.value()).isNotNull();
        return v.value();
    }

    private static Reconciliation check(EmploymentIndicators.Result r, Indicator id) {
        return r.checks().stream().filter(c -> c.indicator() == id).findFirst()
                .orElseThrow(() -> new AssertionError("no check of " + id.id()));
    }

    private static PublishedFigure published(Indicator id, String period, String geo, Breakdown b, double value) {
        return new PublishedFigure(id, Period.parse(period), geo, b, value, "HCP note", 2);
    }

    // ---- sources ----

    @Test
    void aLevelTheUrbanAndRuralRowsSuppliedCitesThemAndARateTheWhole() {
        // 2026-Q1 at Morocco gives population and unemployed; the employed come from urban + rural
        Breakdown all = Breakdown.parse("area=total, sex=total, age_group=15+");
        Cube lf = labourForce();
        lf.put(key("2026-Q1", "MA", all), "population: POP-Q1 | unemployed: UNEMP-Q1", 28_300.0, null, null, 1_700.0,
                null);
        lf.put(key("2026-Q1", "MA", all.with("area", "urban")), "URB-Q1", 17_000.0, 7_000.0, 6_000.0, 1_000.0, null);
        lf.put(key("2026-Q1", "MA", all.with("area", "rural")), "URB-Q1", 11_300.0, 5_400.0, 4_700.0, 700.0, null);
        lf.deriveTotals("area", "total", present -> present.contains("urban") && present.contains("rural")
                ? List.of("urban", "rural") : List.of());

        var r = compute(lf, range("2026-Q1", "2026-Q1"));

        assertThat(find(r, EMPLOYMENT_EMPLOYED, "2026-Q1", "MA", all).orElseThrow().source()).isEqualTo("URB-Q1");
        assertThat(find(r, EMPLOYMENT_POPULATION, "2026-Q1", "MA", all).orElseThrow().source()).isEqualTo("POP-Q1");
        assertThat(find(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2026-Q1", "MA", all).orElseThrow().source())
                .contains("POP-Q1").contains("UNEMP-Q1").contains("URB-Q1");
    }

    // ---- rates ----

    @Test
    void theFourRatesAreRatiosOfCounts() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA", TOTAL), "HCP ENE", 1000.0, 500.0, 400.0, 100.0, 40.0);

        var r = compute(lf, Y2024);

        assertThat(value(r, EMPLOYMENT_ACTIVITY_RATE, "2024", "MA", TOTAL)).isCloseTo(50.0, within(1e-9)); // 500 / 1000
        assertThat(value(r, EMPLOYMENT_EMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(40.0, within(1e-9)); // 400 / 1000
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(20.0, within(1e-9)); // 100 / 500
        assertThat(value(r, EMPLOYMENT_UNDEREMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(10.0, within(1e-9)); // 40 / 400
        assertThat(value(r, EMPLOYMENT_POPULATION, "2024", "MA", TOTAL)).isEqualTo(1000.0);
        assertThat(value(r, EMPLOYMENT_LABOUR_FORCE, "2024", "MA", TOTAL)).isEqualTo(500.0);
        assertThat(value(r, EMPLOYMENT_EMPLOYED, "2024", "MA", TOTAL)).isEqualTo(400.0);
        assertThat(value(r, EMPLOYMENT_UNEMPLOYED, "2024", "MA", TOTAL)).isEqualTo(100.0);
        assertThat(value(r, EMPLOYMENT_UNDEREMPLOYED, "2024", "MA", TOTAL)).isEqualTo(40.0);
        assertThat(r.values()).allSatisfy(v -> {
            assertThat(v.basis()).isEqualTo(Basis.COMPUTED);
            assertThat(v.source()).isEqualTo("HCP ENE");
        });
        // 5 levels + 4 rates; no change without the year before, no gap without the other group
        assertThat(r.values()).hasSize(9);
        assertThat(r.checks()).isEmpty();
    }

    @Test
    void aRateWithAMissingOrZeroTermIsNotAvailableRatherThanZero() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA", TOTAL), "HCP", 0.0, 0.0, 0.0, 0.0, null);

        var r = compute(lf, Y2024);

        assertThat(find(r, EMPLOYMENT_ACTIVITY_RATE, "2024", "MA", TOTAL)).isEmpty(); // 0 / 0
        assertThat(find(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", TOTAL)).isEmpty(); // 0 / 0
        assertThat(find(r, EMPLOYMENT_UNDEREMPLOYMENT_RATE, "2024", "MA", TOTAL)).isEmpty(); // missing / 0
        assertThat(find(r, EMPLOYMENT_UNDEREMPLOYED, "2024", "MA", TOTAL)).isEmpty();
        assertThat(value(r, EMPLOYMENT_POPULATION, "2024", "MA", TOTAL)).isEqualTo(0.0);
    }

    // ---- year-on-year changes ----

    @Test
    void eachRateChangesInPointsAgainstTheSamePeriodOneYearEarlier() {
        Cube lf = labourForce();
        // 2023: activity 480/1000 = 48; employment 360/1000 = 36; unemployment 120/480 = 25; underemployment 45/360 = 12.5
        lf.put(key("2023", "MA", TOTAL), "HCP 2023", 1000.0, 480.0, 360.0, 120.0, 45.0);
        // 2024: 50, 40, 20, 10 (see above)
        lf.put(key("2024", "MA", TOTAL), "HCP 2024", 1000.0, 500.0, 400.0, 100.0, 40.0);

        var r = compute(lf, Y2024);

        assertThat(value(r, EMPLOYMENT_ACTIVITY_RATE_CHANGE, "2024", "MA", TOTAL)).isCloseTo(2.0, within(1e-9)); // 50 - 48
        assertThat(value(r, EMPLOYMENT_EMPLOYMENT_RATE_CHANGE, "2024", "MA", TOTAL)).isCloseTo(4.0, within(1e-9)); // 40 - 36
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, "2024", "MA", TOTAL)).isCloseTo(-5.0, within(1e-9)); // 20 - 25
        assertThat(value(r, EMPLOYMENT_UNDEREMPLOYMENT_RATE_CHANGE, "2024", "MA", TOTAL))
                .isCloseTo(-2.5, within(1e-9)); // 10 - 12.5
        // each year from its own note: both named
        assertThat(find(r, EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, "2024", "MA", TOTAL).orElseThrow().source())
                .isEqualTo("difference of 2024 (computed: HCP 2024) and 2023 (computed: HCP 2023)");
    }

    @Test
    void theLabourForceIsTheEmployedPlusTheUnemployedWhenANoteGivesOnlyThose() {
        Cube lf = labourForce();
        lf.put(key("2017-Q1", "MA", TOTAL), "T1-2018 note", null, null, 10766.0, 1296.0, null);
        lf.put(key("2017-Q1", "MA", URBAN), "T1-2018 note", null, 7000.0, 6000.0, 900.0, null); // given: kept

        var r = compute(lf, range("2017-Q1", "2017-Q1"));

        // 10,766 + 1,296 = 12,062; unemployment rate 1,296 / 12,062 = 10.7445 %
        IndicatorValue labourForce = find(r, EMPLOYMENT_LABOUR_FORCE, "2017-Q1", "MA", TOTAL).orElseThrow();
        assertThat(labourForce.value()).isEqualTo(12062.0);
        assertThat(labourForce.source()).isEqualTo("labour force = employed + unemployed where not given; T1-2018 note");
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2017-Q1", "MA", TOTAL))
                .isCloseTo(100.0 * 1296 / 12062, within(1e-9));
        // no population: no activity or employment rate
        assertThat(find(r, EMPLOYMENT_ACTIVITY_RATE, "2017-Q1", "MA", TOTAL)).isEmpty();
        assertThat(find(r, EMPLOYMENT_EMPLOYMENT_RATE, "2017-Q1", "MA", TOTAL)).isEmpty();
        // a labour force given is used as given, even where it is not the sum (6,900): 900 / 7,000
        assertThat(value(r, EMPLOYMENT_LABOUR_FORCE, "2017-Q1", "MA", URBAN)).isEqualTo(7000.0);
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2017-Q1", "MA", URBAN)).isCloseTo(100.0 * 900 / 7000, within(1e-9));
    }

    @Test
    void aChangeFromAPublishedRateSubtractsThePublishedRateOfTheOtherYearWhereThereIsOne() {
        Cube lf = labourForce();
        lf.put(key("2023", "MA", TOTAL), "ENE 2023", 27888.0, 12171.0, null, null, null); // 43.642 %
        lf.put(key("2023", "MA", URBAN), "ENE 2023", 17000.0, 7400.0, null, null, null); // 43.529 %

        var r = compute(lf, Y2024,
                published(EMPLOYMENT_ACTIVITY_RATE, "2024", "MA", TOTAL, 43.5),
                published(EMPLOYMENT_ACTIVITY_RATE, "2023", "MA", TOTAL, 43.6),
                published(EMPLOYMENT_ACTIVITY_RATE, "2024", "MA", URBAN, 43.0));

        // 43.5 - 43.6 = -0.1, as the HCP says, not 43.5 - 43.642 = -0.142; and -0.1 exactly, not
        // the binary -0.10000000000000142 a formula bar and the Indicators table would show
        IndicatorValue change = find(r, EMPLOYMENT_ACTIVITY_RATE_CHANGE, "2024", "MA", TOTAL).orElseThrow();
        assertThat(43.5 - 43.6).isNotEqualTo(-0.1);
        assertThat(change.value()).isEqualTo(-0.1);
        // both from one note: cited once, not its text twice
        assertThat(change.source()).isEqualTo("difference of 2024 and 2023 (published: HCP note)");
        // without a published 2023 urban rate, the computed one is used: 43.0 - 100 * 7,400 / 17,000
        assertThat(value(r, EMPLOYMENT_ACTIVITY_RATE_CHANGE, "2024", "MA", URBAN))
                .isCloseTo(43.0 - 100.0 * 7400 / 17000, within(1e-9));

        // A publication the counts contradict (41.0 against 43.642) is not swapped in: the change
        // agrees with the 2023 rate shown, 43.5 - 43.642.
        var contradicted = compute(lf, Y2024,
                published(EMPLOYMENT_ACTIVITY_RATE, "2024", "MA", TOTAL, 43.5),
                published(EMPLOYMENT_ACTIVITY_RATE, "2023", "MA", TOTAL, 41.0));
        assertThat(value(contradicted, EMPLOYMENT_ACTIVITY_RATE_CHANGE, "2024", "MA", TOTAL))
                .isCloseTo(43.5 - 100.0 * 12171 / 27888, within(1e-9));
    }

    @Test
    void theYearBeforeTheRangeIsUsedButNotShown() {
        Cube lf = labourForce();
        lf.put(key("2023", "MA", TOTAL), "HCP", 1000.0, 480.0, 360.0, 120.0, 45.0);
        lf.put(key("2024", "MA", TOTAL), "HCP", 1000.0, 500.0, 400.0, 100.0, 40.0);

        var r = compute(lf, Y2024);

        // 2024 is the first period of the range and still gets its change: 20 - 25 = -5
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, "2024", "MA", TOTAL)).isCloseTo(-5.0, within(1e-9));
        assertThat(r.values()).extracting(IndicatorValue::period).containsOnly(Period.year(2024));
        // 5 levels + 4 rates + 4 changes + net job creation of all sectors (400 - 360 = 40)
        assertThat(r.values()).hasSize(14);
        assertThat(value(r, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("total"))).isEqualTo(40.0);
    }

    @Test
    void aQuarterIsComparedWithTheSameQuarterOfTheYearBefore() {
        Cube lf = labourForce();
        lf.put(key("2023", "MA", TOTAL), "HCP", 200.0, 100.0, 95.0, 5.0, null); // 5 %
        lf.put(key("2023-Q2", "MA", TOTAL), "HCP", 200.0, 100.0, 90.0, 10.0, null); // 10 %
        lf.put(key("2024-Q1", "MA", TOTAL), "HCP", 200.0, 100.0, 85.0, 15.0, null); // 15 %
        lf.put(key("2024-Q2", "MA", TOTAL), "HCP", 200.0, 100.0, 88.0, 12.0, null); // 12 %

        var r = compute(lf, range("2024-Q1", "2024-Q2"));

        // 12 - 10 = +2 (not 12 - 15 against the quarter before, nor 12 - 5 against the year)
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, "2024-Q2", "MA", TOTAL)).isCloseTo(2.0, within(1e-9));
        // no 2023-Q1: no change for 2024-Q1
        assertThat(find(r, EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, "2024-Q1", "MA", TOTAL)).isEmpty();
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024-Q1", "MA", TOTAL)).isCloseTo(15.0, within(1e-9));
        assertThat(r.values()).extracting(v -> v.period().toString()).containsOnly("2024-Q1", "2024-Q2");
    }

    @Test
    void aMonthIsComparedWithTheSameMonthOfTheYearBefore() {
        Cube lf = labourForce();
        lf.put(key("2023-03", "MA", TOTAL), "HCP", 200.0, 100.0, 91.0, 9.0, null); // 9 %
        lf.put(key("2024-03", "MA", TOTAL), "HCP", 200.0, 100.0, 89.5, 10.5, null); // 10.5 %

        var r = compute(lf, range("2024-03", "2024-03"));

        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, "2024-03", "MA", TOTAL))
                .isCloseTo(1.5, within(1e-9)); // 10.5 - 9
    }

    // ---- sectors ----

    private static Cube sectorCube(boolean withOther) {
        Cube s = sectors();
        s.put(key("2023", "MA", sector("agriculture")), "HCP 2023", 300.0);
        s.put(key("2023", "MA", sector("industry")), "HCP 2023", 100.0);
        s.put(key("2023", "MA", sector("construction")), "HCP 2023", 80.0);
        s.put(key("2023", "MA", sector("services")), "HCP 2023", 400.0);
        s.put(key("2024", "MA", sector("agriculture")), "HCP 2024", 280.0);
        s.put(key("2024", "MA", sector("industry")), "HCP 2024", 110.0);
        s.put(key("2024", "MA", sector("construction")), "HCP 2024", 90.0);
        s.put(key("2024", "MA", sector("services")), "HCP 2024", 430.0);
        if (withOther) {
            s.put(key("2023", "MA", sector("other")), "HCP 2023", 20.0);
            s.put(key("2024", "MA", sector("other")), "HCP 2024", 20.0);
        }
        EmploymentIndicators.deriveSectorTotals(s);
        return s;
    }

    @Test
    void theEmployedOfAllSectorsAreComparedWithThoseOfTheLabourForceFile() {
        Cube lf = labourForce();
        lf.put(key("2023", "MA", TOTAL), "ENE 2023", 2000.0, 1000.0, 880.4, 120.0, null); // 880 by sector: agrees
        lf.put(key("2024", "MA", TOTAL), "ENE 2024", 2000.0, 1000.0, 925.0, 75.0, null); // 910 by sector: differs

        List<RowProblem> warnings = EmploymentIndicators.compareEmployed(lf, sectorCube(false));

        // 2023: |880 - 880.4| = 0.4, within 0.5 thousand; 2024: |910 - 925| = 15 > 0.5 and 15/925 = 1.6 % > 0.2 %
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("employment/employment_by_sector.csv");
            assertThat(w.line()).isZero();
            assertThat(w.value()).isEqualTo("910");
            assertThat(w.reason()).isEqualTo("2024, MA: the employed of all sectors (910) differ from the employed of"
                    + " labour_force.csv (925) by more than 0.5 thousand and 0.2 %; both files are used as given");
        });
    }

    @Test
    void netJobCreationIsEmployedMinusEmployedOneYearEarlierBySectorAndInTotal() {
        var r = EmploymentIndicators.compute(labourForce(), sectorCube(false), List.of(), Y2024, GEO);

        assertThat(value(r, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("agriculture"))).isEqualTo(-20.0); // 280-300
        assertThat(value(r, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("industry"))).isEqualTo(10.0); // 110-100
        assertThat(value(r, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("construction"))).isEqualTo(10.0); // 90-80
        assertThat(value(r, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("services"))).isEqualTo(30.0); // 430-400
        // totals derived from the four sectors: 2024 280+110+90+430 = 910, 2023 300+100+80+400 = 880
        assertThat(value(r, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("total"))).isEqualTo(30.0); // 910-880
        // taken from two publications, it names both
        assertThat(find(r, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("services")).orElseThrow().source())
                .isEqualTo("2024: HCP 2024; 2023: HCP 2023");
        // 2023 is staged only to compare with: none of its values are shown
        assertThat(r.values()).extracting(IndicatorValue::period).containsOnly(Period.year(2024));
    }

    @Test
    void employedIsShownBySectorAndForAllSectors() {
        var r = EmploymentIndicators.compute(labourForce(), sectorCube(false), List.of(), Y2024, GEO);

        assertThat(value(r, EMPLOYMENT_EMPLOYED, "2024", "MA", sector("agriculture"))).isEqualTo(280.0);
        assertThat(value(r, EMPLOYMENT_EMPLOYED, "2024", "MA", sector("services"))).isEqualTo(430.0);
        assertThat(value(r, EMPLOYMENT_EMPLOYED, "2024", "MA", sector("total"))).isEqualTo(910.0); // 280+110+90+430
        assertThat(find(r, EMPLOYMENT_EMPLOYED, "2023", "MA", sector("total"))).isEmpty(); // staged, outside the range
    }

    @Test
    void theEmployedOfAllSectorsFillTheEmployedWhereTheLabourForceFileLacksThem() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA", TOTAL), "ENE 2024", 2000.0, 1000.0, null, 75.0, null); // no employed given
        var r = EmploymentIndicators.compute(lf, sectorCube(false), List.of(), Y2024, GEO);

        IndicatorValue employed = find(r, EMPLOYMENT_EMPLOYED, "2024", "MA", TOTAL).orElseThrow();
        assertThat(employed.value()).isEqualTo(910.0); // 280+110+90+430
        assertThat(employed.basis()).isEqualTo(Basis.COMPUTED);
        assertThat(employed.source()).startsWith("employment/employment_by_sector.csv, all sectors: ");
        // the rates stay those of labour_force.csv's own counts: no employment rate from another file
        assertThat(find(r, EMPLOYMENT_EMPLOYMENT_RATE, "2024", "MA", TOTAL)).isEmpty();

        Cube given = labourForce();
        given.put(key("2024", "MA", TOTAL), "ENE 2024", 2000.0, 1000.0, 925.0, 75.0, null);
        var r2 = EmploymentIndicators.compute(given, sectorCube(false), List.of(), Y2024, GEO);
        assertThat(r2.values()).filteredOn(v -> v.indicator() == EMPLOYMENT_EMPLOYED && v.breakdown().equals(TOTAL))
                .singleElement().satisfies(v -> assertThat(v.value()).isEqualTo(925.0)); // the file's own wins
    }

    @Test
    void sectorSharesAreShareOfTheTotalEmployed() {
        var r = EmploymentIndicators.compute(labourForce(), sectorCube(false), List.of(), Y2024, GEO);

        // total 910
        assertThat(value(r, EMPLOYMENT_SECTOR_SHARE, "2024", "MA", sector("agriculture")))
                .isCloseTo(30.769231, within(1e-6)); // 280 / 910
        assertThat(value(r, EMPLOYMENT_SECTOR_SHARE, "2024", "MA", sector("industry")))
                .isCloseTo(12.087912, within(1e-6)); // 110 / 910
        assertThat(value(r, EMPLOYMENT_SECTOR_SHARE, "2024", "MA", sector("construction")))
                .isCloseTo(9.890110, within(1e-6)); // 90 / 910
        assertThat(value(r, EMPLOYMENT_SECTOR_SHARE, "2024", "MA", sector("services")))
                .isCloseTo(47.252747, within(1e-6)); // 430 / 910
        assertThat(find(r, EMPLOYMENT_SECTOR_SHARE, "2024", "MA", sector("total"))).isEmpty();
        double sum = r.values().stream().filter(v -> v.indicator() == EMPLOYMENT_SECTOR_SHARE)
                .mapToDouble(IndicatorValue::value).sum();
        assertThat(sum).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void netJobCreationOfAllSectorsComparesLikeWithLike() {
        Cube s = sectors();
        for (String year : List.of("2023", "2024")) {
            s.put(key(year, "MA", sector("agriculture")), "HCP", 300.0);
            s.put(key(year, "MA", sector("industry")), "HCP", 100.0);
            s.put(key(year, "MA", sector("construction")), "HCP", 80.0);
            s.put(key(year, "MA", sector("services")), "HCP", 400.0);
        }
        s.put(key("2024", "MA", sector("other")), "HCP", 25.0); // "other" given in 2024 only
        EmploymentIndicators.deriveSectorTotals(s);

        var r = EmploymentIndicators.compute(labourForce(), s, List.of(), Y2024, GEO);

        // 905 - 880 would count the 25 of "other" as jobs created: not available instead.
        assertThat(find(r, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("total"))).isEmpty();
        assertThat(value(r, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("services"))).isEqualTo(0.0);
        assertThat(value(r, EMPLOYMENT_EMPLOYED, "2024", "MA", sector("total"))).isEqualTo(905.0);
    }

    @Test
    void netJobCreationFromTheLabourForceFileCitesWhatEachYearsSourceSaysOfTheEmployed() {
        Cube lf = labourForce();
        lf.put(key("2023", "MA", TOTAL), "employed: LNT 2023 | unemployed: Le360 2023", null, null, 10_591.0,
                1_580.0, null);
        lf.put(key("2024", "MA", TOTAL), "employed: LNT 2024 | unemployed: Le360 2024", null, null, 10_752.0,
                1_638.0, null);

        var r = EmploymentIndicators.compute(lf, sectors(), List.of(), Y2024, GEO);

        // 10,752 - 10,591 = 161, from the employed's publications, not the unemployed's
        IndicatorValue created = find(r, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("total")).orElseThrow();
        assertThat(created.value()).isEqualTo(161.0);
        assertThat(created.source()).isEqualTo("employed aged 15 and over, 2024 less 2023, from"
                + " employment/labour_force.csv: 2024: LNT 2024; 2023: LNT 2023");
    }

    @Test
    void netJobCreationOfAllSectorsComesFromTheLabourForceFileWhereTheSectorFileCannotGiveIt() {
        Cube lf = labourForce();
        lf.put(key("2017-Q1", "MA", TOTAL), "T1-2017", null, null, 10766.0, null, null);
        lf.put(key("2018-Q1", "MA", TOTAL), "T1-2018", null, null, 10882.0, null, null);
        lf.put(key("2017-Q1", "MA", URBAN), "T1-2017", null, null, 6000.0, null, null);
        lf.put(key("2018-Q1", "MA", URBAN), "T1-2018", null, null, 6077.0, null, null);
        lf.put(key("2018-Q1", "MA", RURAL), "T1-2018", null, null, 4805.0, null, null); // 2017-Q1 rural not given
        var r = EmploymentIndicators.compute(lf, sectors(), List.of(
                published(EMPLOYMENT_NET_JOB_CREATION, "2018-Q1", "MA", sector("total"), 116.0)),
                range("2018-Q1", "2018-Q1"), GEO);

        // 10,882 - 10,766 = 116, computed, and checked against the published 116
        IndicatorValue all = find(r, EMPLOYMENT_NET_JOB_CREATION, "2018-Q1", "MA", sector("total")).orElseThrow();
        assertThat(all.value()).isEqualTo(116.0);
        assertThat(all.basis()).isEqualTo(Basis.COMPUTED);
        assertThat(all.source()).isEqualTo("employed aged 15 and over, 2018-Q1 less 2017-Q1, from"
                + " employment/labour_force.csv: 2018-Q1: T1-2018; 2017-Q1: T1-2017");
        assertThat(check(r, EMPLOYMENT_NET_JOB_CREATION).difference()).isEqualTo(0.0);
        // by area too: 6,077 - 6,000 = 77; rural lacks a year
        assertThat(value(r, EMPLOYMENT_NET_JOB_CREATION, "2018-Q1", "MA", Breakdown.of("area", "urban", "sector", "total")))
                .isEqualTo(77.0);
        assertThat(find(r, EMPLOYMENT_NET_JOB_CREATION, "2018-Q1", "MA", Breakdown.of("area", "rural", "sector", "total")))
                .isEmpty();

        // Where the sector file gives both years' total, its own (910 - 880) stands.
        lf.put(key("2023", "MA", TOTAL), "ENE 2023", null, null, 885.0, null, null);
        lf.put(key("2024", "MA", TOTAL), "ENE 2024", null, null, 925.0, null, null);
        var bySector = EmploymentIndicators.compute(lf, sectorCube(false), List.of(), Y2024, GEO);
        assertThat(value(bySector, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("total"))).isEqualTo(30.0);
    }

    @Test
    void otherCountsInTheTotalWhenGiven() {
        var r = EmploymentIndicators.compute(labourForce(), sectorCube(true), List.of(), Y2024, GEO);

        // total 2024 = 910 + 20 = 930; 2023 = 880 + 20 = 900
        assertThat(value(r, EMPLOYMENT_SECTOR_SHARE, "2024", "MA", sector("services")))
                .isCloseTo(46.236559, within(1e-6)); // 430 / 930
        assertThat(value(r, EMPLOYMENT_SECTOR_SHARE, "2024", "MA", sector("other")))
                .isCloseTo(2.150538, within(1e-6)); // 20 / 930
        assertThat(value(r, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("other"))).isEqualTo(0.0); // 20 - 20
        assertThat(value(r, EMPLOYMENT_NET_JOB_CREATION, "2024", "MA", sector("total"))).isEqualTo(30.0); // 930 - 900
    }

    @Test
    void noTotalNorShareWhenAMainSectorIsMissing() {
        Cube s = sectors();
        s.put(key("2024", "MA", sector("agriculture")), "HCP", 280.0);
        s.put(key("2024", "MA", sector("industry")), "HCP", 110.0);
        s.put(key("2024", "MA", sector("services")), "HCP", 430.0);
        EmploymentIndicators.deriveSectorTotals(s);

        var r = EmploymentIndicators.compute(labourForce(), s, List.of(), Y2024, GEO);

        // 280 + 110 + 430 = 820 would pass for the total without construction
        assertThat(r.values()).noneMatch(v -> v.indicator() == EMPLOYMENT_SECTOR_SHARE);
        assertThat(s.get(key("2024", "MA", sector("total")), "employed")).isNull();
    }

    @Test
    void aSectorTotalGivenWinsOverTheSumOfTheSectors() {
        Cube s = sectors();
        s.put(key("2024", "MA", sector("agriculture")), "HCP", 280.0);
        s.put(key("2024", "MA", sector("industry")), "HCP", 110.0);
        s.put(key("2024", "MA", sector("construction")), "HCP", 90.0);
        s.put(key("2024", "MA", sector("services")), "HCP", 430.0);
        s.put(key("2024", "MA", sector("total")), "HCP", 1000.0); // sum is 910: 90 apart, beyond both tolerances
        EmploymentIndicators.deriveSectorTotals(s);

        var r = EmploymentIndicators.compute(labourForce(), s, List.of(), Y2024, GEO);

        assertThat(value(r, EMPLOYMENT_SECTOR_SHARE, "2024", "MA", sector("services"))).isCloseTo(43.0, within(1e-9)); // 430/1000
        assertThat(s.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("employment/employment_by_sector.csv");
            assertThat(w.reason()).contains("(1000) differs from the sum of its sector groups (910)");
        });
    }

    // ---- gaps ----

    private static Cube gapCube() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA", TOTAL), "HCP", 1000.0, 400.0, 350.0, 50.0, 35.0);
        lf.put(key("2024", "MA", FEMALE), "HCP", 500.0, 100.0, 80.0, 20.0, 8.0);
        lf.put(key("2024", "MA", MALE), "HCP", 500.0, 300.0, 270.0, 30.0, 27.0);
        lf.put(key("2024", "MA", URBAN), "HCP", 600.0, 250.0, 210.0, 40.0, 21.0);
        lf.put(key("2024", "MA", RURAL), "HCP", 400.0, 150.0, 140.0, 10.0, 14.0);
        lf.put(key("2024", "MA", YOUTH), "HCP", 200.0, 50.0, 35.0, 15.0, 7.0);
        return lf;
    }

    @Test
    void theGapBetweenWomenAndMenIsFemaleMinusMale() {
        var r = compute(gapCube(), Y2024);

        Breakdown gap = Breakdown.parse("area=total, sex=female minus male, age_group=15+");
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE_GAP, "2024", "MA", gap))
                .isCloseTo(10.0, within(1e-9)); // 20/100 = 20 minus 30/300 = 10
        assertThat(value(r, EMPLOYMENT_ACTIVITY_RATE_GAP, "2024", "MA", gap))
                .isCloseTo(-40.0, within(1e-9)); // 100/500 = 20 minus 300/500 = 60
        assertThat(value(r, EMPLOYMENT_EMPLOYMENT_RATE_GAP, "2024", "MA", gap))
                .isCloseTo(-38.0, within(1e-9)); // 80/500 = 16 minus 270/500 = 54
        assertThat(value(r, EMPLOYMENT_UNDEREMPLOYMENT_RATE_GAP, "2024", "MA", gap))
                .isCloseTo(0.0, within(1e-9)); // 8/80 = 10 minus 27/270 = 10
    }

    @Test
    void theGapBetweenTownAndCountryIsUrbanMinusRural() {
        var r = compute(gapCube(), Y2024);

        Breakdown gap = Breakdown.parse("area=urban minus rural, sex=total, age_group=15+");
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE_GAP, "2024", "MA", gap))
                .isCloseTo(9.333333, within(1e-6)); // 40/250 = 16 minus 10/150 = 6.666667
        assertThat(value(r, EMPLOYMENT_ACTIVITY_RATE_GAP, "2024", "MA", gap))
                .isCloseTo(4.166667, within(1e-6)); // 250/600 = 41.666667 minus 150/400 = 37.5
        assertThat(value(r, EMPLOYMENT_EMPLOYMENT_RATE_GAP, "2024", "MA", gap))
                .isCloseTo(0.0, within(1e-9)); // 210/600 = 35 minus 140/400 = 35
        assertThat(value(r, EMPLOYMENT_UNDEREMPLOYMENT_RATE_GAP, "2024", "MA", gap))
                .isCloseTo(0.0, within(1e-9)); // 21/210 = 10 minus 14/140 = 10
    }

    @Test
    void theYouthGapIsFifteenToTwentyFourMinusAllAges() {
        var r = compute(gapCube(), Y2024);

        Breakdown gap = Breakdown.parse("area=total, sex=total, age_group=15-24 minus 15+");
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE_GAP, "2024", "MA", gap))
                .isCloseTo(17.5, within(1e-9)); // 15/50 = 30 minus 50/400 = 12.5
        assertThat(value(r, EMPLOYMENT_ACTIVITY_RATE_GAP, "2024", "MA", gap))
                .isCloseTo(-15.0, within(1e-9)); // 50/200 = 25 minus 400/1000 = 40
        assertThat(value(r, EMPLOYMENT_EMPLOYMENT_RATE_GAP, "2024", "MA", gap))
                .isCloseTo(-17.5, within(1e-9)); // 35/200 = 17.5 minus 350/1000 = 35
        assertThat(value(r, EMPLOYMENT_UNDEREMPLOYMENT_RATE_GAP, "2024", "MA", gap))
                .isCloseTo(10.0, within(1e-9)); // 7/35 = 20 minus 35/350 = 10
    }

    @Test
    void gapsAreOnlyTheThreeSpelledOnesAndNeedBothGroups() {
        Cube lf = gapCube();
        var r = compute(lf, Y2024);

        // 4 rates x 3 gaps
        assertThat(r.values()).filteredOn(v -> v.indicator().id().endsWith("_gap_pp")).hasSize(12)
                .extracting(v -> v.breakdown().toString()).containsOnly(
                        "area=total, sex=female minus male, age_group=15+",
                        "area=urban minus rural, sex=total, age_group=15+",
                        "area=total, sex=total, age_group=15-24 minus 15+");

        Cube womenOnly = labourForce();
        womenOnly.put(key("2024", "MA", FEMALE), "HCP", 500.0, 100.0, 80.0, 20.0, 8.0);
        assertThat(compute(womenOnly, Y2024).values()).noneMatch(v -> v.indicator().id().endsWith("_gap_pp"));
    }

    // ---- totals: summed, never averaged ----

    @Test
    void theNationalRateOfRegionsReportedAloneIsARatioOfSumsNotAMeanOfRates() {
        // MA-01: unemployed 10 of 100 = 10 %; MA-02: 60 of 300 = 20 %; their mean would be 15 %
        cells.direct(LabourForceDataset.INSTANCE, "2024", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(LabourForceDataset.INSTANCE, "2024", "MA-02", TOTAL, "HCP", 500.0, 300.0, 240.0, 60.0, 24.0);
        Cube lf = cells.load(LabourForceDataset.INSTANCE, GEO);
        EmploymentIndicators.deriveLabourForceTotals(lf);

        var r = compute(lf, Y2024);

        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA-01", TOTAL)).isCloseTo(10.0, within(1e-9));
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA-02", TOTAL)).isCloseTo(20.0, within(1e-9));
        // (10 + 60) / (100 + 300) = 70 / 400 = 17.5 %
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(17.5, within(1e-9));
        // (100 + 300) / (200 + 500) = 400 / 700 = 57.142857 %
        assertThat(value(r, EMPLOYMENT_ACTIVITY_RATE, "2024", "MA", TOTAL)).isCloseTo(57.142857, within(1e-6));
        // (90 + 240) / 700 = 330 / 700 = 47.142857 %
        assertThat(value(r, EMPLOYMENT_EMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(47.142857, within(1e-6));
        // (9 + 24) / (90 + 240) = 33 / 330 = 10 %
        assertThat(value(r, EMPLOYMENT_UNDEREMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(10.0, within(1e-9));
        assertThat(value(r, EMPLOYMENT_UNEMPLOYED, "2024", "MA", TOTAL)).isEqualTo(70.0); // 10 + 60
        assertThat(lf.warnings()).isEmpty();
    }

    @Test
    void regionsGivenOnlyByAreaAddUpToTheCountryAndItsTotal() {
        var ds = LabourForceDataset.INSTANCE;
        cells.direct(ds, "2024", "MA-01", URBAN, "HCP", 120.0, 60.0, 54.0, 6.0, 5.0)
                .direct(ds, "2024", "MA-01", RURAL, "HCP", 80.0, 40.0, 36.0, 4.0, 4.0)
                .direct(ds, "2024", "MA-02", URBAN, "HCP", 300.0, 200.0, 160.0, 40.0, 16.0)
                .direct(ds, "2024", "MA-02", RURAL, "HCP", 200.0, 100.0, 80.0, 20.0, 8.0);
        Cube lf = cells.load(ds, GEO);
        EmploymentIndicators.deriveLabourForceTotals(lf);

        var r = compute(lf, Y2024);

        // MA-01 total: (6 + 4) / (60 + 40) = 10 %; MA-02: (40 + 20) / (200 + 100) = 20 %
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA-01", TOTAL)).isCloseTo(10.0, within(1e-9));
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA-02", TOTAL)).isCloseTo(20.0, within(1e-9));
        // MA urban: (6 + 40) / (60 + 200) = 46 / 260 = 17.692308 %; rural (4 + 20) / (40 + 100) = 24 / 140 = 17.142857 %
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", URBAN)).isCloseTo(17.692308, within(1e-6));
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", RURAL)).isCloseTo(17.142857, within(1e-6));
        // MA total: 70 / 400 = 17.5 %
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(17.5, within(1e-9));
        // urban minus rural at MA: 17.692308 - 17.142857 = 0.549451
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE_GAP, "2024", "MA", TOTAL.with("area", "urban minus rural")))
                .isCloseTo(0.549451, within(1e-6));
    }

    @Test
    void anAreaTotalMissingFromTheInputIsSummedFromUrbanAndRural() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA", URBAN), "HCP", 600.0, 250.0, 210.0, 40.0, 21.0); // 40 / 250 = 16 %
        lf.put(key("2024", "MA", RURAL), "HCP", 400.0, 150.0, 140.0, 10.0, 14.0); // 10 / 150 = 6.67 %
        EmploymentIndicators.deriveLabourForceTotals(lf);

        var r = compute(lf, Y2024);

        // (40 + 10) / (250 + 150) = 50 / 400 = 12.5 %, not (16 + 6.67) / 2 = 11.33 %
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(12.5, within(1e-9));
        // (250 + 150) / (600 + 400) = 40 %
        assertThat(value(r, EMPLOYMENT_ACTIVITY_RATE, "2024", "MA", TOTAL)).isCloseTo(40.0, within(1e-9));
        // (21 + 14) / (210 + 140) = 35 / 350 = 10 %
        assertThat(value(r, EMPLOYMENT_UNDEREMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(10.0, within(1e-9));
        assertThat(lf.warnings()).isEmpty();
    }

    @Test
    void theSexAndAgeTotalsAreSummedToo() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA", FEMALE), "HCP", 500.0, 100.0, 80.0, 20.0, 8.0);
        lf.put(key("2024", "MA", MALE), "HCP", 500.0, 300.0, 270.0, 30.0, 27.0);
        Breakdown women = FEMALE;
        lf.put(key("2024", "MA", women.with("age_group", "15-24")), "HCP", 100.0, 20.0, 14.0, 6.0, 1.0);
        lf.put(key("2024", "MA", women.with("age_group", "25-34")), "HCP", 100.0, 30.0, 24.0, 6.0, 2.0);
        lf.put(key("2024", "MA", women.with("age_group", "35-44")), "HCP", 100.0, 25.0, 21.0, 4.0, 2.0);
        EmploymentIndicators.deriveLabourForceTotals(lf);

        var r = compute(lf, Y2024);

        // (20 + 30) / (100 + 300) = 50 / 400 = 12.5 %, not (20 + 10) / 2 = 15 %
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(12.5, within(1e-9));
        // women's bands stop at 44: no 45+, so no 15+ is summed from them and the female 15+ row given stays
        assertThat(lf.warnings()).isEmpty();
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", FEMALE)).isCloseTo(20.0, within(1e-9));

        lf.put(key("2024", "MA", women.with("age_group", "45+")), "HCP", 200.0, 25.0, 21.0, 4.0, 3.0);
        EmploymentIndicators.deriveLabourForceTotals(lf);
        // bands now tile 15+: 20 + 30 + 25 + 25 = 100 and 6 + 6 + 4 + 4 = 20, as given: still no warning
        assertThat(lf.warnings()).isEmpty();
    }

    @Test
    void anAgeTotalMissingFromTheInputIsSummedFromItsBands() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA", YOUTH), "HCP", 200.0, 50.0, 35.0, 15.0, 7.0); // 30 %
        lf.put(key("2024", "MA", TOTAL.with("age_group", "25-34")), "HCP", 250.0, 150.0, 130.0, 20.0, 13.0);
        lf.put(key("2024", "MA", TOTAL.with("age_group", "35-44")), "HCP", 250.0, 120.0, 110.0, 10.0, 11.0);
        lf.put(key("2024", "MA", TOTAL.with("age_group", "45+")), "HCP", 300.0, 80.0, 75.0, 5.0, 4.0);
        EmploymentIndicators.deriveLabourForceTotals(lf);

        var r = compute(lf, Y2024);

        // (15 + 20 + 10 + 5) / (50 + 150 + 120 + 80) = 50 / 400 = 12.5 %
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(12.5, within(1e-9));
        // youth minus all ages: 30 - 12.5 = 17.5
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE_GAP, "2024", "MA", TOTAL.with("age_group", "15-24 minus 15+")))
                .isCloseTo(17.5, within(1e-9));
    }

    @Test
    void aTotalGivenWinsAndAWarningSaysItDiffersFromItsParts() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA", URBAN), "HCP", 600.0, 250.0, 210.0, 40.0, 21.0);
        lf.put(key("2024", "MA", RURAL), "HCP", 400.0, 150.0, 140.0, 10.0, 14.0);
        // labour force 410 against 250 + 150 = 400: 10 apart, > 0.5 and > 0.2 % of 410 = 0.82
        lf.put(key("2024", "MA", TOTAL), "HCP total", 1000.0, 410.0, 350.0, 50.0, 35.0);
        EmploymentIndicators.deriveLabourForceTotals(lf);

        var r = compute(lf, Y2024);

        // 50 / 410 = 12.195122 %
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(12.195122, within(1e-6));
        assertThat(lf.warnings()).extracting(RowProblem::column).containsExactly("labour_force");
        assertThat(lf.warnings().get(0).reason()).contains("(410) differs from the sum of its area groups (400)");
    }

    @Test
    void aTotalGivenWithinTheToleranceRaisesNoWarning() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA", URBAN), "HCP", 600.0, 250.0, 210.0, 40.0, 21.0);
        lf.put(key("2024", "MA", RURAL), "HCP", 400.0, 150.0, 140.0, 10.0, 14.0);
        // 400.6 against 400: 0.6 apart, > 0.5 but < 0.2 % of 400.6 = 0.8012
        lf.put(key("2024", "MA", TOTAL), "HCP total", 1000.0, 400.6, 350.0, 50.0, 35.0);
        EmploymentIndicators.deriveLabourForceTotals(lf);

        var r = compute(lf, Y2024);

        // the total given is still the one used: 50 / 400.6 = 12.481278 %
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(12.481278, within(1e-6));
        assertThat(lf.warnings()).isEmpty();
    }

    @Test
    void noNationalValueFromPartOfTheRegions() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02", "MA-03");
        cells.direct(LabourForceDataset.INSTANCE, "2024", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(LabourForceDataset.INSTANCE, "2024", "MA-02", TOTAL, "HCP", 500.0, 300.0, 240.0, 60.0, 24.0);
        Cube lf = cells.load(LabourForceDataset.INSTANCE, geo);
        EmploymentIndicators.deriveLabourForceTotals(lf);

        var r = EmploymentIndicators.compute(lf, sectors(), List.of(), Y2024, geo);

        // MA-03 has no row: 70 / 400 would pass for the national rate
        assertThat(r.values()).noneMatch(v -> v.geo().equals("MA"));
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA-02", TOTAL)).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void aRegionGivenAsATotalAndOneGivenByAreaStillMakeACountry() {
        var ds = LabourForceDataset.INSTANCE;
        cells.direct(ds, "2024", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(ds, "2024", "MA-02", URBAN, "HCP", 300.0, 200.0, 160.0, 40.0, 16.0)
                .direct(ds, "2024", "MA-02", RURAL, "HCP", 200.0, 100.0, 80.0, 20.0, 8.0);
        Cube lf = cells.load(ds, GEO);
        EmploymentIndicators.deriveLabourForceTotals(lf);

        var r = compute(lf, Y2024);

        // MA-02 total = urban + rural: 60 / 300 = 20 %
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA-02", TOTAL)).isCloseTo(20.0, within(1e-9));
        // then every region has a total: MA = (10 + 60) / (100 + 300) = 17.5 %
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", TOTAL)).isCloseTo(17.5, within(1e-9));
        // MA-01 has no urban row: no national urban figure
        assertThat(find(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", URBAN)).isEmpty();
    }

    // ---- published figures ----

    @Test
    void aPublishedFigureIsUsedWhereTheCountsAreMissingAndMarkedSo() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA-01", TOTAL), "HCP", 200.0, 100.0, 90.0, 10.0, 9.0);

        var r = compute(lf, Y2024, published(EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA-02", TOTAL, 19.4));

        IndicatorValue v = find(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA-02", TOTAL).orElseThrow();
        assertThat(v.value()).isEqualTo(19.4);
        assertThat(v.basis()).isEqualTo(Basis.PUBLISHED);
        assertThat(v.source()).isEqualTo("HCP note");
        assertThat(find(r, EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA-01", TOTAL).orElseThrow().basis())
                .isEqualTo(Basis.COMPUTED);
        // a publication does not make the national figure: there are no MA counts and none published
        assertThat(r.values()).noneMatch(x -> x.geo().equals("MA"));
        assertThat(r.checks()).isEmpty();
    }

    @Test
    void aYearKnownOnlyFromAPublicationStillGivesTheChange() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA", TOTAL), "HCP ENE", 1000.0, 500.0, 400.0, 100.0, 40.0); // 20 %

        var r = compute(lf, Y2024, published(EMPLOYMENT_UNEMPLOYMENT_RATE, "2023", "MA", TOTAL, 25.0));

        // 20 - 25 = -5 points
        IndicatorValue change = find(r, EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, "2024", "MA", TOTAL).orElseThrow();
        assertThat(change.value()).isCloseTo(-5.0, within(1e-9));
        assertThat(change.basis()).isEqualTo(Basis.COMPUTED);
        assertThat(change.source()).isEqualTo("difference of 2024 (computed: HCP ENE) and 2023 (published: HCP note)");
        // the 2023 figure served the change but is outside the range
        assertThat(r.values()).extracting(IndicatorValue::period).containsOnly(Period.year(2024));
    }

    @Test
    void aGapFromAPublishedRateNamesTheTwoGroupsItCompares() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA", MALE), "HCP ENE", 1000.0, 500.0, 450.0, 50.0, 40.0);

        var r = compute(lf, Y2024, published(EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", FEMALE, 20.0));

        // women 20 % (published) - men 50 / 500 = 10 %: 10 points
        IndicatorValue gap = find(r, EMPLOYMENT_UNEMPLOYMENT_RATE_GAP, "2024", "MA",
                Breakdown.parse("area=total, sex=female minus male, age_group=15+")).orElseThrow();
        assertThat(gap.value()).isCloseTo(10.0, within(1e-9));
        assertThat(gap.source()).isEqualTo("difference of sex=female, 2024 (published: HCP note) and sex=male, 2024"
                + " (computed: HCP ENE)");
    }

    @Test
    void aGapOfTwoPublishedRatesIsTheDifferenceOfTheirDecimals() {
        var r = compute(labourForce(), Y2024,
                published(EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", URBAN, 16.9),
                published(EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", RURAL, 5.0));

        // 16.9 - 5.0 = 11.9 points, not the binary 11.899999999999999
        assertThat(16.9 - 5.0).isNotEqualTo(11.9);
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE_GAP, "2024", "MA",
                Breakdown.parse("area=urban minus rural, sex=total, age_group=15+"))).isEqualTo(11.9);
    }

    @Test
    void aPublishedChangeFillsInWhereNoneIsComputed() {
        Cube lf = labourForce();
        lf.put(key("2024", "MA", TOTAL), "HCP", 1000.0, 500.0, 400.0, 100.0, 40.0);

        var r = compute(lf, Y2024, published(EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, "2024", "MA", TOTAL, -0.8));

        IndicatorValue v = find(r, EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, "2024", "MA", TOTAL).orElseThrow();
        assertThat(v.value()).isEqualTo(-0.8);
        assertThat(v.basis()).isEqualTo(Basis.PUBLISHED);
    }

    @Test
    void computedAndPublishedAreReconciledAndFlaggedBeyondTheirTolerance() {
        Cube lf = labourForce();
        // 2023: activity 48, unemployment 25; 2024: activity 50, unemployment 20, employed 400, labour force 500
        lf.put(key("2023", "MA", TOTAL), "HCP", 1000.0, 480.0, 360.0, 120.0, 45.0);
        lf.put(key("2024", "MA", TOTAL), "HCP", 1000.0, 500.0, 400.0, 100.0, 40.0);

        var r = compute(lf, Y2024,
                published(EMPLOYMENT_UNEMPLOYMENT_RATE, "2024", "MA", TOTAL, 20.1), // 0.1 point: not flagged
                published(EMPLOYMENT_ACTIVITY_RATE, "2024", "MA", TOTAL, 50.25), // 0.25 point: flagged
                published(EMPLOYMENT_EMPLOYED, "2024", "MA", TOTAL, 401.5), // 1.5 / 401.5 = 0.37 %: not flagged
                published(EMPLOYMENT_LABOUR_FORCE, "2024", "MA", TOTAL, 497.0), // 3 / 497 = 0.60 %: flagged
                published(EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, "2024", "MA", TOTAL, -5.3), // -5 vs -5.3: flagged
                published(EMPLOYMENT_ACTIVITY_RATE_CHANGE, "2024", "MA", TOTAL, 2.05), // 2 vs 2.05: not flagged
                published(EMPLOYMENT_UNEMPLOYMENT_RATE, "2023", "MA", TOTAL, 30.0)); // outside the range

        assertThat(r.checks()).hasSize(6);
        assertThat(check(r, EMPLOYMENT_UNEMPLOYMENT_RATE).flagged()).isFalse();
        assertThat(check(r, EMPLOYMENT_UNEMPLOYMENT_RATE).computed()).isCloseTo(20.0, within(1e-9));
        assertThat(check(r, EMPLOYMENT_UNEMPLOYMENT_RATE).published()).isEqualTo(20.1);
        assertThat(check(r, EMPLOYMENT_ACTIVITY_RATE).flagged()).isTrue();
        assertThat(check(r, EMPLOYMENT_EMPLOYED).flagged()).isFalse();
        assertThat(check(r, EMPLOYMENT_LABOUR_FORCE).flagged()).isTrue();
        assertThat(check(r, EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE).flagged()).isTrue();
        assertThat(check(r, EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE).difference()).isCloseTo(0.3, within(1e-9));
        assertThat(check(r, EMPLOYMENT_ACTIVITY_RATE_CHANGE).flagged()).isFalse();
        assertThat(r.checks()).extracting(Reconciliation::period).containsOnly(Period.year(2024));
        // the computed values stand where both exist
        assertThat(value(r, EMPLOYMENT_ACTIVITY_RATE, "2024", "MA", TOTAL)).isCloseTo(50.0, within(1e-9));
        assertThat(r.values()).allSatisfy(v -> assertThat(v.basis()).isEqualTo(Basis.COMPUTED));
        // and the change is computed from the counts, not from the published 2023 rate: 20 - 25, not 20 - 30
        assertThat(value(r, EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, "2024", "MA", TOTAL)).isCloseTo(-5.0, within(1e-9));
    }

    @Test
    void aPublishedGapIsReconciledUnderTheSameBreakdownSpelling() {
        var r = compute(gapCube(), Y2024, published(EMPLOYMENT_UNEMPLOYMENT_RATE_GAP, "2024", "MA",
                Breakdown.parse("area=total, sex=female minus male, age_group=15+"), 10.4));

        // computed 10 against 10.4: 0.4 point, flagged
        assertThat(check(r, EMPLOYMENT_UNEMPLOYMENT_RATE_GAP).computed()).isCloseTo(10.0, within(1e-9));
        assertThat(check(r, EMPLOYMENT_UNEMPLOYMENT_RATE_GAP).flagged()).isTrue();
    }
}

package ma.observatory.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ma.observatory.csv.RowProblem;
import ma.observatory.employment.LabourForceDataset;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;

/**
 * Measures are given in the order of {@link LabourForceDataset#MEASURES}: population, labour_force,
 * employed, unemployed, underemployed.
 */
class CubeTest {

    private static final LabourForceDataset LF = LabourForceDataset.INSTANCE;
    private static final Period Y2024 = Period.year(2024);
    private static final Breakdown TOTAL = Breakdown.of("area", "total", "sex", "total", "age_group", "15+");
    private static final Breakdown URBAN = TOTAL.with("area", "urban");
    private static final Breakdown RURAL = TOTAL.with("area", "rural");

    private final CellTable cells = new CellTable();

    @AfterEach
    void shutDown() {
        cells.close();
    }

    private static Cube.Key key(String geo, Breakdown b) {
        return new Cube.Key(Y2024, geo, b);
    }

    /** The total of area is urban + rural, when both are there. */
    private static Function<Set<String>, List<String>> byArea() {
        return present -> present.contains("urban") && present.contains("rural") ? List.of("urban", "rural") : List.of();
    }

    // ---- hand-built cubes: put, get, deriveTotals ----

    @Test
    void aSumInASentenceReadsAsTheFiguresWereWritten() {
        assertThat(Cube.format(10770.3 + 1508.4)).isEqualTo("12278.7"); // not 12278.699999999999
        assertThat(Cube.format(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Cube.format(2_700_000.0)).isEqualTo("2700000");
        assertThat(Cube.format(-3.25)).isEqualTo("-3.25");
    }

    @Test
    void putAndGetByMeasureName() {
        Cube cube = Cube.empty(LF);
        cube.put(key("MA", TOTAL), "HCP", 1000.0, 500.0, 400.0, 100.0, null);

        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isEqualTo(500.0);
        assertThat(cube.get(key("MA", TOTAL), "underemployed")).isNull();
        assertThat(cube.get(key("MA-01", TOTAL), "labour_force")).isNull();
        assertThat(cube.source(key("MA", TOTAL))).isEqualTo("HCP");
        assertThat(cube.keys()).containsExactly(key("MA", TOTAL));
    }

    @Test
    void aMissingTotalIsTheSumOfItsParts() {
        Cube cube = Cube.empty(LF);
        cube.put(key("MA", URBAN), "HCP urban", 600.0, 250.0, 210.0, 40.0, 20.0);
        cube.put(key("MA", RURAL), "HCP rural", 400.0, 150.0, 140.0, 10.0, null);

        cube.deriveTotals("area", "total", byArea());

        // 600 + 400 = 1000; 250 + 150 = 400; 210 + 140 = 350; 40 + 10 = 50; 20 + missing = missing
        assertThat(cube.get(key("MA", TOTAL), "population")).isEqualTo(1000.0);
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isEqualTo(400.0);
        assertThat(cube.get(key("MA", TOTAL), "employed")).isEqualTo(350.0);
        assertThat(cube.get(key("MA", TOTAL), "unemployed")).isEqualTo(50.0);
        assertThat(cube.get(key("MA", TOTAL), "underemployed")).isNull();
        assertThat(cube.source(key("MA", TOTAL))).isEqualTo("HCP urban; HCP rural"); // every part's, once
        assertThat(cube.warnings()).isEmpty();
        // the parts are untouched by the summing
        assertThat(cube.get(key("MA", URBAN), "labour_force")).isEqualTo(250.0);
    }

    @Test
    void aFigureFilledFromPartsOfDifferentSourcesCitesThemAll() {
        Cube cube = Cube.empty(LF);
        cube.put(key("MA", URBAN), "URB", 3_000.0, 2_000.0, 1_800.0, 200.0, null);
        cube.put(key("MA", RURAL), "RUR", 2_000.0, 1_000.0, 900.0, 100.0, null);
        cube.put(key("MA", TOTAL), "TOT", 5_000.0, null, null, null, null);

        cube.deriveTotals("area", "total", byArea());

        assertThat(cube.get(key("MA", TOTAL), "employed")).isEqualTo(2_700.0);
        assertThat(cube.source(key("MA", TOTAL), "employed")).isEqualTo("URB; RUR");
        assertThat(cube.source(key("MA", TOTAL), "population")).isEqualTo("TOT");
    }

    @Test
    void noTotalIsDerivedFromPartsThatDoNotCoverIt() {
        Cube cube = Cube.empty(LF);
        cube.put(key("MA", URBAN), "HCP", 600.0, 250.0, 210.0, 40.0, 20.0);

        cube.deriveTotals("area", "total", byArea());

        assertThat(cube.keys()).containsExactly(key("MA", URBAN));
    }

    @Test
    void totalsAreDerivedSeparatelyForEachPeriodPlaceAndOtherDimensions() {
        Cube cube = Cube.empty(LF);
        Breakdown female = TOTAL.with("sex", "female");
        cube.put(key("MA", female.with("area", "urban")), "s", 300.0, 100.0, 80.0, 20.0, 5.0);
        cube.put(key("MA", female.with("area", "rural")), "s", 200.0, 50.0, 45.0, 5.0, 5.0);
        cube.put(new Cube.Key(Period.year(2023), "MA", female.with("area", "urban")), "s", 290.0, 90.0, 80.0, 10.0, 5.0);
        cube.put(new Cube.Key(Period.year(2023), "MA", female.with("area", "rural")), "s", 210.0, 60.0, 50.0, 10.0, 5.0);

        cube.deriveTotals("area", "total", byArea());

        // 2024 female: 100 + 50 = 150; 2023 female: 90 + 60 = 150, unemployed 10 + 10 = 20
        assertThat(cube.get(key("MA", female), "labour_force")).isEqualTo(150.0);
        assertThat(cube.get(key("MA", female), "unemployed")).isEqualTo(25.0);
        assertThat(cube.get(new Cube.Key(Period.year(2023), "MA", female), "unemployed")).isEqualTo(20.0);
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isNull();
    }

    @Test
    void theTotalGivenWinsAndADifferenceBeyondBothTolerancesIsAWarning() {
        Cube cube = Cube.empty(LF);
        cube.put(key("MA", URBAN), "HCP", 600.0, 250.0, 210.0, 40.0, 20.0);
        cube.put(key("MA", RURAL), "HCP", 400.0, 150.0, 140.0, 10.0, 10.0);
        // parts sum to 1000, 400, 350, 50, 30
        // population 1000.4: 0.4 apart, within 0.5 -> no warning
        // labour force 410: 10 apart, > 0.5 and > 0.2 % of 410 = 0.82 -> warning
        // employed 350.6: 0.6 apart, > 0.5 but < 0.2 % of 350.6 = 0.7012 -> no warning
        // unemployed given as missing: the parts fill it in, 40 + 10 = 50
        // underemployed 31: 1 apart, > 0.5 and > 0.2 % of 31 = 0.062 -> warning
        cube.put(key("MA", TOTAL), "HCP total", 1000.4, 410.0, 350.6, null, 31.0);

        cube.deriveTotals("area", "total", byArea());

        assertThat(cube.get(key("MA", TOTAL), "population")).isEqualTo(1000.4);
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isEqualTo(410.0);
        assertThat(cube.get(key("MA", TOTAL), "employed")).isEqualTo(350.6);
        assertThat(cube.get(key("MA", TOTAL), "unemployed")).isEqualTo(50.0);
        // the figure the parts supplied is cited to them, beside the row's own source
        assertThat(cube.source(key("MA", TOTAL))).isEqualTo("HCP total | unemployed: HCP");
        assertThat(cube.warnings()).extracting(RowProblem::column).containsExactly("labour_force", "underemployed");
        RowProblem w = cube.warnings().get(0);
        assertThat(w.file()).isEqualTo("employment/labour_force.csv");
        assertThat(w.value()).isEqualTo("410");
        assertThat(w.reason()).isEqualTo("2024, MA, area=total, sex=total, age_group=15+: the total given in the file"
                + " (410) differs from the sum of its area groups (400); the total given is used");
    }

    @Test
    void differsNeedsBothTheAbsoluteAndTheRelativeToleranceExceeded() {
        assertThat(Cube.differs(100.0, 100.5)).isFalse(); // 0.5 is not beyond 0.5
        assertThat(Cube.differs(100.0, 100.6)).isTrue(); // 0.6 > 0.5 and > 0.2 % of 100.6 = 0.2012
        assertThat(Cube.differs(1000.0, 1001.0)).isFalse(); // 1 > 0.5 but < 0.2 % of 1001 = 2.002
        assertThat(Cube.differs(1000.0, 1002.1)).isTrue(); // 2.1 > 0.5 and > 0.2 % of 1002.1 = 2.0042
        assertThat(Cube.differs(1002.1, 1000.0)).isTrue(); // symmetric
    }

    // ---- Cube.load over the real cell table: place resolution ----

    @Test
    void loadReadsTheCellsOfItsRunAndDatasetOnly() {
        GeoReference geo = CellTable.morocco("MA-01");
        cells.direct(LF, "2024", "MA-01", TOTAL, "HCP ENE 2024", 200.0, 100.0, 90.0, 10.0, null)
                .cell(CellTable.RUN + 1, LF, "2024", "MA-01", "direct", URBAN, "other run", 1.0, 1.0, 1.0, 0.0, 0.0)
                .cell(CellTable.RUN, SectorDatasetStub.INSTANCE, "2024", "MA-01", "direct", URBAN, "other dataset",
                        5.0);

        Cube cube = cells.load(LF, geo);

        Cube.Key region = key("MA-01", TOTAL);
        assertThat(cube.get(region, "population")).isEqualTo(200.0);
        assertThat(cube.get(region, "labour_force")).isEqualTo(100.0);
        assertThat(cube.get(region, "employed")).isEqualTo(90.0);
        assertThat(cube.get(region, "unemployed")).isEqualTo(10.0);
        assertThat(cube.get(region, "underemployed")).isNull(); // a row left it empty: not 0
        assertThat(cube.source(region)).isEqualTo("HCP ENE 2024");
        // MA-01 is Morocco's only region and has the cell, so Morocco gets it too
        assertThat(cube.keys()).containsExactlyInAnyOrder(region, key("MA", TOTAL));
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isEqualTo(100.0);
        assertThat(cube.warnings()).isEmpty();
    }

    @Test
    void aCountryWithoutRowsIsTheSumOfItsRegionsNotTheirMeanRate() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        cells.direct(LF, "2024", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(LF, "2024", "MA-02", TOTAL, "HCP", 500.0, 300.0, 240.0, 60.0, 24.0);

        Cube cube = cells.load(LF, geo);

        // 200 + 500 = 700; 100 + 300 = 400; 90 + 240 = 330; 10 + 60 = 70; 9 + 24 = 33
        Cube.Key national = key("MA", TOTAL);
        assertThat(cube.get(national, "population")).isEqualTo(700.0);
        assertThat(cube.get(national, "labour_force")).isEqualTo(400.0);
        assertThat(cube.get(national, "employed")).isEqualTo(330.0);
        assertThat(cube.get(national, "unemployed")).isEqualTo(70.0);
        assertThat(cube.get(national, "underemployed")).isEqualTo(33.0);
        assertThat(cube.source(national)).isEqualTo("HCP");
    }

    @Test
    void aFigureARegionsRowLeavesEmptyAndItsSexesGiveReachesTheCountryWhichIsComparedOnIt() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        Breakdown men = TOTAL.with("sex", "male");
        Breakdown women = TOTAL.with("sex", "female");
        // MA-01's total row leaves its population empty; its sexes give 500 + 500. Morocco's row
        // gives 2,000 against the regions' 1,000 + 1,500 = 2,500
        cells.direct(LF, "2024", "MA-01", TOTAL, "R1", null, 100.0, 90.0, 10.0, 9.0)
                .direct(LF, "2024", "MA-01", men, "R1", 500.0, 60.0, 55.0, 5.0, 4.0)
                .direct(LF, "2024", "MA-01", women, "R1", 500.0, 40.0, 35.0, 5.0, 5.0)
                .direct(LF, "2024", "MA-02", TOTAL, "R2", 1_500.0, 300.0, 240.0, 60.0, 24.0)
                .direct(LF, "2024", "MA", TOTAL, "NAT", 2_000.0, 400.0, 330.0, 70.0, 33.0);

        Cube cube = cells.load(LF, geo);
        cube.deriveTotals("sex", "total", present -> present.containsAll(List.of("male", "female"))
                ? List.of("male", "female") : List.of());

        assertThat(cube.get(key("MA-01", TOTAL), "population")).isEqualTo(1_000.0);
        assertThat(cube.get(key("MA", TOTAL), "population")).as("the row given wins").isEqualTo(2_000.0);
        // compared once it could be, and only that figure: the others were compared at load
        assertThat(cube.warnings()).extracting(RowProblem::column, RowProblem::value)
                .containsExactly(tuple("population", "2000"));
    }

    @Test
    void aCountryWithoutARowGetsAFigureOneRegionCompletedFromItsSexes() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        cells.direct(LF, "2024", "MA-01", TOTAL, "R1", null, 100.0, 90.0, 10.0, 9.0)
                .direct(LF, "2024", "MA-01", TOTAL.with("sex", "male"), "R1", 500.0, 60.0, 55.0, 5.0, 4.0)
                .direct(LF, "2024", "MA-01", TOTAL.with("sex", "female"), "R1", 500.0, 40.0, 35.0, 5.0, 5.0)
                .direct(LF, "2024", "MA-02", TOTAL, "R2", 1_500.0, 300.0, 240.0, 60.0, 24.0);

        Cube cube = cells.load(LF, geo);
        cube.deriveTotals("sex", "total", present -> present.containsAll(List.of("male", "female"))
                ? List.of("male", "female") : List.of());

        assertThat(cube.get(key("MA", TOTAL), "population")).isEqualTo(2_500.0);
        assertThat(cube.warnings()).isEmpty();
    }

    @Test
    void aLabourForceSomeRowsLeftEmptyKeepsTheOnesGivenAndIsKnownAsMadeFromParts() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        // MA-01 gives its labour force (50.4, not quite 45 + 5); MA-02 leaves it empty beside 60 + 12
        cells.direct(LF, "2024", "MA-01", TOTAL, "A", 100.0, 50.4, 45.0, 5.0, 1.0)
                .direct(LF, "2024", "MA-02", TOTAL, "B", 100.0, null, 60.0, 12.0, 1.0);

        Cube cube = cells.load(LF, geo);

        // 50.4 + 72, not the whole country's employed + unemployed (122)
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isCloseTo(122.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cube.madeFromParts(key("MA", TOTAL))).isTrue();
        assertThat(cube.madeFromParts(key("MA-02", TOTAL))).isTrue();
        assertThat(cube.madeFromParts(key("MA-01", TOTAL))).isFalse();
    }

    @Test
    void aPlaceSummedFromPlacesOfDifferentSourcesSaysItHasOthers() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02", "MA-03");
        cells.direct(LF, "2024", "MA-01", TOTAL, "REG MA-01", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(LF, "2024", "MA-02", TOTAL, "REG MA-02", 500.0, 300.0, 240.0, 60.0, 24.0)
                .direct(LF, "2024", "MA-03", TOTAL, "REG MA-03", 100.0, 50.0, 40.0, 10.0, 4.0)
                .direct(LF, "2024", "MA-01", URBAN, "HCP", 100.0, 50.0, 40.0, 10.0, 4.0)
                .direct(LF, "2024", "MA-02", URBAN, "HCP", 100.0, 50.0, 40.0, 10.0, 4.0)
                .direct(LF, "2024", "MA-03", URBAN, "HCP", 100.0, 50.0, 40.0, 10.0, 4.0);

        // the national figure is not the first region's: the source says there are others, once
        assertThat(cells.load(LF, geo).source(key("MA", TOTAL))).isEqualTo("REG MA-01 (and other sources)");
        assertThat(cells.load(LF, geo).source(key("MA", URBAN))).isEqualTo("HCP");
        var french = ma.observatory.indicator.SourceText.of("fr");
        assertThat(Cube.load(cells.jdbc(), CellTable.RUN, LF, geo, french::staged).source(key("MA", TOTAL)))
                .isEqualTo("REG MA-01 (et d’autres sources)");
    }

    @Test
    void aPlaceSummedFromSourcesInPartsSaysItHasOthersForEveryFigure() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        cells.direct(LF, "2024", "MA-01", TOTAL, "employed: LNT | unemployed: Le360", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(LF, "2024", "MA-02", TOTAL, "employed: ENE | unemployed: HCP", 500.0, 300.0, 240.0, 60.0, 24.0);

        Cube cube = cells.load(LF, geo);

        // the first region's parts, each marked: not the employed cited as the first region's alone
        assertThat(cube.source(key("MA", TOTAL), "employed")).isEqualTo("LNT (and other sources)");
        assertThat(cube.source(key("MA", TOTAL), "unemployed")).isEqualTo("Le360 (and other sources)");
        var french = ma.observatory.indicator.SourceText.of("fr");
        assertThat(Cube.load(cells.jdbc(), CellTable.RUN, LF, geo, french::staged).source(key("MA", TOTAL), "employed"))
                .isEqualTo("LNT (et d’autres sources)");
    }

    @Test
    void aFigureOneRowGivesIsNotMarkedBecauseAnotherFigureCameFromSeveralPlaces() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        // Morocco's rows give all but the underemployed, which its regions supply from two sources
        cells.direct(LF, "2024", "MA", URBAN, "employed: EMPU | unemployed: UNEU", 1000.0, 500.0, 450.0, 50.0, null)
                .direct(LF, "2024", "MA", RURAL, "employed: EMPR | unemployed: UNER", 800.0, 400.0, 380.0, 20.0, null)
                .direct(LF, "2024", "MA-01", URBAN, "R1", 500.0, 250.0, 225.0, 25.0, 20.0)
                .direct(LF, "2024", "MA-02", URBAN, "R2", 500.0, 250.0, 225.0, 25.0, 30.0)
                .direct(LF, "2024", "MA-01", RURAL, "R1", 400.0, 200.0, 190.0, 10.0, 10.0)
                .direct(LF, "2024", "MA-02", RURAL, "R2", 400.0, 200.0, 190.0, 10.0, 15.0);

        Cube cube = cells.load(LF, geo);
        cube.deriveTotals("area", "total", byArea());

        assertThat(cube.source(key("MA", TOTAL), "employed")).isEqualTo("EMPU; EMPR");
        assertThat(cube.source(key("MA", TOTAL), "underemployed")).isEqualTo("R1 (and other sources)");
    }

    @Test
    void aFigureSummedFromPlacesAndThenFromGroupsIsMarkedOnce() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        cells.direct(LF, "2024", "MA-01", URBAN, "employed: E1 | unemployed: U1", 500.0, 250.0, 225.0, 25.0, 20.0)
                .direct(LF, "2024", "MA-02", URBAN, "employed: E2 | unemployed: U2", 500.0, 250.0, 225.0, 25.0, 30.0)
                .direct(LF, "2024", "MA-01", RURAL, "employed: E1 | unemployed: U1", 400.0, 200.0, 190.0, 10.0, 10.0)
                .direct(LF, "2024", "MA-02", RURAL, "employed: E2 | unemployed: U2", 400.0, 200.0, 190.0, 10.0, 15.0);

        Cube cube = cells.load(LF, geo);
        cube.deriveTotals("area", "total", byArea());

        assertThat(cube.source(key("MA", TOTAL), "employed")).isEqualTo("E1 (and other sources)");
        assertThat(cube.source(key("MA", TOTAL), "unemployed")).isEqualTo("U1 (and other sources)");
    }

    @Test
    void aTotalWorkedOutFromOtherRowsIsNotSaidToBeGivenInTheFile() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        // Morocco's total comes from its regions; its rows by sex add up to 100 more employed
        cells.direct(LF, "2024", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(LF, "2024", "MA-02", TOTAL, "HCP", 500.0, 300.0, 240.0, 60.0, 24.0)
                .direct(LF, "2024", "MA", TOTAL.with("sex", "male"), "HCP", 350.0, 250.0, 280.0, 35.0, 16.0)
                .direct(LF, "2024", "MA", TOTAL.with("sex", "female"), "HCP", 350.0, 150.0, 150.0, 35.0, 17.0);

        Cube cube = cells.load(LF, geo);
        cube.deriveTotals("sex", "total", present -> present.containsAll(List.of("male", "female"))
                ? List.of("male", "female") : List.of());

        assertThat(cube.get(key("MA", TOTAL), "employed")).as("the first kept").isEqualTo(330.0);
        assertThat(cube.warnings()).extracting(RowProblem::column, RowProblem::reason).containsExactly(tuple("employed",
                "2024, MA, area=total, sex=total, age_group=15+: the total worked out from other rows or figures (330) differs"
                        + " from the sum of its sex groups (430); the first is used"));
    }

    @Test
    void aLabourForceMadeFromItsRowsEmployedAndUnemployedIsNotSaidToBeGiven() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        cells.direct(LF, "2024", "MA", TOTAL, "NAT", 1800.0, null, 830.0, 70.0, 80.0)
                .direct(LF, "2024", "MA-01", TOTAL, "R1", 900.0, 455.0, 415.0, 35.0, 30.0)
                .direct(LF, "2024", "MA-02", TOTAL, "R2", 900.0, 455.0, 415.0, 35.0, 45.0);

        Cube cube = cells.load(LF, geo);

        assertThat(cube.warnings()).extracting(RowProblem::column, RowProblem::reason).contains(tuple("labour_force",
                "2024, MA, area=total, sex=total, age_group=15+: the total worked out from other rows or figures (900)"
                        + " differs from the sum over the places it contains (910); the first is used"));
    }

    @Test
    void aCountrysOwnRowIsCompletedAndComparedOnceARegionsTotalIsDerivedFromItsParts() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        Breakdown men = TOTAL.with("sex", "male");
        Breakdown women = TOTAL.with("sex", "female");
        // MA-01 is given by sex only; Morocco's row leaves its underemployed empty and its employed is
        // 100 above the regions' sum
        cells.direct(LF, "2024", "MA-01", men, "HCP", 100.0, 60.0, 50.0, 10.0, 4.0)
                .direct(LF, "2024", "MA-01", women, "HCP", 100.0, 40.0, 40.0, 0.0, 5.0)
                .direct(LF, "2024", "MA-02", TOTAL, "HCP", 500.0, 300.0, 240.0, 60.0, 24.0)
                .direct(LF, "2024", "MA", TOTAL, "NAT", 700.0, 400.0, 430.0, 70.0, null);

        Cube cube = cells.load(LF, geo);
        cube.deriveTotals("sex", "total", present -> present.containsAll(List.of("male", "female"))
                ? List.of("male", "female") : List.of());

        Cube.Key national = key("MA", TOTAL);
        assertThat(cube.get(national, "employed")).as("the row given wins").isEqualTo(430.0);
        // 4 + 5 + 24 = 33: from the regions, MA-01's derived from its sexes
        assertThat(cube.get(national, "underemployed")).isEqualTo(33.0);
        assertThat(cube.warnings()).extracting(RowProblem::column, RowProblem::value)
                .containsExactly(tuple("employed", "430"));
    }

    @Test
    void aFigureAHundredTimesAYearEarliersIsAWarningOnTheFinestPlaceThatJumps() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        Breakdown women = TOTAL.with("sex", "female");
        cells.direct(LF, "2023", "MA-01", TOTAL, "HCP", 5_700.0, 2_600.0, 2_300.0, 300.0, 100.0)
                .direct(LF, "2023", "MA-02", TOTAL, "HCP", 2_000.0, 900.0, 800.0, 100.0, 50.0)
                .direct(LF, "2023", "MA-02", women, "HCP", 1_000.0, 300.0, 250.0, 50.0, 20.0)
                // 2024: MA-01 typed in persons (a thousand times), MA-02's women in millions
                .direct(LF, "2024", "MA-01", TOTAL, "HCP", 5_720_000.0, 2_610.0, 2_310.0, 300.0, 100.0)
                .direct(LF, "2024", "MA-02", TOTAL, "HCP", 2_010.0, 905.0, 805.0, 100.0, 50.0)
                .direct(LF, "2024", "MA-02", women, "HCP", 1.01, 0.3, 0.25, 0.05, 0.02);

        Cube cube = cells.load(LF, geo);

        // Morocco's 2024 population, summed from MA-01, jumps too: the region's warning says where;
        // MA-02 is named once, on its women (a total can lag a slip in one of its parts)
        assertThat(cube.warnings()).extracting(RowProblem::column, RowProblem::value, RowProblem::reason)
                .containsExactly(
                        tuple("population", "5720000", "2024, MA-01, area=total, sex=total, age_group=15+: population"
                                + " is 5720000, about 1004 times the 5700 of a year earlier (2023): was it typed in"
                                + " another unit (persons, thousands, millions)? The figure is used as given"),
                        tuple("population", "1.01", "2024, MA-02, area=total, sex=female, age_group=15+: population"
                                + " is 1.01, about 1/990 of the 1000 of a year earlier (2023): was it typed in another"
                                + " unit (persons, thousands, millions)? The figure is used as given"));
    }

    @Test
    void aSlipIsWarnedOfOnceNotAgainAsTheYearAfterComesBackFromIt() {
        GeoReference geo = CellTable.morocco("MA-01");
        // 2024's unemployed typed in millions between two years in thousands
        cells.direct(LF, "2023", "MA-01", TOTAL, "HCP", 27_000.0, 12_000.0, 10_451.0, 1_549.0, 1_000.0)
                .direct(LF, "2024", "MA-01", TOTAL, "HCP", 27_300.0, 12_100.0, 10_455.0, 1.645, 1_010.0)
                .direct(LF, "2025", "MA-01", TOTAL, "HCP", 27_600.0, 12_200.0, 10_570.0, 1_630.0, 1_020.0);

        assertThat(cells.load(LF, geo).warnings()).extracting(RowProblem::column, RowProblem::value)
                .containsExactly(tuple("unemployed", "1.645"));
    }

    @Test
    void aSecondSlipAfterAFirstIsWarnedOfToo() {
        GeoReference geo = CellTable.morocco("MA-01");
        // population in thousands, then in millions, then in persons; unemployed fine, then typed in persons
        cells.direct(LF, "2023", "MA-01", TOTAL, "HCP", 5_000.0, 2_000.0, 1_800.0, 200.0, 100.0)
                .direct(LF, "2024", "MA-01", TOTAL, "HCP", 5.05, 2_010.0, 1_805.0, 205.0, 101.0)
                .direct(LF, "2025", "MA-01", TOTAL, "HCP", 5_100_000.0, 2_020.0, 1_810.0, 210_000.0, 102.0);

        assertThat(cells.load(LF, geo).warnings()).extracting(RowProblem::column, RowProblem::value)
                .containsExactlyInAnyOrder(tuple("population", "5.05"), tuple("population", "5100000"));
    }

    @Test
    void smallCountsOrAChangeUnderAHundredTimesAreNoJump() {
        GeoReference geo = CellTable.morocco("MA-01");
        // 900 to 1.5 (both under 1,000: a small place's count), 2,000 to 60,000 (thirty times)
        cells.direct(LF, "2023", "MA-01", TOTAL, "HCP", 2_000.0, 900.0, 800.0, 100.0, 0.0)
                .direct(LF, "2024", "MA-01", TOTAL, "HCP", 60_000.0, 1.5, 1.0, 0.5, 10.0);

        assertThat(cells.load(LF, geo).warnings()).isEmpty();
    }

    @Test
    void aSumPastTheLargestNumberIsNoJump() {
        GeoReference geo = CellTable.morocco("MA-01");
        // two rows of 1e308 summed: infinite, shown [x]; "Infinity times" would be no sentence
        cells.direct(LF, "2023", "MA-01", TOTAL, "HCP", 2_000.0, 900.0, 800.0, 100.0, 10.0)
                .direct(LF, "2024", "MA-01", TOTAL, "HCP", Double.POSITIVE_INFINITY, 900.0, 800.0, 100.0, 10.0);

        assertThat(cells.load(LF, geo).warnings()).extracting(RowProblem::reason).noneMatch(r -> r.contains("Infinity"));
    }

    @Test
    void aRegionWithoutRowsIsTheSumOfItsProvinces() {
        GeoReference geo = CellTable.morocco("MA-01");
        // the staging writer has already summed the two provinces of MA-01 into one rollup cell of MA-01:
        // MA-01-01 (120, 60, 54, 6, 3) + MA-01-02 (80, 40, 36, 4, 2)
        cells.rollup(LF, "2024", "MA-01", TOTAL, "HCP provinces", 200.0, 100.0, 90.0, 10.0, 5.0);

        Cube cube = cells.load(LF, geo);

        assertThat(cube.get(key("MA-01", TOTAL), "labour_force")).isEqualTo(100.0);
        assertThat(cube.get(key("MA-01", TOTAL), "underemployed")).isEqualTo(5.0);
        assertThat(cube.source(key("MA-01", TOTAL))).isEqualTo("HCP provinces");
        // and on up to the country, MA-01 being its only region
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isEqualTo(100.0);
        assertThat(cube.keys()).noneMatch(k -> k.geo().startsWith("MA-01-"));
    }

    @Test
    void aRegionsOwnRowsWinOverTheSumOfItsProvinces() {
        GeoReference geo = CellTable.morocco("MA-01");
        cells.direct(LF, "2024", "MA-01", TOTAL, "HCP region", 200.0, 100.0, 90.0, 10.0, 5.0)
                // provinces: labour force 100.4 (0.4 apart, fine), unemployed 12 (2 apart > 0.5 and > 0.2 % of 12)
                .rollup(LF, "2024", "MA-01", TOTAL, "HCP provinces", 200.0, 100.4, 88.4, 12.0, 5.0);

        Cube cube = cells.load(LF, geo);

        assertThat(cube.get(key("MA-01", TOTAL), "labour_force")).isEqualTo(100.0);
        assertThat(cube.get(key("MA-01", TOTAL), "unemployed")).isEqualTo(10.0);
        assertThat(cube.source(key("MA-01", TOTAL))).isEqualTo("HCP region");
        // employed 90 vs 88.4: 1.6 > 0.5 and > 0.2 % of 90 = 0.18 -> warning too
        assertThat(cube.warnings()).extracting(RowProblem::column).containsExactlyInAnyOrder("employed", "unemployed");
        assertThat(cube.warnings()).extracting(RowProblem::reason)
                .anyMatch(r -> r.equals("2024, MA-01, area=total, sex=total, age_group=15+: the total given in the file"
                        + " (10) differs from the sum over the places it contains (12); the total given is used"));
    }

    @Test
    void aCountrysOwnRowWinsOverItsRegionsWithAWarningWhenTheyDisagree() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        cells.direct(LF, "2024", "MA", TOTAL, "HCP national", 700.0, 410.0, 330.0, 70.0, 33.0)
                .direct(LF, "2024", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(LF, "2024", "MA-02", TOTAL, "HCP", 500.0, 300.0, 240.0, 60.0, 24.0);

        Cube cube = cells.load(LF, geo);

        // labour force: 410 given vs 100 + 300 = 400; 10 > 0.5 and > 0.2 % of 410 = 0.82
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isEqualTo(410.0);
        assertThat(cube.source(key("MA", TOTAL))).isEqualTo("HCP national");
        assertThat(cube.warnings()).singleElement().satisfies(w -> {
            assertThat(w.column()).isEqualTo("labour_force");
            assertThat(w.reason()).contains("(410) differs from the sum over the places it contains (400)");
        });
    }

    @Test
    void noCountryFigureFromPartOfItsRegions() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02", "MA-03");
        cells.direct(LF, "2024", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(LF, "2024", "MA-02", TOTAL, "HCP", 500.0, 300.0, 240.0, 60.0, 24.0);

        Cube cube = cells.load(LF, geo);

        // MA-03 has no row: 100 + 300 would pass for the national labour force
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isNull();
        assertThat(cube.keys()).extracting(Cube.Key::geo).containsOnly("MA-01", "MA-02");
        // and the reader is told why Morocco has no 2024, naming the region without a row
        assertThat(cube.warnings()).singleElement().satisfies(w -> {
            assertThat(w.column()).isEqualTo("geo");
            assertThat(w.value()).isEqualTo("MA");
            assertThat(w.reason()).isEqualTo("MA: for 1 figure(s), the first 2024, area=total, sex=total, age_group=15+,"
                    + " some of the places under it that this run reports have no row (MA-03 for the first), so these"
                    + " figures are not available: the sum of the others would pass for a total. Give those places a"
                    + " row, or MA itself one");
        });
    }

    @Test
    void aCountryLackingFiguresOfManyRegionsNamesThreeAndCountsTheRest() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02", "MA-03", "MA-04", "MA-05", "MA-06", "MA-07", "MA-08",
                "MA-09");
        for (String region : List.of("MA-01", "MA-02", "MA-03", "MA-04", "MA-05")) {
            cells.direct(LF, "2024-Q1", region, TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                    .direct(LF, "2024", region, TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0);
        }
        // a split by sex that one region gives: no national figure gone missing, nothing to say
        cells.direct(LF, "2024", "MA-01", TOTAL.with("sex", "female"), "HCP", 100.0, 50.0, 45.0, 5.0, 4.0);

        Cube cube = cells.load(LF, geo);

        // two figures lost, one warning; the first (by period: the year before its quarters) names its lacking regions
        assertThat(cube.warnings()).singleElement().extracting(RowProblem::reason).asString()
                .startsWith("MA: for 2 figure(s), the first 2024, area=total")
                .contains("(MA-06, MA-07, MA-08 (+1) for the first)");
    }

    @Test
    void theCountryGetsEachCellThatAllItsRegionsHave() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        cells.direct(LF, "2024", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(LF, "2024", "MA-02", TOTAL, "HCP", 500.0, 300.0, 240.0, 60.0, 24.0)
                .direct(LF, "2024", "MA-01", URBAN, "HCP", 120.0, 70.0, 62.0, 8.0, 6.0);

        Cube cube = cells.load(LF, geo);

        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isEqualTo(400.0);
        // only MA-01 has an urban cell
        assertThat(cube.get(key("MA", URBAN), "labour_force")).isNull();
        // a breakdown only some regions give is no national figure gone missing: nothing to say
        assertThat(cube.warnings()).isEmpty();
    }

    @Test
    void finerRowsStagedStraightIntoTheCountryAddToItsRegions() {
        GeoReference geo = CellTable.morocco("MA-01");
        cells.direct(LF, "2024", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                .rollup(LF, "2024", "MA", TOTAL, "HCP", 50.0, 20.0, 18.0, 2.0, 1.0);

        Cube cube = cells.load(LF, geo);

        // 100 + 20 = 120
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isEqualTo(120.0);
    }

    @Test
    void periodsAreResolvedSeparately() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        cells.direct(LF, "2024-Q1", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(LF, "2024-Q1", "MA-02", TOTAL, "HCP", 500.0, 300.0, 240.0, 60.0, 24.0)
                .direct(LF, "2024-Q2", "MA-01", TOTAL, "HCP", 200.0, 110.0, 90.0, 20.0, 9.0);

        Cube cube = cells.load(LF, geo);

        assertThat(cube.get(new Cube.Key(Period.quarter(2024, 1), "MA", TOTAL), "unemployed")).isEqualTo(70.0);
        assertThat(cube.get(new Cube.Key(Period.quarter(2024, 2), "MA", TOTAL), "unemployed")).isNull();
    }

    @Test
    void aRegionTotalDerivedFromItsAreasCompletesTheCountry() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        cells.direct(LF, "2024", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(LF, "2024", "MA-02", URBAN, "HCP", 300.0, 200.0, 160.0, 40.0, 16.0)
                .direct(LF, "2024", "MA-02", RURAL, "HCP", 200.0, 100.0, 80.0, 20.0, 8.0);

        Cube cube = cells.load(LF, geo);
        // at load MA-02 has no total yet, so MA has none either
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isNull();

        cube.deriveTotals("area", "total", byArea());

        // MA-02 total: 200 + 100 = 300; MA total: 100 + 300 = 400, unemployed 10 + (40 + 20) = 70
        assertThat(cube.get(key("MA-02", TOTAL), "labour_force")).isEqualTo(300.0);
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isEqualTo(400.0);
        assertThat(cube.get(key("MA", TOTAL), "unemployed")).isEqualTo(70.0);
        // MA-01 has no urban row: a split one region of two gives is not said to be missing
        assertThat(cube.get(key("MA", URBAN), "labour_force")).isNull();
        assertThat(cube.warnings()).isEmpty();
    }

    @Test
    void derivingTotalsAfterLoadDoesNotRepeatAWarning() {
        GeoReference geo = CellTable.morocco("MA-01", "MA-02");
        cells.direct(LF, "2024", "MA", TOTAL, "HCP national", 700.0, 410.0, 330.0, 70.0, 33.0)
                .direct(LF, "2024", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0, 10.0, 9.0)
                .direct(LF, "2024", "MA-02", TOTAL, "HCP", 500.0, 300.0, 240.0, 60.0, 24.0);

        Cube cube = cells.load(LF, geo);
        cube.deriveTotals("area", "total", byArea());
        cube.deriveTotals("area", "total", byArea());

        // 410 against 100 + 300 = 400, said once
        assertThat(cube.warnings()).hasSize(1);
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isEqualTo(410.0);
    }

    // ---- finer rows must tile the place they are summed into ----

    /** Morocco, MA-01 with two provinces, the second with two communes; MA-02 without finer places. */
    private static GeoReference withCommunes() {
        return new GeoReference(List.of(
                new ma.observatory.geo.Place("MA", "Maroc", "Morocco", "country", ""),
                new ma.observatory.geo.Place("MA-01", "R1", "R1", "region", "MA"),
                new ma.observatory.geo.Place("MA-01-01", "P1", "P1", "province", "MA-01"),
                new ma.observatory.geo.Place("MA-01-02", "P2", "P2", "province", "MA-01"),
                new ma.observatory.geo.Place("C-1", "C1", "C1", "commune", "MA-01-02"),
                new ma.observatory.geo.Place("C-2", "C2", "C2", "commune", "MA-01-02"),
                new ma.observatory.geo.Place("MA-02", "R2", "R2", "region", "MA")), Set.of("country", "region"));
    }

    @Test
    void aRegionIsTheSumOfFinerPlacesThatCoverItEachOnce() {
        GeoReference geo = withCommunes();
        // MA-01-01 (120, 60, 54, 6, 3) + C-1 (50, 25, 22, 3, 1) + C-2 (30, 15, 14, 1, 1): the communes stand for MA-01-02
        cells.rollupOf(geo, List.of("MA-01-01", "C-1", "C-2"), LF, "2024", "MA-01", TOTAL, "HCP", 200.0, 100.0, 90.0,
                        10.0, 5.0)
                .direct(LF, "2024", "MA-02", TOTAL, "HCP", 500.0, 300.0, 240.0, 60.0, 24.0);

        Cube cube = cells.load(LF, geo);

        assertThat(cube.get(key("MA-01", TOTAL), "labour_force")).isEqualTo(100.0);
        assertThat(cube.get(key("MA", TOTAL), "labour_force")).isEqualTo(400.0); // 100 + 300
        assertThat(cube.warnings()).isEmpty();
    }

    @Test
    void finerPlacesThatLeaveAPartOutGiveNoFigureAndSaySoOncePerPlace() {
        GeoReference geo = withCommunes();
        // MA-01-02 has no row, nor its communes: 120 would pass for the region's population
        cells.rollupOf(geo, List.of("MA-01-01"), LF, "2024", "MA-01", TOTAL, "HCP", 120.0, 60.0, 54.0, 6.0, 3.0)
                .rollupOf(geo, List.of("MA-01-01"), LF, "2024", "MA-01", URBAN, "HCP", 70.0, 35.0, 30.0, 5.0, 2.0)
                .direct(LF, "2024", "MA-02", TOTAL, "HCP", 500.0, 300.0, 240.0, 60.0, 24.0);

        Cube cube = cells.load(LF, geo);

        assertThat(cube.get(key("MA-01", TOTAL), "population")).isNull();
        assertThat(cube.get(key("MA", TOTAL), "population")).isNull(); // nor Morocco from MA-02 alone
        assertThat(cube.keys()).extracting(Cube.Key::geo).containsOnly("MA-02");
        assertThat(cube.warnings()).singleElement().satisfies(w -> {
            assertThat(w.column()).isEqualTo("geo");
            assertThat(w.value()).isEqualTo("MA-01");
            assertThat(w.reason()).startsWith("MA-01: for 2 figure(s), the first 2024, area=total, sex=total,"
                    + " age_group=15+, the rows of the places under it do not cover it whole, once");
        });
    }

    @Test
    void aProvinceGivenWithItsCommunesIsNotCountedTwice() {
        GeoReference geo = withCommunes();
        cells.rollupOf(geo, List.of("MA-01-01", "MA-01-02", "C-1", "C-2"), LF, "2024", "MA-01", TOTAL, "HCP", 280.0,
                140.0, 126.0, 14.0, 7.0);

        Cube cube = cells.load(LF, geo);

        assertThat(cube.get(key("MA-01", TOTAL), "population")).isNull();
        assertThat(cube.warnings()).singleElement().extracting(RowProblem::value).isEqualTo("MA-01");
    }

    @Test
    void aRegionsOwnRowIsNotComparedWithFinerPlacesThatLeaveAPartOut() {
        GeoReference geo = withCommunes();
        cells.direct(LF, "2024", "MA-01", TOTAL, "HCP region", 200.0, 100.0, 90.0, 10.0, 5.0)
                .rollupOf(geo, List.of("MA-01-01"), LF, "2024", "MA-01", TOTAL, "HCP", 120.0, 60.0, 54.0, 6.0, 3.0);

        Cube cube = cells.load(LF, geo);

        // 120 is not the region's population and says nothing against 200
        assertThat(cube.get(key("MA-01", TOTAL), "population")).isEqualTo(200.0);
        assertThat(cube.warnings()).isEmpty();
    }

    @Test
    void aFigureDerivedFromItsGroupsAfterAllIsNotSaidToBeMissing() {
        GeoReference geo = withCommunes();
        // all of MA-01 by area; its total only from MA-01-01
        cells.rollupOf(geo, List.of("MA-01-01", "MA-01-02"), LF, "2024", "MA-01", URBAN, "HCP", 120.0, 60.0, 50.0,
                        10.0, 5.0)
                .rollupOf(geo, List.of("MA-01-01", "MA-01-02"), LF, "2024", "MA-01", RURAL, "HCP", 80.0, 40.0, 38.0,
                        2.0, 1.0)
                .rollupOf(geo, List.of("MA-01-01"), LF, "2024", "MA-01", TOTAL, "HCP", 90.0, 45.0, 40.0, 5.0, 2.0);

        Cube cube = cells.load(LF, geo);
        cube.deriveTotals("area", "total", byArea());

        // 120 + 80 = 200, from urban and rural
        assertThat(cube.get(key("MA-01", TOTAL), "population")).isEqualTo(200.0);
        assertThat(cube.warnings()).isEmpty();
    }

    /** A second dataset under another key, to show that load reads one dataset only. */
    private enum SectorDatasetStub implements CountDataset {
        INSTANCE;

        @Override
        public List<String> measures() {
            return List.of("employed");
        }

        @Override
        public String key() {
            return "employment_by_sector";
        }

        @Override
        public String file() {
            return "employment/employment_by_sector.csv";
        }

        @Override
        public List<? extends ma.observatory.csv.CsvColumn> columns() {
            return List.of();
        }
    }
}

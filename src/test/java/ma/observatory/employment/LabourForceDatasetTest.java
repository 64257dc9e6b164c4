package ma.observatory.employment;

import static ma.observatory.csv.CsvTestSupport.LABOUR_FORCE;
import static ma.observatory.csv.CsvTestSupport.LF_HEADER;
import static ma.observatory.csv.CsvTestSupport.lines;
import static ma.observatory.csv.CsvTestSupport.readLabourForce;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ma.observatory.csv.Parsed;
import ma.observatory.csv.RowProblem;
import ma.observatory.period.Period;

/** The row rules of {@code employment/labour_force.csv} (SPEC §4), read through the CSV reader. */
class LabourForceDatasetTest {

    /** A clean row: population 100, labour force 50 = 45 employed + 5 unemployed. */
    private static final String GOOD = "2024,MA,total,total,15+,100,50,45,5,2,HCP";

    @TempDir
    Path dir;

    private List<Parsed<LabourForceRecord>> read(String... rows) {
        String[] all = new String[rows.length + 1];
        all[0] = LF_HEADER;
        System.arraycopy(rows, 0, all, 1, rows.length);
        writeUtf8(dir, LABOUR_FORCE, lines(all));
        return readLabourForce(dir);
    }

    /** The file holds a good row on line 2 and the row under test on line 3, which must be rejected once. */
    private RowProblem singleReject(String row) {
        List<Parsed<LabourForceRecord>> parsed = read(GOOD, row);
        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0).rejected()).as("the good row").isFalse();
        Parsed<LabourForceRecord> p = parsed.get(1);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.item()).as("a rejected row has no item").isNull();
        assertThat(p.rejects()).hasSize(1);
        RowProblem problem = p.rejects().get(0);
        assertThat(problem.file()).isEqualTo(LABOUR_FORCE);
        assertThat(problem.line()).isEqualTo(3);
        return problem;
    }

    private static String withCounts(String population, String labourForce, String employed, String unemployed) {
        return "2024,MA-01,total,total,15+," + population + "," + labourForce + "," + employed + "," + unemployed
                + ",,HCP";
    }

    @Test
    void aMonthIsKeptWithAWarningNamingItsQuarter() {
        List<Parsed<LabourForceRecord>> parsed = read(withCounts("100", "50", "45", "5").replace("2024,", "2024-08,"));

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.item().period()).isEqualTo(ma.observatory.period.Period.month(2024, 8));
            assertThat(p.warnings()).singleElement().satisfies(w -> {
                assertThat(w.column()).isEqualTo("period");
                assertThat(w.value()).isEqualTo("2024-08");
                assertThat(w.reason()).isEqualTo("is a month: the labour force survey gives quarters and years; a"
                        + " quarter’s figures are written as the quarter (2024-Q3). The row is kept as a figure of its"
                        + " own month");
            });
        });
    }

    @Test
    void goodRowIsKeptWithItsValues() {
        List<Parsed<LabourForceRecord>> parsed = read(GOOD);

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.warnings()).isEmpty();
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.item()).isEqualTo(new LabourForceRecord(Period.year(2024), "MA", Area.TOTAL, Sex.TOTAL, "15+",
                    100.0, 50.0, 45.0, 5.0, 2.0, "HCP"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"12a", "1e3", "1e400", "NaN", "0x10", "12,5", "1 23", "--4"})
    void numberThatDoesNotParseIsRejected(String value) {
        String row = withCounts("100", "50", "45", "5").replace(",,HCP", "," + value + ",HCP");
        if (value.contains(",")) {
            row = row.replace("," + value + ",", ",\"" + value + "\",");
        }

        RowProblem problem = singleReject(row);

        assertThat(problem.column()).isEqualTo("underemployed");
        assertThat(problem.value()).isEqualTo(value);
        assertThat(problem.reason()).containsAnyOf("not a number", "spaces");
    }

    @Test
    void negativeNumberIsRejected() {
        RowProblem problem = singleReject(withCounts("100", "50", "45", "-5"));

        assertThat(problem.column()).isEqualTo("unemployed");
        assertThat(problem.value()).isEqualTo("-5");
        assertThat(problem.reason()).isEqualTo("is negative; counts and amounts must be 0 or more");
        // a fraction below zero too, not only whole numbers
        assertThat(singleReject(withCounts("100", "50", "49.5", "-0.5")).value()).isEqualTo("-0.5");
    }

    @Test
    void negativeZeroIsZero() {
        List<Parsed<LabourForceRecord>> parsed = read(withCounts("100", "50", "50", "-0"));

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.item().unemployed()).isEqualTo(0.0);
        });
    }

    @Test
    void employedAboveLabourForceIsRejected() {
        RowProblem problem = singleReject(withCounts("100", "50", "50.5", "0"));

        assertThat(problem.column()).isEqualTo("employed");
        assertThat(problem.value()).isEqualTo("50.5");
        assertThat(problem.reason()).isEqualTo("is larger than labour_force (50)");
    }

    @Test
    void labourForceAbovePopulationIsRejected() {
        RowProblem problem = singleReject(withCounts("100", "150", "140", "10"));

        assertThat(problem.column()).isEqualTo("labour_force");
        assertThat(problem.value()).isEqualTo("150");
        assertThat(problem.reason()).isEqualTo("is larger than population (100)");
    }

    @Test
    void unemployedAboveLabourForceIsRejected() {
        List<Parsed<LabourForceRecord>> parsed = read(GOOD, withCounts("100", "50", "", "60"));

        Parsed<LabourForceRecord> p = parsed.get(1);
        assertThat(p.rejects()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo("unemployed");
            assertThat(problem.value()).isEqualTo("60");
            assertThat(problem.reason()).isEqualTo("is larger than labour_force (50)");
        });
    }

    @Test
    void employedPlusUnemployedAbovePopulationIsRejectedWhenTheLabourForceIsTheirSum() {
        // labour_force empty: it would be 90 + 20 = 110 of a population of 100, an activity rate of 110 %
        RowProblem problem = singleReject(withCounts("100", "", "90", "20"));

        assertThat(problem.column()).isEqualTo("employed");
        assertThat(problem.value()).isEqualTo("90");
        assertThat(problem.reason()).isEqualTo("employed + unemployed (110), the labour force since labour_force is"
                + " empty, is larger than population (100)");
        // only unemployed given, alone above the population
        assertThat(singleReject(withCounts("100", "", "", "101")).column()).isEqualTo("unemployed");
        // up to the population, kept, even where binary addition overshoots (1.1 + 2.2 = 3.3000000000000003)
        assertThat(read(withCounts("100", "", "80", "20"))).noneMatch(Parsed::rejected);
        assertThat(read(withCounts("3.3", "", "1.1", "2.2"))).noneMatch(Parsed::rejected);
    }

    @Test
    void underemployedAboveEmployedIsRejected() {
        RowProblem problem = singleReject("2024,MA-01,total,total,15+,100,50,45,5,46,HCP");

        assertThat(problem.column()).isEqualTo("underemployed");
        assertThat(problem.value()).isEqualTo("46");
        assertThat(problem.reason()).isEqualTo("is larger than employed (45)");
    }

    @Test
    void equalCountsAreNotAbove() {
        List<Parsed<LabourForceRecord>> parsed = read(withCounts("50", "50", "50", "0"), withCounts2("50", "50", "0", "50"));

        assertThat(parsed).noneMatch(Parsed::rejected);
    }

    private static String withCounts2(String population, String labourForce, String employed, String unemployed) {
        return withCounts(population, labourForce, employed, unemployed).replace("MA-01", "MA-02");
    }

    @Test
    void unknownVocabularyValueIsRejected() {
        RowProblem problem = singleReject("2024,MA,suburban,total,15+,100,50,45,5,,HCP");

        assertThat(problem.column()).isEqualTo("area");
        assertThat(problem.value()).isEqualTo("suburban");
        assertThat(problem.reason()).contains("total, urban, rural");
    }

    @Test
    void vocabularyIsMatchedWhateverTheCase() {
        List<Parsed<LabourForceRecord>> parsed = read("2024,MA,Urban,FEMALE,15+,100,50,45,5,,HCP");

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.item().area()).isEqualTo(Area.URBAN);
            assertThat(p.item().sex()).isEqualTo(Sex.FEMALE);
        });
    }

    @Test
    void unknownSexIsRejected() {
        RowProblem problem = singleReject("2024,MA,total,m,15+,100,50,45,5,,HCP");

        assertThat(problem.column()).isEqualTo("sex");
        assertThat(problem.value()).isEqualTo("m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13", "2024-Q5", "2024-Q0", "2024-00", "24", "2024-1", "2024Q1", "2024-S1", "T1 2024"})
    void badPeriodIsRejected(String period) {
        RowProblem problem = singleReject(period + ",MA,total,total,15+,100,50,45,5,,HCP");

        assertThat(problem.column()).isEqualTo("period");
        assertThat(problem.value()).isEqualTo(period);
        assertThat(problem.reason()).contains("YYYY-Qn");
    }

    @Test
    void emptyPeriodIsRejected() {
        RowProblem problem = singleReject(",MA,total,total,15+,100,50,45,5,,HCP");

        assertThat(problem.column()).isEqualTo("period");
    }

    @Test
    void quarterAndMonthPeriodsAreRead() {
        List<Parsed<LabourForceRecord>> parsed = read("2024-Q3,MA,total,total,15+,100,50,45,5,,HCP",
                "2024-q4,MA,total,total,15+,100,50,45,5,,HCP", "2024-12,MA,total,total,15+,100,50,45,5,,HCP");

        assertThat(parsed).noneMatch(Parsed::rejected).extracting(p -> p.item().period())
                .containsExactly(Period.quarter(2024, 3), Period.quarter(2024, 4), Period.month(2024, 12));
    }

    @Test
    void unknownGeoCodeIsRejected() {
        RowProblem problem = singleReject("2024,MA-13,total,total,15+,100,50,45,5,,HCP");

        assertThat(problem.column()).isEqualTo("geo");
        assertThat(problem.value()).isEqualTo("MA-13");
        assertThat(problem.reason()).contains("reference/geo.csv");
    }

    @Test
    void emptyGeoIsRejected() {
        RowProblem problem = singleReject("2024,,total,total,15+,100,50,45,5,,HCP");

        assertThat(problem.column()).isEqualTo("geo");
        assertThat(problem.reason()).contains("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"adults", "15 - 24", "24-15", "-24", "15"})
    void badAgeGroupIsRejected(String age) {
        RowProblem problem = singleReject("2024,MA,total,total," + age + ",100,50,45,5,,HCP");

        assertThat(problem.column()).isEqualTo("age_group");
        assertThat(problem.value()).isEqualTo(age);
    }

    @Test
    void secondOccurrenceOfAKeyIsRejected() {
        List<Parsed<LabourForceRecord>> parsed = read(
                "2024-Q1,MA,total,total,15+,100,50,45,5,,HCP",
                "2024-Q1,MA,total,male,15+,60,30,27,3,,HCP",
                "2024-q1,MA,TOTAL,total,15+,100,50,45,5,,other source"); // same key, other spelling

        assertThat(parsed.get(0).rejected()).isFalse();
        assertThat(parsed.get(1).rejected()).isFalse();
        assertThat(parsed.get(2).rejects()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.column()).isEmpty();
            assertThat(problem.value()).isEqualTo("period=2024-q1, geo=MA, area=TOTAL, sex=total, age_group=15+");
            assertThat(problem.reason()).isEqualTo("this key already appears on line 2 of the file");
        });
    }

    @Test
    void aRejectedRowDoesNotTakeItsKey() {
        List<Parsed<LabourForceRecord>> parsed = read(
                "2024,MA,total,total,15+,100,50,45,-5,,HCP",
                "2024,MA,total,total,15+,100,50,45,5,,HCP corrected");

        assertThat(parsed.get(0).rejected()).isTrue();
        assertThat(parsed.get(1).rejected()).isFalse();
    }

    @Test
    void shortRowIsRejected() {
        RowProblem problem = singleReject("2024,MA,total,total,15+,100,50,45");

        assertThat(problem.column()).isEmpty();
        assertThat(problem.value()).isEmpty();
        assertThat(problem.reason()).contains("8 fields").contains("11");
    }

    @Test
    void rowWithAnExtraNonEmptyFieldIsRejected() {
        RowProblem problem = singleReject("2024,MA,total,total,15+,100,50,45,5,,HCP,oops");

        assertThat(problem.column()).isEmpty();
        assertThat(problem.value()).isEqualTo("oops");
        assertThat(problem.reason()).contains("12 fields");
    }

    @Test
    void trailingEmptyFieldsAreTolerated() {
        List<Parsed<LabourForceRecord>> parsed = read("2024,MA,total,total,15+,100,50,45,5,,HCP,,", GOOD.replace("MA,", "MA-04,") + ",");

        assertThat(parsed).hasSize(2).noneMatch(Parsed::rejected);
    }

    @Test
    void decimalCommaInAnUnquotedNumberShowsAsAnExtraField() {
        // a French number pasted into a comma file shifts every later value
        RowProblem problem = singleReject("2024,MA,total,total,15+,100,50,44,5,1,5,HCP");

        assertThat(problem.column()).isEmpty();
        assertThat(problem.reason()).contains("decimal comma");
    }

    @Test
    void allProblemsOfARowAreReported() {
        List<Parsed<LabourForceRecord>> parsed = read("2024-Q9,MA-99,suburban,total,15+,abc,50,45,-5,,HCP");

        assertThat(parsed).singleElement().satisfies(p -> assertThat(p.rejects())
                .extracting(RowProblem::column)
                .containsExactlyInAnyOrder("period", "geo", "area", "population", "unemployed"));
    }

    @Test
    void labourForceFarFromEmployedPlusUnemployedIsAWarningAndTheRowIsKept() {
        // 1000 vs 900 + 95 = 995: 5 thousand apart, beyond 0.5 thousand and beyond 0.2 % (2 thousand)
        List<Parsed<LabourForceRecord>> parsed = read(GOOD, withCounts("2000", "1000", "900", "95"));

        Parsed<LabourForceRecord> p = parsed.get(1);
        assertThat(p.rejected()).isFalse();
        assertThat(p.item().labourForce()).isEqualTo(1000.0);
        assertThat(p.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.column()).isEqualTo("labour_force");
            assertThat(w.value()).isEqualTo("1000");
            assertThat(w.reason()).isEqualTo("differs from employed + unemployed (995) by more than 0.5 thousand"
                    + " and 0.2 %; the row is kept");
        });
    }

    @Test
    void aDuplicateRowGetsNoWarningThatItIsKept() {
        // the second line repeats the key; its counts would also be beyond the tolerance (1000 vs 995)
        String far = withCounts("2000", "1000", "900", "95");
        List<Parsed<LabourForceRecord>> parsed = read(GOOD, far.replace("HCP", "first"), far.replace("HCP", "again"));

        assertThat(parsed.get(2).rejected()).isTrue();
        assertThat(parsed.get(2).rejects()).singleElement().satisfies(r -> assertThat(r.reason()).contains("already"));
        assertThat(parsed.get(2).warnings()).isEmpty();
    }

    @Test
    void aRejectedRowGetsNoWarningThatItIsKept() {
        // employed 60 > labour force 50 (rejected); 50 vs 60 + 5 would also be beyond the tolerance
        List<Parsed<LabourForceRecord>> parsed = read(withCounts("200", "50", "60", "5"));

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isTrue();
            assertThat(p.warnings()).isEmpty();
        });
    }

    @Test
    void anAgeGroupSpelledAnotherWayIsTheSameKey() {
        List<Parsed<LabourForceRecord>> parsed = read(GOOD, "2024,MA,total,total,015+,100,50,45,5,2,HCP again",
                "2024,MA,total,total,15-24,20,10,8,2,,HCP", "2024,MA,total,total,015-024,20,10,8,2,,HCP again");

        assertThat(parsed).extracting(Parsed::rejected).containsExactly(false, true, false, true);
        assertThat(parsed.get(1).rejects()).singleElement().satisfies(r -> {
            assertThat(r.reason()).contains("already appears on line 2 of");
            assertThat(r.value()).contains("age_group=15+");
        });
    }

    @ParameterizedTest(name = "labour force {0} = {1} + {2}: within tolerance")
    @CsvSource({
            "1000, 900, 98.5",     // 1.5 apart: beyond 0.5 but within 0.2 % (2)
            "100, 90, 9.6",        // 0.4 apart: beyond 0.2 % (0.2) but within 0.5
            "100, 90, 9.5",        // exactly 0.5 apart
            "10000, 9000, 980",    // exactly 0.2 % (20) apart
            // 0.501 apart: within 0.2 % of the larger figure (0.501002), as the cube judges a total
            "250, 200, 50.501",
            "50, 45, 5"})
    void withinToleranceNoWarning(String labourForce, String employed, String unemployed) {
        List<Parsed<LabourForceRecord>> parsed = read(withCounts("20000", labourForce, employed, unemployed));

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.warnings()).isEmpty();
        });
    }

    @Test
    void justBeyondBothTolerancesWarns() {
        // 100 vs 90 + 9.4 = 99.4: 0.6 apart, beyond 0.5 and beyond 0.2 % (0.2)
        List<Parsed<LabourForceRecord>> parsed = read(withCounts("200", "100", "90", "9.4"));

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.warnings()).hasSize(1);
        });
    }

    @Test
    void emptyCountsAreNotAvailable() {
        List<Parsed<LabourForceRecord>> parsed = read(
                "2024,MA,total,total,15+,,,,,,",
                "2024,MA-01,total,total,15+,100,,45,,,HCP",
                "2024,MA-02,total,total,15+, ,50, ,5,,HCP");

        assertThat(parsed).noneMatch(Parsed::rejected);
        assertThat(parsed).allSatisfy(p -> assertThat(p.warnings()).isEmpty());
        assertThat(parsed.get(0).item()).satisfies(r -> {
            assertThat(r.population()).isNull();
            assertThat(r.labourForce()).isNull();
            assertThat(r.employed()).isNull();
            assertThat(r.unemployed()).isNull();
            assertThat(r.underemployed()).isNull();
            assertThat(r.source()).isEmpty();
        });
        assertThat(parsed.get(1).item().population()).isEqualTo(100.0);
        assertThat(parsed.get(1).item().labourForce()).isNull();
        assertThat(parsed.get(2).item().employed()).isNull();
    }
}

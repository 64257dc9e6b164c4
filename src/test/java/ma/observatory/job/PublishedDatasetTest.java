package ma.observatory.job;

import static ma.observatory.csv.CsvTestSupport.geo;
import static ma.observatory.csv.CsvTestSupport.geoWithProvince;
import static ma.observatory.csv.CsvTestSupport.readRows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ma.observatory.csv.Parsed;
import ma.observatory.csv.RowProblem;
import ma.observatory.cube.Breakdown;
import ma.observatory.geo.GeoReference;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.PublishedDataset;
import ma.observatory.indicator.PublishedFigure;
import ma.observatory.period.Period;

/**
 * The row rules of {@code published.csv} (SPEC §4), read through the CSV reader with the job's
 * vocabulary of breakdowns.
 */
class PublishedDatasetTest {

    private static final String HEADER = "indicator,period,geo,breakdown,value,unit,source";
    private static final String GOOD = "employment.unemployment_rate,2024,MA,\"area=total, sex=total, age_group=15+\",13.3,%,HCP";

    @TempDir
    Path dir;

    private List<Parsed<PublishedFigure>> read(String... rows) {
        var g = geo();
        return readRows(dir, PublishedDataset.INSTANCE, HEADER,
                row -> PublishedDataset.map(row, g, ObservatoryJobConfiguration.BREAKDOWN_VOCABULARY), rows);
    }

    @Test
    void aGoodRowIsKeptWithItsValuesAndAChangeMayBeNegative() {
        List<Parsed<PublishedFigure>> parsed = read(GOOD,
                "employment.unemployment_rate_change_pp,2024,MA-01,,-0.4,points,HCP");

        assertThat(parsed).hasSize(2).noneMatch(Parsed::rejected);
        assertThat(parsed.get(0).item()).isEqualTo(new PublishedFigure(Indicator.EMPLOYMENT_UNEMPLOYMENT_RATE,
                Period.year(2024), "MA", Breakdown.of("area", "total", "sex", "total", "age_group", "15+"), 13.3, "HCP", 2,
                1));
        assertThat(parsed.get(1).item().value()).isEqualTo(-0.4);
    }

    /** A figure is as precise as it was published: Data quality compares "14" (%) at half a point. */
    @Test
    void theDecimalsOfTheValueAreKeptAsTyped() {
        List<Parsed<PublishedFigure>> parsed = read(
                "employment.unemployment_rate,2024,MA,,14,%,HCP",
                "employment.unemployment_rate,2023,MA,,13.80,%,HCP",
                "employment.unemployment_rate,2022,MA,,,%,HCP");

        assertThat(parsed).extracting(p -> p.item().decimals())
                .containsExactly(0, 2, PublishedFigure.DECIMALS_UNKNOWN);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "employment.unemployment,2024,MA,,13.3,%,HCP             | indicator | employment.unemployment | not an indicator id",
        "employment.unemployment_rate,2024,XX,,13.3,%,HCP        | geo       | XX                      | not a code of reference/geo.csv",
        "employment.unemployment_rate,2024-13,MA,,13.3,%,HCP     | period    | 2024-13                 | not a period",
        "employment.unemployment_rate,2024,MA,female,13.3,%,HCP  | breakdown | female                  | not a name=value pair",
        "employment.unemployment_rate,2024,MA,sex=woman,13.3,%,HCP | breakdown | sex=woman             | woman",
        "employment.unemployment_rate,2024,MA,,13.3%,%,HCP       | value     | 13.3%                   | not a number",
        "employment.unemployment_rate,2024,MA,,13.3,points,HCP   | unit      | points                  | which is '%'",
        "employment.unemployment_rate,2024,MA,,150,%,HCP         | value     | 150                     | from 0 to 100",
        "employment.unemployment_rate,2024,MA,,-5,%,HCP          | value     | -5                      | from 0 to 100",
        "employment.population,2024,MA,,-1,thousand persons,HCP  | value     | -1                      | is negative",
        "employment.unemployment_rate,2024,MA,,13.3,%,           | source    | ''                      | a value is required",
    })
    void aBadRowIsRejectedNamingItsColumnValueAndReason(String row, String column, String value, String reason) {
        List<Parsed<PublishedFigure>> parsed = read(GOOD, row);

        assertThat(parsed.get(0).rejected()).as("the good row").isFalse();
        Parsed<PublishedFigure> bad = parsed.get(1);
        assertThat(bad.item()).as("a rejected row has no item").isNull();
        assertThat(bad.rejects()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("published.csv");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo(column);
            assertThat(problem.value()).isEqualTo(value);
            assertThat(problem.reason()).contains(reason);
        });
    }

    @Test
    void anEmptyValueIsAFigureNotAvailableNotZero() {
        List<Parsed<PublishedFigure>> parsed = read("employment.unemployment_rate,2024,MA,,,%,HCP");

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.item().value()).isNull();
        });
    }

    /** Kept apart from the parameterized cases: the duplicate's value is the key as stored. */
    @Test
    void theSameFigureTwiceIsRejectedOnItsSecondLine() {
        List<RowProblem> rejects = read(GOOD, GOOD.replace("13.3", "13.4")).get(1).rejects();

        assertThat(rejects).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("already appears on line 2 of the file");
        });
    }

    @Test
    void aFigureForAPlaceTheRunDoesNotReportIsKeptWithAWarningNotLeftUnused() {
        GeoReference withProvince = geoWithProvince("country", "region");
        String row = "employment.unemployment_rate,2024,P1,,12.5,%,provincial note";

        List<Parsed<PublishedFigure>> parsed = readRows(dir, PublishedDataset.INSTANCE, HEADER,
                r -> PublishedDataset.map(r, withProvince, ObservatoryJobConfiguration.BREAKDOWN_VOCABULARY), row);

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.warnings()).singleElement().satisfies(w -> {
                assertThat(w.column()).isEqualTo("geo");
                assertThat(w.reason()).isEqualTo("is a place of level province, which this run does not report"
                        + " (--geo-levels): the figure is not used");
            });
        });
        // reported, it is used: no warning
        GeoReference provincesReported = geoWithProvince("country", "region", "province");
        assertThat(readRows(dir, PublishedDataset.INSTANCE, HEADER,
                r -> PublishedDataset.map(r, provincesReported, ObservatoryJobConfiguration.BREAKDOWN_VOCABULARY), row))
                .singleElement().satisfies(p -> assertThat(p.warnings()).isEmpty());
    }

    @Test
    void aBreakdownLongerThanItsColumnIsRejectedRatherThanFailTheRun() {
        String breakdown = "area=total, sex=total, age_group=15+, note=" + "x".repeat(400);
        List<Parsed<PublishedFigure>> parsed = read(GOOD,
                "employment.unemployment_rate,2024,MA-01,\"" + breakdown + "\",13.3,%,HCP");

        assertThat(parsed.get(1).rejected()).isTrue();
        assertThat(parsed.get(1).rejects()).extracting(RowProblem::column).contains("breakdown");
        assertThat(parsed.get(1).rejects().get(0).reason())
                .isEqualTo("is too long: " + breakdown.length() + " characters, more than the 400 this column holds");

        // 400 characters as typed, 403 as stored with ", " between the pairs
        String tight = "area=total,sex=total,age_group=15+,education=" + "g".repeat(355);
        assertThat(tight).hasSize(400);
        assertThat(read(GOOD, "employment.unemployment_rate,2024,MA-01,\"" + tight + "\",13.3,%,HCP").get(1).rejects())
                .extracting(RowProblem::column, RowProblem::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("breakdown",
                        "is too long: 403 characters, more than the 400 this column holds"));
    }
}

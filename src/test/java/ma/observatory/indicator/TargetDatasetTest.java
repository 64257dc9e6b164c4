package ma.observatory.indicator;

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
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;

/** The row rules of {@code targets.csv} (SPEC §4), read through the CSV reader. */
class TargetDatasetTest {

    private static final String HEADER = "indicator,geo,target_period,target_value,unit,baseline_period,baseline_value,source";
    private static final String GOOD = "tourism.arrivals,MA,2026,17500000,persons,,,roadmap 2023-2026";

    @TempDir
    Path dir;

    private List<Parsed<Target>> read(String... rows) {
        var g = geo();
        return readRows(dir, TargetDataset.INSTANCE, HEADER, row -> TargetDataset.map(row, g), rows);
    }

    /** The good row on line 2 is kept; the row under test, on line 3, is rejected for one reason. */
    private RowProblem singleReject(String row) {
        List<Parsed<Target>> parsed = read(GOOD, row);
        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0).rejected()).as("the good row").isFalse();
        assertThat(parsed.get(1).item()).as("a rejected row has no item").isNull();
        assertThat(parsed.get(1).rejects()).hasSize(1);
        RowProblem problem = parsed.get(1).rejects().get(0);
        assertThat(problem.file()).isEqualTo("targets.csv");
        assertThat(problem.line()).isEqualTo(3);
        return problem;
    }

    @Test
    void aGoodRowIsKeptWithItsValues() {
        List<Parsed<Target>> parsed = read("tourism.direct_jobs_created,MA,2026,80000,persons,2023,,roadmap");

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.item()).isEqualTo(new Target(Indicator.TOURISM_DIRECT_JOBS_CREATED, "MA", Period.year(2026),
                    80_000, Period.year(2023), null, "roadmap", 2));
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "tourism.arival,MA,2026,17500000,persons,,,x      | indicator       | tourism.arival | not an indicator id",
        "tourism.arrivals,XX,2026,17500000,persons,,,x    | geo             | XX             | not a code of reference/geo.csv",
        "tourism.arrivals,MA,2026-Q5,17500000,persons,,,x | target_period   | 2026-Q5        | not a period",
        "tourism.arrivals,MA,2027,17.5M,persons,,,x       | target_value    | 17.5M          | not a number",
        "tourism.arrivals,MA,2027,-1,persons,,,x          | target_value    | -1             | is negative",
        "tourism.arrivals,MA,2027,,persons,,,x            | target_value    | ''             | a number is required",
        "tourism.arrivals,MA,2027,17500000,%,,,x          | unit            | %              | which is 'persons'",
        "tourism.arrivals,MA,2027,17500000,persons,2027,,x | baseline_period | 2027          | must come before target_period",
        "tourism.arrivals,MA,2026,18000000,persons,,,x    | ''              | 'indicator=tourism.arrivals, geo=MA, target_period=2026' | already appears on line 2 of the file",
    })
    void aBadRowIsRejectedNamingItsColumnValueAndReason(String row, String column, String value, String reason) {
        RowProblem problem = singleReject(row);

        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.value()).isEqualTo(value);
        assertThat(problem.reason()).contains(reason);
    }

    @Test
    void aTargetTheWorkbookDoesNotFollowIsKeptWithAWarningSayingSo() {
        List<Parsed<Target>> parsed = read("employment.unemployment_rate,MA,2026,9,%,,,government programme");

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.warnings()).singleElement().satisfies(w -> {
                assertThat(w.column()).isEqualTo("indicator");
                assertThat(w.value()).isEqualTo("employment.unemployment_rate");
                assertThat(w.reason()).isEqualTo("targets are followed for tourism indicators only: this one is not used");
            });
        });
    }

    @Test
    void aTargetForAPlaceTheRunDoesNotReportIsKeptWithAWarningSayingSo() {
        GeoReference withProvince = geoWithProvince("country", "region");
        List<Parsed<Target>> parsed = readRows(dir, TargetDataset.INSTANCE, HEADER,
                row -> TargetDataset.map(row, withProvince), "tourism.arrivals,P1,2026,1000000,persons,,,local plan");

        assertThat(parsed).singleElement().satisfies(p -> assertThat(p.warnings()).singleElement()
                .satisfies(w -> assertThat(w.reason()).isEqualTo("is a place of level province, which this run does"
                        + " not report (--geo-levels): the figure is not used")));
    }
}

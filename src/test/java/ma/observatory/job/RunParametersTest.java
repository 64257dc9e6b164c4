package ma.observatory.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

class RunParametersTest {

    private static RunParameters run(Set<String> domains, Set<String> levels, String language) {
        return new RunParameters(new PeriodRange(Period.parse("2023-01"), Period.parse("2025-12")), Path.of("data"),
                Path.of("reports"), language, domains, 0.01, levels, LocalDateTime.of(2026, 11, 27, 2, 0));
    }

    @Test
    void theNightlyWorkbookIsNamedByItsRangeAlone() {
        assertThat(run(Set.copyOf(RunParameters.ALL_DOMAINS), Set.of("region", "country"), "fr").workbookName())
                .isEqualTo("labour-market-report_2023-01_2025-12.xlsx");
    }

    @Test
    void aWorkbookThatDiffersFromTheNightlyOneSaysHowInItsName() {
        assertThat(run(Set.of("tourism", "employment"), Set.of("country", "region"), "fr").workbookName())
                .isEqualTo("labour-market-report_2023-01_2025-12_employment-tourism.xlsx");
        assertThat(run(Set.copyOf(RunParameters.ALL_DOMAINS), Set.of("country", "region"), "en").workbookName())
                .isEqualTo("labour-market-report_2023-01_2025-12_en.xlsx");
        assertThat(run(Set.of("employment"), Set.of("region", "province", "country"), "en").workbookName())
                .isEqualTo("labour-market-report_2023-01_2025-12_employment_country-province-region_en.xlsx");
        assertThat(run(Set.copyOf(RunParameters.ALL_DOMAINS), Set.of("country"), "fr").workbookName())
                .isEqualTo("labour-market-report_2023-01_2025-12_country.xlsx");
    }

    @Test
    void theNameFromStoredParametersIsTheRunsOwn() {
        RunParameters run = run(Set.of("employment"), Set.of("country"), "en");
        var stored = run.toJobParameters();
        assertThat(RunParameters.workbookName(stored.getString("from"), stored.getString("to"), stored.getString("only"),
                stored.getString("geo-levels"), stored.getString("lang"))).isEqualTo(run.workbookName());
        assertThat(RunParameters.workbookName(null, "2025-12", null, null, null)).isNull();
    }

    @Test
    void aRunRecordedBeforeAParameterExistedHasItsDefault() {
        var stored = new org.springframework.batch.core.job.parameters.JobParametersBuilder()
                .addString("from", "2023").addString("to", "2024").addString("input-dir", "data")
                .addString("output-dir", "reports").toJobParameters();

        RunParameters run = RunParameters.of(stored);

        // no level would report no place, and name the workbook "…_2023_2024_.xlsx"
        assertThat(run.geoLevels()).isEqualTo(RunParameters.DEFAULT_GEO_LEVELS);
        assertThat(run.domains()).containsExactlyInAnyOrderElementsOf(RunParameters.ALL_DOMAINS);
        assertThat(run.language()).isEqualTo("fr");
        assertThat(run.maxRejectRate()).isEqualTo(0.01);
        assertThat(run.workbookName()).isEqualTo("labour-market-report_2023_2024.xlsx");
    }
}

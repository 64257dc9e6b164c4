package ma.observatory.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;
import ma.observatory.report.Messages;

/** A year the relocations chart counts in part: its introduction says which months, as its bar does. */
class RelocationsChartIntroTest {

    private static PeriodRange range(String from, String to) {
        return new PeriodRange(Period.parse(from), Period.parse(to));
    }

    @Test
    void aYearTheRangeEndsInsideIsSaidWithItsMonths() {
        assertThat(OutsourcingSheets.relocationsChartIntro(new Messages("en"), range("2021-01", "2026-10")))
                .endsWith("A year the range covers in part counts only its months in the range: 2026\u00a0(to\u00a0October).");
        assertThat(OutsourcingSheets.relocationsChartIntro(new Messages("fr"), range("2021-01", "2026-10")))
                .endsWith("ne compte que ses mois dans la période\u202f: 2026\u00a0(à\u00a0fin\u00a0octobre).");
    }

    @Test
    void bothEndsCutAreSaidAndWholeYearsAddNothing() {
        assertThat(OutsourcingSheets.relocationsChartIntro(new Messages("en"), range("2021-04", "2026-10")))
                .endsWith(": 2021\u00a0(from\u00a0April), 2026\u00a0(to\u00a0October).");
        assertThat(OutsourcingSheets.relocationsChartIntro(new Messages("en"), range("2021-01", "2025-12")))
                .isEqualTo(new Messages("en").get("outsourcing.chart.relocations.intro"));
        // one year cut at both ends is said once
        assertThat(OutsourcingSheets.relocationsChartIntro(new Messages("en"), range("2026-03", "2026-10")))
                .endsWith(": 2026\u00a0(March\u00a0to\u00a0October).");
    }
}

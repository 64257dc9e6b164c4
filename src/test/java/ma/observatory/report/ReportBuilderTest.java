package ma.observatory.report;

import static ma.observatory.indicator.Indicator.EMPLOYMENT_UNEMPLOYMENT_RATE;
import static ma.observatory.indicator.Indicator.OUTSOURCING_PIPELINE_JOBS;
import static ma.observatory.indicator.Indicator.OUTSOURCING_RELOCATED_IN;
import static ma.observatory.indicator.Indicator.TOURISM_ARRIVALS;
import static ma.observatory.indicator.Indicator.TOURISM_ARRIVALS_YTD;
import static ma.observatory.indicator.Indicator.TOURISM_TARGET_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ma.observatory.cube.Breakdown;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.job.RunParameters;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

class ReportBuilderTest {

    @Test
    void aPublishedFigureIsShownAsAFileWouldGiveIt() {
        assertThat(ReportBuilder.asWritten(17_400_000, -1, false)).isEqualTo("17400000"); // Double.toString: 1.74E7
        assertThat(ReportBuilder.asWritten(120_000, -1, false)).isEqualTo("120000"); // not 120000.0
        assertThat(ReportBuilder.asWritten(43.6, -1, false)).isEqualTo("43.6");
        assertThat(ReportBuilder.asWritten(-0.25, -1, false)).isEqualTo("-0.25");
        assertThat(ReportBuilder.asWritten(0, -1, false)).isEqualTo("0");
        // with the decimals it was typed with, and the file's separator
        assertThat(ReportBuilder.asWritten(14, 1, false)).isEqualTo("14.0");
        assertThat(ReportBuilder.asWritten(14, 0, false)).isEqualTo("14");
        assertThat(ReportBuilder.asWritten(43.6, 2, true)).isEqualTo("43,60");
        assertThat(ReportBuilder.asWritten(17_400_000, 0, true)).isEqualTo("17400000");
        assertThat(ReportBuilder.asWritten(14, -1, false)).isEqualTo("14");
    }

    private static IndicatorValue value(Indicator id, Period period, Double v) {
        return new IndicatorValue(id, period, "MA", Breakdown.NONE, v, Basis.COMPUTED, "s");
    }

    @Test
    void theCoverSaysWhereEachDomainsStatisticsEnd() {
        RunParameters run = new RunParameters(new PeriodRange(Period.month(2022, 1), Period.month(2026, 12)),
                Path.of("data"), Path.of("reports"), "en", Set.of("employment", "outsourcing", "tourism"), 0.01,
                Set.of("country", "region"), LocalDateTime.of(2027, 1, 1, 2, 0));
        List<IndicatorValue> values = List.of(
                value(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.year(2024), 13.3),
                value(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.quarter(2025, 3), 12.8),
                // a move effective in 2026 and the pipeline dated with the range's year are events, not series
                value(OUTSOURCING_RELOCATED_IN, Period.year(2026), 163.0),
                value(OUTSOURCING_PIPELINE_JOBS, Period.year(2026), 120.0),
                // the whole of 2025 ends with its December: said as the year
                value(TOURISM_ARRIVALS_YTD, Period.month(2025, 12), 19_800_000.0),
                value(TOURISM_ARRIVALS, Period.year(2025), 19_800_000.0),
                value(TOURISM_ARRIVALS_YTD, Period.month(2025, 11), 18_000_000.0),
                // awaited, not a figure
                value(TOURISM_TARGET_PROGRESS, Period.year(2026), null));

        assertThat(ReportBuilder.latestFigures(new Messages("en"), run, values)).isEqualTo(
                "Latest figures: employment Q3\u00a02025; outsourcing (no figure); tourism 2025 (the range runs to"
                        + " 2026).");
    }

    @Test
    void aFigureDatedBeforeTheRangeIsNotItsLatest() {
        // jobs exposed to a regulation are counted at the period before it takes effect: 2012 here
        RunParameters run = new RunParameters(new PeriodRange(Period.month(2025, 1), Period.month(2025, 6)),
                Path.of("data"), Path.of("reports"), "fr", Set.of("outsourcing"), 0.01, Set.of("country", "region"),
                LocalDateTime.of(2025, 7, 1, 2, 0));
        List<IndicatorValue> values = List.of(value(ma.observatory.indicator.Indicator.OUTSOURCING_JOBS_EXPOSED,
                Period.year(2012), 5_000.0));

        assertThat(ReportBuilder.latestFigures(new Messages("fr"), run, values)).isEqualTo(
                "Derniers chiffres\u202f: externalisation (aucun chiffre) (la période couverte va jusqu’à juin\u00a02025).");
    }
}

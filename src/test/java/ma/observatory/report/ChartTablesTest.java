package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.CellTable;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.job.RunParameters;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

class ChartTablesTest {

    private final Messages en = new Messages("en");
    private final ReportChart chart = new ReportChart(ReportChart.Kind.LINE, "Unemployment rate", "Year", "%", 0,
            List.of(1), "Line chart of the unemployment rate by year.");

    private static ReportTable table(List<List<CellValue>> rows) {
        return new ReportTable("ChartX", List.of(new ReportColumn("Year", NumberStyle.YEAR),
                new ReportColumn("Rate (%)", NumberStyle.DECIMAL)), rows);
    }

    @Test
    void aTableWithYearsGetsItsChartAndItsDescription() {
        ReportSheet sheet = ChartTables.chartSheet(en, "Chart", "Intro.",
                table(List.of(List.of(CellValue.number(2024.0, NumberStyle.YEAR), CellValue.number(9.1)))), chart);

        assertThat(sheet.charts()).containsExactly(chart);
        assertThat(sheet.lines()).contains("Intro.").anyMatch(l -> l.contains("Line chart of the unemployment rate"));
    }

    @Test
    void anEmptyTableSaysThereIsNoChartRatherThanDescribingOne() {
        ReportSheet sheet = ChartTables.chartSheet(en, "Chart", "Intro.", table(List.of()), chart);

        assertThat(sheet.charts()).isEmpty();
        assertThat(sheet.title()).isEqualTo("Unemployment rate");
        assertThat(sheet.lines()).containsExactly("Intro.", en.get("chart.none"))
                .noneMatch(l -> l.contains("Line chart"));
    }

    @Test
    void aYearWithoutAnyFigureBetweenTwoThatHaveOneIsARowOfGapsSoTheAxisKeepsItsSpacing() {
        List<IndicatorValue> values = List.of(
                jobs(2022, 130_000), jobs(2024, 148_500), jobs(2025, 150_000));
        RunParameters run = new RunParameters(new PeriodRange(Period.year(2021), Period.year(2025)), Path.of("data"),
                Path.of("reports"), "en", Set.of("outsourcing"), 0.01, Set.of("country", "region"),
                LocalDateTime.of(2026, 1, 1, 2, 0));
        ReportContext context = new ReportContext(1, run, en, CellTable.morocco("MA-01"), values, null);

        ReportTable table = ChartTables.yearly(context, "ChartJobs", "MA", "Year",
                List.of(new ChartTables.Series(Indicator.OUTSOURCING_JOBS, ALL_SEGMENTS, "All")), NumberStyle.INTEGER);

        List<List<CellValue>> rows = new ArrayList<>();
        table.rows().forEach(rows::add);
        // 2023 is there, empty (a gap in the line), not left out; nothing before 2022 or after 2025
        assertThat(rows).extracting(r -> ((CellValue.Number) r.get(0)).value())
                .containsExactly(2022.0, 2023.0, 2024.0, 2025.0);
        assertThat(rows.get(1).get(1)).isEqualTo(CellValue.GAP);
        assertThat(rows.get(2).get(1)).isEqualTo(CellValue.number(148_500.0));
    }

    @Test
    void eventsByYearHaveEveryYearOfTheRangeATrueZeroWithoutAnEventAndAGapWhereTheCountIsNotWhole() {
        Breakdown belgium = Breakdown.of("origin_country", "BE");
        List<IndicatorValue> values = List.of(
                new IndicatorValue(Indicator.OUTSOURCING_RELOCATED_IN, Period.year(2024), "MA", belgium, null,
                        Basis.COMPUTED, "relocations.csv, line 3"),
                new IndicatorValue(Indicator.OUTSOURCING_RELOCATED_IN, Period.year(2026), "MA", belgium, 163.0,
                        Basis.COMPUTED, "relocations.csv, line 2"));
        RunParameters run = new RunParameters(new PeriodRange(Period.month(2023, 1), Period.month(2026, 10)),
                Path.of("data"), Path.of("reports"), "en", Set.of("outsourcing"), 0.01, Set.of("country", "region"),
                LocalDateTime.of(2026, 11, 1, 2, 0));
        ReportContext context = new ReportContext(1, run, en, CellTable.morocco("MA-01"), values, null);

        ReportTable table = ChartTables.yearly(context, "ChartRelocations", "MA", "Period",
                List.of(new ChartTables.Series(Indicator.OUTSOURCING_RELOCATED_IN, "origin_country=BE", "Belgium")),
                // 2025's total is published, not counted from the events: no country is known to be 0
                NumberStyle.INTEGER, Set.of(Period.year(2023), Period.year(2026)));

        List<List<CellValue>> rows = new ArrayList<>();
        table.rows().forEach(rows::add);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(CellValue.text("2023"), CellValue.text("2024"),
                CellValue.text("2025"), CellValue.text("2026\u00a0(to\u00a0October)"));
        // no move in 2023: 0; the 2024 move's jobs are not known, 2025's total is published: gaps, never 0
        assertThat(rows).extracting(r -> r.get(1)).containsExactly(CellValue.number(0.0), CellValue.GAP,
                CellValue.GAP, CellValue.number(163.0));
    }

    @Test
    void aFigurePublishedWholeIsShownWholeAsOnItsOwnSheetAndAComputedOneKeepsItsDecimal() {
        Breakdown total = Breakdown.of("sector", "total");
        List<IndicatorValue> values = List.of(
                new IndicatorValue(Indicator.EMPLOYMENT_NET_JOB_CREATION, Period.year(2023), "MA", total, 150.5,
                        Basis.COMPUTED, "employment_by_sector.csv"),
                new IndicatorValue(Indicator.EMPLOYMENT_NET_JOB_CREATION, Period.year(2024), "MA", total, 193.0,
                        Basis.PUBLISHED, "published.csv line 2"));
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:hsqldb:mem:published-" + UUID.randomUUID(), "SA", ""));
        jdbc.execute("CREATE TABLE published (run_id BIGINT, indicator VARCHAR(80), period VARCHAR(20),"
                + " geo VARCHAR(20), breakdown VARCHAR(200), decimals INT)");
        jdbc.update("INSERT INTO published VALUES (1, 'employment.net_job_creation', '2024', 'MA', 'sector=total', 0)");
        RunParameters run = new RunParameters(new PeriodRange(Period.year(2023), Period.year(2024)), Path.of("data"),
                Path.of("reports"), "en", Set.of("employment"), 0.01, Set.of("country", "region"),
                LocalDateTime.of(2025, 1, 1, 2, 0));
        ReportContext context = new ReportContext(1, run, en, CellTable.morocco("MA-01"), values, jdbc);

        ReportTable table = ChartTables.yearly(context, "ChartNetJobCreation", "MA", "Year",
                List.of(new ChartTables.Series(Indicator.EMPLOYMENT_NET_JOB_CREATION, "sector=total", "All")),
                NumberStyle.DECIMAL);

        List<List<CellValue>> rows = new ArrayList<>();
        table.rows().forEach(rows::add);
        // the HCP's 193 thousand, not 193.0, which would claim a hundred persons it does not give
        assertThat(((CellValue.Number) rows.get(1).get(1)).shownIn(NumberStyle.DECIMAL)).isEqualTo(NumberStyle.INTEGER);
        assertThat(((CellValue.Number) rows.get(0).get(1)).shownIn(NumberStyle.DECIMAL)).isEqualTo(NumberStyle.DECIMAL);
    }

    private static final String ALL_SEGMENTS = "segment=total, client_country=total, activity=total";

    private static IndicatorValue jobs(int year, double value) {
        return new IndicatorValue(Indicator.OUTSOURCING_JOBS, Period.year(year), "MA", Breakdown.parse(ALL_SEGMENTS),
                value, Basis.COMPUTED, "sector_jobs.csv");
    }

    @Test
    void seriesOfPersonsAreWholeNumbersAndMixedUnitsOneDecimal() {
        var jobs = new ChartTables.Series(Indicator.OUTSOURCING_JOBS, "segment=total", "All");
        var crm = new ChartTables.Series(Indicator.OUTSOURCING_JOBS, "segment=crm", "CRM");
        var rate = new ChartTables.Series(Indicator.EMPLOYMENT_UNEMPLOYMENT_RATE, "", "Rate");

        assertThat(ChartTables.commonStyle(List.of(jobs, crm))).isEqualTo(NumberStyle.INTEGER);
        assertThat(ChartTables.commonStyle(List.of(rate))).isEqualTo(NumberStyle.DECIMAL);
        assertThat(ChartTables.commonStyle(List.of(jobs, rate))).isEqualTo(NumberStyle.DECIMAL);
    }
}

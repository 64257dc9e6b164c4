package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ma.observatory.indicator.Indicator;

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
    void seriesOfPersonsAreWholeNumbersAndMixedUnitsOneDecimal() {
        var jobs = new ChartTables.Series(Indicator.OUTSOURCING_JOBS, "segment=total", "All");
        var crm = new ChartTables.Series(Indicator.OUTSOURCING_JOBS, "segment=crm", "CRM");
        var rate = new ChartTables.Series(Indicator.EMPLOYMENT_UNEMPLOYMENT_RATE, "", "Rate");

        assertThat(ChartTables.commonStyle(List.of(jobs, crm))).isEqualTo(NumberStyle.INTEGER);
        assertThat(ChartTables.commonStyle(List.of(rate))).isEqualTo(NumberStyle.DECIMAL);
        assertThat(ChartTables.commonStyle(List.of(jobs, rate))).isEqualTo(NumberStyle.DECIMAL);
    }
}

package ma.observatory.employment;

import static ma.observatory.indicator.Indicator.EMPLOYMENT_EMPLOYED;
import static ma.observatory.indicator.Indicator.EMPLOYMENT_UNEMPLOYED;
import static ma.observatory.indicator.Indicator.EMPLOYMENT_UNEMPLOYMENT_RATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.CellTable;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.job.RunParameters;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;
import ma.observatory.report.Messages;
import ma.observatory.report.ReportColumn;
import ma.observatory.report.ReportContext;
import ma.observatory.report.ReportSheet;

/** The employment sheets' tables, one row per place, period and group: long at commune grain. */
class EmploymentSheetsTest {

    @Test
    void theWideTablesGoToACsvWhenTheyPassASheetsRows() {
        // 1,500 communes reported over 16 periods need 45 rows a place and period: more than a sheet
        // holds. Each wide table says how many rows it has, so the renderer spills what does not fit.
        List<IndicatorValue> values = new ArrayList<>();
        for (int year = 2020; year <= 2024; year++) {
            for (String geo : List.of("MA", "MA-01")) {
                for (String area : List.of("total", "urban", "rural")) {
                    Breakdown b = Breakdown.of("area", area, "sex", "total", "age_group", "15+");
                    values.add(new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.year(year), geo, b, 12.0,
                            Basis.COMPUTED, "survey"));
                }
                values.add(new IndicatorValue(EMPLOYMENT_EMPLOYED, Period.year(year), geo, Breakdown.of("sector",
                        "total"), 10_000.0, Basis.COMPUTED, "survey"));
            }
        }
        PeriodRange range = new PeriodRange(Period.year(2020), Period.year(2024));
        RunParameters run = new RunParameters(range, Path.of("data"), Path.of("reports"), "en", Set.of("employment"),
                0.01, Set.of("country", "region"), LocalDateTime.of(2025, 1, 1, 2, 0));
        ReportContext context = new ReportContext(1, run, new Messages("en"), CellTable.morocco("MA-01"), values,
                null);

        List<ReportSheet> sheets = new EmploymentSheets().sheets(context);

        for (String table : List.of("Employment", "Gaps", "Sectors")) {
            ReportSheet sheet = sheets.stream().filter(s -> s.table() != null && s.table().name().equals(table))
                    .findFirst().orElseThrow();
            long rows = 0;
            for (var ignored : sheet.table().rows()) {
                rows++;
            }
            assertThat(sheet.table().overflow()).as(table).isNotNull();
            assertThat(sheet.table().overflow().expectedRows()).as(table).isEqualTo(rows);
        }
        // 5 years x 2 places x 3 areas
        assertThat(sheets.get(0).table().overflow().expectedRows()).isEqualTo(30);

        // the net creation chart's columns, headed as the other columns are: "Services", not "services"
        ReportSheet chart = sheets.stream().filter(s -> s.table() != null
                && s.table().name().equals("ChartNetJobCreation")).findFirst().orElseThrow();
        assertThat(chart.table().columns().stream().map(ReportColumn::heading).toList())
                .contains("Agriculture, forestry, fishing, in thousands", "Services, in thousands");
    }

    @Test
    void theEmploymentSheetSaysWhyTheLabourForceStaysNotAvailableBesideEmployedFromTheSectorFile() {
        // 2021 as shipped: employed only from employment_by_sector.csv, unemployed from labour_force.csv
        List<IndicatorValue> values = List.of(
                new IndicatorValue(EMPLOYMENT_EMPLOYED, Period.year(2021), "MA", Breakdown.of("area", "total", "sex",
                        "total", "age_group", "15+"), 10_770.0, Basis.COMPUTED, "employment/employment_by_sector.csv"),
                new IndicatorValue(EMPLOYMENT_UNEMPLOYED, Period.year(2021), "MA", Breakdown.of("area", "total",
                        "sex", "total", "age_group", "15+"), 1_508.0, Basis.COMPUTED, "HCP"));
        PeriodRange range = new PeriodRange(Period.year(2021), Period.year(2021));
        for (String lang : List.of("en", "fr")) {
            RunParameters run = new RunParameters(range, Path.of("data"), Path.of("reports"), lang,
                    Set.of("employment"), 0.01, Set.of("country", "region"), LocalDateTime.of(2025, 1, 1, 2, 0));
            ReportContext context = new ReportContext(1, run, new Messages(lang), CellTable.morocco("MA-01"), values,
                    null);

            ReportSheet employment = new EmploymentSheets().sheets(context).get(0);

            assertThat(String.join(" ", employment.lines())).as(lang)
                    .contains(lang.equals("en") ? "never added to the unemployed of labour_force.csv"
                            : "jamais ajoutés aux chômeurs de labour_force.csv");
        }
    }
}

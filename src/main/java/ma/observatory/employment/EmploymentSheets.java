package ma.observatory.employment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ma.observatory.cube.Breakdown;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.report.CellValue;
import ma.observatory.report.ChartTables;
import ma.observatory.report.NumberStyle;
import ma.observatory.report.ReportChart;
import ma.observatory.report.DomainSheets;
import ma.observatory.report.Messages;
import ma.observatory.report.ReportColumn;
import ma.observatory.report.ReportContext;
import ma.observatory.report.ReportSheet;
import ma.observatory.report.ReportTable;
import ma.observatory.report.WideTables;
import ma.observatory.report.WideTables.RowKey;

import static ma.observatory.indicator.Indicator.*;
import static ma.observatory.report.WideTables.*;

/** The employment sheets: labour force by area, sex and age; employment by sector. */
@Component
class EmploymentSheets implements DomainSheets {

    private static final List<Indicator> LABOUR_COLUMNS = List.of(EMPLOYMENT_POPULATION, EMPLOYMENT_LABOUR_FORCE,
            EMPLOYMENT_EMPLOYED, EMPLOYMENT_UNEMPLOYED, EMPLOYMENT_UNDEREMPLOYED, EMPLOYMENT_ACTIVITY_RATE,
            EMPLOYMENT_EMPLOYMENT_RATE, EMPLOYMENT_UNEMPLOYMENT_RATE, EMPLOYMENT_UNDEREMPLOYMENT_RATE,
            EMPLOYMENT_ACTIVITY_RATE_CHANGE, EMPLOYMENT_EMPLOYMENT_RATE_CHANGE, EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE,
            EMPLOYMENT_UNDEREMPLOYMENT_RATE_CHANGE);
    private static final List<Indicator> GAP_COLUMNS = List.of(EMPLOYMENT_ACTIVITY_RATE_GAP,
            EMPLOYMENT_EMPLOYMENT_RATE_GAP, EMPLOYMENT_UNEMPLOYMENT_RATE_GAP, EMPLOYMENT_UNDEREMPLOYMENT_RATE_GAP);
    private static final List<Indicator> SECTOR_COLUMNS = List.of(EMPLOYMENT_EMPLOYED, EMPLOYMENT_NET_JOB_CREATION,
            EMPLOYMENT_SECTOR_SHARE);

    @Override
    public String domain() {
        return "employment";
    }

    @Override
    public List<ReportSheet> sheets(ReportContext context) {
        return List.of(labourForce(context), gaps(context), sectors(context), unemploymentChart(context),
                groupsChart(context), netJobsChart(context));
    }

    private static final String COUNTRY = "MA";

    /** Unemployment rate over time: the country, its towns and its countryside. */
    private ReportSheet unemploymentChart(ReportContext context) {
        Messages m = context.messages();
        List<ChartTables.Series> series = List.of(
                new ChartTables.Series(EMPLOYMENT_UNEMPLOYMENT_RATE, "area=total, sex=total, age_group=15+",
                        m.get("chart.series.national")),
                new ChartTables.Series(EMPLOYMENT_UNEMPLOYMENT_RATE, "area=urban, sex=total, age_group=15+",
                        m.get("chart.series.urban")),
                new ChartTables.Series(EMPLOYMENT_UNEMPLOYMENT_RATE, "area=rural, sex=total, age_group=15+",
                        m.get("chart.series.rural")));
        return citingOldFrame(m, ChartTables.sheet(context, COUNTRY, "sheet.chart.unemployment", "chart.unemployment",
                "ChartUnemployment", series, ReportChart.Kind.LINE, m.get("chart.axis.rate")));
    }

    /**
     * Unemployment of women and of the young against everyone's. Everyone's first, as on the
     * unemployment chart: a series takes its colour and marker from its place, and the same line
     * drawn blue with circles there and green with triangles here read as two different things.
     */
    private ReportSheet groupsChart(ReportContext context) {
        Messages m = context.messages();
        List<ChartTables.Series> series = List.of(
                new ChartTables.Series(EMPLOYMENT_UNEMPLOYMENT_RATE, "area=total, sex=total, age_group=15+",
                        m.get("chart.series.all")),
                new ChartTables.Series(EMPLOYMENT_UNEMPLOYMENT_RATE, "area=total, sex=female, age_group=15+",
                        m.get("chart.series.women")),
                new ChartTables.Series(EMPLOYMENT_UNEMPLOYMENT_RATE, "area=total, sex=total, age_group=15-24",
                        m.get("chart.series.youth")));
        return citingOldFrame(m, ChartTables.sheet(context, COUNTRY, "sheet.chart.groups", "chart.groups",
                "ChartUnemploymentGroups", series, ReportChart.Kind.LINE, m.get("chart.axis.rate")));
    }

    /** A label written for the middle of a sentence ("services"), as it heads a column or a legend. */
    private static String headed(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** Net job creation, sector by sector, as bars. */
    private ReportSheet netJobsChart(ReportContext context) {
        Messages m = context.messages();
        List<ChartTables.Series> series = new ArrayList<>();
        for (String sector : List.of("agriculture", "industry", "construction", "services", "total")) {
            series.add(new ChartTables.Series(EMPLOYMENT_NET_JOB_CREATION, "sector=" + sector,
                    m.get("chart.series.thousands", headed(m.get("sector." + sector)))));
        }
        return citingOldFrame(m, ChartTables.sheet(context, COUNTRY, "sheet.chart.netjobs", "chart.netjobs",
                "ChartNetJobCreation", series, ReportChart.Kind.BAR, m.get("chart.axis.thousands")));
    }

    private ReportSheet labourForce(ReportContext context) {
        return byGroup(context, LABOUR_COLUMNS, "employment", "Employment");
    }

    /**
     * The gaps between women and men, towns and countryside, the young and all ages: the rate of
     * the first group minus the second's, one row per gap with its groups said in words.
     */
    private ReportSheet gaps(ReportContext context) {
        return byGroup(context, GAP_COLUMNS, "gaps", "Gaps");
    }

    /**
     * One row per period, place, area, sex and age group, and under a row its graduates' where a
     * publication gives them (with an education column then).
     *
     * @param name the messages' key of the sheet ({@code sheet.<name>}, {@code <name>.title}, {@code <name>.intro})
     */
    private static ReportSheet byGroup(ReportContext context, List<Indicator> columns, String name, String table) {
        Messages m = context.messages();
        var grid = gridWith(context, columns, GROUP_DIMS, GROUP_DIMS.size(), "education");
        boolean education = anyHas(grid, "education");
        // a group's words formatted once, not on each of the hundreds of thousands of commune rows
        Map<String, Map<String, String>> words = new HashMap<>();
        // Rows are made as the renderer writes them, as the Data sheet's are: made beforehand, this
        // sheet's cells and the Gaps sheet's held a second copy of every value until the workbook
        // was written (2 M rows at commune grain needed a heap of 160 MB; 128 MB since).
        Iterable<List<CellValue>> rows = () -> grid.stream().map(e -> {
            List<CellValue> row = keyCells(context, e.getKey());
            for (String dim : GROUP_DIMS) {
                row.add(CellValue.text(words.computeIfAbsent(dim, d -> new HashMap<>()).computeIfAbsent(
                        e.getKey().breakdown().get(dim), value -> WideTables.groupWords(m, dim, value))));
            }
            if (education) {
                row.add(optionalDimension(m, e.getKey(), "education", "total"));
            }
            addValues(context, row, e.getValue(), columns);
            row.add(basis(m, e.getValue()));
            return row;
        }).iterator();
        List<ReportColumn> cols = new ArrayList<>(keyColumns(m));
        cols.add(new ReportColumn(m.get("col.area"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("col.sex"), NumberStyle.TEXT));
        cols.add(new ReportColumn(m.get("col.age"), NumberStyle.TEXT));
        if (education) {
            cols.add(new ReportColumn(m.get("col.education"), NumberStyle.TEXT));
        }
        columns.forEach(i -> cols.add(column(m, i)));
        cols.add(basisColumn(m));
        List<String> intro = new ArrayList<>(List.of(m.get(name + ".intro")));
        if (showsOldFrame(grid)) {
            intro.add(m.get("groups.intro.oldbase"));
        }
        if (education) {
            intro.add(m.get("groups.intro.education"));
        }
        intro.add(m.get("intro.shorthand")); // each sheet that shows them says what they mean
        // communes over many periods pass a sheet's rows (45 a place and period): the rest goes to a CSV
        return new ReportSheet(m.get("sheet." + name), m.get(name + ".title"), intro, new ReportTable(table, cols, rows,
                new ReportTable.Overflow(grid.size(), m.get("data.overflow"))));
    }

    private static final List<String> GROUP_DIMS = List.of("area", "sex", "age_group");
    /** The HCP's survey moved to a new sample frame in 2017: the note on it is cited where it applies. */
    private static final int OLD_SAMPLE_FRAME_UNTIL = 2017;

    private ReportSheet sectors(ReportContext context) {
        Messages m = context.messages();
        // Urban and rural net job creation, which only the HCP's notes give, under the row it details.
        var grid = gridWith(context, SECTOR_COLUMNS, List.of("sector"), 0, "area");
        boolean area = anyHas(grid, "area");
        Map<RowKey, IndicatorValue> employedAged15 = employedAged15(context);
        for (var e : grid) {
            if ("total".equals(e.getKey().breakdown().get("sector")) && !e.getValue().containsKey(EMPLOYMENT_EMPLOYED)) {
                // All sectors' employed are the employed aged 15 and over: where the sector file lacks
                // them, the Employment sheet's (counted or published), rather than [x] beside it.
                String place = e.getKey().breakdown().get("area");
                IndicatorValue employed = employedAged15.get(new RowKey(e.getKey().period(), e.getKey().geo(),
                        Breakdown.of("area", place == null ? "total" : place)));
                if (employed != null) {
                    e.getValue().put(EMPLOYMENT_EMPLOYED, employed);
                }
            }
        }
        // made as the renderer writes them, as the Employment sheet's rows are
        Iterable<List<CellValue>> rows = () -> grid.stream().map(e -> {
            List<CellValue> row = keyCells(context, e.getKey());
            if (area) {
                row.add(optionalDimension(m, e.getKey(), "area", "total"));
            }
            row.add(dimension(m, e.getKey(), "sector"));
            addValues(context, row, e.getValue(), SECTOR_COLUMNS);
            if ("total".equals(e.getKey().breakdown().get("sector"))) {
                row.set(row.size() - 1, CellValue.NOT_APPLICABLE); // a share of itself says nothing
            }
            row.add(basis(m, e.getValue()));
            return row;
        }).iterator();
        List<ReportColumn> cols = new ArrayList<>(keyColumns(m));
        if (area) {
            cols.add(new ReportColumn(m.get("col.area"), NumberStyle.TEXT));
        }
        cols.add(new ReportColumn(m.get("col.sector"), NumberStyle.TEXT));
        SECTOR_COLUMNS.forEach(i -> cols.add(WideTables.column(m, i)));
        cols.add(basisColumn(m));
        List<String> intro = new ArrayList<>(List.of(m.get("sectors.intro")));
        if (showsOldFrame(grid)) {
            intro.add(m.get("groups.intro.oldbase"));
        }
        return new ReportSheet(m.get("sheet.sectors"), m.get("sectors.title"), intro,
                new ReportTable("Sectors", cols, rows, new ReportTable.Overflow(grid.size(), m.get("data.overflow"))));
    }

    /** Whether a sheet's rows hold a period on the HCP's old sample frame. */
    private static boolean showsOldFrame(List<? extends Map.Entry<RowKey, ?>> grid) {
        return grid.stream().anyMatch(e -> e.getKey().period().year() < OLD_SAMPLE_FRAME_UNTIL);
    }

    /** A chart sheet with the note on the old sample frame under its lines, where it shows a year before 2017. */
    private static ReportSheet citingOldFrame(Messages m, ReportSheet chart) {
        if (chart.table() == null) {
            return chart;
        }
        for (List<CellValue> row : chart.table().rows()) {
            if (row.get(0) instanceof CellValue.Number year && year.value() < OLD_SAMPLE_FRAME_UNTIL) {
                List<String> lines = new ArrayList<>(chart.lines());
                lines.add(m.get("groups.intro.oldbase"));
                return new ReportSheet(chart.name(), chart.title(), lines, chart.table(), chart.charts());
            }
        }
        return chart;
    }

    /** The employed aged 15 and over of both sexes, by period, place and area (keyed {@code area=…}). */
    private static Map<RowKey, IndicatorValue> employedAged15(ReportContext context) {
        Map<RowKey, IndicatorValue> employed = new HashMap<>();
        for (IndicatorValue v : context.values(EMPLOYMENT_EMPLOYED)) {
            Breakdown b = v.breakdown();
            if (b.pairs().size() == 3 && "total".equals(b.get("sex")) && AgeGroups.ALL.equals(b.get("age_group"))) {
                employed.put(new RowKey(v.period(), v.geo(), Breakdown.of("area", b.get("area"))), v);
            }
        }
        return employed;
    }
}

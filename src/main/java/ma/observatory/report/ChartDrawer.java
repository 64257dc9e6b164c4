package ma.observatory.report;

import java.util.List;

import javax.xml.namespace.QName;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.xmlbeans.XmlCursor;

/**
 * Draws a sheet's charts with POI's XDDF API, one under the other to the right of the table. The
 * series refer to the table's cells, with the values as a cache, so Excel and LibreOffice both
 * draw them at once and redraw them when a reader edits a cell.
 */
final class ChartDrawer {

    static final int CHART_WIDTH_COLUMNS = 10;
    static final int CHART_HEIGHT_ROWS = 20;

    private static final String DRAWING_NS = "declare namespace a='http://schemas.openxmlformats.org/drawingml/2006/main' ";

    private final SXSSFSheet sheet;
    private final int headerRow;
    private final int tableColumns;
    private final String languageTag;

    /** @param language the workbook's language, {@code fr} or {@code en} */
    ChartDrawer(SXSSFSheet sheet, int headerRow, int tableColumns, String language) {
        this.sheet = sheet;
        this.headerRow = headerRow;
        this.tableColumns = tableColumns;
        this.languageTag = "en".equals(language) ? "en-GB" : "fr-FR";
    }

    void draw(List<ReportChart> charts, List<String> headings, List<List<CellValue>> rows) {
        // SXSSF's own drawing cannot make charts: draw on the XSSF drawing behind it.
        sheet.createDrawingPatriarch();
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        // Below the frozen header, not on it: a chart that starts in the frozen rows is cut in two
        // as soon as the sheet scrolls.
        int top = headerRow + 1;
        for (ReportChart chart : charts) {
            XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, tableColumns + 1, top,
                    tableColumns + 1 + CHART_WIDTH_COLUMNS, top + CHART_HEIGHT_ROWS);
            XSSFChart drawn = drawing.createChart(anchor);
            drawOne(drawn, chart, headings, rows);
            tagLanguage(drawn);
            top += CHART_HEIGHT_ROWS + 1;
        }
    }

    /**
     * POI marks the chart's titles as English text: a screen reader would read French titles with
     * an English voice, and a spelling checker flag every word.
     */
    private void tagLanguage(XSSFChart chart) {
        for (String element : List.of("rPr", "endParaRPr", "defRPr")) {
            try (XmlCursor cursor = chart.getCTChartSpace().newCursor()) {
                cursor.selectPath(DRAWING_NS + ".//a:" + element);
                while (cursor.toNextSelection()) {
                    cursor.setAttributeText(new QName("lang"), languageTag);
                }
            }
        }
    }

    private void drawOne(XSSFChart chart, ReportChart spec, List<String> headings, List<List<CellValue>> rows) {
        chart.setTitleText(spec.title());
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        chart.getGraphicFrame().getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr()
                .setDescr(spec.description());
        chart.getGraphicFrame().setName(spec.title());
        if (spec.kind() == ReportChart.Kind.LINE) {
            drawLines(chart, spec, headings, rows);
        } else {
            drawBars(chart, spec, headings, rows);
        }
    }

    /**
     * Lines over time. A year without a figure is an empty cell in the chart's table and a gap in
     * its line (Excel and LibreOffice would plot a text cell such as [x] as a zero).
     */
    private void drawLines(XSSFChart chart, ReportChart spec, List<String> headings, List<List<CellValue>> rows) {
        XDDFCategoryAxis years = chart.createCategoryAxis(AxisPosition.BOTTOM);
        years.setTitle(spec.categoryAxis());
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setTitle(spec.valueAxis());
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        int first = headerRow + 1;
        int last = headerRow + rows.size();
        XDDFCategoryDataSource categoryData = XDDFDataSourcesFactory.fromArray(labels(rows, spec.categoryColumn()),
                range(first, last, spec.categoryColumn()));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, years, values);
        data.setVaryColors(false);
        int index = 0;
        for (int column : spec.seriesColumns()) {
            XDDFChartData.Series s = data.addSeries(categoryData,
                    XDDFDataSourcesFactory.fromArray(points(rows, column), range(first, last, column)));
            s.setTitle(headings.get(column), new CellReference(sheet.getSheetName(), headerRow, column, true, true));
            style(s, index++);
        }
        chart.plot(data);
        chart.displayBlanksAs(DisplayBlanks.GAP);
    }

    private static String[] labels(List<List<CellValue>> rows, int column) {
        String[] labels = new String[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            labels[r] = text(rows.get(r).get(column));
        }
        return labels;
    }

    private static Double[] points(List<List<CellValue>> rows, int column) {
        Double[] points = new Double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            points[r] = number(rows.get(r).get(column));
        }
        return points;
    }

    private void drawBars(XSSFChart chart, ReportChart spec, List<String> headings, List<List<CellValue>> rows) {
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        categories.setTitle(spec.categoryAxis());
        // Under the plot, not on the zero line, where bars of jobs lost would cover the years.
        categories.setTickLabelPosition(AxisTickLabelPosition.LOW);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setTitle(spec.valueAxis());
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        // Bars between the ticks: "on tick marks", POI's default, makes Excel cut the first and last
        // years' clusters in half, hiding a whole bar where two series stand side by side.
        values.setCrossBetween(AxisCrossBetween.BETWEEN);
        // Whole numbers on the axis: bars count persons (or thousands of them), their ticks fall on
        // round numbers. Linked to the cells, the axis took a column's one decimal: "300.0".
        values.setNumberFormat("#,##0");
        chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().setSourceLinked(false);

        int first = headerRow + 1;
        int last = headerRow + rows.size();
        XDDFCategoryDataSource categoryData = XDDFDataSourcesFactory.fromArray(labels(rows, spec.categoryColumn()),
                range(first, last, spec.categoryColumn()));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        int index = 0;
        for (int column : spec.seriesColumns()) {
            XDDFChartData.Series s = data.addSeries(categoryData,
                    XDDFDataSourcesFactory.fromArray(points(rows, column), range(first, last, column)));
            s.setTitle(headings.get(column), new CellReference(sheet.getSheetName(), headerRow, column, true, true));
            style(s, index++);
        }
        chart.plot(data);
    }

    private static Double number(CellValue value) {
        return value instanceof CellValue.Number n ? n.value() : null;
    }

    /**
     * Colours from the Okabe-Ito palette, which readers with colour-blindness can tell apart; lines
     * also differ by their markers, so that no meaning rests on colour alone.
     */
    private static final String[] PALETTE = {"0072B2", "D55E00", "009E73", "E69F00", "CC79A7", "56B4E9", "000000"};
    private static final MarkerStyle[] MARKERS = {MarkerStyle.CIRCLE, MarkerStyle.SQUARE, MarkerStyle.TRIANGLE,
            MarkerStyle.DIAMOND, MarkerStyle.X, MarkerStyle.STAR, MarkerStyle.PLUS};

    private static void style(XDDFChartData.Series series, int index) {
        XDDFSolidFillProperties fill = new XDDFSolidFillProperties(XDDFColor.from(rgb(PALETTE[index % PALETTE.length])));
        XDDFShapeProperties shape = series.getShapeProperties() == null ? new XDDFShapeProperties()
                : series.getShapeProperties();
        if (series instanceof XDDFLineChartData.Series line) {
            XDDFLineProperties stroke = new XDDFLineProperties();
            stroke.setFillProperties(fill);
            stroke.setWidth(2.25);
            shape.setLineProperties(stroke);
            line.setShapeProperties(shape);
            line.setMarkerStyle(MARKERS[index % MARKERS.length]);
            line.setSmooth(false);
        } else {
            shape.setFillProperties(fill);
            series.setShapeProperties(shape);
        }
    }

    private static byte[] rgb(String hex) {
        return new byte[] {(byte) Integer.parseInt(hex.substring(0, 2), 16),
                (byte) Integer.parseInt(hex.substring(2, 4), 16), (byte) Integer.parseInt(hex.substring(4, 6), 16)};
    }

    private String range(int firstRow, int lastRow, int column) {
        return new CellRangeAddress(firstRow, lastRow, column, column).formatAsString(sheet.getSheetName(), true);
    }

    private static String text(CellValue value) {
        if (value instanceof CellValue.Text t) {
            return XlsxRenderer.clip(t.text()); // as its cell holds it
        }
        if (value instanceof CellValue.Number n) {
            return n.value() == Math.rint(n.value()) ? Long.toString((long) n.value()) : Double.toString(n.value());
        }
        return value instanceof CellValue.Symbol s ? s.shorthand() : "";
    }
}

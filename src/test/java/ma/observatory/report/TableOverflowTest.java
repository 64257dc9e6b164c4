package ma.observatory.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A table longer than a sheet can hold goes in full to a CSV beside the workbook, and its sheet says
 * so. The renderer is given a last row of 120 instead of Excel's 1,048,576, so the test stays small.
 */
class TableOverflowTest {

    @TempDir
    Path dir;

    private static ReportWorkbook model(int rows) {
        List<List<CellValue>> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            data.add(List.of(CellValue.text(i == 0 ? "=1+1" : "row " + i), CellValue.number((double) i),
                    i % 10 == 0 ? CellValue.NOT_AVAILABLE : CellValue.number(i / 2.0)));
        }
        ReportTable table = new ReportTable("Indicators", List.of(new ReportColumn("name", NumberStyle.TEXT),
                new ReportColumn("value", NumberStyle.PRECISE), new ReportColumn("half", NumberStyle.PRECISE)), data,
                new ReportTable.Overflow(rows, "This table has {0} rows: {1} here, all in {2}."));
        return new ReportWorkbook("Test", "en", Instant.parse("2025-12-31T00:00:00Z"),
                List.of(new ReportSheet("Data", "All values", List.of("One row per value."), table)));
    }

    @Test
    void aTableBeyondTheSheetGoesInFullToACsvAndTheSheetSaysWhere() throws IOException {
        Path target = dir.resolve("labour-market-report_2021_2025.xlsx");

        new XlsxRenderer(50, 120).render(model(150), target);

        Path csv = dir.resolve("labour-market-report_2021_2025_Indicators.csv");
        assertThat(csv).exists();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(text.substring(1))).getRecords();
        assertThat(records).hasSize(151);
        assertThat(records.get(0).values()).containsExactly("name", "value", "half");
        // Text that a spreadsheet would run as a formula is neutralised; [x] stays [x].
        assertThat(records.get(1).get(0)).isEqualTo("'=1+1");
        assertThat(records.get(1).get(2)).isEqualTo("[x]");
        assertThat(records.get(150).values()).containsExactly("row 149", "149", "74.5"); // numbers as written, not 149.0

        try (InputStream in = Files.newInputStream(target); XSSFWorkbook book = new XSSFWorkbook(in)) {
            XSSFSheet sheet = book.getSheet("Data");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
                    .startsWith("This table has 150 rows").contains("labour-market-report_2021_2025_Indicators.csv");
            assertThat(sheet.getLastRowNum()).isLessThanOrEqualTo(120);
            var table = sheet.getTables().get(0);
            assertThat(table.getEndRowIndex()).isEqualTo(sheet.getLastRowNum());
            // The sheet keeps the first rows, as many as fit, the first of them written as text.
            assertThat(sheet.getRow(table.getStartRowIndex() + 1).getCell(0).getStringCellValue()).isEqualTo("=1+1");
        }
    }

    @Test
    void aTableThatFitsWritesNoCsv() throws IOException {
        Path target = dir.resolve("report.xlsx");

        new XlsxRenderer(50, 120).render(model(40), target);

        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.xlsx");
        }
    }

    @Test
    void theCsvOfAnEarlierWorkbookGoesWhenTheTableNowFitsAndStaysWhenTheWritingFails() throws IOException {
        Path target = dir.resolve("report.xlsx");
        Path csv = dir.resolve("report_Indicators.csv");
        new XlsxRenderer(50, 120).render(model(150), target);
        assertThat(csv).exists();
        byte[] before = Files.readAllBytes(csv);

        ReportTable bad = new ReportTable("Indicators", List.of(new ReportColumn("name", NumberStyle.TEXT)),
                List.of(List.of(CellValue.text("a"), CellValue.text("one value too many"))),
                new ReportTable.Overflow(1, "{0} {1} {2}"));
        assertThatThrownBy(() -> new XlsxRenderer(50, 120).render(new ReportWorkbook("t", "en",
                Instant.parse("2026-01-01T00:00:00Z"), List.of(new ReportSheet("Data", "t", List.of(), bad))), target))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(csv).as("the previous workbook keeps its CSV").hasBinaryContent(before);

        new XlsxRenderer(50, 120).render(model(40), target);
        assertThat(csv).as("a CSV that no longer belongs to the workbook").doesNotExist();
    }

    @Test
    void theCsvGoesInPlaceOnlyOnceItsWorkbookIs() throws IOException {
        Path target = dir.resolve("report.xlsx");
        Path csv = dir.resolve("report_Indicators.csv");
        new XlsxRenderer(50, 120).render(model(150), target);
        byte[] first = Files.readAllBytes(csv);

        // the new workbook cannot be put in place (a folder is in the way): its CSV, written in full
        // meanwhile, must not replace the previous workbook's
        Path moved = dir.resolve("kept.xlsx");
        Files.move(target, moved);
        Files.createDirectories(target.resolve("in-the-way"));
        assertThatThrownBy(() -> new XlsxRenderer(50, 120).render(model(160), target)).isInstanceOf(IOException.class);

        assertThat(Files.readAllBytes(csv)).isEqualTo(first);
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("report.xlsx", "report_Indicators.csv", "kept.xlsx");
        }
    }
}

package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFTableColumn;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class XlsxRendererTest {

    private static final Instant CREATED = Instant.parse("2026-03-31T22:15:30Z");

    private final XlsxRenderer renderer = new XlsxRenderer();

    /** Cover (text only), Contents (links), "Labour market" (numbers, symbols, formula-like text). */
    static ReportWorkbook sampleModel() {
        ReportSheet cover = new ReportSheet("Cover", "Labour market report, 2024-Q1 to 2025-Q4",
                List.of("This workbook covers unemployment, outsourcing and tourism.",
                        "A very long introduction line that must not make column A wide, because intro lines are"
                                + " allowed to overflow into the empty cells to their right."),
                null);
        ReportTable contents = new ReportTable("Contents",
                List.of(new ReportColumn("Sheet", NumberStyle.TEXT), new ReportColumn("Source", NumberStyle.TEXT)),
                List.of(
                        List.of(new CellValue.SheetLink("Labour market", "Labour market"),
                                new CellValue.WebLink("Statistics office", "https://www.example.org/lfs?q=1")),
                        List.of(new CellValue.SheetLink("Back to cover", "Cover"),
                                new CellValue.WebLink("Click me", "javascript:alert(1)")),
                        List.of(CellValue.text("Upper-case scheme"),
                                new CellValue.WebLink("Upper", "HTTP://EXAMPLE.ORG/"))));
        ReportTable labour = new ReportTable("Unemployment",
                List.of(new ReportColumn("Area", NumberStyle.TEXT),
                        new ReportColumn("Unemployment rate (%)", NumberStyle.DECIMAL),
                        new ReportColumn("Change (points)", NumberStyle.CHANGE),
                        new ReportColumn("Unemployed persons", NumberStyle.INTEGER),
                        new ReportColumn("Note", NumberStyle.TEXT)),
                List.of(
                        List.of(CellValue.text("urban"), CellValue.number(16.94), CellValue.number(-0.25),
                                CellValue.number(1_234_567L), CellValue.text("=1+1")),
                        List.of(CellValue.text("rural"), CellValue.number((Double) null), CellValue.NOT_APPLICABLE,
                                CellValue.number(98_765L), CellValue.text("+SUM(1;2)")),
                        List.of(CellValue.text("national"), CellValue.number(13.1), CellValue.number(0.4),
                                CellValue.number(1_333_332L), CellValue.text("@cmd"))));
        return new ReportWorkbook("Labour market report", "en", CREATED, List.of(cover,
                new ReportSheet("Contents", "Contents", List.of("Links to every sheet."), contents),
                new ReportSheet("Labour market", "Unemployment rate by area", List.of("Source: LFS.", "[x] = not available"),
                        labour)));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SampleWorkbook {

        XSSFWorkbook book;
        Path file;

        @BeforeAll
        void render(@TempDir Path dir) throws IOException {
            file = dir.resolve("out/report.xlsx");
            new XlsxRenderer().render(sampleModel(), file);
            try (InputStream in = Files.newInputStream(file)) {
                book = new XSSFWorkbook(in);
            }
        }

        @AfterAll
        void close() throws IOException {
            book.close();
        }

        @Test
        void sheetsTitlesAndLines() {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(book.getSheetName(0)).isEqualTo("Cover");
            assertThat(book.getSheetName(2)).isEqualTo("Labour market");
            XSSFSheet cover = book.getSheetAt(0);
            XSSFCell title = cover.getRow(0).getCell(0);
            assertThat(title.getStringCellValue()).isEqualTo("Labour market report, 2024-Q1 to 2025-Q4");
            assertThat(book.getFontAt(title.getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(book.getFontAt(title.getCellStyle().getFontIndex()).getFontHeightInPoints())
                    .isGreaterThan((short) 11);
            assertThat(cover.getRow(1).getCell(0).getStringCellValue()).startsWith("This workbook covers");
            assertThat(cover.getRow(2).getCell(0).getStringCellValue()).startsWith("A very long");
            // The long line is cut at a space into rows of at most 110 characters.
            assertThat(cover.getLastRowNum()).isEqualTo(3);
            assertThat(cover.getRow(2).getCell(0).getStringCellValue().length()).isLessThanOrEqualTo(110);
            assertThat(cover.getRow(3).getCell(0).getStringCellValue()).doesNotStartWith(" ");
            assertThat(cover.getTables()).isEmpty();
            assertThat(book.getSheetAt(2).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Unemployment rate by area");
        }

        @Test
        void tableIsMarkedUpWithNameAreaAndColumnNames() {
            XSSFSheet sheet = book.getSheet("Labour market");
            assertThat(sheet.getTables()).hasSize(1);
            XSSFTable table = sheet.getTables().get(0);
            assertThat(table.getName()).isEqualTo("Unemployment");
            assertThat(table.getDisplayName()).isEqualTo("Unemployment");
            // title, 2 lines, empty row, header on row 5 (index 4), 3 data rows
            assertThat(table.getArea().formatAsString()).isEqualTo("A5:E8");
            assertThat(table.getColumns()).extracting(XSSFTableColumn::getName).containsExactly("Area",
                    "Unemployment rate (%)", "Change (points)", "Unemployed persons", "Note");
            assertThat(table.getStyleName()).isEqualTo("TableStyleMedium2");
            assertThat(table.getStyle().isShowRowStripes()).isTrue();
            assertThat(table.getCTTable().getAutoFilter().getRef()).isEqualTo("A5:E8");
            XSSFRow header = sheet.getRow(4);
            for (int c = 0; c < 5; c++) {
                assertThat(header.getCell(c).getStringCellValue()).isEqualTo(table.getColumns().get(c).getName());
                assertThat(header.getCell(c).getCellStyle().getWrapText()).isTrue();
                assertThat(book.getFontAt(header.getCell(c).getCellStyle().getFontIndex()).getBold()).isTrue();
            }
            assertThat((Object) sheet.getRow(3)).isNull(); // the empty row between the text and the table
            assertThat(book.getSheet("Contents").getTables().get(0).getArea().formatAsString()).isEqualTo("A4:B7");
            assertThat(book.getTable("Contents")).isNotNull();
        }

        @Test
        void numbersAreNumericWithTheColumnFormat() {
            XSSFRow urban = book.getSheet("Labour market").getRow(5);
            assertThat(urban.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(urban.getCell(1).getNumericCellValue()).isEqualTo(16.94);
            assertThat(urban.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
            assertThat(urban.getCell(2).getNumericCellValue()).isEqualTo(-0.25);
            assertThat(urban.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("+0.0;-0.0;0.0");
            assertThat(urban.getCell(3).getNumericCellValue()).isEqualTo(1_234_567d);
            assertThat(urban.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            // one style per number format, not one per cell
            assertThat(urban.getCell(1).getCellStyle().getIndex())
                    .isEqualTo(book.getSheet("Labour market").getRow(7).getCell(1).getCellStyle().getIndex());
        }

        @Test
        void symbolsAreRightAlignedText() {
            XSSFRow rural = book.getSheet("Labour market").getRow(6);
            assertThat(rural.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(rural.getCell(1).getStringCellValue()).isEqualTo("[x]");
            assertThat(rural.getCell(1).getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.RIGHT);
            assertThat(rural.getCell(2).getStringCellValue()).isEqualTo("[z]");
            assertThat(rural.getCell(2).getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.RIGHT);
        }

        @Test
        void formulaLikeTextStaysText() {
            XSSFSheet sheet = book.getSheet("Labour market");
            assertThat(sheet.getRow(5).getCell(4).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(5).getCell(4).getStringCellValue()).isEqualTo("=1+1");
            assertThat(sheet.getRow(6).getCell(4).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(6).getCell(4).getStringCellValue()).isEqualTo("+SUM(1;2)");
            assertThat(sheet.getRow(7).getCell(4).getCellType()).isEqualTo(CellType.STRING);
        }

        @Test
        void hyperlinks() {
            XSSFSheet sheet = book.getSheet("Contents");
            XSSFCell toSheet = sheet.getRow(4).getCell(0);
            assertThat(toSheet.getStringCellValue()).isEqualTo("Labour market");
            XSSFHyperlink sheetLink = toSheet.getHyperlink();
            assertThat(sheetLink.getType()).isEqualTo(HyperlinkType.DOCUMENT);
            assertThat(sheetLink.getAddress()).isEqualTo("'Labour market'!A1");
            assertThat(book.getFontAt(toSheet.getCellStyle().getFontIndex()).getUnderline()).isNotZero();
            assertThat(sheet.getRow(5).getCell(0).getHyperlink().getAddress()).isEqualTo("'Cover'!A1");

            XSSFCell web = sheet.getRow(4).getCell(1);
            assertThat(web.getStringCellValue()).isEqualTo("Statistics office");
            assertThat(web.getHyperlink().getType()).isEqualTo(HyperlinkType.URL);
            assertThat(web.getHyperlink().getAddress()).isEqualTo("https://www.example.org/lfs?q=1");

            XSSFCell script = sheet.getRow(5).getCell(1);
            assertThat(script.getStringCellValue()).isEqualTo("Click me");
            assertThat(script.getHyperlink()).isNull();

            XSSFCell upper = sheet.getRow(6).getCell(1);
            assertThat(upper.getHyperlink().getAddress()).isEqualTo("HTTP://EXAMPLE.ORG/");
            assertThat(sheet.getHyperlinkList()).hasSize(4);
        }

        @Test
        void frozenHeaderAndNoMergedCells() {
            PaneInformation pane = book.getSheet("Labour market").getPaneInformation();
            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 5);
            assertThat(pane.getVerticalSplitPosition()).isZero();
            assertThat(book.getSheet("Contents").getPaneInformation().getHorizontalSplitPosition())
                    .isEqualTo((short) 4);
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                assertThat(book.getSheetAt(i).getNumMergedRegions()).isZero();
            }
        }

        @Test
        void opensOnTheFirstSheet() {
            assertThat(book.getActiveSheetIndex()).isZero();
            assertThat(book.getFirstVisibleTab()).isZero();
            assertThat(book.getSheetAt(0).isSelected()).isTrue();
            assertThat(book.getSheetAt(1).isSelected()).isFalse();
            assertThat(book.getSheetAt(2).isSelected()).isFalse();
        }

        @Test
        void documentProperties() {
            var core = book.getProperties().getCoreProperties();
            assertThat(core.getTitle()).isEqualTo("Labour market report");
            assertThat(core.getCreator()).isEqualTo("Labour Market Observatory");
            assertThat(core.getCreated()).isEqualTo(Date.from(CREATED));
            assertThat(core.getModified()).isNull();
            assertThat(core.getUnderlyingProperties().getLanguageProperty()).contains("en");
        }

        @Test
        void columnWidthsComeFromTheTable() {
            XSSFSheet cover = book.getSheet("Cover");
            XSSFSheet labour = book.getSheet("Labour market");
            // column A of the table sheet: "national" (8) vs heading "Area" + filter button -> minimum width
            assertThat(labour.getColumnWidth(0)).isLessThan(12 * 256);
            // intro lines do not widen column A
            assertThat(cover.getColumnWidth(0)).isLessThan(20 * 256);
            // heading "Unemployment rate (%)" may wrap, but its longest word "Unemployment" (12) fits, with
            // the filter button (3)
            assertThat(labour.getColumnWidth(1)).isGreaterThanOrEqualTo((12 + 3) * 256);
        }

        @Test
        void noStrayFilesNextToTheTarget() throws IOException {
            try (var files = Files.list(file.getParent())) {
                assertThat(files).containsExactly(file);
            }
        }
    }

    @Test
    void tableWithoutRowsIsStillAValidTable(@TempDir Path dir) throws IOException {
        ReportTable empty = new ReportTable("Changes",
                List.of(new ReportColumn("Indicator", NumberStyle.TEXT), new ReportColumn("Before", NumberStyle.DECIMAL),
                        new ReportColumn("After", NumberStyle.DECIMAL)),
                List.of());
        Path file = dir.resolve("empty.xlsx");
        renderer.render(new ReportWorkbook("t", "fr", CREATED,
                List.of(new ReportSheet("Changes", "Changes since the last run", List.of(), empty))), file);
        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            XSSFTable table = sheet.getTables().get(0);
            assertThat(table.getName()).isEqualTo("Changes");
            assertThat(table.getArea().formatAsString()).isEqualTo("A3:C4"); // header + one data row
            assertThat(table.getColumns()).extracting(XSSFTableColumn::getName)
                    .containsExactly("Indicator", "Before", "After");
            for (int c = 0; c < 3; c++) { // nothing to list: not applicable, not blank
                assertThat(sheet.getRow(3).getCell(c).getStringCellValue()).isEqualTo("[z]");
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void aFlagReadsAsAWordInTheWorkbooksLanguageAndStaysANumber(@TempDir Path dir) throws IOException {
        ReportTable table = new ReportTable("Flags", List.of(new ReportColumn("On track", NumberStyle.YES_NO)),
                List.of(List.of(CellValue.number(1L)), List.of(CellValue.number(0L))));
        for (String language : List.of("fr", "en")) {
            Path file = dir.resolve(language + ".xlsx");
            renderer.render(new ReportWorkbook("t", language, CREATED,
                    List.of(new ReportSheet("S", "T", List.of(), table))), file);
            try (XSSFWorkbook book = open(file)) {
                XSSFSheet sheet = book.getSheetAt(0);
                org.apache.poi.ss.usermodel.DataFormatter shown = new org.apache.poi.ss.usermodel.DataFormatter();
                assertThat(sheet.getRow(3).getCell(0).getNumericCellValue()).isEqualTo(1.0);
                assertThat(shown.formatCellValue(sheet.getRow(3).getCell(0)))
                        .isEqualTo(language.equals("fr") ? "oui" : "yes");
                assertThat(shown.formatCellValue(sheet.getRow(4).getCell(0)))
                        .isEqualTo(language.equals("fr") ? "non" : "no");
            }
        }
    }

    /**
     * A date is a number of days that Excel sorts and filters as a date, shown as the workbook's
     * language writes one, whether its row goes straight into the sheet's XML or, holding a link,
     * through POI's cells; a missing one is [x]; one Excel cannot show as a date is written as the
     * files write it rather than as ####.
     */
    @Test
    void aDateIsAnExcelDateShownAsTheWorkbooksLanguageWritesIt(@TempDir Path dir) throws IOException {
        ReportTable table = new ReportTable("Dates", List.of(new ReportColumn("Event", NumberStyle.TEXT),
                new ReportColumn("On", NumberStyle.DATE), new ReportColumn("Recorded at", NumberStyle.DATE_TIME)),
                List.of(List.of(CellValue.text("plain row"), CellValue.date(LocalDate.of(2026, 9, 11)),
                                CellValue.dateTime(LocalDateTime.of(2026, 11, 28, 3, 19, 5, 900_000_000))),
                        List.of(new CellValue.SheetLink("linked row", "S"), CellValue.date(LocalDate.of(2001, 7, 26)),
                                CellValue.dateTime(null)),
                        List.of(CellValue.text("before Excel's dates"), CellValue.date(LocalDate.of(1899, 12, 31)),
                                CellValue.date(null))));
        for (String language : List.of("fr", "en")) {
            boolean french = language.equals("fr");
            Path file = dir.resolve(language + ".xlsx");
            renderer.render(new ReportWorkbook("t", language, CREATED,
                    List.of(new ReportSheet("S", "T", List.of(), table))), file);
            try (XSSFWorkbook book = open(file)) {
                XSSFSheet sheet = book.getSheetAt(0);
                org.apache.poi.ss.usermodel.DataFormatter shown =
                        new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
                XSSFCell day = sheet.getRow(3).getCell(1);
                assertThat(day.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(day)).isTrue();
                assertThat(day.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 9, 11, 0, 0));
                assertThat(day.getCellStyle().getDataFormatString())
                        .isEqualTo(french ? "dd/mm/yyyy" : "[$-809]d mmm yyyy");
                assertThat(shown.formatCellValue(day)).isEqualTo(french ? "11/09/2026" : "11 Sep 2026");
                // to the second, as the moment was: not rounded up to one it had not reached
                XSSFCell moment = sheet.getRow(3).getCell(2);
                assertThat(DateUtil.isCellDateFormatted(moment)).isTrue();
                assertThat(moment.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 28, 3, 19, 5));
                assertThat(shown.formatCellValue(moment))
                        .isEqualTo(french ? "28/11/2026 03:19:05" : "28 Nov 2026 03:19:05");

                XSSFCell linkedRowsDay = sheet.getRow(4).getCell(1);
                assertThat(DateUtil.isCellDateFormatted(linkedRowsDay)).isTrue();
                assertThat(linkedRowsDay.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2001, 7, 26));
                for (XSSFCell missing : List.of(sheet.getRow(4).getCell(2), sheet.getRow(5).getCell(2))) {
                    assertThat(missing.getStringCellValue()).isEqualTo("[x]");
                    assertThat(missing.getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.RIGHT);
                }
                assertThat(sheet.getRow(5).getCell(1).getCellType()).isEqualTo(CellType.STRING);
                assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("1899-12-31");

                // sized by the date shown, not by the digits of the number behind it
                assertThat(sheet.getColumnWidth(2) / 256).isGreaterThanOrEqualTo(shown.formatCellValue(moment).length());
                assertThat(sheet.getColumnWidth(1) / 256).isGreaterThanOrEqualTo(shown.formatCellValue(day).length())
                        .isLessThan(20);
            }
        }
    }

    /**
     * Excel counts a 29 February 1900 that never was, and LibreOffice does not: a date of January or
     * February 1900 (1900-01-01 is a common placeholder) stored as a number of days reads a day
     * earlier in LibreOffice (31 Dec 1899 for 1 Jan 1900). It is written as the files write it, as
     * a date before 1900 is; from 1 March 1900 both programs read the same day.
     */
    @Test
    void aDateBeforeMarch1900IsWrittenAsTheFilesWriteItNotAsADayTheTwoProgramsReadApart(@TempDir Path dir)
            throws IOException {
        ReportTable table = new ReportTable("Early", List.of(new ReportColumn("Event", NumberStyle.TEXT),
                new ReportColumn("On", NumberStyle.DATE)),
                List.of(List.of(CellValue.text("placeholder"), CellValue.date(LocalDate.of(1900, 1, 1))),
                        List.of(CellValue.text("last of February"), CellValue.date(LocalDate.of(1900, 2, 28))),
                        List.of(new CellValue.SheetLink("linked row", "S"), CellValue.date(LocalDate.of(1900, 2, 1))),
                        List.of(CellValue.text("first of March"), CellValue.date(LocalDate.of(1900, 3, 1)))));
        Path file = dir.resolve("early.xlsx");
        renderer.render(new ReportWorkbook("t", "en", CREATED,
                List.of(new ReportSheet("S", "T", List.of(), table))), file);
        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(List.of(3, 4, 5)).allSatisfy(row -> assertThat(sheet.getRow(row).getCell(1).getCellType())
                    .as("row %d", row).isEqualTo(CellType.STRING));
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("1900-01-01");
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("1900-02-28");
            assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("1900-02-01");
            // 61 in both programs' counts
            XSSFCell march = sheet.getRow(6).getCell(1);
            assertThat(DateUtil.isCellDateFormatted(march)).isTrue();
            assertThat(march.getNumericCellValue()).isEqualTo(61.0);
        }
    }

    @Test
    void duplicateAndBlankHeadingsAreMadeUnique(@TempDir Path dir) throws IOException {
        ReportTable table = new ReportTable("Dup",
                List.of(new ReportColumn("Value", NumberStyle.INTEGER), new ReportColumn("Value", NumberStyle.INTEGER),
                        new ReportColumn("value", NumberStyle.INTEGER), new ReportColumn(" ", NumberStyle.INTEGER)),
                List.of(List.of(CellValue.number(1L), CellValue.number(2L), CellValue.number(3L), CellValue.number(4L))));
        Path file = dir.resolve("dup.xlsx");
        renderer.render(new ReportWorkbook("t", "en", CREATED, List.of(new ReportSheet("S", "T", List.of(), table))),
                file);
        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            List<String> expected = List.of("Value", "Value (2)", "value (3)", "Column 4");
            assertThat(sheet.getTables().get(0).getColumns()).extracting(XSSFTableColumn::getName)
                    .containsExactlyElementsOf(expected);
            for (int c = 0; c < expected.size(); c++) {
                assertThat(sheet.getRow(2).getCell(c).getStringCellValue()).isEqualTo(expected.get(c));
            }
        }
    }

    @Test
    void sameModelGivesIdenticalBytes(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("a.xlsx");
        Path second = dir.resolve("b.xlsx");
        renderer.render(sampleModel(), first);
        Thread.sleep(1_100); // anything stamped with the wall clock would now differ
        renderer.render(sampleModel(), second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void noTemporaryFileOutlivesTheWritingWhetherItSucceedsOrFails(@TempDir Path dir) throws IOException {
        Path temp = Files.createDirectory(dir.resolve("poi"));
        XlsxRenderer preparingInTemp = XlsxRenderer.preparingIn(temp);
        Path file = dir.resolve("r.xlsx");
        ReportTable wrongRow = new ReportTable("Wrong", List.of(new ReportColumn("A", NumberStyle.TEXT)),
                List.of(List.of(CellValue.text("one")), List.of(CellValue.text("one"), CellValue.text("two"))));
        ReportWorkbook failing = new ReportWorkbook("t", "en", CREATED, List.of(
                new ReportSheet("Fine", "Fine", List.of(), new ReportTable("Fine", List.of(new ReportColumn("A",
                        NumberStyle.TEXT)), List.of(List.of(CellValue.text("fine"))))),
                new ReportSheet("W", "W", List.of(), wrongRow)));

        preparingInTemp.render(sampleModel(), file);
        assertThatThrownBy(() -> preparingInTemp.render(failing, dir.resolve("failed.xlsx")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(file).exists();
        assertThat(dir.resolve("failed.xlsx")).doesNotExist();
        try (var left = Files.list(temp)) {
            assertThat(left).as("temporary files left").isEmpty();
        }
        // and the sheets were prepared there: without the folder, nothing can be written
        assertThatThrownBy(() -> XlsxRenderer.preparingIn(dir.resolve("gone")).render(sampleModel(),
                dir.resolve("g.xlsx"))).hasRootCauseInstanceOf(java.nio.file.NoSuchFileException.class)
                .rootCause().hasMessageContaining("gone");
        assertThat(dir.resolve("g.xlsx")).doesNotExist();
    }

    @Test
    void poisSharedTemporaryFolderIsNeverUsed(@TempDir Path dir) throws IOException {
        // POI's default puts files in <tmp>/poifiles, which belongs to the first user who made it
        AtomicInteger shared = new AtomicInteger();
        org.apache.poi.util.TempFile.setTempFileCreationStrategy(new org.apache.poi.util.TempFileCreationStrategy() {
            @Override
            public java.io.File createTempFile(String prefix, String suffix) {
                shared.incrementAndGet();
                throw new IllegalStateException("the shared strategy was used for " + prefix);
            }

            @Override
            public java.io.File createTempDirectory(String prefix) {
                shared.incrementAndGet();
                throw new IllegalStateException("the shared strategy was used for " + prefix);
            }
        });
        try {
            XlsxRenderer.preparingIn(Files.createDirectory(dir.resolve("mine"))).render(sampleModel(),
                    dir.resolve("r.xlsx"));
        } finally {
            org.apache.poi.util.TempFile.setTempFileCreationStrategy(
                    new org.apache.poi.util.DefaultTempFileCreationStrategy());
        }

        assertThat(shared).hasValue(0);
        assertThat(dir.resolve("r.xlsx")).isRegularFile();
        try (var left = Files.list(dir.resolve("mine"))) {
            assertThat(left).as("the template and row files are deleted").isEmpty();
        }
    }

    @Test
    void rowFilesAKilledRunLeftAreRemovedByTheNextWorkbookButNoOneElsesFiles(@TempDir Path dir) throws IOException {
        Path temp = Files.createDirectory(dir.resolve("poi"));
        FileTime twoHoursAgo = FileTime.from(Instant.now().minusSeconds(2 * 3600));
        Path ours = Files.writeString(temp.resolve(XlsxRenderer.ROW_FILE_PREFIX + "123" + XlsxRenderer.ROW_FILE_SUFFIX), "x");
        Files.setLastModifiedTime(ours, twoHoursAgo);
        // where versions before 2026-11-28 made them, POI's folder, under both names they had
        Path poiFolder = Files.createDirectory(temp.resolve("poifiles"));
        Path anotherProgram = Files.writeString(poiFolder.resolve("poi-sxssf-sheet123.xml"), "y");
        Files.setLastModifiedTime(anotherProgram, twoHoursAgo);
        Path oursUnderTheOldName = Files.writeString(poiFolder.resolve("poi-sxssf-sheet456" + XlsxRenderer.ROW_FILE_SUFFIX), "z");
        Files.setLastModifiedTime(oursUnderTheOldName, twoHoursAgo);
        Path oursInTheOldFolder = Files.writeString(poiFolder.resolve(XlsxRenderer.ROW_FILE_PREFIX + "789"
                + XlsxRenderer.ROW_FILE_SUFFIX), "w");
        Files.setLastModifiedTime(oursInTheOldFolder, twoHoursAgo);

        XlsxRenderer.preparingIn(temp).render(sampleModel(), dir.resolve("r.xlsx"));

        try (var left = Files.list(temp)) {
            assertThat(left).containsExactly(poiFolder);
        }
        try (var left = Files.list(poiFolder)) {
            assertThat(left).containsExactly(anotherProgram);
        }
    }

    @Test
    void textIsWrittenAsTextAndNeverAsFormula(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.xlsx");
        renderer.render(sampleModel(), file);
        String sheetXml = zipEntry(file, "xl/worksheets/sheet3.xml");
        assertThat(sheetXml).doesNotContain("<f>").doesNotContain("<mergeCells");
        assertThat(sheetXml).contains("<tableParts");
        // formula-like text is a shared string, which Excel never evaluates
        assertThat(zipEntry(file, "xl/sharedStrings.xml")).contains("<t>=1+1</t>").contains("<t>+SUM(1;2)</t>");
        assertThat(sheetXml).contains(" t=\"s\"").doesNotContain("<f");
    }

    @Test
    void theStylesNameTheNormalCellStyleWhichLibreOfficeLaysPlainCellsIn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.xlsx");
        renderer.render(sampleModel(), file);
        String styles = zipEntry(file, "xl/styles.xml");
        // without it LibreOffice lays plain cells in Liberation Sans, wider than the Calibri widths count
        assertThat(styles).containsOnlyOnce("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\""
                + " builtinId=\"0\"/></cellStyles>");
        assertThat(styles.indexOf("<cellStyles")).isEqualTo(styles.indexOf("</cellXfs>") + "</cellXfs>".length());
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook read = new XSSFWorkbook(in)) {
            assertThat(read.getStylesSource().getCTStylesheet().toString()).contains("name=\"Normal\"");
            assertThat(read.getCellStyleAt(0).getFont().getFontName()).isEqualTo("Calibri");
        }
        // a part that has its cell styles already keeps them as they are
        byte[] named = styles.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(WorkbookZip.withNormalStyle(named)).isSameAs(named);
    }

    @Test
    void textWithControlCharactersOrSurroundingSpacesStaysInline(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.xlsx");
        ReportTable table = new ReportTable("Odd", List.of(new ReportColumn("Text", NumberStyle.TEXT)),
                List.of(List.of(CellValue.text(" padded ")), List.of(CellValue.text("tab\tinside")),
                        List.of(CellValue.text("plain"))));
        renderer.render(new ReportWorkbook("Odd texts", "en", CREATED,
                List.of(new ReportSheet("Odd", "Odd texts", List.of(), table))), file);
        String sheetXml = zipEntry(file, "xl/worksheets/sheet1.xml");
        assertThat(sheetXml).contains("<t xml:space=\"preserve\"> padded </t>").contains("tab&#x9;inside");
        assertThat(zipEntry(file, "xl/sharedStrings.xml")).contains("<t>plain</t>").doesNotContain("padded");
    }

    @Test
    void aSymbolInAColumnOfWordsStandsAsTheWordsDoAndInAColumnOfNumbersAsTheNumbers(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("r.xlsx");
        ReportTable table = new ReportTable("Symbols", List.of(new ReportColumn("Name", NumberStyle.TEXT),
                new ReportColumn("Breakdown", NumberStyle.TEXT), new ReportColumn("Value (%)", NumberStyle.DECIMAL),
                ReportColumn.wrapped("Words", 12)),
                List.of(List.of(CellValue.text("plain row"), CellValue.NOT_APPLICABLE, CellValue.NOT_AVAILABLE,
                                CellValue.NOT_APPLICABLE),
                        // a row with a link is written through POI's cells, the other straight into the XML
                        List.of(new CellValue.SheetLink("linked row", "Symbols"), CellValue.NOT_APPLICABLE,
                                CellValue.NOT_AVAILABLE, CellValue.NOT_APPLICABLE)));
        renderer.render(new ReportWorkbook("Symbols", "en", CREATED,
                List.of(new ReportSheet("Symbols", "Symbols", List.of(), table))), file);

        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = book.getSheet("Symbols");
            for (int r = 3; r <= 4; r++) { // title, one empty row, the header, then the rows
                assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).isEqualTo("[z]");
                assertThat(sheet.getRow(r).getCell(1).getCellStyle().getAlignment()).as("row %d", r)
                        .isNotEqualTo(HorizontalAlignment.RIGHT);
                assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).isEqualTo("[x]");
                assertThat(sheet.getRow(r).getCell(2).getCellStyle().getAlignment()).as("row %d", r)
                        .isEqualTo(HorizontalAlignment.RIGHT);
                // a column of words that wraps is a column of words too
                assertThat(sheet.getRow(r).getCell(3).getCellStyle().getAlignment()).as("row %d", r)
                        .isNotEqualTo(HorizontalAlignment.RIGHT);
            }
        }
    }

    /** Data quality's checks come after its rejected rows, which may be thousands. */
    @Test
    void rowsPastTheSampledOnesThatTheTableNamesSizeItsColumnsToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.xlsx");
        String kind = "conforme à la publication arrondie (chiffre publié retenu)";
        List<List<CellValue>> late = List.of(List.of(CellValue.text(kind), CellValue.number(1.0)));
        List<List<CellValue>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < XlsxRenderer.WIDTH_SAMPLE_ROWS + 10; i++) {
            rows.add(List.of(CellValue.text("rejet"), CellValue.number(i)));
        }
        rows.addAll(late);
        ReportTable table = new ReportTable("Late", List.of(new ReportColumn("Type", NumberStyle.TEXT),
                new ReportColumn("Value", NumberStyle.INTEGER)), rows, null).sizedAlsoBy(late);
        renderer.render(new ReportWorkbook("Late", "fr", CREATED,
                List.of(new ReportSheet("Late", "Late", List.of(), table))), file);

        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            assertThat(book.getSheet("Late").getColumnWidth(0) / 256.0).isGreaterThanOrEqualTo(kind.length());
        }
    }

    @Test
    void aColumnGivenAWrapWidthIsThatNarrowAndItsWordsWrap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.xlsx");
        String words = "target: tourism jobs created (direct and indirect), 2026";
        ReportTable table = new ReportTable("Wrapped", List.of(ReportColumn.wrapped("Breakdown", 20),
                new ReportColumn("Source", NumberStyle.TEXT, 30), new ReportColumn("Value", NumberStyle.DECIMAL)),
                List.of(List.of(CellValue.text(words), CellValue.text("x ".repeat(100)), CellValue.number(1.0))));
        renderer.render(new ReportWorkbook("Wrapped", "en", CREATED,
                List.of(new ReportSheet("Wrapped", "Wrapped", List.of(), table))), file);

        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = book.getSheet("Wrapped");
            // 20 and 30 characters and the cell's padding, not the 55 and 60 of their texts
            assertThat(sheet.getColumnWidth(0) / 256.0).isBetween(20.0, 24.0);
            assertThat(sheet.getColumnWidth(1) / 256.0).isBetween(30.0, 34.0);
            XSSFCell cell = sheet.getRow(3).getCell(0);
            assertThat(cell.getStringCellValue()).isEqualTo(words);
            assertThat(cell.getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(3).getCell(1).getCellStyle().getWrapText()).as("one line, cut on screen").isFalse();
            // 55 characters at 20 a line: three lines high
            assertThat(sheet.getRow(3).getHeightInPoints()).isGreaterThan(2.5f * sheet.getDefaultRowHeightInPoints());
        }
    }

    /**
     * A column may wrap wider than the usual paragraph: a move's thousand-character sources, at
     * 60, made rows of 17 to 20 lines and printed one event a page.
     */
    @Test
    void aParagraphColumnWrapsAtItsOwnWidthWiderThanTheUsualOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("wide.xlsx");
        ReportTable table = new ReportTable("Wide", List.of(new ReportColumn("Id", NumberStyle.TEXT),
                ReportColumn.wrapped("Source", 110), new ReportColumn("Usual", NumberStyle.PARAGRAPH)),
                List.of(List.of(CellValue.text("a"), CellValue.text("word ".repeat(100)),
                        CellValue.text("word ".repeat(10)))));
        renderer.render(new ReportWorkbook("t", "en", CREATED, List.of(new ReportSheet("S", "T", List.of(), table))),
                file);
        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getColumnWidth(1) / 256.0).as("the source's own width").isGreaterThanOrEqualTo(110.0);
            assertThat(sheet.getColumnWidth(2) / 256.0).as("the usual paragraph's").isLessThanOrEqualTo(62.0);
            // 500 characters in lines of some 110: five lines, not the nine of a 60-wide column
            assertThat(sheet.getRow(3).getHeightInPoints()).isBetween(4 * 15f, 6 * 15f);
        }
    }

    /** A relocation's source runs to a thousand characters and more: its row stops at Excel's highest. */
    @Test
    void aRowIsNeverHigherThanExcelAllows(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tall.xlsx");
        ReportTable table = new ReportTable("Tall", List.of(new ReportColumn("Id", NumberStyle.TEXT),
                new ReportColumn("Source", NumberStyle.PARAGRAPH)),
                List.of(List.of(CellValue.text("a"), CellValue.text("word ".repeat(1_000)))));
        renderer.render(new ReportWorkbook("t", "en", CREATED, List.of(new ReportSheet("S", "T", List.of(), table))),
                file);
        try (XSSFWorkbook book = open(file)) {
            assertThat(book.getSheetAt(0).getRow(3).getHeightInPoints()).isBetween(400f, 409.5f);
        }
    }

    @Test
    void rowsWithLinksAmongPlainRowsKeepTheirOrderValuesAndStyles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.xlsx");
        ReportTable table = new ReportTable("Mixed", List.of(new ReportColumn("Text", NumberStyle.TEXT),
                new ReportColumn("Value (%)", NumberStyle.DECIMAL)),
                List.of(List.of(CellValue.text("first"), CellValue.number(1.5)),
                        List.of(new CellValue.SheetLink("to the sheet", "Mixed"), CellValue.NOT_AVAILABLE),
                        List.of(CellValue.text("third"), CellValue.GAP),
                        List.of(CellValue.text("fourth"), CellValue.number(Double.NaN))));
        renderer.render(new ReportWorkbook("Mixed rows", "en", CREATED,
                List.of(new ReportSheet("Mixed", "Mixed rows", List.of(), table))), file);

        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = book.getSheet("Mixed");
            int header = 2; // title, one empty row, then the table
            assertThat(sheet.getRow(header).getCell(0).getStringCellValue()).isEqualTo("Text");
            assertThat(sheet.getRow(header + 1).getCell(0).getStringCellValue()).isEqualTo("first");
            assertThat(sheet.getRow(header + 1).getCell(1).getNumericCellValue()).isEqualTo(1.5);
            assertThat(sheet.getRow(header + 1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
            assertThat(sheet.getRow(header + 2).getCell(0).getStringCellValue()).isEqualTo("to the sheet");
            assertThat(sheet.getRow(header + 2).getCell(0).getHyperlink()).isNotNull();
            assertThat(sheet.getRow(header + 2).getCell(1).getStringCellValue()).isEqualTo("[x]");
            assertThat(sheet.getRow(header + 3).getCell(0).getStringCellValue()).isEqualTo("third");
            assertThat(sheet.getRow(header + 3).getCell(1).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(sheet.getRow(header + 4).getCell(1).getStringCellValue()).isEqualTo("[x]");
            assertThat(sheet.getRow(header + 4).getCell(1).getCellStyle().getAlignment())
                    .isEqualTo(HorizontalAlignment.RIGHT);
            assertThat(sheet.getLastRowNum()).isEqualTo(header + 4);
            assertThat(sheet.getTables().get(0).getArea().formatAsString()).isEqualTo("A3:B7");
        }
    }

    @Test
    @Timeout(120) // a guard against a hang, not a speed test: speed is the benchmark's (README, "Performance")
    void largeTableIsStreamedAndReadOnce(@TempDir Path dir) throws IOException {
        int rowCount = 60_000;
        AtomicInteger iterations = new AtomicInteger();
        Iterable<List<CellValue>> rows = () -> {
            if (iterations.incrementAndGet() > 1) {
                throw new IllegalStateException("rows iterated more than once");
            }
            return new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return i < rowCount;
                }

                @Override
                public List<CellValue> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    int n = i++;
                    return List.of(CellValue.text("row " + n), CellValue.number((double) n / 10),
                            n % 7 == 0 ? CellValue.NOT_AVAILABLE : CellValue.number((long) n));
                }
            };
        };
        ReportTable table = new ReportTable("Indicators", List.of(new ReportColumn("Key", NumberStyle.TEXT),
                new ReportColumn("Value", NumberStyle.DECIMAL), new ReportColumn("Count", NumberStyle.INTEGER)), rows);
        Path file = dir.resolve("big.xlsx");
        renderer.render(new ReportWorkbook("big", "en", CREATED, List.of(new ReportSheet("Data", "Data", List.of(), table))),
                file);
        assertThat(iterations).hasValue(1);
        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(1 + 1 + rowCount); // title, header, rows
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + rowCount);
            assertThat(sheet.getTables().get(0).getArea().formatAsString()).isEqualTo("A3:C" + (3 + rowCount));
            XSSFRow last = sheet.getRow(2 + rowCount);
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("row " + (rowCount - 1));
            assertThat(last.getCell(1).getNumericCellValue()).isEqualTo((rowCount - 1) / 10d);
            assertThat(book.getNumCellStyles()).isLessThan(20);
        }
    }

    @Test
    void sheetsDeflatedInBlocksReadAsOrdinaryZipEntries(@TempDir Path dir) throws IOException {
        List<List<CellValue>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(List.of(CellValue.text("place " + i % 97), CellValue.number(i * 1.25)));
        }
        ReportTable table = new ReportTable("Values", List.of(new ReportColumn("Place", NumberStyle.TEXT),
                new ReportColumn("Value", NumberStyle.DECIMAL)), rows);
        Path file = dir.resolve("blocks.xlsx");
        renderer.render(new ReportWorkbook("blocks", "en", CREATED,
                List.of(new ReportSheet("Values", "Values", List.of(), table))), file);

        String sheet = zipEntry(file, "xl/worksheets/sheet1.xml");
        assertThat(sheet.length()).as("several blocks").isGreaterThan(3 * WorkbookZip.BLOCK_BYTES);
        assertThat(sheet).startsWith("<?xml").endsWith("</worksheet>").containsOnlyOnce("<sheetData>")
                .containsOnlyOnce("</sheetData>").contains("<tableParts");
        // A streaming reader trusts the local headers and checks every entry's size and CRC.
        int entries = 0;
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; entries++) {
                byte[] content = zip.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo(sheet);
                    assertThat(entry.getMethod()).isEqualTo(ZipEntry.DEFLATED);
                }
            }
        }
        assertThat(entries).isGreaterThan(5);
        try (XSSFWorkbook book = open(file)) {
            XSSFRow last = book.getSheetAt(0).getRow(2 + rows.size());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("place " + (rows.size() - 1) % 97);
            assertThat(last.getCell(1).getNumericCellValue()).isEqualTo((rows.size() - 1) * 1.25);
        }
    }

    @Test
    void invalidModelFailsAndLeavesThePreviousFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.xlsx");
        Files.write(file, "previous".getBytes(StandardCharsets.UTF_8));
        ReportTable broken = new ReportTable("Broken", List.of(new ReportColumn("Link", NumberStyle.TEXT)),
                List.of(List.of(new CellValue.SheetLink("Nowhere", "No such sheet"))));
        ReportWorkbook model = new ReportWorkbook("t", "en", CREATED,
                List.of(new ReportSheet("S", "T", List.of(), broken)));
        assertThatThrownBy(() -> renderer.render(model, file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No such sheet");
        assertThat(Files.readString(file)).isEqualTo("previous");

        ReportTable ragged = new ReportTable("Ragged",
                List.of(new ReportColumn("A", NumberStyle.TEXT), new ReportColumn("B", NumberStyle.TEXT)),
                List.of(List.of(CellValue.text("only one"))));
        assertThatThrownBy(() -> renderer.render(new ReportWorkbook("t", "en", CREATED,
                List.of(new ReportSheet("S", "T", List.of(), ragged))), file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ragged");

        ReportTable first = new ReportTable("Same", List.of(new ReportColumn("A", NumberStyle.TEXT)), List.of());
        ReportTable second = new ReportTable("SAME", List.of(new ReportColumn("A", NumberStyle.TEXT)), List.of());
        assertThatThrownBy(() -> renderer.render(new ReportWorkbook("t", "en", CREATED,
                List.of(new ReportSheet("S1", "T", List.of(), first), new ReportSheet("S2", "T", List.of(), second))),
                file)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate table name");
        assertThat(Files.readString(file)).isEqualTo("previous");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void longHeadingsWrapAndWidthIsCapped(@TempDir Path dir) throws IOException {
        String longHeading = "Number of jobs relocated abroad by outsourcing companies, all sectors combined (thousands)";
        String longText = "x".repeat(200);
        String longSentence = "a sentence of many words ".repeat(8);
        ReportTable table = new ReportTable("Wide", List.of(new ReportColumn(longHeading, NumberStyle.PRECISE),
                new ReportColumn("Comment", NumberStyle.TEXT), new ReportColumn("Note", NumberStyle.TEXT)),
                List.of(List.of(CellValue.number(1.5), CellValue.text(longText), CellValue.text(longSentence))));
        Path file = dir.resolve("wide.xlsx");
        renderer.render(new ReportWorkbook("t", "en", CREATED, List.of(new ReportSheet("S", "T", List.of(), table))),
                file);
        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getColumnWidth(0)).isLessThanOrEqualTo(62 * 256);
            // one word cannot wrap: a checksum's 64 characters fit, no more (and the step the
            // column's words are set in by, after a column of figures)
            assertThat(sheet.getColumnWidth(1)).isEqualTo(69 * 256);
            assertThat(sheet.getRow(3).getCell(1).getCellStyle().getIndention()).isEqualTo((short) 1);
            assertThat(sheet.getRow(2).getCell(1).getCellStyle().getIndention()).isEqualTo((short) 1); // its heading
            // words after words are not set in, nor the figures
            assertThat(sheet.getRow(3).getCell(2).getCellStyle().getIndention()).isZero();
            assertThat(sheet.getRow(3).getCell(0).getCellStyle().getIndention()).isZero();
            assertThat(sheet.getColumnWidth(2)).isLessThanOrEqualTo(62 * 256);
            assertThat(sheet.getRow(2).getHeightInPoints()).isGreaterThan(15f); // two lines of heading
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo(longText);
            assertThat(sheet.getRow(3).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0##");
        }
    }

    @Test
    void paragraphColumnsWrapAndTheirRowsAreAsTallAsTheText(@TempDir Path dir) throws IOException {
        String definition = "Employed persons minus those employed in the same period one year earlier, by sector"
                + " and for all sectors together, in thousands of persons."; // 132 characters: 3 lines of 62
        String source = "s".repeat(150);
        ReportTable table = new ReportTable("Notes", List.of(new ReportColumn("Id", NumberStyle.TEXT),
                new ReportColumn("Definition", NumberStyle.PARAGRAPH), new ReportColumn("Value", NumberStyle.DECIMAL),
                new ReportColumn("Source", NumberStyle.TEXT)),
                List.of(List.of(CellValue.text("a"), CellValue.text(definition), CellValue.number(1.5),
                                CellValue.text(source)),
                        List.of(CellValue.text("b"), CellValue.text("Short."), CellValue.NOT_AVAILABLE,
                                new CellValue.WebLink("link", "https://example.org/")),
                        List.of(CellValue.text("c"), CellValue.text(definition), CellValue.number(2.0),
                                new CellValue.WebLink("link", "https://example.org/"))));
        Path file = dir.resolve("notes.xlsx");
        renderer.render(new ReportWorkbook("t", "en", CREATED, List.of(new ReportSheet("S", "T", List.of(), table))),
                file);
        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(62 * 256);
            XSSFRow first = sheet.getRow(3);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(definition);
            assertThat(first.getCell(1).getCellStyle().getWrapText()).isTrue();
            assertThat(first.getHeightInPoints()).isEqualTo(3 * 15f);
            // The source is cut off on screen, not wrapped: a row of figures stays one line high.
            assertThat(first.getCell(3).getCellStyle().getWrapText()).isFalse();
            // Every cell of the row at the top, level with the wrapped text.
            for (int c = 0; c < 4; c++) {
                assertThat(first.getCell(c).getCellStyle().getVerticalAlignment()).as("column " + c)
                        .isEqualTo(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            }
            assertThat(sheet.getRow(4).getHeightInPoints()).isEqualTo(sheet.getDefaultRowHeightInPoints());
            // A row with a link goes through SXSSF: wrapped and as tall all the same.
            assertThat(sheet.getRow(5).getCell(1).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(5).getHeightInPoints()).isEqualTo(3 * 15f);
        }
    }

    @Test
    void aPrintedSheetHoldsItsLinesWholeNotOnlyColumnA(@TempDir Path dir) throws IOException {
        String line = "A cover line of a hundred characters or so, which runs from column A across the empty cells.";
        Path file = dir.resolve("cover.xlsx");
        renderer.render(new ReportWorkbook("t", "en", CREATED,
                List.of(new ReportSheet("Cover", "Title", List.of(line), null))), file);
        try (XSSFWorkbook book = open(file)) {
            String area = book.getPrintArea(0);
            int lastColumn = new org.apache.poi.ss.util.AreaReference(area.substring(area.indexOf('!') + 1),
                    org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getLastCell().getCol();
            double chars = 0;
            for (int c = 0; c <= lastColumn; c++) {
                chars += book.getSheetAt(0).getColumnWidth(c) / 256.0;
            }
            assertThat(chars).isGreaterThanOrEqualTo(line.length());
        }
    }

    @Test
    void aWideTablePrintsReadablyWithItsRowLabelsOnEveryPage(@TempDir Path dir) throws IOException {
        // Two label columns, then eight columns of figures: too wide for one page at a size one reads.
        List<ReportColumn> columns = new ArrayList<>(List.of(new ReportColumn("Period", NumberStyle.TEXT),
                new ReportColumn("Region of the kingdom, in full", NumberStyle.TEXT)));
        for (int c = 0; c < 8; c++) {
            columns.add(new ReportColumn("A long heading for figure " + c + " (thousands of persons)",
                    NumberStyle.DECIMAL));
        }
        List<List<CellValue>> rows = new ArrayList<>();
        for (int r = 0; r < 100; r++) {
            List<CellValue> row = new ArrayList<>(List.of(CellValue.text("2025-Q" + (r % 4 + 1)),
                    CellValue.text("Casablanca-Settat and its many communes " + r)));
            for (int c = 0; c < 8; c++) {
                row.add(CellValue.number(123_456_789.5 + r + c));
            }
            rows.add(row);
        }
        Path file = dir.resolve("wide.xlsx");
        renderer.render(new ReportWorkbook("t", "en", CREATED, List.of(new ReportSheet("Wide", "Wide table", List.of(),
                new ReportTable("Wide", columns, rows)))), file);

        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getFitToPage()).as("not shrunk to one page").isFalse();
            assertThat(sheet.getPrintSetup().getScale()).isEqualTo((short) XlsxRenderer.WIDE_PRINT_SCALE);
            assertThat(sheet.getPrintSetup().getLeftToRight()).as("across, then down").isTrue();
            assertThat(sheet.getRepeatingColumns()).isEqualTo(CellRangeAddress.valueOf("A:B"));
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("3:3"));
            assertThat(sheet.getFooter().getLeft()).isEqualTo("&A");
            assertThat(sheet.getFooter().getRight()).isEqualTo("&P / &N");
        }
    }

    @Test
    void aNarrowTablePrintsOnePageWideAndAsManyHighAsItsRowsNeedLongOrShort(@TempDir Path dir) throws IOException {
        List<List<CellValue>> rows = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            rows.add(List.of(CellValue.text("2025-Q" + (r % 4 + 1)), CellValue.number(r + 0.5)));
        }
        Path file = dir.resolve("narrow.xlsx");
        renderer.render(new ReportWorkbook("t", "en", CREATED, List.of(
                new ReportSheet("Long", "Long table", List.of(), new ReportTable("Long",
                        List.of(new ReportColumn("Period", NumberStyle.TEXT),
                                new ReportColumn("Rate (%)", NumberStyle.DECIMAL)), rows)),
                new ReportSheet("Short", "Short table", List.of(), new ReportTable("Short",
                        List.of(new ReportColumn("Period", NumberStyle.TEXT),
                                new ReportColumn("Rate (%)", NumberStyle.DECIMAL)), rows.subList(0, 10))))), file);

        try (XSSFWorkbook book = open(file)) {
            XSSFSheet longSheet = book.getSheet("Long");
            assertThat(longSheet.getFitToPage()).isTrue();
            assertThat(longSheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(longSheet.getPrintSetup().getFitHeight()).as("as many pages high as needed").isZero();
            assertThat(longSheet.getRepeatingColumns()).as("nothing to repeat on a single page's width").isNull();
            // a short one too: rows that wrap could make "one page" of it a quarter of full size
            XSSFSheet shortSheet = book.getSheet("Short");
            assertThat(shortSheet.getFitToPage()).isTrue();
            assertThat(shortSheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(shortSheet.getPrintSetup().getFitHeight()).isZero();
        }
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** Reads a part through the zip's central directory. */
    private static String zipEntry(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            assertThat(entry).as("part %s", name).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void aWrappedLineNeverStartsOrEndsOnFrenchPunctuation() {
        String text = "Opération comptée l’année de sa date d’effet : une opération effective le 1er janvier"
                + " compte « en entier » ; 12 % des cas ? Voir [note 1] et [note 12].";

        for (int width = 10; width <= 60; width++) {
            for (String part : XlsxRenderer.wrap(text, width)) {
                assertThat(part).as("width " + width).doesNotStartWith(":").doesNotStartWith(";")
                        .doesNotStartWith("»").doesNotStartWith("%").doesNotStartWith("?").doesNotEndWith("«")
                        .doesNotEndWith("[note").doesNotStartWith("1]").doesNotStartWith("12]");
            }
        }
        assertThat(String.join(" ", XlsxRenderer.wrap(text, 25))).isEqualTo(text);
    }

    @Test
    void aPeriodsWordsStayOnOneLineAndTheCellHoldsOrdinarySpaces() {
        String text = "Période couverte : janvier\u00a02021 – octobre\u00a02026 (une période figure quand elle est"
                + " entièrement comprise dans cet intervalle).";

        for (int width = 20; width <= 60; width++) {
            for (String part : XlsxRenderer.wrap(text, width)) {
                assertThat(part).as("width " + width).doesNotStartWith("2021").doesNotStartWith("2026")
                        .doesNotEndWith("janvier").doesNotEndWith("octobre");
            }
        }
        assertThat(XlsxRenderer.clip("le 11\u00a0août\u00a02026")).isEqualTo("le 11 août 2026");
    }
}

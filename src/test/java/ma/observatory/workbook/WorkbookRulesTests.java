package ma.observatory.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ma.observatory.WorkbookReader;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every sheet of the workbooks built from the shipped data, in both languages, and checks the
 * layout rules of SPEC §6 (the UK Analysis Function's guidance for statistics in spreadsheets) as
 * a reader would meet them.
 */
class WorkbookRulesTests {

    private static final Pattern NOTE = Pattern.compile("\\[note (\\d+)]");
    private static final Set<String> SHORTHAND = Set.of("[x]", "[z]");

    @TempDir
    static Path work;
    private static Path french;
    private static Path english;

    @BeforeAll
    static void buildBoth() {
        french = ShippedWorkbooks.build(work, "fr");
        english = ShippedWorkbooks.build(work, "en");
    }

    private static XSSFWorkbook open(String language) throws IOException {
        try (InputStream in = Files.newInputStream("fr".equals(language) ? french : english)) {
            return new XSSFWorkbook(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everySheetFollowsTheLayoutRules(String language) throws IOException {
        try (XSSFWorkbook book = open(language)) {
            assertThat(book.getActiveSheetIndex()).as("opens on the Cover").isZero();
            Set<String> tableNames = new HashSet<>();
            for (int s = 0; s < book.getNumberOfSheets(); s++) {
                XSSFSheet sheet = book.getSheetAt(s);
                String where = language + " / " + sheet.getSheetName();
                assertThat(sheet.getSheetName().length()).as(where).isLessThanOrEqualTo(31);
                Cell title = sheet.getRow(0).getCell(0);
                assertThat(title.getStringCellValue()).as(where + ": title in A1").isNotBlank();
                assertThat(book.getFontAt(title.getCellStyle().getFontIndex()).getBold()).as(where).isTrue();
                assertThat(sheet.getNumMergedRegions()).as(where + ": no merged cells").isZero();
                if (s == 0) {
                    assertThat(sheet.getTables()).as(where + ": the cover is text").isEmpty();
                    continue;
                }
                assertThat(sheet.getTables()).as(where + ": one table per sheet").hasSize(1);
                XSSFTable table = sheet.getTables().get(0);
                assertThat(tableNames.add(table.getName().toLowerCase())).as(where + ": unique table name").isTrue();
                checkTable(sheet, table, where);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void wideTablesOfFiguresKeepTheColumnsNamingARowInSight(String language) throws IOException {
        try (XSSFWorkbook book = open(language)) {
            // Employment: period, code, place, area, sex, age group, education stay while thirteen columns of
            // figures scroll (the shipped data has graduates' unemployment)
            XSSFSheet employment = book.getSheet("fr".equals(language) ? "Emploi" : "Employment");
            assertThat(employment.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 7);
            assertThat(employment.getRow(employment.getTables().get(0).getStartRowIndex()).getCell(6)
                    .getStringCellValue()).isIn("Diplôme", "Education");
            // Tourism targets: indicator, place and target year stay; the indicator's id, a code rather
            // than a name, sits beside the source instead of taking the frozen columns' room
            XSSFSheet targets = book.getSheet("fr".equals(language) ? "Objectifs touristiques" : "Tourism targets");
            int header = targets.getTables().get(0).getStartRowIndex();
            assertThat(targets.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 3);
            assertThat(targets.getRow(header).getCell(2).getStringCellValue()).isIn("Année visée", "Target year");
            int last = targets.getTables().get(0).getEndColIndex();
            assertThat(targets.getRow(header).getCell(last - 1).getStringCellValue())
                    .isIn("Identifiant de l’indicateur", "Indicator id");
            // a table with a few figures scrolls as a whole
            XSSFSheet summary = book.getSheet("fr".equals(language) ? "Synthèse" : "Summary");
            assertThat(summary.getPaneInformation().getVerticalSplitLeftColumn()).isZero();
        }
    }

    private static void checkTable(XSSFSheet sheet, XSSFTable table, String where) {
        int header = table.getStartRowIndex();
        // periods such as "2025" are text: Excel is told not to flag them as numbers stored as text
        assertThat(sheet.getIgnoredErrors().getOrDefault(org.apache.poi.ss.usermodel.IgnoredErrorType.NUMBER_STORED_AS_TEXT,
                java.util.Set.of())).as(where + ": text that reads as a number is not flagged")
                .anySatisfy(range -> assertThat(range.isInRange(table.getEndRowIndex(), table.getEndColIndex())
                        && range.isInRange(header, table.getStartColIndex())).isTrue());
        assertThat(sheet.getPaneInformation()).as(where + ": frozen header").isNotNull();
        assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).as(where + ": frozen header")
                .isEqualTo((short) (header + 1));
        // Everything above the header stays on screen: on a laptop (some 20 rows in view) a longer
        // introduction left two or three rows of the table to scroll (Tourism targets froze 21).
        assertThat(header + 1).as(where + ": rows frozen above the table").isLessThanOrEqualTo(15);
        boolean chartTable = table.getName().startsWith("Chart");
        // SPEC §6: the Data sheet's breakdown and value are empty where there is none, for re-use.
        boolean longForm = table.getName().equals("Indicators");
        List<String> headings = new ArrayList<>();
        for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
            String heading = sheet.getRow(header).getCell(c).getStringCellValue();
            assertThat(heading).as(where + ": column heading").isNotBlank();
            headings.add(heading);
            assertThat(sheet.getColumnWidth(c)).as(where + ": width set from the content")
                    .isNotEqualTo(sheet.getDefaultColumnWidth() * 256);
        }
        for (int r = header + 1; r <= table.getEndRowIndex(); r++) {
            Row row = sheet.getRow(r);
            assertThat(row).as(where + ": no blank row inside the table, row " + (r + 1)).isNotNull();
            boolean anything = false;
            for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
                Cell cell = row.getCell(c);
                if (cell == null || cell.getCellType() == CellType.BLANK
                        || cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank()) {
                    assertThat(chartTable || longForm)
                            .as(where + ": an empty cell is only a gap in a chart table, row " + (r + 1)
                                    + " column " + headings.get(c - table.getStartColIndex()))
                            .isTrue();
                    continue;
                }
                anything = true;
                if (cell.getCellType() == CellType.NUMERIC) {
                    assertThat(cell.getCellStyle().getDataFormatString()).as(where + ": numbers carry a format")
                            .isNotEqualTo("General");
                    String heading = headings.get(c - table.getStartColIndex());
                    if (heading.endsWith("(persons)") || heading.endsWith("(personnes)")) {
                        assertThat(cell.getCellStyle().getDataFormatString())
                                .as(where + ": persons counted in whole numbers, " + heading).isEqualTo("#,##0");
                    }
                }
                assertThat(cell.getCellType()).as(where + ": no formula").isNotEqualTo(CellType.FORMULA);
            }
            assertThat(anything).as(where + ": row " + (r + 1) + " is empty")
                    .isTrue();
        }
        checkColumnsAreNumbersOrShorthand(sheet, table, headings, where);
    }

    /** A column that holds numbers holds only numbers and the shorthand: never "0" for missing, never text. */
    private static void checkColumnsAreNumbersOrShorthand(XSSFSheet sheet, XSSFTable table, List<String> headings,
                                                          String where) {
        for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
            boolean numeric = false;
            List<String> texts = new ArrayList<>();
            for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                Cell cell = sheet.getRow(r).getCell(c);
                if (cell == null) {
                    continue;
                }
                if (cell.getCellType() == CellType.NUMERIC) {
                    numeric = true;
                } else if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }
            String heading = headings.get(c - table.getStartColIndex());
            boolean mixedUnits = "Indicators".equals(table.getName()) || "Summary".equals(table.getName())
                    || "DataQuality".equals(table.getName());
            if (numeric && !mixedUnits) {
                assertThat(texts).as(where + ": column " + heading + " mixes numbers with text")
                        .allMatch(SHORTHAND::contains);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void contentsLinksToEverySheet(String language) throws IOException {
        try (XSSFWorkbook book = open(language)) {
            XSSFSheet contents = book.getSheetAt(1);
            Set<String> linked = new HashSet<>();
            for (XSSFHyperlink link : contents.getHyperlinkList()) {
                assertThat(link.getType()).isEqualTo(HyperlinkType.DOCUMENT);
                String target = link.getLocation().replaceAll("^'|'!A1$|!A1$", "").replace("''", "'");
                assertThat(book.getSheet(target)).as("link to " + target).isNotNull();
                linked.add(target);
            }
            for (int s = 0; s < book.getNumberOfSheets(); s++) {
                if (s != 1) {
                    assertThat(linked).as(language + ": Contents links to every other sheet").contains(book.getSheetName(s));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyNoteHasItsTextUnderDefinitionOrNote(String language) throws IOException {
        try (XSSFWorkbook book = open(language)) {
            XSSFTable notes = tableNamed(book, "Notes");
            XSSFSheet sheet = notes.getXSSFSheet();
            int first = notes.getStartColIndex();
            int definition = first + 4;
            assertThat(sheet.getRow(notes.getStartRowIndex()).getCell(definition).getStringCellValue())
                    .isEqualTo("fr".equals(language) ? "Définition ou note" : "Definition or note");
            for (int r = notes.getStartRowIndex() + 1; r <= notes.getEndRowIndex(); r++) {
                String note = sheet.getRow(r).getCell(first).getStringCellValue();
                assertThat(sheet.getRow(r).getCell(definition).getStringCellValue()).as(language + ": " + note)
                        .isNotBlank().isNotIn(SHORTHAND);
            }
        }
    }

    /**
     * French sets a no-break space before « : ; ! ? % » and after « : in what the program writes
     * (titles, introductions, headings, table columns of its words alone), a wrapped line never starts with a
     * colon. What it quotes from the files' sources is left as written, and not checked here.
     */
    @org.junit.jupiter.api.Test
    void theFrenchWorkbookSpacesItsPunctuationAsFrenchDoes() throws IOException {
        Pattern breakable = Pattern.compile(" [:;!?%»]|« ");
        try (XSSFWorkbook book = open("fr")) {
            List<String> found = new ArrayList<>();
            int checked = 0;
            for (var sheet : book) {
                XSSFSheet xs = (XSSFSheet) sheet;
                int header = xs.getTables().isEmpty() ? xs.getLastRowNum() : xs.getTables().get(0).getStartRowIndex();
                for (int r = 0; r <= header; r++) {
                    Row row = xs.getRow(r);
                    if (row == null) {
                        continue;
                    }
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            checked++;
                            if (breakable.matcher(cell.getStringCellValue()).find()) {
                                found.add(sheet.getSheetName() + "!" + cell.getAddress() + ": " + cell.getStringCellValue());
                            }
                        }
                    }
                }
            }
            // columns of a table that hold only the program's words: the Notes' definitions, the
            // Summary's basis, how each relocation is counted
            for (String[] column : List.of(new String[] {"Notes", "Définition ou note"},
                    new String[] {"Summary", "Origine"},
                    new String[] {"Relocations", "Prise en compte (ou motif d’exclusion)"})) {
                XSSFTable table = tableNamed(book, column[0]);
                XSSFSheet xs = table.getXSSFSheet();
                int c = table.getStartColIndex();
                while (!WorkbookReader.plain(xs.getRow(table.getStartRowIndex()).getCell(c).getStringCellValue())
                        .equals(column[1])) {
                    c++;
                    assertThat(c).as(column[0] + " has a column " + column[1]).isLessThanOrEqualTo(table.getEndColIndex());
                }
                for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                    Cell cell = xs.getRow(r).getCell(c);
                    if (cell != null && cell.getCellType() == CellType.STRING) {
                        checked++;
                        if (breakable.matcher(cell.getStringCellValue()).find()) {
                            found.add(xs.getSheetName() + "!" + cell.getAddress() + ": " + cell.getStringCellValue());
                        }
                    }
                }
            }
            assertThat(checked).isGreaterThan(200);
            assertThat(found).as("a breakable space before a high mark or after «").isEmpty();
        }
    }

    /** The tests read French spacing as ordinary spaces: this checks none leaks into the English workbook. */
    @org.junit.jupiter.api.Test
    void theEnglishWorkbookHasNoFrenchSpacing() throws IOException {
        try (XSSFWorkbook book = open("en")) {
            for (var sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            assertThat(cell.getStringCellValue()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                    .doesNotContain(String.valueOf(ma.observatory.text.FrenchTypography.NARROW_NO_BREAK_SPACE));
                        }
                    }
                }
            }
        }
    }

    private static XSSFTable tableNamed(XSSFWorkbook book, String name) {
        for (var sheet : book) {
            for (XSSFTable t : ((XSSFSheet) sheet).getTables()) {
                if (t.getName().equals(name)) {
                    return t;
                }
            }
        }
        throw new AssertionError("no table " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyNoteReferredToIsListedOnTheNotesSheet(String language) throws IOException {
        try (XSSFWorkbook book = open(language)) {
            Set<String> listed = new HashSet<>();
            XSSFTable notes = tableNamed(book, "Notes");
            for (int r = notes.getStartRowIndex() + 1; r <= notes.getEndRowIndex(); r++) {
                listed.add(notes.getXSSFSheet().getRow(r).getCell(notes.getStartColIndex()).getStringCellValue());
            }
            Set<String> cited = new HashSet<>();
            for (var sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            Matcher m = NOTE.matcher(cell.getStringCellValue());
                            while (m.find()) {
                                assertThat(listed).as(language + ": " + m.group() + " on " + sheet.getSheetName())
                                        .contains(m.group());
                                if (sheet != notes.getXSSFSheet()) {
                                    cited.add(m.group());
                                }
                            }
                        }
                    }
                }
            }
            // the general notes (the ones before the indicators' definitions) are each cited where they
            // apply; the one on figures before 2017 only where there are such figures (not in this range)
            assertThat(cited).as(language + ": general notes cited outside Notes")
                    .contains("[note 1]", "[note 2]", "[note 3]").doesNotContain("[note 4]");
            String cover = coverText(book);
            assertThat(cover).contains("[x]").contains("[z]");
        }
    }

    private static String coverText(XSSFWorkbook book) {
        StringBuilder text = new StringBuilder();
        for (Row row : book.getSheetAt(0)) {
            for (Cell cell : row) {
                text.append(cell.toString()).append('\n');
            }
        }
        return text.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyPrintedPageIsLabelledAndReadable(String language) throws IOException {
        try (XSSFWorkbook book = open(language)) {
            for (var s : book) {
                XSSFSheet sheet = (XSSFSheet) s;
                String where = language + " / " + sheet.getSheetName();
                assertThat(sheet.getPrintSetup().getLandscape()).as(where + ": landscape").isTrue();
                assertThat(sheet.getFooter().getLeft()).as(where + ": footer names the sheet").isEqualTo("&A");
                assertThat(sheet.getFooter().getRight()).as(where + ": footer numbers the page").isEqualTo("&P / &N");
                boolean chart = sheet.getDrawingPatriarch() != null && !sheet.getDrawingPatriarch().getCharts().isEmpty();
                if (sheet.getFitToPage()) {
                    // fitted to the width; one page high only for a chart and its table
                    assertThat(sheet.getPrintSetup().getFitWidth()).as(where).isEqualTo((short) 1);
                    assertThat(sheet.getPrintSetup().getFitHeight()).as(where).isEqualTo((short) (chart ? 1 : 0));
                } else {
                    // too wide for that: at a readable scale, across then down, the row names on every page
                    assertThat(chart).as(where + ": a chart sheet is never split").isFalse();
                    assertThat(sheet.getPrintSetup().getScale()).as(where).isEqualTo((short) 70);
                    assertThat(sheet.getPrintSetup().getLeftToRight()).as(where).isTrue();
                    assertThat(sheet.getRepeatingColumns()).as(where + ": row names repeated").isNotNull();
                    // and every other column fits beside them: one that does not is cut at the page's edge
                    int repeated = sheet.getRepeatingColumns().getLastColumn();
                    double labels = 0;
                    for (int c = 0; c <= repeated; c++) {
                        labels += sheet.getColumnWidth(c) / 256.0;
                    }
                    int last = lastPrintedColumn(book, sheet);
                    for (int c = repeated + 1; c <= last; c++) {
                        assertThat(labels + sheet.getColumnWidth(c) / 256.0).as(where + ": column " + c
                                + " beside the repeated labels, in digit widths at 70 %")
                                .isLessThanOrEqualTo(ma.observatory.report.XlsxRenderer.PRINTABLE_WIDTH_CHARS / 0.7);
                    }
                }
            }
            // The Summary's columns naming a row wrap, narrow enough for the whole table to fit the
            // page's width: each figure printed beside its unit, change, basis and source.
            XSSFSheet summary = book.getSheet("fr".equals(language) ? "Synthèse" : "Summary");
            assertThat(summary.getFitToPage()).as(language + " Summary fitted to the page's width").isTrue();
            assertThat(summary.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            // Data quality's columns saying what a row is about wrap, narrow enough for the whole table
            // to fit the page's width: the computed and published figures printed beside the figure
            // they are (split across pages, its second page showed them beside the kind and file only)
            XSSFSheet quality = book.getSheet("fr".equals(language) ? "Qualité des données" : "Data quality");
            assertThat(quality.getFitToPage()).as(language + " Data quality fitted to the page's width").isTrue();
            // The targets sheet is too wide for that, but its indicator wraps: the repeated labels leave
            // room for figures on every printed page
            XSSFSheet targets = book.getSheet("fr".equals(language) ? "Objectifs touristiques" : "Tourism targets");
            assertThat(targets.getColumnWidth(0) / 256.0).as(language + " targets' indicator column").isLessThan(25.0);
            assertThat(targets.getRow(targets.getRepeatingRows().getFirstRow() + 1).getCell(0).getCellStyle()
                    .getWrapText()).isTrue();
        }
    }

    /**
     * An economist's usability test: the Summary printed each row of rates two lines high, its basis
     * (« publié ; variation : calculée ») wrapped at 16 characters. A row whose words each fit their
     * column on one line is one line high, and the table still fits the page's width.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void theSummaryPrintsItsRowsOneLineHighWhereTheirWordsAllow(String language) throws IOException {
        try (XSSFWorkbook book = open(language)) {
            XSSFSheet summary = book.getSheet("fr".equals(language) ? "Synthèse" : "Summary");
            XSSFTable table = summary.getTables().get(0);
            int basis = table.getStartColIndex() + 8;
            assertThat(WorkbookReader.plain(summary.getRow(table.getStartRowIndex()).getCell(basis).getStringCellValue()))
                    .isIn("Origine", "Basis");
            int oneLine = 0;
            for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                Row row = summary.getRow(r);
                boolean fits = true;
                for (int c = table.getStartColIndex(); c < basis + 1; c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getCellType() == CellType.STRING && cell.getCellStyle().getWrapText()) {
                        // digit widths, less the padding the renderer adds
                        fits &= cell.getStringCellValue().length() <= summary.getColumnWidth(c) / 256 - 2;
                    }
                }
                if (fits) {
                    oneLine++;
                    assertThat(row.getHeightInPoints()).as(language + " Summary row " + (r + 1) + " one line high")
                            .isLessThanOrEqualTo(15f);
                }
            }
            assertThat(oneLine).as(language + " Summary rows of one line").isGreaterThan(10);
            assertThat(summary.getFitToPage()).isTrue();
            double width = 0;
            for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
                width += summary.getColumnWidth(c) / 256.0;
            }
            assertThat(width).as(language + " Summary at 60 % or more on the page's width")
                    .isLessThanOrEqualTo(LIBREOFFICE_PAGE_CHARS / 0.6);
        }
    }

    private static final double LIBREOFFICE_PAGE_CHARS = ma.observatory.report.XlsxRenderer.LIBREOFFICE_PAGE_CHARS;

    /** The ranges of a sheet's print area: one, or one a page across. */
    private static List<org.apache.poi.ss.util.AreaReference> printedRanges(XSSFWorkbook book, XSSFSheet sheet) {
        List<org.apache.poi.ss.util.AreaReference> ranges = new ArrayList<>();
        for (String range : book.getPrintArea(book.getSheetIndex(sheet)).split(",")) {
            ranges.add(new org.apache.poi.ss.util.AreaReference(range.substring(range.indexOf('!') + 1),
                    org.apache.poi.ss.SpreadsheetVersion.EXCEL2007));
        }
        return ranges;
    }

    private static int lastPrintedColumn(XSSFWorkbook book, XSSFSheet sheet) {
        List<org.apache.poi.ss.util.AreaReference> ranges = printedRanges(book, sheet);
        return ranges.get(ranges.size() - 1).getLastCell().getCol();
    }

    /** Pages across a sheet split at its print scale takes, its repeated columns on each, as LibreOffice lays them out. */
    private static int pagesAcross(XSSFWorkbook book, XSSFSheet sheet) {
        int last = lastPrintedColumn(book, sheet);
        double page = LIBREOFFICE_PAGE_CHARS * 100 / sheet.getPrintSetup().getScale();
        int repeated = sheet.getRepeatingColumns() == null ? -1 : sheet.getRepeatingColumns().getLastColumn();
        double labels = 0;
        for (int c = 0; c <= repeated; c++) {
            labels += sheet.getColumnWidth(c) / 256.0;
        }
        int pages = 1;
        double used = labels;
        for (int c = repeated + 1; c <= last; c++) {
            double width = sheet.getColumnWidth(c) / 256.0;
            if (used + width > page && used > labels) {
                pages++;
                used = labels;
            }
            used += width;
        }
        return pages;
    }

    /**
     * An economist's usability test: the Exposure and Tourism targets sheets each printed on three
     * pages across, the last holding a source column alone beside the repeated row names (one-line
     * sources 50 and 62 characters wide). The targets' eighteen columns, too many for one page at a
     * readable scale, take two. Exposure, its sources cut to 22 characters to fit the page's width,
     * printed at some 60 %, too small to read: its sources wrap, whole, and its two pages across, at
     * the readable scale, hold the regulation's figures, then its sources.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void exposureAndTourismTargetsPrintWithoutAPageForASourceAlone(String language) throws IOException {
        try (XSSFWorkbook book = open(language)) {
            XSSFSheet exposure = book.getSheet("fr".equals(language) ? "Exposition réglementaire" : "Exposure to regulations");
            assertThat(exposure.getFitToPage()).as(language + " Exposure at a readable scale").isFalse();
            assertThat(exposure.getPrintSetup().getScale()).as(language + " Exposure's scale").isGreaterThanOrEqualTo((short) 70);
            assertThat(pagesAcross(book, exposure)).as(language + " Exposure's pages across").isEqualTo(2);
            XSSFTable table = exposure.getTables().get(0);
            for (int c = table.getEndColIndex() - 1; c <= table.getEndColIndex(); c++) {
                assertThat(exposure.getColumnWidth(c) / 256.0).as(language + " Exposure source column " + c).isGreaterThan(40.0);
                assertThat(exposure.getRow(table.getStartRowIndex() + 1).getCell(c).getCellStyle().getWrapText())
                        .as(language + " Exposure source column " + c + " wraps").isTrue();
            }
            XSSFSheet targets = book.getSheet("fr".equals(language) ? "Objectifs touristiques" : "Tourism targets");
            assertThat(targets.getFitToPage()).as(language + " Tourism targets split at a readable scale").isFalse();
            assertThat(pagesAcross(book, targets)).as(language + " Tourism targets' pages across").isEqualTo(2);
        }
    }

    /**
     * A wide table's last column, the basis naming every published figure of a row or a move's
     * sources, ran on one line past the print area's edge, cut mid-word on paper ("Taux de
     * sous-", "https://www.bla"). A text longer than its column wraps, its row as tall as its lines.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void aLastColumnsLongTextWrapsSoThatItPrintsWhole(String language) throws IOException {
        boolean fr = "fr".equals(language);
        int longTexts = 0;
        try (XSSFWorkbook book = open(language)) {
            for (String name : fr ? List.of("Emploi", "Emplois de l’externalisation", "Délocalisations", "Arrivées touristiques")
                    : List.of("Employment", "Outsourcing jobs", "Relocations", "Tourism arrivals")) {
                XSSFSheet sheet = book.getSheet(name);
                XSSFTable table = sheet.getTables().get(0);
                int last = table.getEndColIndex();
                double width = sheet.getColumnWidth(last) / 256.0;
                for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                    Cell cell = sheet.getRow(r).getCell(last);
                    if (cell == null || cell.getCellType() != CellType.STRING || cell.getStringCellValue().length() <= width) {
                        continue;
                    }
                    longTexts++;
                    String where = language + " / " + name + " row " + (r + 1);
                    assertThat(cell.getCellStyle().getWrapText()).as(where + " wraps").isTrue();
                    // lines of the column's width, at least; Excel's highest row at most
                    int lines = (int) Math.min(Math.ceil(cell.getStringCellValue().length() / width), 27);
                    assertThat(sheet.getRow(r).getHeightInPoints()).as(where + " as tall as its lines")
                            .isGreaterThanOrEqualTo(lines * 15f).isLessThanOrEqualTo(409.5f);
                }
            }
        }
        assertThat(longTexts).as(language + ": texts longer than their column").isGreaterThan(10);
    }

    /**
     * Printed, the targets' second page across showed the title and introduction cut mid-word at
     * the edge of the repeated indicator, place and target year, which they run across from. The
     * print area is a range a page: the first holds them, the second starts at the table's header.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void tourismTargetsPrintTheirTitleOnTheFirstPageOnly(String language) throws IOException {
        try (XSSFWorkbook book = open(language)) {
            XSSFSheet targets = book.getSheet("fr".equals(language) ? "Objectifs touristiques" : "Tourism targets");
            List<org.apache.poi.ss.util.AreaReference> ranges = printedRanges(book, targets);
            assertThat(ranges).as(language + " one range a page across").hasSize(pagesAcross(book, targets));
            assertThat(ranges.get(0).getFirstCell().getRow()).as(language + " the first page from the title").isZero();
            int header = targets.getTables().get(0).getStartRowIndex();
            for (int p = 1; p < ranges.size(); p++) {
                assertThat(ranges.get(p).getFirstCell().getRow()).as(language + " page " + (p + 1) + " from the header")
                        .isEqualTo(header);
                assertThat((int) ranges.get(p).getFirstCell().getCol()).as(language + " page " + (p + 1))
                        .isEqualTo(ranges.get(p - 1).getLastCell().getCol() + 1);
            }
        }
    }

    /**
     * The indicator wrapped at 18 made « Arrivées touristiques » and « Recettes touristiques » (21
     * characters, one line in Excel and LibreOffice alike) count as two lines: four of the French
     * table's six rows printed two lines high, the second blank, as the Summary's rows of rates once did.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void tourismTargetsRowsOfAShortIndicatorAreOneLineHigh(String language) throws IOException {
        try (XSSFWorkbook book = open(language)) {
            XSSFSheet targets = book.getSheet("fr".equals(language) ? "Objectifs touristiques" : "Tourism targets");
            XSSFTable table = targets.getTables().get(0);
            int checked = 0;
            for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                Row row = targets.getRow(r);
                String indicator = row.getCell(table.getStartColIndex()).getStringCellValue();
                if (indicator.length() <= 21) {
                    checked++;
                    assertThat(row.getHeightInPoints()).as(language + " Tourism targets row " + (r + 1) + ", "
                            + indicator + ", one line high").isLessThanOrEqualTo(15f);
                }
            }
            assertThat(checked).as(language + " rows of a short indicator").isGreaterThanOrEqualTo(4);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void aSheetWhoseTableShowsShorthandSaysAboveItWhatItMeans(String language) throws IOException {
        try (XSSFWorkbook book = open(language)) {
            for (var s : book) {
                XSSFSheet sheet = (XSSFSheet) s;
                for (XSSFTable table : sheet.getTables()) {
                    boolean shows = false;
                    for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex() && !shows; r++) {
                        Row row = sheet.getRow(r);
                        for (int c = table.getStartColIndex(); row != null && c <= table.getEndColIndex(); c++) {
                            Cell cell = row.getCell(c);
                            shows |= cell != null && cell.getCellType() == CellType.STRING
                                    && cell.getStringCellValue().matches("\\[[xz]]");
                        }
                    }
                    StringBuilder above = new StringBuilder();
                    for (int r = 0; r < table.getStartRowIndex(); r++) {
                        Row row = sheet.getRow(r);
                        if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING) {
                            above.append(row.getCell(0).getStringCellValue()).append(' ');
                        }
                    }
                    if (shows) {
                        assertThat(above.toString()).as(language + " / " + sheet.getSheetName()
                                + ": [x] or [z] in the table, explained above it").contains("[x]");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void holdsNativeChartsWithTitlesAxesAndADescription(String language) throws IOException {
        try (XSSFWorkbook book = open(language)) {
            int charts = 0;
            for (var sheet : book) {
                XSSFDrawing drawing = ((XSSFSheet) sheet).getDrawingPatriarch();
                if (drawing == null) {
                    continue;
                }
                for (XSSFChart chart : drawing.getCharts()) {
                    charts++;
                    String where = language + " / " + sheet.getSheetName();
                    assertThat(chart.getTitleText().getString()).as(where + ": chart title").isNotBlank();
                    assertThat(chart.getAxes()).as(where + ": two axes").hasSize(2);
                    String tag = language.equals("fr") ? "fr-FR" : "en-GB";
                    assertThat(chart.getCTChartSpace().xmlText()).as(where + ": texts in the workbook's language")
                            .contains("lang=\"" + tag + "\"").doesNotContain("lang=\"en\"", "lang=\"en-US\"");
                    var xml = chart.getCTChart().getPlotArea().xmlText();
                    assertThat(xml).as(where + ": axis titles").contains("<c:title>");
                    assertThat(xml).as(where + ": series drawn from the sheet's cells").contains("<c:f>");
                    if (xml.contains("<c:barChart>")) {
                        assertThat(chart.getCTChart().getPlotArea().getCatAxArray(0).getTickLblPos().getVal())
                                .as(where + ": years under the plot, clear of bars below zero")
                                .isEqualTo(org.openxmlformats.schemas.drawingml.x2006.chart.STTickLblPos.LOW);
                        assertThat(chart.getCTChart().getPlotArea().getValAxArray(0).getCrossBetween().getVal())
                                .as(where + ": bars between the ticks, the first and last years' whole")
                                .isEqualTo(org.openxmlformats.schemas.drawingml.x2006.chart.STCrossBetween.BETWEEN);
                        var numbers = chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt();
                        assertThat(numbers.getFormatCode() + " " + numbers.getSourceLinked())
                                .as(where + ": bars count persons, whole numbers on the axis, not a column's decimal")
                                .isEqualTo("#,##0 false");
                    }
                }
            }
            assertThat(charts).as(language + ": native charts").isGreaterThanOrEqualTo(4);
            // a line of the same name is drawn alike on every chart: colour and marker
            java.util.Map<String, String> drawnAs = new java.util.HashMap<>();
            java.util.Map<String, Integer> drawings = new java.util.HashMap<>();
            for (var sheet : book) {
                XSSFDrawing drawing = ((XSSFSheet) sheet).getDrawingPatriarch();
                for (XSSFChart chart : drawing == null ? List.<XSSFChart>of() : drawing.getCharts()) {
                    for (var lines : chart.getCTChart().getPlotArea().getLineChartList()) {
                        for (var series : lines.getSerList()) {
                            var ref = new org.apache.poi.ss.util.CellReference(series.getTx().getStrRef().getF());
                            String name = book.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol())
                                    .getStringCellValue();
                            String drawn = java.util.HexFormat.of().formatHex(series.getSpPr().getLn().getSolidFill()
                                    .getSrgbClr().getVal()) + " " + series.getMarker().getSymbol().getVal();
                            assertThat(drawnAs.putIfAbsent(name, drawn)).as(language + ": " + name + " on "
                                    + sheet.getSheetName()).isIn(null, drawn);
                            drawings.merge(name, 1, Integer::sum);
                        }
                    }
                }
            }
            assertThat(drawings.values()).as(language + ": a line drawn on more than one chart").anyMatch(n -> n > 1);
            int described = 0;
            for (var sheet : book) {
                XSSFDrawing drawing = ((XSSFSheet) sheet).getDrawingPatriarch();
                for (var shape : drawing == null ? List.<org.apache.poi.xssf.usermodel.XSSFShape>of() : drawing.getShapes()) {
                    if (shape instanceof XSSFGraphicFrame frame) {
                        assertThat(frame.getAnchor().getRow1()).as(language + " / " + sheet.getSheetName()
                                        + ": the chart starts below the frozen rows, or scrolling cuts it in two")
                                .isGreaterThanOrEqualTo(((XSSFSheet) sheet).getPaneInformation().getHorizontalSplitTopRow());
                        assertThat(frame.getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr().getDescr())
                                .as(language + " / " + sheet.getSheetName()
                                        + ": a text description for readers who cannot see the chart")
                                .isNotBlank();
                        described++;
                    }
                }
            }
            assertThat(described).isEqualTo(charts);
        }
    }
}

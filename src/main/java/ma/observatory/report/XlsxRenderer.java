package ma.observatory.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.zip.Deflater;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IgnoredErrorType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFTableColumn;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

import ma.observatory.csv.SpreadsheetSafeText;

/**
 * Renders a {@link ReportWorkbook} as an {@code .xlsx} file with Apache POI's streaming workbook.
 *
 * <p>Each sheet holds its title in A1 (bold, larger), the {@link ReportSheet#lines() lines} one per
 * row in column A, one empty row, then the table: a bold, wrapped header row frozen in place and the
 * data rows, marked up as an Excel table named after {@link ReportTable#name()} (style
 * {@value #TABLE_STYLE}, banded rows, filter buttons). Rows are streamed: only a window of
 * {@value #DEFAULT_ROW_WINDOW} rows (by default) and the first {@value #WIDTH_SAMPLE_ROWS} rows of
 * each table (used to size the columns) are held in memory, and each table's rows are iterated
 * exactly once.
 *
 * <p>Rules worth knowing:
 * <ul>
 * <li>Text is always written as a text cell, never as a formula, even when it starts with
 *     {@code = + - @}.</li>
 * <li>Column headings become the Excel table's column names, which Excel requires to be unique
 *     (ignoring case) and not blank: a repeated heading gets {@code " (2)"}, {@code " (3)"}… appended
 *     and a blank one becomes {@code "Column N"}, in the header cell as well.</li>
 * <li>A table with no rows is written with one data row of {@code [z]} (nothing to list), because
 *     an Excel table needs at least one data row.</li>
 * <li>A {@link CellValue.WebLink} becomes a hyperlink only for an {@code http://} or
 *     {@code https://} address that is a valid URI; anything else is written as plain text. Excel
 *     keeps at most {@value #MAX_LINKS_PER_SHEET} hyperlinks per sheet, so further links on the same
 *     sheet are written as plain text.</li>
 * <li>A number that is NaN or infinite is shown as {@code [x]}, like a missing one.</li>
 * <li>A {@link CellValue.Date} is a number of days (Excel's 1900 date system) in the date format
 *     of the workbook's language; one Excel cannot show as a date (before 1900, after 9999) is
 *     written as the input files write it, {@code 1899-12-31}, rather than as {@code ####}, and so
 *     is one of January or February 1900, which LibreOffice would read as the day before.</li>
 * <li>A {@link NumberStyle#PARAGRAPH} column is at most {@value #MAX_WIDTH_CHARS} characters wide (or
 *     its {@link ReportColumn#wrapAt()}) and wraps its text; each row is made as tall as its text needs (neither Excel nor LibreOffice
 *     fits a row's height on opening), up to Excel's highest row. Other long texts (sources) keep one line, so that a row of
 *     figures stays one line high; the whole text is in the cell. In a table that wraps, every
 *     cell sits at the top of its row, level with the wrapped ones.</li>
 * <li>Text longer than Excel's 32,767-character cell limit is cut and ends with {@code "…"}.</li>
 * <li>The file is written through {@link AtomicFiles}: the previous file stays in place if rendering
 *     fails. The same model (with the same pinned {@link ReportWorkbook#created()}) gives the same
 *     bytes.</li>
 * </ul>
 */
public final class XlsxRenderer {

    /** A sheet's rows wait in a temporary file named so: ours, found and removed if a killed run left it. */
    static final String ROW_FILE_PREFIX = "observatory-sheet-";
    /** The name POI gives the template it writes the workbook's parts to, and deletes after. */
    private static final String POI_TEMPLATE_PREFIX = "poi-sxssf-template";
    static final String ROW_FILE_SUFFIX = ".xml.deflate";
    /** Rows of a sheet kept in memory by SXSSF before they are flushed to its temporary file. */
    public static final int DEFAULT_ROW_WINDOW = 200;
    /** Rows of each table (after the header) whose content sizes the columns. */
    static final int WIDTH_SAMPLE_ROWS = 2_000;
    /** Excel's limit on hyperlinks in one worksheet. */
    static final int MAX_LINKS_PER_SHEET = 65_530;
    static final String CREATOR = "Labour Market Observatory";
    static final String TABLE_STYLE = "TableStyleMedium2";

    private static final int MIN_WIDTH_CHARS = 8;
    private static final int HEADING_LINES = 3;
    /**
     * Digit widths across landscape A4 at 100 %, inside the default margins of 0.7 inch (some 141
     * in Calibri 11 in Excel; LibreOffice's metric-compatible font runs a little wider).
     */
    private static final int PAGE_WIDTH_CHARS = 135;
    /**
     * What a printed page holds at 100 % in Excel, and in LibreOffice with Carlito (Calibri's
     * metrics): a column that fits beside the repeated labels within it is printed whole.
     */
    public static final int PRINTABLE_WIDTH_CHARS = 141;
    /**
     * What LibreOffice (with Carlito) holds across a landscape A4 page at 100 %, measured on its
     * PDF: a little less than Excel, so that a page split where it says fits in both.
     */
    public static final int LIBREOFFICE_PAGE_CHARS = 133;
    /**
     * A table of at most this many rows prints a range a page across (its title on the first
     * only), each range down its pages: some 46 rows one line high fill a page at
     * {@value #WIDE_PRINT_SCALE} %, so most such tables print one page high.
     */
    private static final int SHORT_TABLE_ROWS = 40;
    /** The smallest print scale at which an 11-point figure still reads comfortably on paper. */
    static final int WIDE_PRINT_SCALE = 70;
    /**
     * Row labels repeated on each printed page take at most some two thirds of it at that scale:
     * enough for what names a row of the Summary (indicator, breakdown, place, period) or the Data
     * sheet (indicator, period, place, breakdown), with room left for a few figures.
     */
    private static final int MAX_PRINTED_LABEL_CHARS = 135;
    /** A sheet this little too wide for the page is fitted to it rather than split: down to 60 %. */
    private static final int FIT_MIN_SCALE = 60;
    /** Text lines under a title are cut into rows of at most this many characters. */
    static final int TEXT_LINE_CHARS = 110;
    private static final int MAX_WIDTH_CHARS = 60;
    /** A SHA-256 in hex is 64 characters: shown whole. */
    private static final int MAX_WORD_CHARS = 66;
    /** Room, in characters, for the filter button Excel draws in each header cell. */
    private static final int FILTER_BUTTON_CHARS = 3;
    private static final int WIDTH_PADDING_CHARS = 2;
    /** A table with this many columns of figures scrolls sideways on a laptop screen. */
    private static final int WIDE_TABLE_FIGURES = 6;
    /** Half of what a 1920-pixel screen shows at 100 %, in digit widths. */
    private static final int MAX_FROZEN_CHARS = 120;
    private static final float LINE_HEIGHT_POINTS = 15f;
    /** Lines of 15 points in the highest row Excel opens, 409 points: a longer text shows its first ones. */
    private static final int MAX_ROW_LINES = 27;
    private static final short TITLE_FONT_POINTS = 14;
    /** Calibri 11, the workbook's default font, in which column widths are counted. */
    private static final double BODY_FONT_POINTS = 11;
    private static final float TITLE_ROW_HEIGHT_POINTS = 20f;
    private static final int MAX_TEXT_LENGTH = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final int LAST_ROW_INDEX = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
    /** Table names Excel rejects because they read as cell references (A1, R1C1, R, C). */
    private static final Pattern CELL_REFERENCE_LIKE =
            Pattern.compile("(?i)[a-z]{1,3}[0-9]+|r[0-9]*c[0-9]*|r[0-9]*|c[0-9]*");

    private final int rowWindow;
    private final int lastRowIndex;
    /** Where each sheet's rows wait, deflated, until the workbook is put together. */
    private final Path tempFolder;

    public XlsxRenderer() {
        this(DEFAULT_ROW_WINDOW);
    }

    /** @param rowWindow rows per sheet kept in memory before they are flushed to a temporary file */
    public XlsxRenderer(int rowWindow) {
        this(rowWindow, LAST_ROW_INDEX);
    }

    /** @param lastRowIndex the last row a sheet may use: Excel's, or a small one to test overflow */
    XlsxRenderer(int rowWindow, int lastRowIndex) {
        this(rowWindow, lastRowIndex, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param tempFolder where the sheets' rows wait: the JVM's temporary folder, or a test's */
    XlsxRenderer(int rowWindow, int lastRowIndex, Path tempFolder) {
        if (rowWindow < 1) {
            throw new IllegalArgumentException("row window must be at least 1: " + rowWindow);
        }
        this.rowWindow = rowWindow;
        this.lastRowIndex = Math.min(lastRowIndex, LAST_ROW_INDEX);
        this.tempFolder = tempFolder;
    }

    /** A renderer that prepares its sheets in {@code tempFolder}. */
    static XlsxRenderer preparingIn(Path tempFolder) {
        return new XlsxRenderer(DEFAULT_ROW_WINDOW, LAST_ROW_INDEX, tempFolder);
    }

    /**
     * Writes the workbook to {@code target}, replacing any previous file atomically.
     *
     * @throws IllegalArgumentException if the model cannot be written as a valid workbook (no sheets,
     *         duplicate or invalid sheet/table names, a table without columns, a row with the wrong
     *         number of values, a link to a sheet that does not exist, more rows than Excel allows)
     * @throws IOException if the file cannot be written; the previous file is then unchanged
     */
    public void render(ReportWorkbook model, Path target) throws IOException {
        // POI puts its own temporary file (the workbook's template) in a shared poifiles folder,
        // which belongs to whichever user made it first: here, in this renderer's folder instead.
        try {
            TempFile.withStrategy(new DefaultTempFileCreationStrategy(tempFolder.toFile()), () -> {
                try {
                    renderHere(model, target);
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void renderHere(ReportWorkbook model, Path target) throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(model.created(), "model.created() must be pinned");
        List<ReportSheet> sheets = model.sheets();
        if (sheets == null || sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        Set<String> sheetNames = checkNames(sheets);

        // Each sheet's rows go to a temporary file already deflated; close() deletes the files.
        try (ObservatoryWorkbook workbook = new ObservatoryWorkbook(rowWindow, model.created(), tempFolder)) {
            setProperties(workbook, model);
            Styles styles = new Styles(workbook, model.language());
            Set<Path> overflowed = new HashSet<>();
            // A table's CSV goes in place after the workbook: a run stopped in between leaves the
            // previous workbook with its own CSV, never with the new one.
            List<AtomicFiles.Prepared> csvs = new ArrayList<>();
            SheetWriter writer = null;
            try {
                for (ReportSheet sheet : sheets) {
                    writer = new SheetWriter(workbook, styles, sheetNames, sheet, target, lastRowIndex,
                            model.language());
                    writer.write();
                    if (writer.preparedCsv != null) {
                        overflowed.add(writer.overflowCsv);
                        csvs.add(writer.preparedCsv);
                    }
                }
                workbook.setActiveSheet(0);
                workbook.setSelectedTab(0);
                workbook.setFirstVisibleTab(0);
                for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                    workbook.getSheetAt(i).setSelected(i == 0);
                }
                AtomicFiles.write(target, workbook::write);
            } catch (IOException | RuntimeException e) {
                csvs.forEach(AtomicFiles.Prepared::discard);
                if (writer != null && writer.preparedCsv != null && !csvs.contains(writer.preparedCsv)) {
                    writer.preparedCsv.discard();
                }
                throw e;
            }
            for (AtomicFiles.Prepared csv : csvs) {
                csv.commit();
            }
            // An earlier workbook's CSV of a table that now fits would pass for this one's: it goes,
            // once the new workbook is in place (until then it belongs to the previous one).
            for (ReportSheet sheet : sheets) {
                if (sheet.table() != null && sheet.table().overflow() != null) {
                    Path csv = overflowCsv(target, sheet.table());
                    if (!overflowed.contains(csv)) {
                        Files.deleteIfExists(csv);
                    }
                }
            }
        }
    }

    /** The CSV file beside the workbook that holds a table too long for its sheet. */
    static Path overflowCsv(Path target, ReportTable table) {
        String base = target.getFileName().toString().replaceFirst("\\.xlsx$", "");
        return target.resolveSibling(base + "_" + table.name() + ".csv");
    }

    /** Checks sheet and table names up front, so a bad model fails before any row is read. */
    private static Set<String> checkNames(List<ReportSheet> sheets) {
        Set<String> sheetNames = new HashSet<>();
        Set<String> tableNames = new HashSet<>();
        for (ReportSheet sheet : sheets) {
            WorkbookUtil.validateSheetName(sheet.name());
            if (!sheetNames.add(sheet.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate sheet name (Excel ignores case): " + sheet.name());
            }
            ReportTable table = sheet.table();
            if (table == null) {
                continue;
            }
            if (!tableNames.add(table.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate table name (Excel ignores case): " + table.name());
            }
            if (CELL_REFERENCE_LIKE.matcher(table.name()).matches()) {
                throw new IllegalArgumentException("Excel rejects table names that read as a cell reference: "
                        + table.name());
            }
            if (table.columns().isEmpty()) {
                throw new IllegalArgumentException("table " + table.name() + " has no columns");
            }
        }
        return sheetNames;
    }

    private static void setProperties(SXSSFWorkbook workbook, ReportWorkbook model) {
        POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setTitle(model.title());
        core.setCreator(CREATOR);
        // dcterms:created is stored to the second; without it POI would write "now" and the bytes would vary.
        core.setCreated(Optional.of(Date.from(model.created().truncatedTo(ChronoUnit.SECONDS))));
        core.setModified(Optional.empty());
        core.getUnderlyingProperties().setLanguageProperty(Optional.ofNullable(model.language()));
    }

    /** Column headings made valid as Excel table column names: unique ignoring case and not blank. */
    static List<String> tableColumnNames(List<ReportColumn> columns) {
        List<String> names = new ArrayList<>(columns.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String heading = columns.get(i).heading();
            String base = heading == null || heading.isBlank() ? "Column " + (i + 1) : clip(heading);
            String name = base;
            for (int n = 2; !seen.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + " (" + n + ")";
            }
            names.add(name);
        }
        return names;
    }

    /**
     * A text as a cell holds it: at most a cell's length, and with ordinary spaces where a period's
     * words were held together by no-break ones ({@link ma.observatory.period.PeriodWords}) for
     * {@link #wrap}: a reader's search for « 11 août 2026 », typed with ordinary spaces, finds it.
     */
    static String clip(String text) {
        if (text.indexOf('\u00a0') >= 0) {
            text = text.replace('\u00a0', ' ');
        }
        if (text.length() <= MAX_TEXT_LENGTH) {
            return text;
        }
        int end = MAX_TEXT_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * Splits a text line at spaces into parts of at most {@code width} characters: a sheet's notes
     * stay readable on screen and in print without merged or over-wide cells. French puts a space
     * before {@code : ; ? ! %} and inside {@code « »}: a line never starts or ends on one of those,
     * nor splits a reference such as {@code [note 1]}.
     */
    static List<String> wrap(String text, int width) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : unbreakable(text.split(" "))) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                parts.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        parts.add(current.toString());
        return parts;
    }

    /** The words of a line, each French punctuation mark joined to the word it belongs with. */
    private static List<String> unbreakable(String[] words) {
        List<String> units = new ArrayList<>(words.length);
        boolean glueNext = false;
        for (String word : words) {
            boolean mark = !word.isEmpty() && (word.startsWith("»") || word.equals("%")
                    || word.length() == 1 && ":;?!".contains(word));
            if (!units.isEmpty() && (glueNext || mark)) {
                units.set(units.size() - 1, units.get(units.size() - 1) + " " + word);
            } else {
                units.add(word);
            }
            glueNext = word.equals("«") || word.startsWith("[") && !word.contains("]"); // "[note 1]" stays whole
        }
        return units;
    }

    /**
     * Width a heading needs when it may wrap onto up to {@value #HEADING_LINES} lines: long headings
     * with their units ("Population aged 15+ (thousand persons)") would otherwise make every
     * numeric column as wide as a sentence.
     */
    static int headingWidth(String heading) {
        int longestWord = 0;
        for (String word : heading.split("[ \n]")) {
            longestWord = Math.max(longestWord, word.length());
        }
        return Math.max(longestWord, (longestLine(heading) + HEADING_LINES - 1) / HEADING_LINES);
    }

    /** Length in characters of the longest line of the text. */
    private static int longestLine(String text) {
        int longest = 0;
        int start = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                return Math.max(longest, text.length() - start);
            }
            longest = Math.max(longest, end - start);
            start = end + 1;
        }
    }

    /** Lines the text takes when wrapped at word boundaries in a cell {@code width} characters wide. */
    private static int wrappedLines(String text, int width) {
        if (text.length() <= width && text.indexOf('\n') < 0) {
            return 1; // most cells of a wrapping column ("computed" in a wide table's basis), on every row
        }
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            int used = 0;
            for (String word : paragraph.split(" ")) {
                int length = word.length();
                if (used > 0 && used + 1 + length > width) {
                    lines++;
                    used = 0;
                }
                used += (used > 0 ? 1 : 0) + length;
                while (used > width) { // a word longer than the cell breaks mid-word
                    lines++;
                    used -= width;
                }
            }
        }
        return lines;
    }

    /**
     * SXSSF with two changes that matter once the Data sheet has hundreds of thousands of rows.
     * Text cells refer to the shared strings table instead of carrying their text: the Data sheet
     * repeats a few hundred texts (indicator, period, place, breakdown, unit, basis, source) on every
     * row, and inlined they made its XML twice as large and their escaping a large part of the
     * writing. And the workbook is zipped at the fastest deflate level, its sheets' rows deflated on
     * the other cores as they are written ({@link WorkbookZip}): at the default level compressing
     * took a quarter of a 2-million-row run; the fastest makes the file about a fifth larger in a
     * third of the time.
     */
    private static final class ObservatoryWorkbook extends SXSSFWorkbook {

        /** Distinct texts put in the shared table; past this, texts are written inline. */
        private static final int MAX_SHARED_TEXTS = 20_000;
        private static final int MAX_SHARED_TEXT_CHARS = 1_000;

        private final Map<String, Integer> sharedIndexes = new HashMap<>();
        /** The writer of the sheet created last: its rows can be written without SXSSF's row objects. */
        private SharedTextWriter lastWriter;
        /** Each sheet's writer, by sheet name. */
        private final Map<String, SharedTextWriter> writers = new HashMap<>();
        /** The sheets' deflated rows, deleted with the workbook. */
        private final List<Path> rowFiles = new ArrayList<>();
        private final ExecutorService deflatePool;
        private final BlockDeflater deflater;

        private final Instant created;
        private final Path tempFolder;

        ObservatoryWorkbook(int rowWindow, Instant created, Path tempFolder) {
            super(null, rowWindow, false, false);
            this.created = created;
            this.tempFolder = tempFolder;
            // Blocks are deflated by the other cores while this thread writes the rows: a pool as
            // large as the machine made the writer lose its own core to the threads it woke.
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
            deflatePool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "workbook-deflate");
                thread.setDaemon(true);
                return thread;
            });
            deflater = new BlockDeflater(deflatePool, threads, WorkbookZip.BLOCK_BYTES, Deflater.BEST_SPEED);
        }

        @Override
        protected void injectData(ZipEntrySource parts, OutputStream out) throws IOException {
            new WorkbookZip(deflater, Deflater.BEST_SPEED, created).write(parts, partName -> {
                XSSFSheet sheet = getSheetFromZipEntryName(partName);
                if (sheet == null || sheet instanceof XSSFChartSheet) {
                    return null;
                }
                getSheet(sheet.getSheetName()).flushRows(0);
                SharedTextWriter writer = writers.get(sheet.getSheetName());
                if (writer == null) {
                    throw new IllegalStateException("sheet " + sheet.getSheetName()
                            + " was not made by createSheet(name)");
                }
                return writer.finish();
            }, out);
        }

        /** Rows go through a deflating stream into a temporary file, compressed as they are written. */
        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            // In the temporary folder itself, each file its maker's: POI's shared poifiles folder
            // belongs to whichever user made it first, and no other user could write the workbook.
            Path file = Files.createTempFile(tempFolder, ROW_FILE_PREFIX, ROW_FILE_SUFFIX);
            if (rowFiles.isEmpty()) {
                AtomicFiles.removeAbandoned(tempFolder, ROW_FILE_PREFIX, ROW_FILE_SUFFIX);
                AtomicFiles.removeAbandoned(tempFolder, POI_TEMPLATE_PREFIX, ".xlsx");
                // where versions before 2026-11-28 made them, also under the name they had before
                // 2026-11-27 (POI's own files end in .xml or .gz)
                Path poiFolder = tempFolder.resolve("poifiles");
                AtomicFiles.removeAbandoned(poiFolder, ROW_FILE_PREFIX, ROW_FILE_SUFFIX);
                AtomicFiles.removeAbandoned(poiFolder, "poi-sxssf-sheet", ROW_FILE_SUFFIX);
            }
            rowFiles.add(file);
            lastWriter = new SharedTextWriter(this, file, deflater.stream(Files.newOutputStream(file), false));
            return lastWriter;
        }

        @Override
        public SXSSFSheet createSheet(String name) {
            SXSSFSheet sheet = super.createSheet(name);
            writers.put(sheet.getSheetName(), lastWriter);
            return sheet;
        }

        SXSSFSheet createSheet(String name, SharedTextWriter[] writer) {
            SXSSFSheet sheet = createSheet(name);
            writer[0] = lastWriter;
            return sheet;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                deflatePool.shutdownNow();
                for (Path file : rowFiles) {
                    Files.deleteIfExists(file);
                }
            }
        }

        /**
         * The text's index in the shared strings table, or -1 to write it inline: text with control
         * characters or surrounding spaces keeps SXSSF's own escaping, and hostile input cannot
         * grow the table (held in memory) without bound.
         */
        int sharedIndex(String text) {
            Integer index = sharedIndexes.get(text);
            if (index != null) {
                return index;
            }
            if (sharedIndexes.size() >= MAX_SHARED_TEXTS || !plain(text)) {
                return -1;
            }
            int added = getXSSFWorkbook().getSharedStringSource().addSharedStringItem(new XSSFRichTextString(text));
            sharedIndexes.put(text, added);
            return added;
        }

        private static boolean plain(String text) {
            int n = text.length();
            if (n == 0 || n > MAX_SHARED_TEXT_CHARS || Character.isWhitespace(text.charAt(0))
                    || Character.isWhitespace(text.charAt(n - 1))) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c < ' ' || c >= '\uD800' && c <= '\uDFFF' || c >= '\uFFFE') {
                    return false;
                }
            }
            return true;
        }
    }

    /** Writes a sheet's text cells as references to the shared strings table ({@link ObservatoryWorkbook}). */
    private static final class SharedTextWriter extends SheetDataWriter {

        private static final byte[][] COLUMN_NAMES = new byte[64][];
        private static final byte[] CELL = ascii("<c r=\"");
        private static final byte[] STYLE = ascii("\" s=\"");
        private static final byte[] SHARED_TEXT = ascii("\" t=\"s\"><v>");
        private static final byte[] NUMBER = ascii("\"><v>");
        private static final byte[] VALUE_END = ascii("</v></c>");
        private static final byte[] BLANK = ascii("\"></c>");
        private static final byte[] INLINE_TEXT = ascii("\" t=\"inlineStr\"><is><t");
        private static final byte[] PRESERVE_SPACE = ascii(" xml:space=\"preserve\"");
        private static final byte[] INLINE_TEXT_END = ascii("</t></is></c>");

        static {
            for (int c = 0; c < COLUMN_NAMES.length; c++) {
                COLUMN_NAMES[c] = ascii(CellReference.convertNumToColString(c));
            }
        }

        private final ObservatoryWorkbook workbook;
        /** {@code _out}: the cells below are put into it as bytes. */
        private final Utf8Sink sink;
        private final Path file;
        private final BlockDeflater.Stream deflated;
        /** The row whose number {@link #rowNumber} spells, for the references of its cells. */
        private int spelledRow = -1;
        private byte[] rowNumber = {};
        /**
         * By column, the text of the cell above and its shared index: the rows of a long table
         * mostly repeat the texts of the row before (same indicator, period, place, unit, source),
         * and the same text object is then not looked up again.
         */
        private final String[] textAbove = new String[COLUMN_NAMES.length];
        private final int[] sharedAbove = new int[COLUMN_NAMES.length];

        SharedTextWriter(ObservatoryWorkbook workbook, Path file, BlockDeflater.Stream deflated) throws IOException {
            super(new Utf8Sink(deflated));
            this.workbook = workbook;
            this.sink = (Utf8Sink) _out;
            this.file = file;
            this.deflated = deflated;
        }

        private static byte[] ascii(String markup) {
            return markup.getBytes(StandardCharsets.US_ASCII);
        }

        /** Ends the sheet's rows: the last block compressed and written, and what the zip entry needs. */
        WorkbookZip.DeflatedRows finish() throws IOException {
            sink.close();
            return new WorkbookZip.DeflatedRows(file, deflated.finish());
        }

        /**
         * Shared texts, numbers and blanks, the cells of large tables, as SXSSF writes them but with
         * one write per cell: SXSSF makes a dozen small writes and a cell reference object per cell.
         * Anything else (inline text, formulas) is left to SXSSF.
         */
        @Override
        public void writeCell(int columnIndex, Cell cell) throws IOException {
            CellType type = cell == null ? null : cell.getCellType();
            int shared = type == CellType.STRING ? workbook.sharedIndex(cell.getStringCellValue()) : -1;
            boolean ours = shared >= 0 || type == CellType.NUMERIC || type == CellType.BLANK;
            if (!ours || columnIndex >= COLUMN_NAMES.length) {
                super.writeCell(columnIndex, cell);
                return;
            }
            int row = cell.getRowIndex();
            int style = cell.getCellStyle().getIndex() & 0xffff;
            if (type == CellType.STRING) {
                sharedText(columnIndex, row, shared, style);
            } else if (type == CellType.NUMERIC) {
                number(columnIndex, row, cell.getNumericCellValue(), style);
            } else {
                blank(columnIndex, row, style);
            }
        }

        // Rows written straight from the report model, for tables of any length: no SXSSF row or
        // cell objects. The sheet's own rows (title, header) must have been flushed before.

        void openRow(int rownum) throws IOException {
            _out.write("<row r=\"");
            sink.decimal(rownum + 1);
            _out.write("\">\n");
        }

        /** A row as tall as {@code lines} lines of text: neither Excel nor LibreOffice fits it on opening. */
        void openRow(int rownum, int lines) throws IOException {
            if (lines <= 1) {
                openRow(rownum);
                return;
            }
            _out.write("<row r=\"");
            sink.decimal(rownum + 1);
            _out.write("\" ht=\"");
            sink.decimal((int) (lines * LINE_HEIGHT_POINTS));
            _out.write("\" customHeight=\"1\">\n");
        }

        void closeRow() throws IOException {
            _out.write("</row>\n");
        }

        void text(int column, int row, String text, int style) throws IOException {
            int shared = -1;
            if (column < COLUMN_NAMES.length) {
                if (textAbove[column] != text) {
                    textAbove[column] = text;
                    sharedAbove[column] = workbook.sharedIndex(text);
                }
                shared = sharedAbove[column];
            }
            if (shared >= 0) {
                sharedText(column, row, shared, style);
                return;
            }
            start(column, row, style);
            sink.ascii(INLINE_TEXT);
            if (!text.isEmpty() && (Character.isWhitespace(text.charAt(0))
                    || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                sink.ascii(PRESERVE_SPACE);
            }
            sink.write('>');
            outputEscapedString(text);
            sink.ascii(INLINE_TEXT_END);
        }

        void number(int column, int row, double value, int style) throws IOException {
            start(column, row, style);
            sink.ascii(NUMBER); // a cell's type is a number unless it says
            sink.number(value);
            sink.ascii(VALUE_END);
        }

        void blank(int column, int row, int style) throws IOException {
            start(column, row, style);
            sink.ascii(BLANK);
        }

        private void sharedText(int column, int row, int shared, int style) throws IOException {
            start(column, row, style);
            sink.ascii(SHARED_TEXT);
            sink.decimal(shared);
            sink.ascii(VALUE_END);
        }

        /** Writes {@code <c r="B7"} and, when not the default, {@code " s="3}: the caller closes the quote. */
        private void start(int column, int row, int style) throws IOException {
            if (row != spelledRow) {
                spelledRow = row;
                rowNumber = ascii(Integer.toString(row + 1));
            }
            sink.ascii(CELL);
            sink.ascii(column < COLUMN_NAMES.length ? COLUMN_NAMES[column]
                    : ascii(CellReference.convertNumToColString(column)));
            sink.ascii(rowNumber);
            if (style != 0) {
                sink.ascii(STYLE);
                sink.decimal(style);
            }
        }
    }

    /** Cell styles, created once per workbook (Excel allows about 64,000 in a file). */
    private static final class Styles {
        enum Key { TITLE, HEADER, HEADER_NUMBER, SYMBOL, LINK, WRAPPED, TOP }

        /**
         * The workbook's default style, set on every table cell that has no other: a cell without
         * a style makes SXSSF look up its column's style in the sheet's XML, per cell.
         */
        final CellStyle plain;

        private final Map<Key, CellStyle> byKey = new EnumMap<>(Key.class);
        private final Map<NumberStyle, CellStyle> byNumberStyle = new EnumMap<>(NumberStyle.class);
        private final Map<CellStyle, CellStyle> indented = new HashMap<>();
        private final SXSSFWorkbook workbook;

        Styles(SXSSFWorkbook workbook, String language) {
            this.workbook = workbook;
            plain = workbook.getCellStyleAt(0);
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints(TITLE_FONT_POINTS);
            CellStyle title = workbook.createCellStyle();
            title.setFont(titleFont);
            byKey.put(Key.TITLE, title);

            Font headerFont = workbook.createFont();
            headerFont.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(headerFont);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            byKey.put(Key.HEADER, header);
            CellStyle headerNumber = workbook.createCellStyle();
            headerNumber.cloneStyleFrom(header);
            headerNumber.setAlignment(HorizontalAlignment.RIGHT);
            byKey.put(Key.HEADER_NUMBER, headerNumber);

            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            byKey.put(Key.WRAPPED, wrapped);
            // LibreOffice does not align cells without a style by the workbook's default one: the
            // other text cells of a table that wraps are set to the top one by one.
            CellStyle top = workbook.createCellStyle();
            top.setVerticalAlignment(VerticalAlignment.TOP);
            byKey.put(Key.TOP, top);

            CellStyle symbol = workbook.createCellStyle();
            symbol.setAlignment(HorizontalAlignment.RIGHT);
            symbol.setVerticalAlignment(VerticalAlignment.TOP);
            byKey.put(Key.SYMBOL, symbol);

            Font linkFont = workbook.createFont();
            linkFont.setUnderline(Font.U_SINGLE);
            linkFont.setColor(IndexedColors.BLUE.getIndex());
            CellStyle link = workbook.createCellStyle();
            link.setFont(linkFont);
            link.setVerticalAlignment(VerticalAlignment.TOP);
            byKey.put(Key.LINK, link);

            for (NumberStyle numberStyle : NumberStyle.values()) {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(numberStyle.excelFormat(language)));
                style.setVerticalAlignment(VerticalAlignment.TOP);
                byNumberStyle.put(numberStyle, style);
            }
        }

        CellStyle get(Key key) {
            return byKey.get(key);
        }

        CellStyle number(NumberStyle numberStyle) {
            return byNumberStyle.get(numberStyle == null ? NumberStyle.DECIMAL : numberStyle);
        }

        /** The same style, its text set in by one step: made once per style. */
        CellStyle indented(CellStyle style) {
            return indented.computeIfAbsent(style, s -> {
                CellStyle copy = workbook.createCellStyle();
                copy.cloneStyleFrom(s);
                copy.setAlignment(HorizontalAlignment.LEFT);
                copy.setIndention((short) 1);
                return copy;
            });
        }
    }

    /** Writes one sheet; holds the per-sheet state (row index, hyperlink count). */
    private static final class SheetWriter {
        private final SXSSFWorkbook workbook;
        private final Styles styles;
        private final Set<String> sheetNames;
        private final ReportSheet model;
        private final SXSSFSheet sheet;
        /** Writes the table's rows straight into the sheet's XML (all but rows with links). */
        private final SharedTextWriter rows;
        /** Rows made through SXSSF (title, header, rows with links) not yet flushed before direct ones. */
        private boolean sxssfRowsPending = true;
        private int lastDirectRow = -1;
        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
        private final Path target;
        private final int lastRowIndex;
        private final String language;
        private int links;
        /** Columns that label the table's rows, repeated on every printed page of a sheet too wide for one. */
        private int printedLabels;
        /** Row below the last chart, so that the print area holds the charts whole. */
        private int chartsBottomRow;
        /** Row of the table's header, or -1 on a sheet without a table. */
        private int headerRow = -1;
        /** Rows of the table, on the sheet. */
        private int tableRows;
        /** The CSV file the table's rows also go to, when they pass the sheet's last row; else null. */
        private Path overflowCsv;
        /** The CSV of a table too long for its sheet, written, to be put in place after the workbook. */
        private AtomicFiles.Prepared preparedCsv;
        /** Per column of the table being written: the width its text wraps at, in characters, or 0. */
        private int[] wrapChars = new int[0];
        /** Per column of the table being written: the style of its text cells. */
        private CellStyle[] textStyles = new CellStyle[0];

        SheetWriter(ObservatoryWorkbook workbook, Styles styles, Set<String> sheetNames, ReportSheet model, Path target,
                    int lastRowIndex, String language) {
            this.workbook = workbook;
            this.styles = styles;
            this.sheetNames = sheetNames;
            this.model = model;
            SharedTextWriter[] writer = new SharedTextWriter[1];
            this.sheet = workbook.createSheet(model.name(), writer);
            this.rows = writer[0];
            this.target = target;
            this.lastRowIndex = lastRowIndex;
            this.language = language;
        }

        void write() {
            int rowIndex = 0;
            Row titleRow = sheet.createRow(rowIndex++);
            titleRow.setHeightInPoints(TITLE_ROW_HEIGHT_POINTS);
            Cell title = titleRow.createCell(0);
            title.setCellValue(clip(Objects.requireNonNullElse(model.title(), "")));
            title.setCellStyle(styles.get(Styles.Key.TITLE));
            List<String> parts = new ArrayList<>();
            for (String line : model.lines()) {
                parts.addAll(wrap(Objects.requireNonNullElse(line, ""), TEXT_LINE_CHARS));
            }
            overflowCsv = overflowFile(parts);
            int textChars = (int) Math.ceil(title.getStringCellValue().length() * TITLE_FONT_POINTS / BODY_FONT_POINTS);
            for (String part : parts) {
                sheet.createRow(rowIndex++).createCell(0).setCellValue(clip(part));
                textChars = Math.max(textChars, part.length());
            }
            if (model.table() != null) {
                writeTable(model.table(), rowIndex + 1, overflowCsv); // one empty row before the table
            }
            int rows = Math.max(sheet.getLastRowNum(), lastDirectRow) + 1;
            setUpPrinting(rows, textChars);
            // Periods are text, "2025" beside "2025-Q3", so that a column sorts and filters as one:
            // Excel would mark every year with a green triangle, "number stored as text".
            int columns = model.table() == null ? 1 : model.table().columns().size();
            workbook.getXSSFWorkbook().getSheet(sheet.getSheetName()).addIgnoredErrors(
                    new CellRangeAddress(0, Math.max(rows - 1, 0), 0, columns - 1),
                    IgnoredErrorType.NUMBER_STORED_AS_TEXT);
            // The rows still held are written now, sheet after sheet: texts are numbered in the
            // shared table as they are first written, and SXSSF flushes the sheets' last rows in
            // no fixed order, so the same workbook would not always give the same bytes.
            try {
                sheet.flushRows();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Whether the table will pass the sheet's last row; if so, the note saying where all its rows
         * are is added to the lines, and the CSV file to write is returned.
         */
        private Path overflowFile(List<String> parts) {
            ReportTable table = model.table();
            if (table == null || table.overflow() == null) {
                return null;
            }
            Path csv = overflowCsv(target, table);
            int noteRows = 3; // the note wraps onto at most a few rows
            long capacity = lastRowIndex - (1L + parts.size() + noteRows + 1);
            if (table.overflow().expectedRows() <= capacity) {
                return null;
            }
            long onSheet = lastRowIndex - (1L + parts.size() + 1);
            String text = new java.text.MessageFormat(table.overflow().note(), Locale.forLanguageTag(
                    language == null ? "en" : language)).format(new Object[] {table.overflow().expectedRows(),
                            onSheet - noteRows, csv.getFileName().toString()});
            List<String> note = wrap(text, TEXT_LINE_CHARS);
            parts.addAll(note.subList(0, Math.min(note.size(), noteRows)));
            return csv;
        }

        /**
         * Columns that print: the table's and its charts', and as many as the title and the lines
         * above the table run across (they overflow from column A), so that a page holds them whole.
         */
        private int printedColumns(int textChars) {
            int columns = model.table() == null ? 1 : model.table().columns().size();
            columns = model.charts().isEmpty() ? columns : columns + 1 + ChartDrawer.CHART_WIDTH_COLUMNS;
            int holding = 0;
            for (double chars = 0; chars < textChars; holding++) {
                chars += sheet.getColumnWidth(holding) / 256.0;
            }
            return Math.max(columns, holding);
        }

        /**
         * Printed or turned into PDF, a sheet comes out landscape on A4, every page labelled: a
         * sheet narrow enough to print at {@value #FIT_MIN_SCALE} % or more is fitted to the page's
         * width (a chart sheet to one page); a wider one prints at {@value #WIDE_PRINT_SCALE} % over
         * several pages, each repeating the row labels, in the order a reader lays them side by side
         * (across, then down). Fitting a wide sheet to one page made its figures too small to read;
         * splitting one barely too wide left a page with a single column.
         */
        private void setUpPrinting(int rows, int textChars) {
            int lastRow = Math.max(rows - 1, chartsBottomRow);
            int columns = printedColumns(textChars);
            workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, columns - 1, 0, lastRow);
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            if (widthOf(0, columns) <= PAGE_WIDTH_CHARS * 100.0 / FIT_MIN_SCALE) {
                sheet.setFitToPage(true);
                print.setFitWidth((short) 1);
                // A chart and its table on one page; any other sheet as many pages high as its rows
                // need (0): rows that wrap made "one page" of a short table a quarter of full size.
                print.setFitHeight((short) (model.charts().isEmpty() ? 0 : 1));
            } else {
                print.setScale((short) WIDE_PRINT_SCALE);
                print.setLeftToRight(true);
                int labels = labelsLeavingRoom(Math.max(printedLabels, 1), columns);
                sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, labels - 1));
                printTitleOnFirstPageOnly(labels, columns, lastRow);
            }
            // Excel's field codes, filled in when printing: the sheet's name; page n / pages.
            sheet.getFooter().setLeft("&A");
            sheet.getFooter().setRight("&P / &N");
        }

        /**
         * The title and the lines above the table run across from column A: on each page after
         * the first, beside the repeated row labels, they were cut mid-word at the labels' edge.
         * The print area is made of one range a page across, the first from the title down, the
         * others from the table's header down, so that those pages show the table alone. Only for a
         * short table: ranges print one after the other, each down its pages, and a long one (the
         * Employment sheet's twenty pages) keeps its pages across, then down.
         */
        private void printTitleOnFirstPageOnly(int labels, int columns, int lastRow) {
            if (headerRow <= 0 || tableRows > SHORT_TABLE_ROWS) {
                return;
            }
            double page = LIBREOFFICE_PAGE_CHARS * 100.0 / WIDE_PRINT_SCALE;
            double repeated = widthOf(0, labels);
            List<Integer> firsts = new ArrayList<>(List.of(0));
            double used = 0;
            for (int c = 0; c < columns; c++) {
                double width = widthOf(c, c + 1);
                if (used + width > page && c >= labels && used > repeated) {
                    firsts.add(c);
                    used = repeated;
                }
                used += width;
            }
            if (firsts.size() == 1) {
                return;
            }
            StringBuilder area = new StringBuilder();
            for (int p = 0; p < firsts.size(); p++) {
                int last = p + 1 < firsts.size() ? firsts.get(p + 1) - 1 : columns - 1;
                area.append(p == 0 ? "" : ",").append(new CellRangeAddress(p == 0 ? 0 : headerRow, lastRow,
                        firsts.get(p), last).formatAsString(null, true));
            }
            workbook.setPrintArea(workbook.getSheetIndex(sheet), area.toString());
        }

        /**
         * As many of the row labels as leave room on a page for the widest other column: a column
         * too wide to print beside them is cut at the page's edge on every page.
         */
        private int labelsLeavingRoom(int labels, int columns) {
            double page = PRINTABLE_WIDTH_CHARS * 100.0 / WIDE_PRINT_SCALE;
            for (; labels > 1; labels--) {
                double widest = 0;
                for (int c = labels; c < columns; c++) {
                    widest = Math.max(widest, widthOf(c, c + 1));
                }
                if (widthOf(0, labels) + widest <= page) {
                    break;
                }
            }
            return labels;
        }

        /** Columns {@code from} (inclusive) to {@code to} (exclusive), in digit widths. */
        private double widthOf(int from, int to) {
            double width = 0;
            for (int c = from; c < to; c++) {
                width += sheet.getColumnWidth(c) / 256.0;
            }
            return width;
        }

        /**
         * Whether column {@code c} is words right after a column of figures: set in by a step, or
         * the figure, right-aligned, runs into the word ("14,500,000 2023" on a printed page).
         */
        private static boolean setIn(List<ReportColumn> columns, int c) {
            return c > 0 && columns.get(c).format().isText() && !columns.get(c - 1).format().isText();
        }

        private void writeTable(ReportTable table, int headerRowIndex, Path overflowCsv) {
            List<ReportColumn> columns = table.columns();
            List<String> names = tableColumnNames(columns);
            int columnCount = columns.size();

            // Read ahead a bounded sample to size the columns before the header row is flushed.
            Iterator<List<CellValue>> rows = table.rows().iterator();
            List<List<CellValue>> sample = new ArrayList<>();
            while (sample.size() < WIDTH_SAMPLE_ROWS && rows.hasNext()) {
                sample.add(checkRow(table, rows.next(), sample.size()));
            }
            List<List<CellValue>> sizing = sample;
            if (!table.alsoSizedBy().isEmpty()) {
                sizing = new ArrayList<>(sample);
                sizing.addAll(table.alsoSizedBy());
            }
            int[] widths = columnWidths(names, columns, sizing);
            wrapChars = new int[columnCount];
            boolean wraps = false;
            for (int c = 0; c < columnCount; c++) {
                if (columns.get(c).format() == NumberStyle.PARAGRAPH) {
                    // Counted in digit widths, as the column is: ordinary text fits some 20 % more
                    // per line in Excel, so the row comes out a little tall rather than cut short.
                    wrapChars[c] = widths[c] + WIDTH_PADDING_CHARS;
                    wraps = true;
                }
            }
            textStyles = new CellStyle[columnCount];
            for (int c = 0; c < columnCount; c++) {
                textStyles[c] = wrapChars[c] > 0 ? styles.get(Styles.Key.WRAPPED)
                        : wraps ? styles.get(Styles.Key.TOP) : styles.plain;
                if (setIn(columns, c)) {
                    textStyles[c] = styles.indented(textStyles[c]);
                }
            }

            Row header = sheet.createRow(headerRowIndex);
            int headerLines = 1;
            for (int c = 0; c < columnCount; c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(names.get(c));
                // Numbers are right-aligned: so are their headings, to sit above them.
                CellStyle heading = styles.get(columns.get(c).format().isText()
                        ? Styles.Key.HEADER : Styles.Key.HEADER_NUMBER);
                cell.setCellStyle(setIn(columns, c) ? styles.indented(heading) : heading);
                headerLines = Math.max(headerLines,
                        wrappedLines(names.get(c), Math.max(1, widths[c] - FILTER_BUTTON_CHARS)));
                sheet.setColumnWidth(c, (widths[c] + WIDTH_PADDING_CHARS + (setIn(columns, c) ? 1 : 0)) * 256);
            }
            if (headerLines > 1) {
                header.setHeightInPoints(headerLines * LINE_HEIGHT_POINTS);
            }
            headerRow = headerRowIndex;
            int labels = labelColumns(columns, widths);
            sheet.createFreezePane(labels, headerRowIndex + 1);
            sheet.setRepeatingRows(new CellRangeAddress(headerRowIndex, headerRowIndex, -1, -1));
            printedLabels = labels > 0 ? labels : printedLabelColumns(columns, widths);

            int rowIndex = headerRowIndex + 1;
            int rowNumber = 0;
            // Charts need their values as a cache beside the cell references: rows flushed by SXSSF
            // can no longer be read back, so chart tables keep theirs (they are small).
            List<List<CellValue>> kept = model.charts().isEmpty() ? null : new ArrayList<>();
            List<List<CellValue>> firstRows = overflowCsv == null ? List.of() : new ArrayList<>(sample);
            for (List<CellValue> values : sample) {
                if (overflowCsv == null || rowIndex <= lastRowIndex) {
                    writeRow(table, rowIndex++, values);
                }
                rowNumber++;
                if (kept != null) {
                    kept.add(values);
                }
            }
            sample.clear();
            if (overflowCsv == null) {
                while (rows.hasNext()) {
                    List<CellValue> values = checkRow(table, rows.next(), rowNumber++);
                    writeRow(table, rowIndex++, values);
                    if (kept != null) {
                        kept.add(values);
                    }
                }
            } else {
                rowIndex = writeWithOverflow(table, names, rows, firstRows, rowIndex, overflowCsv);
                rowNumber = rowIndex - headerRowIndex - 1;
            }
            if (rowNumber == 0) {
                // An Excel table needs at least one data row: one saying there is nothing to list,
                // rather than a blank row, which a reader could take for a value left out.
                Row nothing = sheet.createRow(rowIndex++);
                for (int c = 0; c < columnCount; c++) {
                    Cell cell = nothing.createCell(c);
                    cell.setCellStyle(styles.plain);
                    writeCell(cell, CellValue.NOT_APPLICABLE, columns.get(c).format());
                }
            }
            tableRows = rowIndex - headerRowIndex - 1;
            markUpTable(table, names, new AreaReference(new CellReference(headerRowIndex, 0),
                    new CellReference(rowIndex - 1, columnCount - 1), SpreadsheetVersion.EXCEL2007));
            chartsBottomRow = headerRowIndex + 1 + model.charts().size() * (ChartDrawer.CHART_HEIGHT_ROWS + 1);
            if (kept != null && !kept.isEmpty()) {
                new ChartDrawer(sheet, headerRowIndex, columnCount, language).draw(model.charts(), names, kept);
            }
        }

        /**
         * Writes the rows that fit on the sheet and every row to a CSV file beside the workbook, to be
         * moved into place atomically once the workbook is. Text is neutralised the way spreadsheet users expect, so that a
         * value starting with = + - @ stays text when the CSV is opened.
         *
         * @return the index of the row after the last one written on the sheet
         */
        private int writeWithOverflow(ReportTable table, List<String> names, Iterator<List<CellValue>> rows,
                                      List<List<CellValue>> firstRows, int rowIndex, Path csv) {
            int[] next = {rowIndex};
            try {
                preparedCsv = AtomicFiles.prepare(csv, out -> {
                    var writer = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
                    writer.write('\uFEFF'); // a BOM, so that Excel reads the file as UTF-8
                    var printer = new org.apache.commons.csv.CSVPrinter(writer,
                            org.apache.commons.csv.CSVFormat.RFC4180);
                    printer.printRecord(names);
                    for (List<CellValue> values : firstRows) {
                        printer.printRecord(csvFields(values));
                    }
                    int number = firstRows.size();
                    while (rows.hasNext()) {
                        List<CellValue> values = checkRow(table, rows.next(), number++);
                        printer.printRecord(csvFields(values));
                        if (next[0] <= lastRowIndex) {
                            writeRow(table, next[0]++, values);
                        }
                    }
                    printer.flush();
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return next[0];
        }

        private static List<String> csvFields(List<CellValue> values) {
            List<String> fields = new ArrayList<>(values.size());
            for (CellValue v : values) {
                String field;
                if (v instanceof CellValue.Number n) {
                    // every digit, without "45.0" for a line or "1.2345678E7" for a count
                    field = Double.isFinite(n.value())
                            ? java.math.BigDecimal.valueOf(n.value()).stripTrailingZeros().toPlainString() : "";
                } else if (v instanceof CellValue.Date date) {
                    field = date.iso();
                } else if (v instanceof CellValue.Symbol symbol) {
                    field = symbol.shorthand();
                } else if (v instanceof CellValue.Text t) {
                    field = SpreadsheetSafeText.neutralise(t.text());
                } else if (v instanceof CellValue.SheetLink l) {
                    field = SpreadsheetSafeText.neutralise(l.text());
                } else if (v instanceof CellValue.WebLink l) {
                    field = SpreadsheetSafeText.neutralise(linkText(l.text(), l.url()));
                } else {
                    field = "";
                }
                fields.add(field);
            }
            return fields;
        }

        private static List<CellValue> checkRow(ReportTable table, List<CellValue> values, int rowNumber) {
            if (values == null || values.size() != table.columns().size()) {
                throw new IllegalArgumentException("table " + table.name() + ", row " + (rowNumber + 1) + ": expected "
                        + table.columns().size() + " values, got " + (values == null ? "null" : values.size()));
            }
            return values;
        }

        /** Width of each column in characters, from the headings and the sampled rows. */
        /**
         * How many leading columns name a row (period, place, breakdown): the text columns before the
         * first number, frozen beside the header on a wide table of figures, so that a value far to
         * the right still says what it is. Not when they would fill half a screen themselves. (Not
         * repeated on printed pages either: they would leave room for one or two figures per page.)
         */
        /**
         * The leading text columns that say what a row is, as far as they leave half a printed
         * page for the figures: repeated on every page of a table too wide for one.
         */
        static int printedLabelColumns(List<ReportColumn> columns, int[] widths) {
            int labels = 0;
            int labelWidth = 0;
            while (labels < columns.size() && columns.get(labels).format().isText()) {
                labelWidth += widths[labels] + WIDTH_PADDING_CHARS;
                if (labels > 0 && labelWidth > MAX_PRINTED_LABEL_CHARS) {
                    break;
                }
                labels++;
            }
            return labels;
        }

        static int labelColumns(List<ReportColumn> columns, int[] widths) {
            int labels = 0;
            int labelWidth = 0;
            while (labels < columns.size() && columns.get(labels).format().isText()) {
                labelWidth += widths[labels] + WIDTH_PADDING_CHARS;
                labels++;
            }
            int figures = 0;
            for (int c = labels; c < columns.size(); c++) {
                figures += columns.get(c).format().isText() ? 0 : 1;
            }
            return labels > 0 && figures >= WIDE_TABLE_FIGURES && labelWidth <= MAX_FROZEN_CHARS ? labels : 0;
        }

        private int[] columnWidths(List<String> names, List<ReportColumn> columns, List<List<CellValue>> sample) {
            int[] lengths = new int[columns.size()];
            for (int c = 0; c < lengths.length; c++) {
                lengths[c] = headingWidth(names.get(c)) + FILTER_BUTTON_CHARS;
            }
            // A column of single words (a checksum, a code) cannot wrap: it may be a little wider.
            boolean[] spaced = new boolean[columns.size()];
            for (List<CellValue> values : sample) {
                for (int c = 0; c < lengths.length; c++) {
                    lengths[c] = Math.max(lengths[c], displayLength(values.get(c), columns.get(c).format()));
                    spaced[c] |= values.get(c) instanceof CellValue.Text t && t.text() != null && t.text().contains(" ");
                }
            }
            for (int c = 0; c < lengths.length; c++) {
                // a column's own width to wrap at, narrower or wider than the usual paragraph's
                int wrapAt = columns.get(c).wrapAt();
                int widest = !spaced[c] ? MAX_WORD_CHARS
                        : wrapAt > 0 ? Math.max(wrapAt, MIN_WIDTH_CHARS) : MAX_WIDTH_CHARS;
                lengths[c] = Math.min(Math.max(lengths[c], MIN_WIDTH_CHARS), widest);
            }
            return lengths;
        }

        private int displayLength(CellValue value, NumberStyle numberStyle) {
            if (value == null) {
                return 0;
            }
            if (value instanceof CellValue.Text text) {
                return text.text() == null ? 0 : longestLine(text.text());
            }
            if (value instanceof CellValue.Number number) {
                if (!Double.isFinite(number.value())) {
                    return ((CellValue.Symbol) CellValue.NOT_AVAILABLE).shorthand().length();
                }
                NumberStyle shown = number.shownIn(numberStyle);
                int width = DisplayWidth.of(number.value(), shown);
                if (width >= 0) {
                    return width;
                }
                CellStyle style = styles.number(shown);
                return formatter.formatRawCellContents(number.value(), style.getDataFormat(),
                        style.getDataFormatString()).length();
            }
            if (value instanceof CellValue.Date date) {
                double days = excelDate(date);
                if (Double.isNaN(days)) {
                    return date.iso().length();
                }
                // as shown, "11 Sep 2026", not the count of days behind it
                CellStyle style = styles.number(date.style());
                return formatter.formatRawCellContents(days, style.getDataFormat(),
                        style.getDataFormatString()).length();
            }
            if (value instanceof CellValue.Symbol symbol) {
                return symbol.shorthand() == null ? 0 : symbol.shorthand().length();
            }
            if (value instanceof CellValue.SheetLink link) {
                return longestLine(linkText(link.text(), link.sheetName()));
            }
            if (value instanceof CellValue.WebLink link) {
                return longestLine(linkText(link.text(), link.url()));
            }
            return 0;
        }

        /** A loop, not a stream: it runs for each of the Indicators table's hundreds of thousands of rows. */
        private static boolean hasLink(List<CellValue> values) {
            for (int c = 0; c < values.size(); c++) {
                CellValue v = values.get(c);
                if (v instanceof CellValue.SheetLink || v instanceof CellValue.WebLink) {
                    return true;
                }
            }
            return false;
        }

        private void writeRow(ReportTable table, int rowIndex, List<CellValue> values) {
            if (rowIndex > lastRowIndex) {
                throw new IllegalArgumentException("table " + table.name() + " on sheet " + model.name()
                        + " does not fit in Excel's " + (lastRowIndex + 1) + " rows");
            }
            if (hasLink(values)) {
                // hyperlinks are sheet parts of their own: those rows go through SXSSF
                Row row = sheet.createRow(rowIndex);
                int lines = rowLines(values);
                if (lines > 1) {
                    row.setHeightInPoints(lines * LINE_HEIGHT_POINTS);
                }
                for (int c = 0; c < values.size(); c++) {
                    CellValue value = values.get(c);
                    if (value != null) {
                        Cell cell = row.createCell(c);
                        cell.setCellStyle(styles.plain);
                        writeCell(cell, value, table.columns().get(c).format());
                    }
                }
                sxssfRowsPending = true;
                return;
            }
            try {
                if (sxssfRowsPending) {
                    sheet.flushRows(); // so that the sheet's rows stay in order
                    sxssfRowsPending = false;
                }
                rows.openRow(rowIndex, rowLines(values));
                for (int c = 0; c < values.size(); c++) {
                    CellValue value = values.get(c);
                    if (value != null) {
                        writeValue(c, rowIndex, value, table.columns().get(c).format());
                    }
                }
                rows.closeRow();
                lastDirectRow = rowIndex;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Lines the row's tallest wrapped text takes, at most as many as Excel lets a row hold. */
        private int rowLines(List<CellValue> values) {
            int lines = 1;
            for (int c = 0; c < wrapChars.length; c++) {
                if (wrapChars[c] > 0 && values.get(c) instanceof CellValue.Text text && text.text() != null) {
                    lines = Math.max(lines, wrappedLines(text.text(), wrapChars[c]));
                }
            }
            return Math.min(lines, MAX_ROW_LINES);
        }

        /** A value of a row written straight into the sheet's XML, as {@link #writeCell} would make it. */
        private void writeValue(int column, int row, CellValue value, NumberStyle numberStyle) throws IOException {
            if (value instanceof CellValue.Text text) {
                rows.text(column, row, clip(Objects.requireNonNullElse(text.text(), "")),
                        styleIndex(textStyles[column]));
            } else if (value instanceof CellValue.Number number) {
                if (Double.isFinite(number.value())) {
                    rows.number(column, row, number.value(), styleIndex(
                            styles.number(number.shownIn(numberStyle))));
                } else {
                    writeValue(column, row, CellValue.NOT_AVAILABLE, numberStyle);
                }
            } else if (value instanceof CellValue.Date date) {
                double days = excelDate(date);
                if (Double.isNaN(days)) {
                    rows.text(column, row, date.iso(), styleIndex(symbolStyle(column, numberStyle)));
                } else {
                    rows.number(column, row, days, styleIndex(styles.number(date.style())));
                }
            } else if (value instanceof CellValue.Gap) {
                rows.blank(column, row, 0);
            } else if (value instanceof CellValue.Symbol symbol) {
                rows.text(column, row, clip(Objects.requireNonNullElse(symbol.shorthand(), "")),
                        styleIndex(symbolStyle(column, numberStyle)));
            } else {
                throw new IllegalArgumentException("unsupported cell value: " + value);
            }
        }

        /** [x] and [z] stand where a number would, right-aligned; in a column of words, as the words do. */
        private CellStyle symbolStyle(int column, NumberStyle numberStyle) {
            return numberStyle.isText() ? textStyles[column] : styles.get(Styles.Key.SYMBOL);
        }

        /** From this day on, Excel and LibreOffice read the same day in a number of days. */
        private static final LocalDateTime FIRST_DAY_BOTH_READ = LocalDateTime.of(1900, 3, 1, 0, 0);

        /**
         * Excel's number of days for the date, or NaN when Excel cannot show it as a date, or when
         * LibreOffice would read another day in it: Excel counts a 29 February 1900 that never was,
         * so that a day of January or February 1900 reads a day earlier in LibreOffice.
         */
        static double excelDate(CellValue.Date date) {
            LocalDateTime day = date.value();
            return day.isBefore(FIRST_DAY_BOTH_READ) || day.getYear() > 9999 ? Double.NaN : DateUtil.getExcelDate(day);
        }

        private static int styleIndex(CellStyle style) {
            return style.getIndex() & 0xffff;
        }

        private void writeCell(Cell cell, CellValue value, NumberStyle numberStyle) {
            if (value instanceof CellValue.Text text) {
                cell.setCellValue(clip(Objects.requireNonNullElse(text.text(), "")));
                cell.setCellStyle(textStyles[cell.getColumnIndex()]);
            } else if (value instanceof CellValue.Number number) {
                if (Double.isFinite(number.value())) {
                    cell.setCellValue(number.value());
                    cell.setCellStyle(styles.number(number.shownIn(numberStyle)));
                } else {
                    writeCell(cell, CellValue.NOT_AVAILABLE, numberStyle);
                }
            } else if (value instanceof CellValue.Date date) {
                double days = excelDate(date);
                if (Double.isNaN(days)) {
                    cell.setCellValue(date.iso());
                    cell.setCellStyle(symbolStyle(cell.getColumnIndex(), numberStyle));
                } else {
                    cell.setCellValue(days);
                    cell.setCellStyle(styles.number(date.style()));
                }
            } else if (value instanceof CellValue.Gap) {
                cell.setBlank();
            } else if (value instanceof CellValue.Symbol symbol) {
                cell.setCellValue(clip(Objects.requireNonNullElse(symbol.shorthand(), "")));
                cell.setCellStyle(symbolStyle(cell.getColumnIndex(), numberStyle));
            } else if (value instanceof CellValue.SheetLink link) {
                writeSheetLink(cell, link);
            } else if (value instanceof CellValue.WebLink link) {
                writeWebLink(cell, link);
            } else {
                throw new IllegalArgumentException("unsupported cell value: " + value);
            }
        }

        private void writeSheetLink(Cell cell, CellValue.SheetLink link) {
            String sheetName = link.sheetName();
            if (sheetName == null || !sheetNames.contains(sheetName.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("sheet " + model.name() + " links to a sheet that does not exist: "
                        + sheetName);
            }
            cell.setCellValue(clip(linkText(link.text(), sheetName)));
            if (links < MAX_LINKS_PER_SHEET) {
                Hyperlink hyperlink = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                hyperlink.setAddress(sheetAddress(sheetName));
                cell.setHyperlink(hyperlink);
                cell.setCellStyle(styles.get(Styles.Key.LINK));
                links++;
            }
        }

        private void writeWebLink(Cell cell, CellValue.WebLink link) {
            String url = link.url() == null ? "" : link.url().strip();
            cell.setCellValue(clip(linkText(link.text(), url)));
            String lower = url.toLowerCase(Locale.ROOT);
            if (links < MAX_LINKS_PER_SHEET && (lower.startsWith("http://") || lower.startsWith("https://"))) {
                Hyperlink hyperlink = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
                try {
                    hyperlink.setAddress(url); // POI checks that the address is a valid URI
                } catch (IllegalArgumentException notAUri) {
                    return; // plain text
                }
                cell.setHyperlink(hyperlink);
                cell.setCellStyle(styles.get(Styles.Key.LINK));
                links++;
            }
        }

        private static String linkText(String text, String fallback) {
            return text == null || text.isEmpty() ? Objects.requireNonNullElse(fallback, "") : text;
        }

        static String sheetAddress(String sheetName) {
            return "'" + sheetName.replace("'", "''") + "'!A1";
        }

        /**
         * Marks the written range up as an Excel table. The table is created on the XSSF sheet behind
         * the streaming sheet; that sheet holds no rows, so POI cannot read the column names from the
         * header cells and they are set here.
         */
        private void markUpTable(ReportTable table, List<String> names, AreaReference area) {
            XSSFSheet xssfSheet = workbook.getXSSFWorkbook().getSheet(sheet.getSheetName());
            XSSFTable xssfTable = xssfSheet.createTable(area);
            xssfTable.setName(table.name());
            xssfTable.setDisplayName(table.name());
            List<XSSFTableColumn> tableColumns = xssfTable.getColumns();
            if (tableColumns.size() != names.size()) {
                throw new IllegalStateException("POI created " + tableColumns.size() + " table columns for "
                        + names.size() + " headings in table " + table.name());
            }
            for (int c = 0; c < names.size(); c++) {
                // Table column names store line breaks escaped, as POI's own updateHeaders() does.
                tableColumns.get(c).setName(names.get(c).replace("\n", "_x000a_").replace("\r", "_x000d_"));
            }
            xssfTable.setStyleName(TABLE_STYLE);
            CTTable ctTable = xssfTable.getCTTable();
            // Set on the XML: POI's XSSFTableStyleInfo would first parse all of Excel's built-in
            // table styles, a quarter of a second for a name we already know.
            CTTableStyleInfo style = ctTable.getTableStyleInfo();
            style.setShowRowStripes(true);
            style.setShowColumnStripes(false);
            style.setShowFirstColumn(false);
            style.setShowLastColumn(false);
            String ref = area.formatAsString();
            if (!ctTable.isSetAutoFilter()) {
                ctTable.addNewAutoFilter();
            }
            ctTable.getAutoFilter().setRef(ref);
        }
    }
}

package ma.observatory.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import ma.observatory.Causes;

/**
 * An open input file: dialect sniffed, header checked against its dataset, records streamed with
 * their line numbers. The one place where Commons CSV is configured.
 *
 * <p>Memory is bounded whatever the file holds: a field longer than {@code maxFieldChars}
 * characters (64 KiB by default) makes its row a rejected row that gives the real length, and a line
 * whose values and separators together exceed {@value #RECORD_TO_FIELD_RATIO} times that is rejected as
 * too long; in both cases the parser only ever holds the allowed part (see {@link BoundedCsvReader}).
 */
public final class CsvFile implements Closeable {

    /** Default longest field, in characters: 64 KiB. */
    public static final int DEFAULT_MAX_FIELD_CHARS = 64 * 1024;
    /** A whole line (values and separators) may hold this many times the longest field. */
    public static final int RECORD_TO_FIELD_RATIO = 16;
    private static final int PREVIEW_CHARS = 40;
    /** Ctrl-Z, alone on the last line of files saved by old DOS editors. */
    private static final String END_OF_FILE_MARK = "\u001A";
    /**
     * The characters XML, so a workbook, cannot hold: those below a space but tab and line ends, and
     * the two non-characters U+FFFE and U+FFFF.
     */
    private static final java.util.regex.Pattern CONTROL =
            java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private final CsvDataset dataset;
    /** The dataset's file, for each row: read once, not through the interface for each row. */
    private final String fileName;
    private final CsvDialect dialect;
    private final BoundedCsvReader bounded;
    private final int maxFieldChars;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ColumnIndex index;
    private final List<String> unknownColumns;
    private final NumberParser numbers;
    private final SeenKeys seenKeys = new SeenKeys();
    private long lastLine;
    private long consumedLines;
    private int headerWidth;
    private long position;
    private long recordIndex = -1;
    private long droppedLineBreaks;
    private long droppedChars;
    private BoundedCsvReader.Overflow overflow;

    private CsvFile(CsvDataset dataset, CsvDialect dialect, BoundedCsvReader bounded, int maxFieldChars,
                    CSVParser parser) {
        this.dataset = dataset;
        this.fileName = dataset.file();
        this.dialect = dialect;
        this.bounded = bounded;
        this.maxFieldChars = maxFieldChars;
        this.parser = parser;
        this.records = parser.iterator();
        this.numbers = new NumberParser(dialect.decimalComma());
        this.index = new ColumnIndex();
        this.unknownColumns = new ArrayList<>();
        try {
            readHeader();
        } catch (RuntimeException e) {
            // a header that stops the run, a damaged one included, must not keep the file open: the
            // scheduler runs night after night in one process
            try {
                parser.close();
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Opens the file of a dataset under an input directory and checks its header, with fields of at
     * most {@link #DEFAULT_MAX_FIELD_CHARS} characters.
     *
     * @throws InputContractException when the file is missing, unreadable or its header breaks the contract
     */
    public static CsvFile open(Path inputDir, CsvDataset dataset) {
        return open(inputDir, dataset, DEFAULT_MAX_FIELD_CHARS);
    }

    /**
     * Opens the file of a dataset under an input directory and checks its header.
     *
     * @param maxFieldChars the longest field accepted, in characters; a longer one rejects its row
     * @throws InputContractException when the file is missing, unreadable or its header breaks the contract
     */
    public static CsvFile open(Path inputDir, CsvDataset dataset, int maxFieldChars) {
        if (maxFieldChars < 1) {
            throw new IllegalArgumentException("maxFieldChars must be at least 1: " + maxFieldChars);
        }
        Path path = inputDir.resolve(dataset.file());
        if (!Files.isRegularFile(path) && Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            String what = Files.isDirectory(path) ? "a folder"
                    : Files.isSymbolicLink(path) && !Files.exists(path)
                            ? (leadsBackToItself(path) ? "a link that leads back to itself"
                                    : "a link to a file that does not exist")
                    : "not an ordinary file";
            throw new InputContractException("In " + inputDir + ", " + dataset.file() + " is " + what
                    + ": put the CSV file itself there and run again.");
        }
        Path closed = folderNotOpened(inputDir, path,
                // entering a folder is enough to read a file in it (mode 711): listing it is not needed
                dir -> !Files.isDirectory(dir) || Files.isExecutable(dir));
        if (closed != null) {
            // a folder the job may not open hides the files in it: "missing" would send the user looking
            throw new InputContractException("The folder " + closed + " cannot be opened by the account the job runs"
                    + " as, so " + dataset.file() + " cannot be read: let that account open the folder (for"
                    + " example chmod a+x) and run again.");
        }
        if (!Files.isRegularFile(path)) {
            // The reference files serve every domain: leaving a domain out does not do without them.
            boolean shared = dataset.file().startsWith("reference/");
            throw new InputContractException("The file " + dataset.file() + " is missing from " + inputDir
                    + ": put the file there" + (shared ? "" : " (or leave its domain out with --only)")
                    + " and run again.");
        }
        try {
            refuseWhatIsNotText(path, dataset);
            CsvDialect dialect = CsvDialect.detect(path);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(dialect.delimiter())
                    .setIgnoreEmptyLines(false)
                    .setTrim(false)
                    .get();
            InputStream in = BOMInputStream.builder().setPath(path).get();
            CSVParser parser;
            BoundedCsvReader bounded;
            try {
                bounded = new BoundedCsvReader(new InputStreamReader(in, dialect.charset()), dialect.delimiter(),
                        maxFieldChars, (long) maxFieldChars * RECORD_TO_FIELD_RATIO);
                parser = CSVParser.builder().setReader(bounded).setFormat(format).get();
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            return new CsvFile(dataset, dialect, bounded, maxFieldChars, parser);
        } catch (IOException e) {
            throw new InputContractException("The file " + dataset.file() + " cannot be read (" + e.getMessage()
                    + "): check that it is a CSV file and that the job may read it.", e);
        }
    }

    /**
     * Files saved in a form that is not CSV text would otherwise end with a puzzling "no column
     * 'period'": say what they are and how to save them instead.
     */
    private static void refuseWhatIsNotText(Path path, CsvDataset dataset) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(4);
        }
        String what = null;
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            what = "is saved as UTF-16 (Excel's \"Unicode Text\"), not as CSV";
        } else if (startsWith(head, 'P', 'K', 3, 4)) {
            what = "is an Excel workbook (.xlsx) or another ZIP archive, not a CSV file";
        } else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            what = "is an old Excel workbook (.xls), not a CSV file";
        }
        if (what != null) {
            throw new InputContractException("The file " + dataset.file() + " " + what
                    + ": open it in Excel and save it as \"CSV UTF-8 (comma delimited)\", then run again.");
        }
        // a document saved or downloaded under the file's name: Excel cannot make it CSV
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            what = "a PDF document";
        } else if (startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF)) {
            what = "an image";
        } else if (startsWith(head, 0x1F, 0x8B)) {
            what = "a compressed (gzip) file";
        } else if (startsWith(head, '<')) {
            what = "a web page or an XML document";
        }
        if (what != null) {
            throw new InputContractException("The file " + dataset.file() + " is " + what + ", not CSV text: put the"
                    + " CSV file itself there (from Excel, \"CSV UTF-8 (comma delimited)\"), then run again.");
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void readHeader() {
        CSVRecord header = nextRecord();
        if (overflow != null) {
            throw new InputContractException("The file " + dataset.file() + " does not start with a header line:"
                    + (overflow.field() >= 0
                    ? " its first line holds a field of " + overflow.fieldChars() + " characters, more than the "
                    + maxFieldChars + " allowed"
                    : " its first line is " + overflow.recordChars() + " characters long, more than the "
                    + (long) maxFieldChars * RECORD_TO_FIELD_RATIO + " allowed")
                    + "; is it a binary file or text without line breaks? Save it as CSV with the header ("
                    + headerList() + ") on the first line and run again.");
        }
        if (header == null || (header.size() == 1 && header.get(0).isBlank())) {
            if (header != null && hasTextLater()) {
                throw new InputContractException("The file " + dataset.file() + " starts with a blank line: remove"
                        + " it, the first line must be the header (" + headerList() + "), then run again.");
            }
            throw new InputContractException("The file " + dataset.file()
                    + " is empty: its first line must be the header (" + headerList() + ").");
        }
        for (String name : header.values()) {
            if (name.indexOf('\0') >= 0) {
                throw new InputContractException("The file " + dataset.file() + " has NUL characters in its header"
                        + " (line 1): it is probably saved as UTF-16 (Excel's \"Unicode Text\") or is not a text file;"
                        + " save it as \"CSV UTF-8 (comma delimited)\" and run again.");
            }
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        headerWidth = header.size();
        while (headerWidth > 1 && header.get(headerWidth - 1).isBlank()) {
            headerWidth--;
        }
        List<String> unnamed = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                // A trailing separator on the header line gives an empty name, nothing to map; a column
                // without a name between named ones may hold figures, ignored as any unknown column is.
                if (i < headerWidth) {
                    unnamed.add("(column " + (i + 1) + ", no name)");
                }
                continue;
            }
            // a name outside the contract twice is no header's (a file without one, "2015,total,FR,…,total"):
            // the missing columns below say what the line reads as
            if (positions.putIfAbsent(name, i) != null && dataset.columns().stream()
                    .anyMatch(c -> c.header().equalsIgnoreCase(name))) {
                throw new InputContractException("The file " + dataset.file() + " has the column '" + name
                        + "' twice in its header (line 1): keep one and run again.");
            }
        }
        for (CsvColumn column : dataset.columns()) {
            Integer i = positions.remove(column.header().toLowerCase(Locale.ROOT));
            if (i != null) {
                index.put(column, i);
            } else if (column.required()) {
                boolean tabs = header.size() == 1 && header.get(0).indexOf('\t') >= 0;
                throw new InputContractException("The file " + dataset.file() + " has no column '"
                        + column.header() + "' in its header (line 1, read as " + asRead(header) + "): "
                        + (tabs ? "it is separated by tabs; save it from Excel as \"CSV UTF-8 (comma delimited)\""
                        + " and run again." : "add it, the columns are " + headerList() + "."));
            }
        }
        unknownColumns.addAll(positions.keySet());
        unknownColumns.addAll(unnamed);
    }

    /** Whether a line after the first holds anything: a header below blank lines, or rows. */
    private boolean hasTextLater() {
        for (CSVRecord more = nextRecord(); more != null && overflow == null; more = nextRecord()) {
            if (!isBlank(more)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The header as read: a file separated by tabs reads as one long column, a file without a
     * header as figures; either is plain to see here, not from "no column 'period'" alone.
     */
    private String asRead(CSVRecord header) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size() && i < 8; i++) {
            String name = visible(header.get(i));
            names.add("'" + (name.length() > 60 ? name.substring(0, 60) + "…" : name) + "'");
        }
        return (header.size() == 1 ? "one column " : header.size() + " columns separated by '" + dialect.delimiter()
                + "': ") + String.join(", ", names) + (header.size() > 8 ? ", …" : "");
    }

    /**
     * A header name with the characters that print as nothing named: "'﻿period'" (a second byte
     * order mark before it) would read as the very name the sentence says is missing.
     */
    static String visible(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c == '\t') {
                out.append("<tab>");
            } else if (c == 0xFEFF) {
                out.append("<byte order mark>");
            } else if (Character.getType(c) == Character.FORMAT || Character.isISOControl(c)
                    || Character.isSpaceChar(c) && c != ' ') {
                out.append(String.format("<U+%04X>", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private String headerList() {
        return String.join(", ", dataset.columns().stream().map(CsvColumn::header).toList());
    }

    /** A link whose chain of links comes back to one already followed, which no file ends. */
    private static boolean leadsBackToItself(Path link) {
        java.util.Set<Path> followed = new java.util.HashSet<>();
        Path p = link.toAbsolutePath().normalize();
        try {
            while (Files.isSymbolicLink(p)) {
                if (!followed.add(p)) {
                    return true;
                }
                p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /**
     * The next data line, or {@code null} at the end of the file. Blank lines are skipped.
     *
     * @throws InputContractException when the file is damaged (e.g. it ends inside a quoted field)
     */
    public CsvRow next() {
        while (true) {
            CSVRecord record = nextRecord();
            if (record == null) {
                return null;
            }
            if (overflow == null && isBlank(record)) {
                continue;
            }
            CsvRow row = new CsvRow(fileName, lastLine, Arrays.asList(record.values()), index, numbers, seenKeys);
            if (overflow != null) {
                rejectOverflow(row, record, overflow);
            } else {
                checkWidth(row, record);
                warnUndecodable(row, record);
                warnControlCharacters(row, record);
            }
            return row;
        }
    }

    /** The row of a record that {@link BoundedCsvReader} had to cut: rejected with the real length. */
    private void rejectOverflow(CsvRow row, CSVRecord record, BoundedCsvReader.Overflow o) {
        if (o.field() >= 0) {
            CsvColumn column = columnAt(o.field());
            String value = o.field() < record.size() ? record.get(o.field()) : "";
            row.reject(column, preview(value), Reason.of(column == null ? "field.too-long.unnamed" : "field.too-long",
                    o.fieldChars(), maxFieldChars, o.field() + 1));
        } else {
            row.reject(null, preview(record.size() > 0 ? record.get(0) : ""), Reason.of("line.too-long",
                    o.recordChars(), (long) maxFieldChars * RECORD_TO_FIELD_RATIO));
        }
    }

    private CsvColumn columnAt(int position) {
        return index.columnAt(position);
    }

    /**
     * The first folder from the input folder down to {@code file} that the job may not open, or
     * {@code null}; {@code opens} says yes of what is not a folder.
     */
    static Path folderNotOpened(Path inputDir, Path file, java.util.function.Predicate<Path> opens) {
        Path folder = inputDir;
        for (Path part : inputDir.relativize(file.getParent() == null ? file : file.getParent())) {
            if (!opens.test(folder)) {
                return folder;
            }
            folder = folder.resolve(part);
        }
        return opens.test(folder) ? null : folder;
    }

    private static String preview(String value) {
        return value.length() <= PREVIEW_CHARS ? value : value.substring(0, PREVIEW_CHARS) + "…";
    }

    /**
     * Bytes the charset cannot decode come out as U+FFFD; the row is kept (the rest of it is fine)
     * but the user is told, as a file cut in the middle of a character or mixing encodings shows so.
     */
    private void warnUndecodable(CsvRow row, CSVRecord record) {
        // On the raw values: text in Latin-1 range (most files) is then ruled out without a scan.
        for (int i = 0; i < record.size(); i++) {
            if (record.get(i).indexOf('\uFFFD') >= 0) {
                CsvColumn column = columnAt(i);
                if (column == null) {
                    continue; // an extra column nobody reads
                }
                String value = row.text(column);
                row.warn(column, value, Reason.of("text.undecodable", dialect.charset().name()));
                return;
            }
        }
    }

    /**
     * A control character (a NUL, a bell, an escape pasted from a terminal) cannot stand in a
     * workbook, which shows {@code ?} in its place: the row is kept, and the user told which.
     */
    private void warnControlCharacters(CsvRow row, CSVRecord record) {
        for (int i = 0; i < record.size(); i++) {
            String field = record.get(i);
            for (int c = 0; c < field.length(); c++) {
                char ch = field.charAt(c);
                if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch >= '\uFFFE') {
                    CsvColumn column = columnAt(i);
                    if (column != null) {
                        row.warn(column, preview(CONTROL.matcher(field).replaceAll("?")), Reason.of("text.control",
                                String.format("U+%04X", (int) ch)));
                        return;
                    }
                    break; // an extra column nobody reads
                }
            }
        }
    }

    /** An empty line, or one of separators and spaces only (French Excel saves formatted empty rows as ";;;;"). */
    private static boolean isBlank(CSVRecord record) {
        if (record.size() == 1 && record.get(0).equals(END_OF_FILE_MARK)) {
            return true; // what old DOS editors end a file with: no row
        }
        for (String value : record.values()) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private CSVRecord nextRecord() {
        try {
            overflow = null;
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            recordIndex++;
            position = record.getCharacterPosition() + droppedChars;
            overflow = bounded.overflowOf(recordIndex);
            if (overflow != null) {
                droppedLineBreaks += overflow.droppedLineBreaks();
                droppedChars += overflow.droppedChars();
            }
            // A record starts on the line after the last one the previous record consumed; quoted
            // fields may span lines, so the parser's own count is read after each record (plus the
            // line breaks the bounded reader dropped from too long fields, which the parser never saw).
            lastLine = consumedLines + 1;
            consumedLines = parser.getCurrentLineNumber() + droppedLineBreaks;
            return record;
        } catch (UncheckedIOException | IllegalStateException e) {
            String detail;
            if (bounded.unclosedQuoteLine() > 0) {
                detail = unclosedQuote();
            } else if (String.valueOf(rootMessage(e)).contains("between encapsulated token and delimiter")) {
                detail = "text follows the closing quote of a value; a quote inside a quoted value must be doubled (\"\")";
            } else {
                detail = rootMessage(e) + "; a quoted field is probably never closed or the file was cut short";
            }
            throw damaged(consumedLines + 1, detail, e);
        }
    }

    private String unclosedQuote() {
        return "a quoted field that opens on line " + bounded.unclosedQuoteLine() + " is never closed: the file ends "
                + bounded.unclosedQuoteChars() + " characters after its opening quote; the file was probably cut short"
                + " or a closing quote is missing";
    }

    private InputContractException damaged(long line, String detail, Exception cause) {
        return new InputContractException("The file " + dataset.file() + " is damaged at line " + line
                + " (" + detail + "): fix the file and run again.", cause);
    }

    /**
     * A short row would silently read as empty cells and a long one may hide a shifted value, so
     * both are rejected; empty surplus fields (a trailing separator) are tolerated.
     */
    private void checkWidth(CsvRow row, CSVRecord record) {
        if (record.size() < headerWidth) {
            row.reject(null, "", record.size() == 1 ? Reason.of("line.fields.one", headerWidth)
                    : Reason.of("line.fields.missing", record.size(), headerWidth));
        } else {
            for (int i = headerWidth; i < record.size(); i++) {
                if (!record.get(i).isBlank()) {
                    row.reject(null, record.get(i), Reason.of("line.fields.extra", record.size(), headerWidth));
                    break;
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        return Causes.root(e).getMessage();
    }

    public CsvDialect dialect() {
        return dialect;
    }

    public List<String> unknownColumns() {
        return List.copyOf(unknownColumns);
    }

    /** The longest field accepted, in characters. */
    public int maxFieldChars() {
        return maxFieldChars;
    }

    /** Characters consumed so far, for progress reports. */
    public long position() {
        return position;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

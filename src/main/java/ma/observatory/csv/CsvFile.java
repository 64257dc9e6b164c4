package ma.observatory.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * An open input file: dialect sniffed, header checked against its dataset, records streamed with
 * their line numbers. The one place where Commons CSV is configured.
 */
public final class CsvFile implements Closeable {

    private final CsvDataset dataset;
    private final CsvDialect dialect;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<CsvColumn, Integer> index;
    private final List<String> unknownColumns;
    private final NumberParser numbers;
    private final SeenKeys seenKeys = new SeenKeys();
    private long lastLine;
    private long consumedLines;
    private int headerWidth;
    private long position;

    private CsvFile(CsvDataset dataset, CsvDialect dialect, CSVParser parser) {
        this.dataset = dataset;
        this.dialect = dialect;
        this.parser = parser;
        this.records = parser.iterator();
        this.numbers = new NumberParser(dialect.decimalComma());
        this.index = new HashMap<>();
        this.unknownColumns = new ArrayList<>();
        readHeader();
    }

    /**
     * Opens the file of a dataset under an input directory and checks its header.
     *
     * @throws InputContractException when the file is missing, unreadable or its header breaks the contract
     */
    public static CsvFile open(Path inputDir, CsvDataset dataset) {
        Path path = inputDir.resolve(dataset.file());
        if (!Files.isRegularFile(path)) {
            throw new InputContractException("The file " + dataset.file() + " is missing from " + inputDir
                    + ": put the file there (or leave its domain out with --only) and run again.");
        }
        try {
            CsvDialect dialect = CsvDialect.detect(path);
            var in = BOMInputStream.builder().setPath(path).get();
            var reader = new BufferedReader(new InputStreamReader(in, dialect.charset()), 1 << 16);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(dialect.delimiter())
                    .setIgnoreEmptyLines(false)
                    .setTrim(false)
                    .get();
            return new CsvFile(dataset, dialect, CSVParser.builder().setReader(reader).setFormat(format).get());
        } catch (IOException e) {
            throw new InputContractException("The file " + dataset.file() + " cannot be read (" + e.getMessage()
                    + "): check that it is a CSV file and that the job may read it.", e);
        }
    }

    private void readHeader() {
        CSVRecord header = nextRecord();
        if (header == null || (header.size() == 1 && header.get(0).isBlank())) {
            close();
            throw new InputContractException("The file " + dataset.file()
                    + " is empty: its first line must be the header (" + headerList() + ").");
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        headerWidth = header.size();
        while (headerWidth > 1 && header.get(headerWidth - 1).isBlank()) {
            headerWidth--;
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue; // a trailing separator on the header line gives an empty name: nothing to map
            }
            if (positions.putIfAbsent(name, i) != null) {
                close();
                throw new InputContractException("The file " + dataset.file() + " has the column '" + name
                        + "' twice in its header (line 1): keep one and run again.");
            }
        }
        for (CsvColumn column : dataset.columns()) {
            Integer i = positions.remove(column.header().toLowerCase(Locale.ROOT));
            if (i != null) {
                index.put(column, i);
            } else if (column.required()) {
                close();
                throw new InputContractException("The file " + dataset.file() + " has no column '"
                        + column.header() + "' in its header (line 1): add it, the columns are " + headerList() + ".");
            }
        }
        unknownColumns.addAll(positions.keySet());
    }

    private String headerList() {
        return String.join(", ", dataset.columns().stream().map(CsvColumn::header).toList());
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
            if (isBlank(record)) {
                continue;
            }
            CsvRow row = new CsvRow(dataset.file(), lastLine, Arrays.asList(record.values()), index, numbers, seenKeys);
            checkWidth(row, record);
            return row;
        }
    }

    /** An empty line, or one of separators and spaces only (French Excel saves formatted empty rows as ";;;;"). */
    private static boolean isBlank(CSVRecord record) {
        for (String value : record.values()) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private CSVRecord nextRecord() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            // A record starts on the line after the last one the previous record consumed; quoted
            // fields may span lines, so the parser's own count is read after each record.
            lastLine = consumedLines + 1;
            consumedLines = parser.getCurrentLineNumber();
            position = record.getCharacterPosition();
            return record;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InputContractException("The file " + dataset.file() + " is damaged at line " + (consumedLines + 1)
                    + " (" + rootMessage(e) + "): a quoted field is probably never closed or the file was cut short;"
                    + " fix the file and run again.", e);
        }
    }

    /**
     * A short row would silently read as empty cells and a long one may hide a shifted value, so
     * both are rejected; empty surplus fields (a trailing separator) are tolerated.
     */
    private void checkWidth(CsvRow row, CSVRecord record) {
        if (record.size() < headerWidth) {
            row.reject(null, "", "the line has " + record.size() + " fields but the header has " + headerWidth
                    + " (a separator is missing or the line was cut)");
        } else {
            for (int i = headerWidth; i < record.size(); i++) {
                if (!record.get(i).isBlank()) {
                    row.reject(null, record.get(i), "the line has " + record.size() + " fields but the header has "
                            + headerWidth + " (an extra separator, or a decimal comma in an unquoted number?)");
                    break;
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public CsvDialect dialect() {
        return dialect;
    }

    public List<String> unknownColumns() {
        return List.copyOf(unknownColumns);
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

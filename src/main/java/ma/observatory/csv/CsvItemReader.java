package ma.observatory.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Commons CSV behind Spring Batch: streams one input file as {@link Parsed} items, kept or
 * rejected, and opens at the position saved in the step's execution context, so a restarted step
 * resumes after the last committed chunk. Used alone it saves there how many lines it has handed
 * out; behind {@link ma.observatory.staging.ReadAheadReader}, as the import steps use it, the writer
 * saves the position of the rows whose sums are stored instead.
 */
public class CsvItemReader<T> implements ItemStreamReader<Parsed<T>> {

    private static final Logger log = LoggerFactory.getLogger(CsvItemReader.class);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final String name;
    private final Path inputDir;
    private final CsvDataset dataset;
    private final RowMapper<T> mapper;
    private final int maxFieldChars;
    private FileStamp expected;
    private CsvFile file;
    private long rowsRead;
    private long fileChars;
    private long startedAt;
    private long lastProgress;

    /** A reader accepting fields of up to {@link CsvFile#DEFAULT_MAX_FIELD_CHARS} characters. */
    public CsvItemReader(String name, Path inputDir, CsvDataset dataset, RowMapper<T> mapper) {
        this(name, inputDir, dataset, mapper, CsvFile.DEFAULT_MAX_FIELD_CHARS);
    }

    /**
     * @param maxFieldChars the longest field accepted, in characters; a longer one makes its row a
     *                      rejected row giving the field's length, and memory stays bounded
     */
    public CsvItemReader(String name, Path inputDir, CsvDataset dataset, RowMapper<T> mapper, int maxFieldChars) {
        if (maxFieldChars < 1) {
            throw new IllegalArgumentException("maxFieldChars must be at least 1: " + maxFieldChars);
        }
        this.name = name;
        this.inputDir = inputDir;
        this.dataset = dataset;
        this.mapper = mapper;
        this.maxFieldChars = maxFieldChars;
    }

    /**
     * Makes the reader check, when it opens the file and when it reaches its end, that the file is
     * still the one the run hashed as it started ({@link FileStamp}).
     *
     * @param stamp the file as the run recorded it, or null for no check (a run recorded before stamps)
     */
    public CsvItemReader<T> expecting(FileStamp stamp) {
        this.expected = stamp;
        return this;
    }

    private void checkUnchanged(Path path, String when) {
        if (expected == null) {
            return;
        }
        FileStamp now;
        try {
            now = FileStamp.of(path);
        } catch (java.io.IOException e) {
            throw FileStamp.changed(dataset.file(), when);
        }
        if (!now.equals(expected)) {
            throw FileStamp.changed(dataset.file(), when);
        }
    }

    /** Data lines handed out and committed; one reader per step, so the key needs no prefix. */
    public static final String POSITION_KEY = "csv.rows";

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        Path path = inputDir.resolve(dataset.file());
        if (dataset.optional() && !Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            log.info("{} is absent: nothing to read", dataset.file());
            return;
        }
        file = CsvFile.open(inputDir, dataset, maxFieldChars);
        try {
            checkUnchanged(path, "after the run started");
        } catch (InputContractException e) {
            close();
            throw e;
        }
        try {
            fileChars = Math.max(1, Files.size(path));
        } catch (java.io.IOException e) {
            fileChars = 1;
        }
        long resumeAfter = context.getLong(POSITION_KEY, 0L);
        CsvRow skipped;
        while (rowsRead < resumeAfter && (skipped = file.next()) != null) {
            if (!skipped.hasProblems()) {
                mapper.map(skipped); // re-learns the keys of committed rows, for the duplicate check
            }
            rowsRead++;
        }
        if (resumeAfter > 0) {
            log.info("{} ({}): resuming after {} rows already committed", dataset.file(), name, resumeAfter);
        }
        startedAt = System.nanoTime();
        lastProgress = startedAt;
    }

    @Override
    public Parsed<T> read() {
        CsvRow row = readRow();
        return row == null ? null : parsed(row);
    }

    /**
     * The first half of {@link #read()}: the next line as Commons CSV gives it, its shape checked,
     * or {@code null} at the end of the file. Each row must then go through {@link #parsed}, in
     * file order, before the reader's position is saved; the two halves may run on two threads
     * (one at a time each) when the rows are handed over safely, as through a blocking queue.
     */
    public CsvRow readRow() {
        if (file == null) {
            return null;
        }
        CsvRow row = file.next();
        if (row == null) {
            checkUnchanged(inputDir.resolve(dataset.file()), "while the run was reading it");
            return null;
        }
        rowsRead++;
        if ((rowsRead & 0x3FFF) == 0) {
            reportProgress();
        }
        return row;
    }

    /** The second half of {@link #read()}: the row's values checked and mapped, kept or rejected. */
    public Parsed<T> parsed(CsvRow row) {
        T item = row.hasProblems() ? null : mapper.map(row);
        // A rejected row is not kept: a warning saying "the row is kept" would contradict its rejection.
        return new Parsed<>(row.line(), row.hasProblems() ? null : item, row.rejects(),
                row.hasProblems() ? List.of() : row.warnings());
    }

    private void reportProgress() {
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
            lastProgress = now;
            double seconds = (now - startedAt) / 1e9;
            log.info("{}: {} rows read, {} rows/s, {}% of the file", dataset.file(), rowsRead,
                    Math.round(rowsRead / Math.max(seconds, 1e-3)), Math.min(100, 100 * file.position() / fileChars));
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(POSITION_KEY, rowsRead);
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
            file = null;
        }
    }
}

package ma.observatory.staging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import ma.observatory.csv.CsvItemReader;
import ma.observatory.csv.Parsed;
import ma.observatory.csv.RowProblem;

/**
 * The writing half of every import step. Rejected rows and warnings go to the Data quality
 * tables, kept items to {@link #stage}, the file's counters are advanced: all stored together, in
 * one chunk's transaction, with the position a restart goes on from. When the step starts from the
 * top of the file (first attempt, or a restart whose saved position was lost) it first removes what
 * an earlier attempt staged, so a rerun can never count a row twice.
 *
 * <p>A writer may hold what it has staged over several chunks ({@link #readyToStore}): the
 * position it saves is then that of the last rows it stored, not of the last rows read, so that a
 * restart reads again exactly the rows whose sums were never stored. Everything is stored with the
 * chunk that ends the file.
 */
public abstract class ImportWriter<T> implements ItemStreamWriter<RowBatch<T>> {

    /** Problems of rejected rows held in memory, at most, before they are stored with what the writer holds. */
    static final int MAX_PENDING_PROBLEMS = 10_000;

    protected final long runId;
    protected final String file;
    protected final StagingRepository staging;
    private long warningsKept;
    /** Rows' warnings past the file's limit, said in one warning stored with the rows read. */
    private long warningsDropped;
    private long droppedSaid;
    /** Rows of the file whose effects are stored: what {@link #update} saves. */
    private long storedPosition;
    private long readPosition;
    private long pendingRows;
    private long pendingRejected;
    private long pendingOutside;
    private final List<RowProblem> pendingRejects = new ArrayList<>();
    private final List<RowProblem> pendingWarnings = new ArrayList<>();

    protected ImportWriter(long runId, String file, StagingRepository staging) {
        this.runId = runId;
        this.file = file;
        this.staging = staging;
    }

    /** The cell dataset this writer fills, or {@code null}. */
    protected String datasetKey() {
        return null;
    }

    @Override
    public void open(ExecutionContext context) {
        storedPosition = context.getLong(CsvItemReader.POSITION_KEY, 0L);
        if (storedPosition == 0L) {
            staging.purge(runId, file, datasetKey());
            purgeStaged();
        }
        readPosition = storedPosition;
        pendingRows = 0;
        pendingRejected = 0;
        pendingOutside = 0;
        pendingRejects.clear();
        pendingWarnings.clear();
        warningsKept = staging.countProblems(runId, "warning", file);
        warningsDropped = staging.droppedWarnings(runId, file);
        droppedSaid = warningsDropped;
    }

    /**
     * A warning the writer finds on a kept row, said once per period or such: not held to the
     * file's limit of rows' warnings, which a file of a thousand other slips would have reached.
     */
    protected void warn(RowProblem warning) {
        pendingWarnings.add(warning);
    }

    /** Removes what {@link #stage} wrote in an earlier attempt, when it is not a cell dataset. */
    protected void purgeStaged() {
    }

    /** A chunk of batches of rows ({@link ReadAheadReader}). */
    @Override
    public void write(Chunk<? extends RowBatch<T>> chunk) {
        staging.ensureRoom();
        List<Parsed<T>> kept = new ArrayList<>();
        boolean endOfFile = false;
        for (RowBatch<T> batch : chunk) {
            pendingRows += batch.rows().size();
            for (Parsed<T> p : batch.rows()) {
                if (p.rejected()) {
                    pendingRejected++;
                    pendingRejects.addAll(p.rejects());
                } else if (p.item() != null) {
                    kept.add(p);
                }
                for (RowProblem w : p.warnings()) {
                    if (warningsKept < StagingRepository.MAX_WARNINGS_PER_FILE) {
                        pendingWarnings.add(w);
                        warningsKept++;
                    } else {
                        warningsDropped++;
                    }
                }
            }
            readPosition = batch.position();
            endOfFile |= batch.endOfFile();
        }
        pendingOutside += stage(kept);
        if (endOfFile || pendingRejects.size() >= MAX_PENDING_PROBLEMS || readyToStore(pendingRows)) {
            storePending();
            if (warningsDropped != droppedSaid) {
                // never silently: Data quality says the list stops short, counting over restarts
                staging.noteDroppedWarnings(runId, file, warningsDropped);
                droppedSaid = warningsDropped;
            }
            staging.addProblems(runId, "rejected", pendingRejects);
            staging.addProblems(runId, "warning", pendingWarnings);
            staging.addCounts(runId, file, pendingRows, pendingRejected, pendingOutside);
            pendingRows = 0;
            pendingRejected = 0;
            pendingOutside = 0;
            pendingRejects.clear();
            pendingWarnings.clear();
            storedPosition = readPosition;
        }
    }

    /** Saves the position of the last rows stored, in the transaction of the chunk that stored them. */
    @Override
    public void update(ExecutionContext context) {
        context.putLong(CsvItemReader.POSITION_KEY, storedPosition);
    }

    /**
     * Stages the kept rows of one chunk (items with their line numbers), storing them now or
     * holding them for {@link #storePending}.
     *
     * @return how many of them lie outside the run's range and were left out
     */
    protected abstract long stage(List<Parsed<T>> kept);

    /**
     * Whether what is held should be stored with this chunk; the writer holds it otherwise.
     *
     * @param pendingRows rows read since the last rows stored, this chunk's included
     */
    protected boolean readyToStore(long pendingRows) {
        return true;
    }

    /** Stores what {@link #stage} has held since the last chunk that stored. */
    protected void storePending() {
    }
}

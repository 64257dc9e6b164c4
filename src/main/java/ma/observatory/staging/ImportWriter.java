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
 * tables, kept items to {@link #stage}, the file's counters are advanced: all in the chunk's
 * transaction, together with the reader's position. When the step starts from the top of the file
 * (first attempt, or a restart whose saved position was lost) it first removes what an earlier
 * attempt staged, so a rerun can never count a row twice.
 */
public abstract class ImportWriter<T> implements ItemStreamWriter<List<Parsed<T>>> {

    protected final long runId;
    protected final String file;
    protected final StagingRepository staging;
    private long warningsStored;

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
        if (context.getLong(CsvItemReader.POSITION_KEY, 0L) == 0L) {
            staging.purge(runId, file, datasetKey());
            purgeStaged();
        }
        warningsStored = staging.countProblems(runId, "warning", file);
    }

    /** Removes what {@link #stage} wrote in an earlier attempt, when it is not a cell dataset. */
    protected void purgeStaged() {
    }

    /** A chunk of batches of rows ({@link ReadAheadReader}). */
    @Override
    public void write(Chunk<? extends List<Parsed<T>>> chunk) {
        List<RowProblem> rejects = new ArrayList<>();
        List<RowProblem> warnings = new ArrayList<>();
        List<Parsed<T>> kept = new ArrayList<>();
        long rows = 0;
        long rejected = 0;
        for (List<Parsed<T>> batch : chunk) {
            rows += batch.size();
            for (Parsed<T> p : batch) {
                if (p.rejected()) {
                    rejected++;
                    rejects.addAll(p.rejects());
                } else if (p.item() != null) {
                    kept.add(p);
                }
                for (RowProblem w : p.warnings()) {
                    if (warningsStored < StagingRepository.MAX_WARNINGS_PER_FILE) {
                        warnings.add(w);
                        warningsStored++;
                    }
                }
            }
        }
        long outside = stage(kept);
        staging.addProblems(runId, "rejected", rejects);
        staging.addProblems(runId, "warning", warnings);
        staging.addCounts(runId, file, rows, rejected, outside);
    }

    /**
     * Stages the kept rows of one chunk (items with their line numbers).
     *
     * @return how many of them lie outside the run's range and were left out
     */
    protected abstract long stage(List<Parsed<T>> kept);
}

package ma.observatory.job;

import java.time.YearMonth;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import org.springframework.batch.core.step.StepExecution;

import ma.observatory.csv.CsvDataset;
import ma.observatory.csv.CsvItemReader;
import ma.observatory.csv.CsvRow;
import ma.observatory.cube.CountDataset;
import ma.observatory.cube.Stageable;
import ma.observatory.geo.GeoReference;
import ma.observatory.geo.PlaceRepository;
import ma.observatory.staging.CellStagingWriter;
import ma.observatory.staging.ImportWriter;
import ma.observatory.staging.ReadAheadReader;
import ma.observatory.staging.RowBatch;
import ma.observatory.staging.StagingRepository;

/**
 * Builds every import step the same way: reader, writer, chunk size, one transaction per chunk.
 * Its {@code reader} and {@code cellWriter} are called from {@code @StepScope} bean methods, so
 * each step gets the run's input folder, geography and range from its job parameters.
 */
@Component
public class ImportSteps {

    /**
     * Rows per transaction. Large enough that a chunk's rows fold into few cell updates (a quarter
     * of 1,500 communes is 24,000 rows but only 960 region cells), so each cell is written a couple
     * of times per step rather than once per 5,000 rows: measured on 1 million commune rows, the
     * writer's CPU per row went from 4.1 µs (5,000) to 2.5 (10,000), 1.8 (20,000) and 1.1 µs (100,000).
     * Small enough that a restart repeats little work, that the chunk's rows (~0.5 KB each) stay
     * about 10 MB, and that a long import still commits every fraction of a
     * second.
     */
    static final int CHUNK_ROWS = 20_000;
    /** The chunk in Spring Batch's items: batches of {@link ReadAheadReader#BATCH_ITEMS} rows (20,480 rows). */
    static final int CHUNK_BATCHES = Math.max(1, Math.round((float) CHUNK_ROWS / ReadAheadReader.BATCH_ITEMS));

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final PlaceRepository places;
    private final StagingRepository staging;

    public ImportSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       PlaceRepository places, StagingRepository staging) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.places = places;
        this.staging = staging;
    }

    /** Maps a row with the run's geography at hand, to check its place codes. */
    @FunctionalInterface
    public interface GeoRowMapper<T> {
        T map(CsvRow row, GeoReference geo);
    }

    /** The reader of a dataset for the step being started. */
    public <T> CsvItemReader<T> reader(StepExecution step, CsvDataset dataset, GeoRowMapper<T> mapper) {
        RunParameters run = RunParameters.of(step);
        GeoReference geo = places.load(RunParameters.runId(step), run.geoLevels());
        String name = step.getStepName() + "Reader";
        return new CsvItemReader<>(name, run.inputDir(), dataset, row -> mapper.map(row, geo))
                .expecting(staging.stamp(RunParameters.runId(step), dataset.file()));
    }

    /** The writer summing a count dataset into cells, for the step being started. */
    public <T extends Stageable> CellStagingWriter<T> cellWriter(StepExecution step, CountDataset dataset) {
        RunParameters run = RunParameters.of(step);
        long runId = RunParameters.runId(step);
        CellStagingWriter<T> writer = new CellStagingWriter<>(runId, dataset, places.load(runId, run.geoLevels()),
                run.range(), staging);
        return run.requestedAt() == null ? writer : writer.warningOfPeriodsNotOver(YearMonth.from(run.requestedAt()));
    }

    /**
     * A chunk-oriented import step. The file is parsed on a thread of its own
     * ({@link ReadAheadReader}) while the step's thread checks, maps, sums and writes: the two
     * halves of the work run on both cores. The domains already run side by side; one large file
     * is not split into partitions, which would need a shared duplicate-key check and gains
     * nothing once both cores are busy.
     */
    public <T> Step step(String name, CsvItemReader<T> reader, ImportWriter<T> writer) {
        // Without the transaction manager Batch 6 would commit cell updates outside the chunk's
        // transaction, and a restart would add a failed chunk's rows twice.
        return new StepBuilder(name, jobRepository)
                .<RowBatch<T>, RowBatch<T>>chunk(CHUNK_BATCHES)
                .transactionManager(transactionManager)
                .reader(new ReadAheadReader<>(reader, name))
                .writer(writer)
                .build();
    }
}

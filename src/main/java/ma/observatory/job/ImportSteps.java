package ma.observatory.job;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import ma.observatory.csv.CsvItemReader;
import ma.observatory.csv.Parsed;
import ma.observatory.staging.ImportWriter;

/** Builds every import step the same way: reader, writer, chunk size, one transaction per chunk. */
@Component
public class ImportSteps {

    /**
     * Rows per transaction. Large enough that a chunk's rows fold into few cell updates, small
     * enough that a restart repeats little work.
     */
    static final int CHUNK_ROWS = 5_000;

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;

    public ImportSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
    }

    public <T> Step step(String name, CsvItemReader<T> reader, ImportWriter<T> writer) {
        // Without the transaction manager Batch 6 would commit cell updates outside the chunk's
        // transaction, and a restart would add a failed chunk's rows twice.
        return new StepBuilder(name, jobRepository)
                .<Parsed<T>, Parsed<T>>chunk(CHUNK_ROWS)
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .build();
    }
}

package ma.observatory.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ma.observatory.report.AtomicFiles;
import ma.observatory.report.ReportTasklet;

/**
 * {@code labour-market-report_latest.xlsx}, the file economists open every morning, copied from the
 * workbook of each completed nightly run. The copy comes after the run is COMPLETED in the
 * database: a process killed during it, or a copy that failed, leaves the latest a night old with
 * nothing to resume. A later start tells so from the files themselves: the newest nightly run's
 * workbook, still as that run left it (its modification time, saved with the run), is newer than
 * the latest.
 */
@Component
class LatestWorkbook {

    private static final Logger log = LoggerFactory.getLogger(LatestWorkbook.class);
    /** Outside the console's logger tree: stack traces go to the log file only. */
    private static final Logger details = LoggerFactory.getLogger("exit");

    private final JobRepository repository;
    private final JdbcTemplate jdbc;

    LatestWorkbook(JobRepository repository, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** Copies the run's workbook over the latest one, in one step like every workbook. */
    void refresh(JobExecution execution) throws IOException {
        JobExecution stored = repository.getJobExecution(execution.getId());
        String written = stored == null ? null : stored.getExecutionContext().getString(ReportTasklet.REPORT_PATH, null);
        if (written == null) {
            written = execution.getExecutionContext().getString(ReportTasklet.REPORT_PATH, null);
        }
        if (written == null) {
            throw new IllegalStateException("the run did not record its workbook");
        }
        log.info("Latest workbook refreshed: {}", copy(Path.of(written)).toAbsolutePath());
    }

    /**
     * Where the scheduler starts, and before a nightly run: a copy the newest completed nightly
     * run into {@code outputDir} left undone is made now, rather than the next night. A failure is
     * only logged: the night's own run copies its workbook when it completes.
     */
    void catchUp(Path outputDir) {
        try {
            NightlyRun newest = newestNightlyRun(outputDir, null);
            JobExecution stored = newest == null ? null : repository.getJobExecution(newest.execution());
            if (stored == null || !stored.getExecutionContext().containsKey(ReportTasklet.REPORT_MODIFIED)) {
                return; // none yet, or a run made before the time was saved
            }
            long madeAt = stored.getExecutionContext().getLong(ReportTasklet.REPORT_MODIFIED);
            Path workbook = Path.of(stored.getExecutionContext().getString(ReportTasklet.REPORT_PATH));
            Path latest = workbook.resolveSibling(RunLauncher.LATEST_WORKBOOK);
            if (Files.isRegularFile(latest) && Files.getLastModifiedTime(latest).toMillis() >= madeAt) {
                return; // copied from it, or from a later workbook
            }
            if (!Files.isRegularFile(workbook) || Files.getLastModifiedTime(workbook).toMillis() != madeAt) {
                // moved away, or written again by another run of the same range: not the night's to copy
                log.info("{} is older than the workbook of run {}, the newest nightly run, but {} is no longer as that"
                        + " run left it: the latest is left to the next completed nightly run",
                        RunLauncher.LATEST_WORKBOOK, newest.instance(), workbook);
                return;
            }
            copy(workbook);
            log.info("{} refreshed from the workbook of run {}, which completed without refreshing it (its process"
                    + " ended first, or the copy failed)", RunLauncher.LATEST_WORKBOOK, newest.instance());
        } catch (IOException | RuntimeException e) {
            details.warn("Could not check or refresh the latest workbook at start", e);
            log.warn("Could not check whether {} is the newest nightly run's workbook, or refresh it ({}): the next"
                    + " completed nightly run refreshes it", RunLauncher.LATEST_WORKBOOK, ExitCodes.rootMessage(e));
        }
    }

    /** A completed nightly run: its job instance (the run id users see) and its completed execution. */
    record NightlyRun(long instance, long execution) {
    }

    /**
     * The newest nightly run into {@code outputDir} that completed, after the job instance
     * {@code after} if it is given, or null.
     */
    NightlyRun newestNightlyRun(Path outputDir, Long after) {
        NightlyRun newest = null;
        for (Map<String, Object> row : jdbc.queryForList("""
                SELECT e.JOB_INSTANCE_ID, e.JOB_EXECUTION_ID, p.PARAMETER_VALUE AS OUTPUT_DIR FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                  AND p.PARAMETER_NAME = 'output-dir'
                WHERE e.STATUS = 'COMPLETED' AND e.JOB_INSTANCE_ID > ?
                  AND EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS n WHERE n.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                              AND n.PARAMETER_NAME = ? AND n.PARAMETER_VALUE = 'true')""",
                after == null ? -1L : after, RunLauncher.NIGHTLY)) {
            long instance = ((Number) row.get("JOB_INSTANCE_ID")).longValue();
            if ((newest == null || instance > newest.instance())
                    && sameFolder(outputDir, Path.of((String) row.get("OUTPUT_DIR")))) {
                newest = new NightlyRun(instance, ((Number) row.get("JOB_EXECUTION_ID")).longValue());
            }
        }
        return newest;
    }

    /** The same folder however it was spelt: reports, ./reports, /srv/observatory/reports, or a link to it. */
    private static boolean sameFolder(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path copy(Path source) throws IOException {
        Path latest = source.resolveSibling(RunLauncher.LATEST_WORKBOOK);
        AtomicFiles.write(latest, out -> Files.copy(source, out));
        return latest;
    }
}

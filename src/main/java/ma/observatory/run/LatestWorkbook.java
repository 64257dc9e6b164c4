package ma.observatory.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ma.observatory.report.AtomicFiles;
import ma.observatory.report.ReportTasklet;

/**
 * {@code labour-market-report_latest.xlsx}, the file economists open every morning, refreshed from
 * the workbook of each completed nightly run. The run is COMPLETED in the database before the copy
 * is made: a process killed during the copy, or a copy that failed, would leave the latest a night
 * old with nothing to resume. So the run's execution context holds "pending" until the copy is in
 * place, and the next nightly start finishes a refresh so left undone.
 */
@Component
class LatestWorkbook {

    static final String STATE = "latest-workbook";
    static final String PENDING = "pending";
    static final String DONE = "done";

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
        mark(stored, PENDING);
        Path latest = copy(Path.of(written));
        mark(stored, DONE);
        log.info("Latest workbook refreshed: {}", latest.toAbsolutePath());
    }

    /**
     * At a nightly start: if the newest completed nightly run into {@code outputDir} never finished
     * refreshing the latest workbook, finish it now. A failure here is only logged: the night's own
     * run refreshes it again when it completes.
     */
    void catchUp(Path outputDir) {
        try {
            NightlyRun newest = newestNightlyRun(outputDir, null);
            JobExecution stored = newest == null ? null : repository.getJobExecution(newest.execution());
            if (stored == null || !PENDING.equals(stored.getExecutionContext().getString(STATE, null))) {
                return;
            }
            String written = stored.getExecutionContext().getString(ReportTasklet.REPORT_PATH, null);
            if (written == null || !Files.isRegularFile(Path.of(written))) {
                log.warn("{} was not refreshed by run {}, whose workbook {} is gone: the next completed nightly run"
                        + " refreshes it", RunLauncher.LATEST_WORKBOOK, stored.getJobInstanceId(), written);
                return;
            }
            copy(Path.of(written));
            mark(stored, DONE);
            log.info("{} refreshed from the workbook of run {}, which completed without refreshing it (its process"
                    + " ended first, or the copy failed)", RunLauncher.LATEST_WORKBOOK, stored.getJobInstanceId());
        } catch (IOException | RuntimeException e) {
            details.warn("Could not finish refreshing the latest workbook left undone by an earlier run", e);
            log.warn("{} still holds an earlier night's workbook ({}): the next completed nightly run refreshes it",
                    RunLauncher.LATEST_WORKBOOK, ExitCodes.rootMessage(e));
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
        Path mine = folder(outputDir.toString());
        NightlyRun newest = null;
        for (Map<String, Object> row : jdbc.queryForList("""
                SELECT e.JOB_INSTANCE_ID, e.JOB_EXECUTION_ID, p.PARAMETER_VALUE AS OUTPUT_DIR FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                  AND p.PARAMETER_NAME = 'output-dir'
                WHERE e.STATUS = 'COMPLETED' AND e.JOB_INSTANCE_ID > ?
                  AND EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS n WHERE n.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                              AND n.PARAMETER_NAME = ? AND n.PARAMETER_VALUE = 'true')""",
                after == null ? -1L : after, RunLauncher.NIGHTLY)) {
            // the same folder however it was spelt (reports, ./reports, /srv/observatory/reports)
            if (mine.equals(folder((String) row.get("OUTPUT_DIR")))) {
                long instance = ((Number) row.get("JOB_INSTANCE_ID")).longValue();
                if (newest == null || instance > newest.instance()) {
                    newest = new NightlyRun(instance, ((Number) row.get("JOB_EXECUTION_ID")).longValue());
                }
            }
        }
        return newest;
    }

    private static Path copy(Path source) throws IOException {
        Path latest = source.resolveSibling(RunLauncher.LATEST_WORKBOOK);
        AtomicFiles.write(latest, out -> Files.copy(source, out));
        return latest;
    }

    /**
     * Best effort: a mark that cannot be saved loses only the catching up at the next start, which is
     * how the latest workbook behaved before there was a mark.
     */
    private void mark(JobExecution stored, String state) {
        if (stored == null) {
            return;
        }
        try {
            stored.getExecutionContext().putString(STATE, state);
            repository.updateExecutionContext(stored);
        } catch (DataAccessException e) {
            details.warn("Could not note the latest workbook as " + state + " for run " + stored.getJobInstanceId(), e);
        }
    }

    static Path folder(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}

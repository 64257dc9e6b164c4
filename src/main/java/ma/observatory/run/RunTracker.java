package ma.observatory.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ma.observatory.job.RunParameters;
import ma.observatory.period.MachineTime;
import ma.observatory.period.PeriodRange;

/**
 * Knows which job executions run in this process. When one starts, its id is written into the
 * range's claim (so that another process can name it, and tell whether its process is alive) and into
 * the database owner file; the graceful stop asks exactly these executions to stop.
 */
@Component
public class RunTracker implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunTracker.class);

    private final JdbcTemplate jdbc;
    private final DatabaseAccess database;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    public RunTracker(JdbcTemplate jdbc, DatabaseAccess database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running.add(execution.getId());
        PeriodRange claimed = RunParameters.of(execution.getJobParameters()).range();
        String range = claimed.toString();
        DatabaseOwner me = DatabaseOwner.current("", 0);
        jdbc.update("UPDATE run_claim SET execution_id = ? WHERE range_key = ? AND pid = ? AND process_start = ?",
                execution.getId(), RunRegistry.rangeKey(claimed), me.pid(), me.processStart());
        database.announce(describe(execution));
        log.info("Run {} started (execution {}): {}", execution.getJobInstanceId(), execution.getId(),
                range.replace("_", " to "));
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution.getId());
        database.announce("");
    }

    /** "run 12 (execution 17) over 2021-01 to 2026-10, started 2026-11-26 02:00:01 (Etc/UTC)". */
    static String describe(JobExecution execution) {
        RunParameters run = RunParameters.of(execution.getJobParameters());
        return "run " + execution.getJobInstanceId() + " (execution " + execution.getId() + ") over "
                + run.range().from() + " to " + run.range().to()
                + (execution.getStartTime() == null ? "" : ", started " + MachineTime.stamp(execution.getStartTime()));
    }

    public Set<Long> runningHere() {
        return Set.copyOf(running);
    }

    public boolean isRunningHere(long executionId) {
        return running.contains(executionId);
    }
}

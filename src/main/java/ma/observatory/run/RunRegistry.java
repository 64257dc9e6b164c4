package ma.observatory.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ma.observatory.job.ObservatoryJobConfiguration;
import ma.observatory.job.RunParameters;
import ma.observatory.period.MachineTime;
import ma.observatory.period.PeriodRange;

/**
 * The run history as the processes sharing it see it: which range is being run and by whom (table
 * {@code run_claim}), and which executions were left running by a process that is gone.
 *
 * <p>A run claims its range before it starts and releases it when it ends; a second run of the same
 * range, in this process or another, finds the claim and is refused, with the execution it would
 * collide with named. A claim whose process has died no longer counts.
 *
 * <p>An execution stays {@code STARTED} when its process is killed ({@code kill -9}, a power cut).
 * {@link #recoverOrphans()} marks such executions {@code FAILED} with {@link JobOperator#recover}, so
 * that {@code --restart} can resume them from their last commit. An execution is left alone while its
 * process lives: with the scheduler serving the database, other processes may be running.
 */
@Component
public class RunRegistry {

    private static final Logger log = LoggerFactory.getLogger(RunRegistry.class);
    /** An execution nobody claims is orphaned once it is older than a launch could take to claim it. */
    private static final Duration UNCLAIMED_GRACE = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final JobRepository repository;
    private final JobOperator operator;
    private final DatabaseAccess database;
    private final RunTracker tracker;

    public RunRegistry(JdbcTemplate jdbc, JobRepository repository, JobOperator operator, DatabaseAccess database,
                       RunTracker tracker) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.operator = operator;
        this.database = database;
        this.tracker = tracker;
    }

    /** A range claimed by this process. */
    public record Claim(String rangeKey, long pid, String processStart) {
    }

    /**
     * @param role who runs it, for the message another process shows: {@code scheduler} or {@code one-shot}
     * @throws RunBusyException when a live process runs the same range
     */
    public Claim claim(PeriodRange range, String role) {
        String key = rangeKey(range);
        DatabaseOwner me = DatabaseOwner.current(role, 0);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                jdbc.update("INSERT INTO run_claim (range_key, pid, process_start, role, claimed_at) VALUES (?, ?, ?, ?, ?)",
                        key, me.pid(), me.processStart(), role, Timestamp.valueOf(LocalDateTime.now()));
                return new Claim(key, me.pid(), me.processStart());
            } catch (DuplicateKeyException taken) {
                List<Map<String, Object>> rows = jdbc.queryForList(
                        "SELECT pid, process_start, role, claimed_at, execution_id FROM run_claim WHERE range_key = ?", key);
                if (rows.isEmpty()) {
                    continue; // released meanwhile
                }
                Map<String, Object> row = rows.get(0);
                long pid = ((Number) row.get("PID")).longValue();
                String start = (String) row.get("PROCESS_START");
                if (!DatabaseOwner.isAlive(pid, start)) {
                    jdbc.update("DELETE FROM run_claim WHERE range_key = ? AND pid = ? AND process_start = ?", key, pid, start);
                    continue;
                }
                throw new RunBusyException("A run over " + range.from() + " to " + range.to() + " is already going on: "
                        + describeClaim(row) + ". Nothing was started: wait for it to end (see --list-runs).");
            }
        }
        throw new RunBusyException("The range " + range.from() + " to " + range.to()
                + " is being claimed by other runs right now: nothing was started; try again.");
    }

    /**
     * The months a range covers, however spelt: {@code --from=2024 --to=2025} and {@code --from=2024-01
     * --to=2025-12} are one range, as for {@code --restart}, and must not run at once.
     */
    static String rangeKey(PeriodRange range) {
        return range.firstMonth() + ".." + range.lastMonth();
    }

    private String describeClaim(Map<String, Object> row) {
        String who = (DatabaseOwner.SCHEDULER.equals(row.get("ROLE")) ? "the scheduler" : "a command-line run")
                + " (process " + row.get("PID") + ")";
        Number executionId = (Number) row.get("EXECUTION_ID");
        JobExecution execution = executionId == null ? null : repository.getJobExecution(executionId.longValue());
        if (execution == null) {
            return "a run being started by " + who + " at " + MachineTime.stamp(((Timestamp) row.get("CLAIMED_AT")).toLocalDateTime());
        }
        return RunTracker.describe(execution) + ", by " + who;
    }

    public void release(Claim claim) {
        jdbc.update("DELETE FROM run_claim WHERE range_key = ? AND pid = ? AND process_start = ?",
                claim.rangeKey(), claim.pid(), claim.processStart());
    }

    /**
     * Marks {@code FAILED} every execution left running by a process that no longer exists; called
     * before anything else runs. With the database file opened by this process alone, that is every
     * running execution not running here.
     *
     * @return what was recovered, in words
     */
    public List<String> recoverOrphans() {
        List<String> recovered = new ArrayList<>();
        List<JobExecution> running = new ArrayList<>(repository.findRunningJobExecutions(ObservatoryJobConfiguration.JOB_NAME));
        running.sort(Comparator.comparingLong(JobExecution::getId));
        for (JobExecution execution : running) {
            if (tracker.isRunningHere(execution.getId()) || !orphaned(execution)) {
                continue;
            }
            JobExecution full = repository.getJobExecution(execution.getId());
            if (full == null || !full.getStatus().isRunning()) {
                continue;
            }
            String what = RunTracker.describe(full);
            BatchStatus before = full.getStatus();
            LocalDateTime lastProgress = lastProgress(full);
            operator.recover(full);
            if (lastProgress != null) {
                // It stopped with its process, not now: --list-runs would show it lasting until this start.
                jdbc.update("UPDATE BATCH_JOB_EXECUTION SET END_TIME = ? WHERE JOB_EXECUTION_ID = ?",
                        Timestamp.valueOf(lastProgress), full.getId());
            }
            jdbc.update("DELETE FROM run_claim WHERE execution_id = ?", full.getId());
            deleteHalfWrittenWorkbooks(full);
            log.warn("The {} was left {} by a process that ended without finishing it (killed, or the machine"
                    + " stopped): marked FAILED; resume it with --restart", what, before);
            recovered.add(what);
        }
        recovered.addAll(recoverUnknown());
        // claims of dead processes that never got as far as an execution
        for (Map<String, Object> row : jdbc.queryForList("SELECT range_key, pid, process_start FROM run_claim")) {
            long pid = ((Number) row.get("PID")).longValue();
            String start = (String) row.get("PROCESS_START");
            if (!DatabaseOwner.isAlive(pid, start)) {
                jdbc.update("DELETE FROM run_claim WHERE range_key = ? AND pid = ? AND process_start = ?",
                        row.get("RANGE_KEY"), pid, start);
            }
        }
        return recovered;
    }

    /**
     * Runs that ended {@code UNKNOWN}: their database stopped answering as they recorded their end
     * (the scheduler serving it killed and started again within seconds), and Batch resumes no such
     * run. Their work was committed chunk by chunk in this very database, the reader's position with
     * each chunk, so they resume from their last commit as a failed run does: marked {@code FAILED}.
     */
    private List<String> recoverUnknown() {
        List<String> recovered = new ArrayList<>();
        for (Long id : jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ? AND e.STATUS = 'UNKNOWN'"
                + " ORDER BY e.JOB_EXECUTION_ID", Long.class, ObservatoryJobConfiguration.JOB_NAME)) {
            JobExecution full = tracker.isRunningHere(id) ? null : repository.getJobExecution(id);
            if (full == null) {
                continue;
            }
            markUnknownStepsFailed(full);
            full.setStatus(BatchStatus.FAILED);
            full.setExitStatus(full.getExitStatus().replaceExitCode(ExitStatus.FAILED.getExitCode()));
            if (full.getEndTime() == null) {
                full.setEndTime(lastProgress(full));
            }
            repository.update(full);
            String what = RunTracker.describe(full);
            log.warn("The {} ended UNKNOWN (its database stopped answering as it recorded its end): marked FAILED;"
                    + " resume it with --restart", what);
            recovered.add(what);
        }
        // A step left UNKNOWN in a run that ended otherwise (its process killed after the step's end
        // failed to save): Batch resumes no such step, whatever the run's status.
        for (Long id : jdbc.queryForList("SELECT DISTINCT s.JOB_EXECUTION_ID FROM BATCH_STEP_EXECUTION s"
                + " JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID"
                + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + " WHERE i.JOB_NAME = ? AND s.STATUS = 'UNKNOWN' AND e.STATUS IN ('FAILED', 'STOPPED')", Long.class,
                ObservatoryJobConfiguration.JOB_NAME)) {
            JobExecution ended = tracker.isRunningHere(id) ? null : repository.getJobExecution(id);
            if (ended != null) {
                markUnknownStepsFailed(ended);
                log.warn("A step of the {} ended UNKNOWN: marked FAILED; resume it with --restart",
                        RunTracker.describe(ended));
            }
        }
        return recovered;
    }

    private void markUnknownStepsFailed(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(step.getExitStatus().replaceExitCode(ExitStatus.FAILED.getExitCode()));
                repository.update(step);
            }
        }
    }

    /** The last time the execution or one of its steps recorded progress (a commit), before recovery. */
    private static LocalDateTime lastProgress(JobExecution execution) {
        LocalDateTime last = execution.getLastUpdated();
        for (var step : execution.getStepExecutions()) {
            if (step.getLastUpdated() != null && (last == null || step.getLastUpdated().isAfter(last))) {
                last = step.getLastUpdated();
            }
        }
        return last;
    }

    /**
     * A process killed while writing its workbook leaves the temporary files beside it, the
     * workbook's and those of its tables' CSVs (the workbook and CSVs in place are untouched). The
     * run's range is claimed by nobody else, so its temporary files are stale.
     */
    private static void deleteHalfWrittenWorkbooks(JobExecution execution) {
        RunParameters run = RunParameters.of(execution.getJobParameters());
        String workbook = "." + run.workbookName() + ".";
        String tables = "." + run.workbookName().replaceFirst("\\.xlsx$", "") + "_";
        try (Stream<Path> files = Files.list(run.outputDir())) {
            for (Path file : files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".part") && (name.startsWith(workbook)
                        || name.startsWith(tables) && name.contains(".csv."));
            }).toList()) {
                Files.deleteIfExists(file);
                log.info("Deleted {}, a workbook the killed run had not finished writing", file);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("no half-written workbook to delete: {}", e.toString());
        }
    }

    private boolean orphaned(JobExecution execution) {
        if (database.exclusive()) {
            return true; // the file lock admits no other process, and it is not running here
        }
        List<Map<String, Object>> claims = jdbc.queryForList(
                "SELECT pid, process_start FROM run_claim WHERE execution_id = ?", execution.getId());
        if (!claims.isEmpty()) {
            Map<String, Object> claim = claims.get(0);
            return !DatabaseOwner.isAlive(((Number) claim.get("PID")).longValue(), (String) claim.get("PROCESS_START"));
        }
        LocalDateTime created = execution.getCreateTime();
        return created != null && created.isBefore(LocalDateTime.now().minus(UNCLAIMED_GRACE));
    }

    /**
     * Asks the executions running in this process to stop after their current chunk: their status
     * becomes {@code STOPPING} in the repository, which each step reads at its next commit and then
     * ends {@code STOPPED}, its reader's position saved with that commit.
     *
     * <p>Deliberately not {@link JobOperator#stop}: in Batch 6.0.6 it also calls the running step's
     * {@code stop()} from this thread and releases its step context, which closes the step-scoped
     * reader and saves a reset position (the restart then rereads the file).
     */
    public int requestStop() {
        Set<Long> ids = new HashSet<>(tracker.runningHere());
        ids.addAll(runsOfOtherProcesses());
        int asked = 0;
        for (long id : ids) {
            // Once the last step writes the workbook, it is let finish: stopped there, the run would have
            // replaced the workbook yet end STOPPED, without refreshing the latest one.
            asked += jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STOPPING', VERSION = VERSION + 1,"
                    + " LAST_UPDATED = ? WHERE JOB_EXECUTION_ID = ? AND STATUS IN ('STARTING', 'STARTED')"
                    + " AND NOT EXISTS (SELECT 1 FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = ?"
                    + " AND s.STEP_NAME = ?)",
                    Timestamp.valueOf(LocalDateTime.now()), id, id, ObservatoryJobConfiguration.WRITE_REPORT_STEP);
        }
        return asked;
    }

    /** Whether an execution of this process, or one the scheduler serves, is writing its workbook. */
    public boolean writingWorkbook() {
        Set<Long> ids = new HashSet<>(tracker.runningHere());
        ids.addAll(runsOfOtherProcesses());
        for (long id : ids) {
            Integer steps = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                    + " AND STEP_NAME = ?", Integer.class, id, ObservatoryJobConfiguration.WRITE_REPORT_STEP);
            if (steps != null && steps > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a command-line run the scheduler serves has its execution: it has begun. */
    public boolean otherProcessesBegun() {
        return runsOfOtherProcesses().stream().anyMatch(id -> id >= 0); // -1: a claim, no execution yet
    }

    /**
     * With the database served by this process (the scheduler), the executions that command-line runs
     * of other, live processes are running through the server: they stop with the scheduler, the same
     * graceful way (their steps read the status at their next commit), instead of losing the database
     * in the middle of a chunk. Empty in the other modes.
     */
    public List<Long> runsOfOtherProcesses() {
        if (database.mode() != DatabaseAccess.Mode.SERVER) {
            return List.of();
        }
        DatabaseOwner me = DatabaseOwner.current("", 0);
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT pid, process_start, execution_id FROM run_claim")) {
            long pid = ((Number) row.get("PID")).longValue();
            String start = (String) row.get("PROCESS_START");
            boolean mine = pid == me.pid() && start.equals(me.processStart());
            if (!mine && DatabaseOwner.isAlive(pid, start)) {
                Number id = (Number) row.get("EXECUTION_ID");
                ids.add(id == null ? -1L : id.longValue());
            }
        }
        return ids;
    }

    /** The same range is running, or another process holds the database: {@link ExitCodes#BUSY}. */
    public static final class RunBusyException extends RuntimeException {
        public RunBusyException(String message) {
            super(message);
        }
    }
}

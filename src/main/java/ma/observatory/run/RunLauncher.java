package ma.observatory.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import ma.observatory.Causes;
import ma.observatory.csv.FileStamp;
import ma.observatory.csv.InputContractException;
import ma.observatory.geo.GeoDataset;
import ma.observatory.job.CheckInputsTasklet;
import ma.observatory.job.DatabaseDisk;
import ma.observatory.job.ObservatoryJobConfiguration;
import ma.observatory.job.RunParameters;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;
import ma.observatory.staging.StagingRepository;

/**
 * What the command line asks for, once Spring is up: one run, {@code --restart}, {@code --list-runs}
 * or {@code --schedule}; each outcome becomes an exit code and, when it is not 0, one plain sentence.
 * Every command first recovers the executions a killed process left running.
 */
@Component
public class RunLauncher {

    /** Non-identifying job parameter: who started the run ({@code command-line} or {@code schedule}). */
    public static final String TRIGGER = "trigger";
    /** Non-identifying job parameter: the run covers the nightly window, so it refreshes the latest workbook. */
    public static final String NIGHTLY = "nightly";
    public static final String LATEST_WORKBOOK = "labour-market-report_latest.xlsx";
    static final String DEFAULT_CRON = "0 0 2 * * *";
    /** Once the scheduler is back: it marks the run its death left running failed, so that it can be resumed. */
    private static final String RESUME = "resume the run with --restart (if it had not begun, --restart says so:"
            + " then run the same command again)";

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);
    /** Outside the console's logger tree: stack traces go to the log file only, after the one sentence. */
    private static final Logger details = LoggerFactory.getLogger("exit");

    private final JobOperator jobOperator;
    private final Job job;
    private final Environment env;
    private final JobRepository repository;
    private final JdbcTemplate jdbc;
    private final RunRegistry registry;
    private final RunGate gate;
    private final RunHistory history;
    private final DatabaseAccess database;
    private final StagingRepository staging;
    private final DatabaseDisk disk;
    private final LatestWorkbook latestWorkbook;

    public RunLauncher(JobOperator jobOperator, Job job, Environment env, JobRepository repository, JdbcTemplate jdbc,
                       RunRegistry registry, RunGate gate, RunHistory history, DatabaseAccess database,
                       StagingRepository staging, DatabaseDisk disk, LatestWorkbook latestWorkbook) {
        this.jobOperator = jobOperator;
        this.job = job;
        this.env = env;
        this.repository = repository;
        this.jdbc = jdbc;
        this.registry = registry;
        this.gate = gate;
        this.history = history;
        this.database = database;
        this.staging = staging;
        this.disk = disk;
        this.latestWorkbook = latestWorkbook;
    }

    /** Runs what the command line asks for and returns the exit code. */
    public int execute(CommandLine commandLine) throws InterruptedException {
        if (!commandLine.has("list-runs")) { // which reads only what every version has
            SchemaVersion.Refusal behind = SchemaVersion.behindScheduler(jdbc, database);
            if (behind != null) {
                ExitCodes.say(behind.sentence());
                return behind.exitCode();
            }
        }
        registry.recoverOrphans();
        if (commandLine.has("list-runs")) {
            history.print(System.out, database.path().toString(), zone());
            EarlyStop.spokenFor(); // printed: a stop now changes nothing
            return ExitCodes.OK;
        }
        if (commandLine.has("restart")) {
            return restart(commandLine);
        }
        if (commandLine.has("schedule")) {
            return schedule();
        }
        return launch(commandLine);
    }

    /**
     * One run over the range of the command line, or the nightly window. Only a run shaped as the
     * nightly one, as the scheduler's is (by the configuration alone), refreshes the latest
     * workbook, the file economists open every morning: not a run given another range, some
     * domains, another language or geography on its command line.
     */
    public int launch(CommandLine commandLine) {
        ZoneId zone = zone();
        boolean nightly = Stream.of("from", "to", "only", "lang", "geo-levels").noneMatch(commandLine::has);
        return exitCode(runOnce(parameters(commandLine.range(YearMonth.now(zone)), zone), "command-line", nightly,
                DatabaseOwner.ONE_SHOT));
    }

    /**
     * The scheduler's run that its stopping kept from beginning: there is nothing to resume. Never
     * an exit code: the scheduler's runs do not end the process.
     */
    private static final int NOT_BEGUN = -1;
    /**
     * A run that wrote its workbook but not the latest one: exit 1, with nothing to resume, which
     * the scheduler's log must not call a failed run to resume.
     */
    private static final int LATEST_NOT_REFRESHED = -2;

    /** The process's exit code for an outcome. */
    private static int exitCode(int outcome) {
        return outcome == LATEST_NOT_REFRESHED ? ExitCodes.RUN_FAILED : outcome;
    }

    private int runOnce(RunParameters run, String trigger, boolean nightly, String role) {
        Integer refused = refusedBeforeStarting(run, false);
        if (refused != null) {
            return refused;
        }
        // a stop from here on is the run's, and RunGate says what it does; unless its notice came first
        if (!EarlyStop.spokenFor()) {
            return ExitCodes.RUN_FAILED;
        }
        if (!gate.enter()) {
            ExitCodes.say("The program is shutting down: the run over " + run.range().from() + " to "
                    + run.range().to() + " was not started.");
            return DatabaseOwner.SCHEDULER.equals(role) ? NOT_BEGUN : ExitCodes.RUN_FAILED;
        }
        try {
            RunRegistry.Claim claim = registry.claim(run.range(), role);
            try {
                if (nightly) {
                    // no other nightly run of this range is under way to refresh it meanwhile
                    latestWorkbook.catchUp(run.outputDir());
                }
                log.info("Run over {} to {}: {} from {} into {}", run.range().from(), run.range().to(),
                        String.join(", ", RunParameters.ALL_DOMAINS.stream().filter(run::runs).toList()), run.inputDir(),
                        run.outputDir());
                JobParameters parameters = new JobParametersBuilder(run.toJobParameters())
                        .addString(TRIGGER, trigger, false)
                        .addString(NIGHTLY, Boolean.toString(nightly), false)
                        .toJobParameters();
                int outcome = execute(() -> jobOperator.start(job, parameters), () -> {
                    if (!DatabaseOwner.SCHEDULER.equals(role)) {
                        return stoppedBeforeBeginning();
                    }
                    ExitCodes.say("The scheduler is stopping: the run over " + run.range().from() + " to "
                            + run.range().to() + " was not started.");
                    return NOT_BEGUN;
                });
                if (!DatabaseOwner.SCHEDULER.equals(role)) { // the scheduler's stop is said as the scheduler's
                    completedRunIsTheLastWord(outcome);
                }
                return outcome;
            } finally {
                registry.release(claim);
            }
        } catch (RunRegistry.RunBusyException e) {
            ExitCodes.say(e.getMessage());
            return ExitCodes.BUSY;
        } catch (Exception e) {
            details.error("The run could not start", e);
            String what = "The run over " + run.range().from() + " to " + run.range().to();
            ExitCodes.say(Objects.requireNonNullElse(database.schedulerGone(what, e, RESUME),
                    what + " could not start (" + ExitCodes.rootMessage(e) + "): see " + logFile() + "."));
            return ExitCodes.RUN_FAILED;
        } finally {
            gate.exit();
        }
    }

    /**
     * Begins the run's execution unless a stop has come first ({@link RunGate#beginning()}), then
     * says its outcome; {@code notBegun} says the stop's.
     */
    private int execute(java.util.concurrent.Callable<JobExecution> execution, java.util.function.IntSupplier notBegun)
            throws Exception {
        if (!gate.beginning()) {
            return notBegun.getAsInt();
        }
        boolean executed = false;
        try {
            JobExecution ended = execution.call();
            gate.executed();
            executed = true;
            return finish(ended);
        } finally {
            gate.finished(executed);
        }
    }

    /**
     * A stop came after the run was let in and before its execution began: it does not begin, said
     * as a stop while the program starts, rather than begin only to be stopped and left to resume.
     */
    private static int stoppedBeforeBeginning() {
        ExitCodes.say(EarlyStop.NOTICE);
        return ExitCodes.RUN_FAILED;
    }

    /**
     * A command's run that completed, with no stop come yet: a stop from now until the program ends
     * (the context takes some 0.2 s to close) ends it in 143 all the same, which the exit codes'
     * table reads as "resume with --restart"; the stop's notice says there is nothing to resume.
     * A stop that came while the run ended has had its own sentence ({@link #finish}).
     */
    private void completedRunIsTheLastWord(int outcome) {
        if (outcome == ExitCodes.OK && !gate.closing()) {
            EarlyStop.runCompleted();
        }
    }

    /**
     * The exit code of a finished execution, said in a sentence where it is not 0, or where a stop
     * came as the workbook was written; a completed nightly run also refreshes the latest workbook.
     */
    private int finish(JobExecution execution) {
        int code = outcomeAndLatest(execution);
        if (code == ExitCodes.OK && gate.closing()) {
            // Asked to stop while it wrote the workbook, the run finished first: the JVM ends in 143
            // (130 after Ctrl-C) all the same, which the exit codes' table reads as "resume with --restart".
            ExitCodes.say("A stop was asked while the workbook was being written: the run finished first, the"
                    + " workbook is written and there is nothing to resume " + EarlyStop.EXIT_CODE_IS_THE_STOPS + ".");
        }
        return code;
    }

    private int outcomeAndLatest(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            // Its database gone as it ended: said as such, whichever step the connection dropped in.
            for (Throwable failure : execution.getAllFailureExceptions()) {
                String gone = database.schedulerGone("Run " + execution.getJobInstanceId(), failure, RESUME);
                if (gone != null) {
                    ExitCodes.say(gone);
                    return ExitCodes.RUN_FAILED;
                }
            }
        }
        int code = outcome(execution, logFile());
        if (code == ExitCodes.OK && "true".equals(execution.getJobParameters().getString(NIGHTLY))) {
            // A night resumed with --restart after the next night's run completed must not put the
            // older range back in the latest workbook.
            LatestWorkbook.NightlyRun newer = latestWorkbook.newestNightlyRun(
                    Path.of(execution.getJobParameters().getString("output-dir")), execution.getJobInstanceId());
            if (newer != null) {
                log.info("{} left as it is: run {}, a later nightly run, wrote it", LATEST_WORKBOOK, newer.instance());
                return code;
            }
            try {
                latestWorkbook.refresh(execution);
            } catch (IOException | RuntimeException e) {
                details.error("Could not refresh the latest workbook", e);
                Path latest = Path.of(execution.getJobParameters().getString("output-dir")).resolve(LATEST_WORKBOOK);
                ExitCodes.say("The workbook was written, but " + LATEST_WORKBOOK + " could not be refreshed ("
                        + ExitCodes.rootMessage(e) + "; see " + logFile() + "). "
                        + (Files.isDirectory(latest) ? "A folder of that name is in the way: move it away"
                                : (Files.exists(latest) ? "It still holds an earlier night's workbook"
                                        : "There is none yet") + ": make room in the output folder")
                        + ", then copy the new workbook to " + LATEST_WORKBOOK + ", or leave it to the next start"
                        + " of the scheduler or of a nightly run, which copies it (--restart has nothing to resume).");
                return LATEST_NOT_REFRESHED;
            }
        }
        return code;
    }

    private static Path folder(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    static int outcome(JobExecution execution, String logFile) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return ExitCodes.OK;
        }
        for (Throwable t : execution.getAllFailureExceptions()) {
            InputContractException contract = find(t);
            if (contract != null) {
                ExitCodes.say(contract.getMessage());
                return ExitCodes.INPUT_CONTRACT;
            }
        }
        if (execution.getStatus() == BatchStatus.UNKNOWN) {
            // Batch could not record how a step ended: its workbook may be written or not.
            ExitCodes.say("Run " + execution.getJobInstanceId() + " could not record how it ended (its database stopped"
                    + " answering, or a step's end could not be saved): the next command marks it failed, and"
                    + " --restart then resumes it from its last commit; see " + logFile + ".");
            return ExitCodes.RUN_FAILED;
        }
        if (execution.getStatus() == BatchStatus.STOPPED || execution.getStatus() == BatchStatus.STOPPING) {
            ExitCodes.say("The run " + execution.getJobInstanceId() + " was stopped before it finished (a stop was"
                    + " requested): nothing new was written and the previous workbook is unchanged; resume it with --restart.");
            return ExitCodes.RUN_FAILED;
        }
        Throwable first = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        if (first != null && ExitCodes.rootMessageInFull(first).contains("No space left on device")) {
            // the database's disk is watched (job/DatabaseDisk): this is where the workbook is made
            ExitCodes.say("The run failed: a disk is full (No space left on device), the one holding the output folder ("
                    + Path.of(execution.getJobParameters().getString("output-dir")).toAbsolutePath()
                    + ") or the temporary folder where the sheets are prepared (" + System.getProperty("java.io.tmpdir")
                    + "). Nothing new was written and the previous workbook is unchanged: free some space there,"
                    + " then resume it with --restart.");
            return ExitCodes.RUN_FAILED;
        }
        if (first != null && ExitCodes.rootMessageInFull(first).contains("Data File size limit is reached")) {
            // HSQLDB's words when the disk under its data file fills faster than DatabaseDisk checks:
            // read as a size limit, they sent the operator after a setting rather than the disk
            ExitCodes.say("The run failed: the database could not grow (HSQLDB: \"Data File size limit is reached\"),"
                    + " most often because the disk holding it (--db) is full. Nothing new was written and the previous"
                    + " workbook is unchanged: free some space there, then resume it with --restart.");
            return ExitCodes.RUN_FAILED;
        }
        if (execution.getAllFailureExceptions().stream().anyMatch(ExitCodes::outOfMemory)) {
            ExitCodes.say("The run ran out of memory (it may use " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB): nothing new was written and the previous workbook is unchanged. Give it more with -Xmx"
                    + " (" + HeapAdvice.moreMemory() + " …), then resume it with --restart.");
            return ExitCodes.RUN_FAILED;
        }
        java.nio.file.FileSystemException file = first == null ? null : fileProblem(first);
        if (file != null) {
            // A folder someone else owns (a shared temporary folder made by another user), a name
            // taken by a folder: the operator can mend it, given the file and the cause.
            String target = Path.of(Objects.requireNonNullElse(file.getOtherFile(), file.getFile())).toAbsolutePath()
                    .toString();
            // Linux says "Is a directory" when a file is renamed onto a folder, empty or not
            boolean folderInTheWay = file instanceof java.nio.file.DirectoryNotEmptyException
                    || Files.isDirectory(Path.of(target));
            // --restart keeps the run's --output-dir: another output folder is a new run, said as such;
            // the temporary folder is the JVM's, which a resumed run may be given anew. An output folder
            // under the temporary one (/tmp/check) is an output folder.
            Path written = Path.of(target).normalize();
            Path output = Path.of(execution.getJobParameters().getString("output-dir")).toAbsolutePath().normalize();
            boolean temporary = !written.startsWith(output)
                    && written.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize());
            String mend = (folderInTheWay ? "remove or rename that folder"
                    : file instanceof java.nio.file.NoSuchFileException ? "make that folder"
                    : "let the program write there")
                    + (temporary ? ", or give it another temporary folder (java -Djava.io.tmpdir=… -jar …),"
                            + " then resume it with --restart"
                            : ", then resume it with --restart (or start a new run, without --restart, with another"
                                    + " --output-dir)");
            ExitCodes.say("The run failed: it could not write " + target + " (" + why(file, folderInTheWay)
                    + "). Nothing new was"
                    + " written and the previous workbook, if any, is unchanged: " + mend + ".");
            return ExitCodes.RUN_FAILED;
        }
        ExitCodes.say("The run failed" + (first == null ? "" : " (" + ExitCodes.rootMessage(first) + ")")
                + ": nothing new was written and the previous workbook is unchanged; see " + logFile
                + " for the details, then resume it with --restart.");
        return ExitCodes.RUN_FAILED;
    }

    /** Why a file could not be written, in words. */
    private static String why(java.nio.file.FileSystemException e, boolean folderInTheWay) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (folderInTheWay) {
            return "a folder of that name is in the way";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        return Objects.requireNonNullElse(e.getReason(), e.getClass().getSimpleName());
    }

    /** The file the run could not write, if a file is what failed it. */
    static java.nio.file.FileSystemException fileProblem(Throwable t) {
        for (Throwable c : Causes.of(t)) {
            if (c instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
                return f;
            }
        }
        return null;
    }

    /** {@code --restart}: resumes the last failed or stopped run from its last commit. */
    int restart(CommandLine commandLine) {
        ZoneId zone = zone();
        PeriodRange only = commandLine.has("from") || commandLine.has("to") ? commandLine.range(YearMonth.now(zone)) : null;
        JobExecution last = lastRestartable(only);
        String over = only == null ? "" : " over " + only.from() + " to " + only.to();
        if (last == null) {
            ExitCodes.say("There is no failed or stopped run" + over + " to resume: nothing was started (see --list-runs).");
            return ExitCodes.RESTART_REFUSED;
        }
        RunParameters run = RunParameters.of(last.getJobParameters());
        String disagreement = disagreement(commandLine, run);
        if (disagreement != null) {
            ExitCodes.say("--restart resumes run " + last.getJobInstanceId() + " with the options it was started with: "
                    + disagreement + "; leave the option out, or start a new run (without --restart).");
            return ExitCodes.BAD_COMMAND_LINE;
        }
        String setting = settingDisagreement(commandLine, run);
        if (setting != null) {
            ExitCodes.say("--restart resumes run " + last.getJobInstanceId() + " with the options it was started with: "
                    + setting + "; unset it for the restart, or start a new run (without --restart).");
            return ExitCodes.BAD_COMMAND_LINE;
        }
        String inputMissing = missingInputFolder(last.getJobInstanceId(), run);
        if (inputMissing != null) {
            ExitCodes.say(inputMissing);
            return ExitCodes.RESTART_REFUSED;
        }
        List<String> changes = inputChanges(last.getJobInstanceId(), run.inputDir());
        if (!changes.isEmpty()) {
            ExitCodes.say("Run " + last.getJobInstanceId() + " over " + run.range().from() + " to " + run.range().to()
                    + " cannot be resumed: " + String.join("; ", changes) + " since it started. Nothing was started:"
                    + " start a new run instead (the same command without --restart).");
            return ExitCodes.RESTART_REFUSED;
        }
        Integer refused = refusedBeforeStarting(run, true);
        if (refused != null) {
            return refused;
        }
        // a stop from here on is the run's, and RunGate says what it does; unless its notice came first
        if (!EarlyStop.spokenFor()) {
            return ExitCodes.RUN_FAILED;
        }
        if (!gate.enter()) {
            ExitCodes.say("The program is shutting down: run " + last.getJobInstanceId() + " was not resumed.");
            return ExitCodes.RUN_FAILED;
        }
        try {
            RunRegistry.Claim claim = registry.claim(run.range(), DatabaseOwner.ONE_SHOT);
            try {
                log.info("Resuming run {} over {} to {} (execution {} ended {}) from its last commit",
                        last.getJobInstanceId(), run.range().from(), run.range().to(), last.getId(), last.getStatus());
                int outcome = exitCode(execute(() -> jobOperator.restart(last), RunLauncher::stoppedBeforeBeginning));
                completedRunIsTheLastWord(outcome);
                return outcome;
            } finally {
                registry.release(claim);
            }
        } catch (RunRegistry.RunBusyException e) {
            ExitCodes.say(e.getMessage());
            return ExitCodes.BUSY;
        } catch (Exception e) {
            details.error("The run could not be resumed", e);
            ExitCodes.say(Objects.requireNonNullElse(
                    database.schedulerGone("Run " + last.getJobInstanceId(), e, RESUME),
                    "Run " + last.getJobInstanceId() + " could not be resumed (" + ExitCodes.rootMessage(e)
                            + "): see " + logFile() + "."));
            return ExitCodes.RUN_FAILED;
        } finally {
            gate.exit();
        }
    }

    /**
     * Why a run cannot be resumed for want of its input folder, or null when the folder is there.
     * Resumed, it would only fail again, saying to give --input-dir, which --restart refuses. A
     * relative folder is found from where the command is started: typed from another folder than
     * the run's, the mend is to go back there, not to lose the run's committed work.
     */
    static String missingInputFolder(long runId, RunParameters run) {
        Path folder = run.inputDir();
        if (Files.isDirectory(folder)) {
            return null;
        }
        String what = "Run " + runId + " over " + run.range().from() + " to " + run.range().to()
                + " cannot be resumed: ";
        String newRun = "start a new run instead (the same command without --restart, with --input-dir naming the"
                + " folder that holds the CSV files)";
        if (!folder.isAbsolute()) {
            return what + "it reads its files from --input-dir=" + folder + ", found from the folder the command is"
                    + " started in, and " + Path.of("").toAbsolutePath() + (Files.exists(folder)
                            ? " holds a file named " + folder + ", not a folder" : " has no folder " + folder)
                    + ". Nothing was"
                    + " started: run --restart from the folder the run was started in (cd there first; if it is this"
                    + " one, put the folder " + folder + " back), or " + newRun + ".";
        }
        return what + "its input folder " + folder + (Files.exists(folder) ? " is not a folder." : " does not exist.")
                + " Nothing was started: put the folder back, then run --restart again, or " + newRun + ".";
    }

    /**
     * The newest run whose last execution failed or stopped, among the latest run of each workbook
     * (a failed run that a later run of the same workbook superseded is not resumed; a run of other
     * domains, levels or language, or into another folder, which writes a workbook of its own, does
     * not supersede it).
     */
    JobExecution lastRestartable(PeriodRange only) {
        List<Map<String, Object>> lastExecutions = jdbc.queryForList("""
                SELECT e.JOB_EXECUTION_ID, e.STATUS,
                  (SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS p
                    WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'from') AS FROM_PERIOD,
                  (SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS p
                    WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'to') AS TO_PERIOD,
                  (SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS p
                    WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'only') AS DOMAINS,
                  (SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS p
                    WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'geo-levels') AS GEO_LEVELS,
                  (SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS p
                    WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'lang') AS LANG,
                  (SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS p
                    WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'output-dir') AS OUTPUT_DIR
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = ? AND e.JOB_EXECUTION_ID IN
                  (SELECT MAX(x.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION x GROUP BY x.JOB_INSTANCE_ID)
                ORDER BY e.JOB_INSTANCE_ID DESC""", ObservatoryJobConfiguration.JOB_NAME);
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> row : lastExecutions) {
            String workbook = RunParameters.workbookName((String) row.get("FROM_PERIOD"), (String) row.get("TO_PERIOD"),
                    (String) row.get("DOMAINS"), (String) row.get("GEO_LEVELS"), (String) row.get("LANG"));
            if (workbook == null || !seen.add(folder(String.valueOf(row.get("OUTPUT_DIR"))).resolve(workbook).toString())
                    || (only != null && !sameMonths(only, (String) row.get("FROM_PERIOD"), (String) row.get("TO_PERIOD")))) {
                continue;
            }
            String status = (String) row.get("STATUS");
            if (BatchStatus.FAILED.name().equals(status) || BatchStatus.STOPPED.name().equals(status)) {
                return repository.getJobExecution(((Number) row.get("JOB_EXECUTION_ID")).longValue());
            }
        }
        return null;
    }

    /** Whether a run's range covers the same months as {@code range}, however spelt (2024 and 2024-01 to 2024-12). */
    private static boolean sameMonths(PeriodRange range, String from, String to) {
        try {
            return Period.parse(from).firstMonth().equals(range.firstMonth())
                    && Period.parse(to).lastMonth().equals(range.lastMonth());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false; // a run recorded without a range of ours
        }
    }

    /** The first option of the command line that differs from the run's own, in words; null when they agree. */
    static String disagreement(CommandLine commandLine, RunParameters run) {
        return disagreement(run, commandLine::value, option -> "");
    }

    /**
     * As {@link #disagreement(CommandLine, RunParameters)}, for an option the command line leaves out
     * and a setting gives ({@code OBSERVATORY_LANG=en}, {@code config/application.properties}, a
     * {@code -D}): checked as the command line's is, rather than silently not applied.
     */
    private String settingDisagreement(CommandLine commandLine, RunParameters run) {
        if (!(env instanceof org.springframework.core.env.ConfigurableEnvironment configurable)) {
            return null;
        }
        java.util.function.Function<String, String> origin =
                option -> CommandLine.settingOrigin(configurable, "observatory." + option);
        return disagreement(run, option -> {
            String where = origin.apply(option);
            return commandLine.has(option) || where == null || where.equals(CommandLine.INSIDE_THE_JAR) ? null
                    : env.getProperty("observatory." + option);
        }, option -> " (set in " + origin.apply(option) + ")");
    }

    private static String disagreement(RunParameters run, java.util.function.Function<String, String> givenValues,
                                       java.util.function.Function<String, String> where) {
        for (String option : CommandLine.FIXED_BY_RESTART) {
            String given = givenValues.apply(option);
            if (given == null) {
                continue;
            }
            String own = switch (option) {
                case "input-dir" -> run.inputDir().toString();
                case "output-dir" -> run.outputDir().toString();
                case "lang" -> run.language();
                case "only" -> String.join(",", RunParameters.ALL_DOMAINS.stream().filter(run::runs).toList());
                case "max-reject-rate" -> Double.toString(run.maxRejectRate());
                case "geo-levels" -> String.join(",", run.geoLevels().stream().sorted().toList());
                default -> given;
            };
            boolean same = switch (option) {
                case "input-dir", "output-dir" -> Path.of(given).toAbsolutePath().normalize()
                        .equals(Path.of(own).toAbsolutePath().normalize());
                case "only", "geo-levels" -> set(given).equals(set(own));
                case "max-reject-rate" -> Double.parseDouble(given) == run.maxRejectRate();
                default -> given.equals(own);
            };
            if (!same) {
                return "--" + option + "=" + own + ", not " + given + where.apply(option);
            }
        }
        return null;
    }

    /**
     * The input files that differ from what the run recorded when it started (SHA-256). Each file
     * found the same is stamped anew ({@link FileStamp}): it may have been copied back or touched
     * since, and the resumed imports check that they read the file as it is now.
     */
    List<String> inputChanges(long runId, Path inputDir) {
        List<String> changes = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList(
                "SELECT file, present, sha256 FROM input_file WHERE run_id = ? ORDER BY file", runId)) {
            String file = (String) row.get("FILE");
            boolean present = Boolean.TRUE.equals(row.get("PRESENT"));
            Path path = inputDir.resolve(file);
            boolean exists = Files.isRegularFile(path);
            if (present && !exists) {
                changes.add(file + " is gone");
            } else if (!present && exists) {
                changes.add(file + " has appeared");
            } else if (present) {
                try {
                    FileStamp stamp = FileStamp.of(path);
                    if (!CheckInputsTasklet.sha256(path).equalsIgnoreCase((String) row.get("SHA256"))) {
                        changes.add(file + " has changed (its SHA-256 differs)");
                    } else if (!stamp.equals(FileStamp.of(path))) {
                        changes.add(file + " is being written");
                    } else {
                        staging.restamp(runId, file, stamp);
                    }
                } catch (IOException e) {
                    changes.add(file + " cannot be read (" + e.getMessage() + ")");
                }
            }
        }
        return changes;
    }

    /** {@code --schedule}: stays up, runs the nightly window at the cron times, until the context closes. */
    int schedule() throws InterruptedException {
        ZoneId zone = zone();
        String cron = env.getProperty("observatory.schedule-cron", DEFAULT_CRON);
        if (!CronExpression.isValidExpression(cron)) {
            ExitCodes.say("observatory.schedule-cron='" + cron + "' is not a cron expression: six fields, seconds first,"
                    + " e.g. 0 0 2 * * * for 02:00 every night.");
            return ExitCodes.BAD_COMMAND_LINE;
        }
        if (!levelsKnownToTheReference()) {
            return ExitCodes.INPUT_CONTRACT;
        }
        // Registered before the scheduler takes over the stop, so that a stop from then on (as it
        // catches up the latest workbook, say) is said; unless the stop's notice came first. The exit
        // code is the stop's, 143 (130 after Ctrl-C), and every exit but 0 says why on the error
        // stream; not through ExitCodes.say, whose ERROR line a monitor would take for a failure.
        gate.onIdleClose(() -> {
            if (EarlyStop.spokenFor()) {
                System.err.println("The scheduler stopped, as it was asked to: no run was going on, so there is"
                        + " nothing to resume.");
            }
        });
        // SIGTERM is how the scheduler is stopped, and from here on it says so
        if (gate.closing() || !EarlyStop.spokenFor()) {
            return ExitCodes.OK; // stopped while it was starting: the stop's notice has said so
        }
        // a scheduler restarted after it was killed as it refreshed the latest workbook: not a day late
        latestWorkbook.catchUp(Path.of(env.getRequiredProperty("observatory.output-dir")));
        try (NightlyScheduler scheduler = new NightlyScheduler(cron, zone, () -> nightlyRun(zone))) {
            gate.onClosing(scheduler::stopping);
            scheduler.start();
            gate.awaitClosed();
        }
        log.info("Scheduler stopped");
        return ExitCodes.OK;
    }

    /**
     * A level the reference does not have stops every night: said when the scheduler starts, not at
     * 02:00. A reference that cannot be read now is only a warning, as it may be mended before the night.
     */
    private boolean levelsKnownToTheReference() {
        Path inputDir = Path.of(env.getRequiredProperty("observatory.input-dir"));
        try {
            Set<String> levels = GeoDataset.levels(inputDir);
            List<String> unknown = set(env.getRequiredProperty("observatory.geo-levels")).stream()
                    .filter(l -> !levels.contains(l)).sorted().toList();
            if (!unknown.isEmpty()) {
                ExitCodes.say("--geo-levels names " + String.join(", ", unknown) + ", which reference/geo.csv does"
                        + " not have (its levels: " + String.join(", ", levels) + "): every night would stop."
                        + " The scheduler was not started; give levels of the reference, e.g."
                        + " --geo-levels=country,region.");
                return false;
            }
        } catch (InputContractException e) {
            log.warn("The nightly run will stop unless this is mended before it: {}", e.getMessage());
        }
        return true;
    }

    private void nightlyRun(ZoneId zone) {
        registry.recoverOrphans(); // a command-line run killed since the last night
        RunParameters run = parameters(PeriodRange.nightlyWindow(YearMonth.now(zone)), zone);
        int code = runOnce(run, "schedule", true, DatabaseOwner.SCHEDULER);
        if (code == NOT_BEGUN) {
            // nothing to resume: not the "stopped, resume it" of a run the stop caught under way
            log.warn("Nightly run over {} to {} not started: the scheduler was stopping", run.range().from(),
                    run.range().to());
            return;
        }
        // The scheduler stays up whatever the night gave: a failed night is an error in the log, which
        // is what a monitor of a long-running service watches.
        String message = "Nightly run over {} to {} ended with exit code {} ({})";
        String meaning = switch (code) {
            case ExitCodes.OK -> "workbook written";
            case ExitCodes.INPUT_CONTRACT -> "input contract broken, nothing written";
            case ExitCodes.BUSY -> "skipped: another run of the same range was going on";
            case ExitCodes.BAD_COMMAND_LINE -> "not started: the output folder cannot be used (see above)";
            case LATEST_NOT_REFRESHED -> "workbook written, but not copied to " + LATEST_WORKBOOK
                    + " (see above): nothing to resume";
            default -> "failed or stopped, nothing written: resume it with --restart";
        };
        if (code == ExitCodes.OK) {
            log.info(message, run.range().from(), run.range().to(), code, meaning);
        } else if (code == LATEST_NOT_REFRESHED) {
            log.error(message, run.range().from(), run.range().to(), ExitCodes.RUN_FAILED, meaning);
        } else if (gate.closing()) {
            // the operator stopped the scheduler: not the failure a monitor watches ERROR lines for
            log.warn(message, run.range().from(), run.range().to(), code,
                    "stopped as the scheduler was asked to stop: resume it with --restart");
        } else {
            log.error(message, run.range().from(), run.range().to(), code, meaning);
        }
    }

    private RunParameters parameters(PeriodRange range, ZoneId zone) {
        return new RunParameters(range,
                Path.of(env.getRequiredProperty("observatory.input-dir")),
                Path.of(env.getRequiredProperty("observatory.output-dir")),
                env.getRequiredProperty("observatory.lang"),
                set(env.getRequiredProperty("observatory.only")),
                Double.parseDouble(env.getRequiredProperty("observatory.max-reject-rate")),
                set(env.getRequiredProperty("observatory.geo-levels")),
                LocalDateTime.now(zone));
    }

    /** The exit code when the run cannot even start (its output folder, the database's disk), else null. */
    private Integer refusedBeforeStarting(RunParameters run, boolean resuming) {
        if (!usableOutputFolder(run.outputDir(), resuming)) {
            return ExitCodes.BAD_COMMAND_LINE;
        }
        if (!enoughSpaceForTheDatabase()) {
            return ExitCodes.RUN_FAILED;
        }
        return null;
    }

    /**
     * Whether the workbook can go into the output folder (made if missing); if not, says so before
     * any work: found only when the workbook is written, at the end, the error would name a
     * temporary file the user never asked for.
     */
    private static boolean usableOutputFolder(Path folder, boolean resuming) {
        // --restart keeps the run's --output-dir: only the folder itself can be mended
        String remedy = resuming ? "change its permissions and run --restart again"
                : "give a writable folder with --output-dir, or change its permissions";
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            ExitCodes.say("The output folder " + folder.toAbsolutePath() + " cannot be made (" + whyNoFolder(folder, e)
                    + "). Nothing was started: " + (resuming ? "mend that and run --restart again"
                    : "give a folder with --output-dir") + ".");
            return false;
        }
        if (!Files.isWritable(folder)) {
            ExitCodes.say("The output folder " + folder.toAbsolutePath() + " cannot be written by this user. Nothing"
                    + " was started: " + remedy + ".");
            return false;
        }
        return true;
    }

    /**
     * Why a folder cannot be made, in words: what is in the way is named (a file, a link to nothing,
     * a folder this user may not write in), not "Not a directory" or "FileAlreadyExistsException".
     */
    static String whyNoFolder(Path folder, IOException e) {
        Path target = folder.toAbsolutePath();
        for (Path p = target; p != null; p = p.getParent()) {
            if (Files.isSymbolicLink(p) && !Files.exists(p)) {
                return (p.equals(target) ? "it" : p.toString()) + " is a link to something that does not exist";
            }
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    return p.equals(target) ? "it is a file" : p + " is a file, not a folder";
                }
                if (!p.equals(target) && !Files.isWritable(p)) {
                    return "this user may not make folders in " + p;
                }
                break;
            }
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Whether the disk holding the database has room for a run ({@link DatabaseDisk}); if not, says so. */
    private boolean enoughSpaceForTheDatabase() {
        String refusal = disk.roomToStart();
        if (refusal != null) {
            ExitCodes.say(refusal);
            return false;
        }
        return true;
    }

    private ZoneId zone() {
        return ZoneId.of(env.getProperty("observatory.zone", "Africa/Casablanca"));
    }

    private String logFile() {
        return env.getProperty("logging.file.name", "var/logs/observatory.log");
    }

    static InputContractException find(Throwable t) {
        return Causes.find(t, InputContractException.class);
    }

    private static Set<String> set(String csv) {
        Set<String> set = new LinkedHashSet<>();
        Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(set::add);
        return set;
    }
}

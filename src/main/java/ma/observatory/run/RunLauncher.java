package ma.observatory.run;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import ma.observatory.csv.InputContractException;
import ma.observatory.job.RunParameters;

/** Starts one run of the job and turns its outcome into an exit code and one plain sentence. */
@Component
public class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final JobOperator jobOperator;
    private final Job job;
    private final Environment env;

    public RunLauncher(JobOperator jobOperator, Job job, Environment env) {
        this.jobOperator = jobOperator;
        this.job = job;
        this.env = env;
    }

    public int launch(CommandLine commandLine) throws Exception {
        ZoneId zone = ZoneId.of(env.getProperty("observatory.zone", "Africa/Casablanca"));
        RunParameters run = new RunParameters(commandLine.range(YearMonth.now(zone)),
                Path.of(env.getRequiredProperty("observatory.input-dir")),
                Path.of(env.getRequiredProperty("observatory.output-dir")),
                env.getRequiredProperty("observatory.lang"),
                set(env.getRequiredProperty("observatory.only")),
                Double.parseDouble(env.getRequiredProperty("observatory.max-reject-rate")),
                set(env.getRequiredProperty("observatory.geo-levels")),
                LocalDateTime.now(zone));
        log.info("Run over {} to {}: {} from {} into {}", run.range().from(), run.range().to(),
                String.join(", ", RunParameters.ALL_DOMAINS.stream().filter(run::runs).toList()), run.inputDir(),
                run.outputDir());
        JobExecution execution = jobOperator.start(job, run.toJobParameters());
        return outcome(execution, env.getProperty("logging.file.name", "var/logs/observatory.log"));
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
        Throwable first = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        ExitCodes.say("The run failed" + (first == null ? "" : " (" + rootMessage(first) + ")")
                + ": nothing new was written and the previous workbook is unchanged; see " + logFile
                + " for the details, then run the same command again.");
        return ExitCodes.RUN_FAILED;
    }

    static InputContractException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InputContractException e) {
                return e;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private static Set<String> set(String csv) {
        Set<String> set = new LinkedHashSet<>();
        Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(set::add);
        return set;
    }
}

package ma.observatory.run;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.ObservatoryApplication;
import ma.observatory.job.ObservatoryJobConfiguration;
import ma.observatory.job.RunParameters;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Claims on a range and the recovery of executions a dead process left running, against a real database. */
class RunRegistryTests {

    private static final PeriodRange RANGE = new PeriodRange(Period.parse("2023"), Period.parse("2024"));

    @TempDir
    Path work;

    private ConfigurableApplicationContext context() {
        return new SpringApplication(ObservatoryApplication.class).run("--observatory.db=" + work.resolve("db/observatory"),
                "--logging.file.name=" + work.resolve("logs/observatory.log"),
                "--observatory.db-server-port=" + ChildJvm.freePort());
    }

    /** The id of a process that has ended, as a killed run leaves in its claim. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aRangeIsClaimedOnceAndAClaimOfADeadProcessNoLongerCounts() throws Exception {
        try (ConfigurableApplicationContext context = context()) {
            RunRegistry registry = context.getBean(RunRegistry.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            RunRegistry.Claim claim = registry.claim(RANGE, DatabaseOwner.ONE_SHOT);
            assertThatThrownBy(() -> registry.claim(RANGE, DatabaseOwner.SCHEDULER))
                    .isInstanceOf(RunRegistry.RunBusyException.class)
                    .hasMessageStartingWith("A run over 2023 to 2024 is already going on: a run being started by a"
                            + " command-line run (process " + ProcessHandle.current().pid() + ")");
            // the same months spelt otherwise are the same range
            assertThatThrownBy(() -> registry.claim(new PeriodRange(Period.parse("2023-01"), Period.parse("2024-Q4")),
                    DatabaseOwner.ONE_SHOT)).isInstanceOf(RunRegistry.RunBusyException.class)
                    .hasMessageStartingWith("A run over 2023-01 to 2024-Q4 is already going on");
            registry.claim(new PeriodRange(Period.parse("2024"), Period.parse("2024")), DatabaseOwner.ONE_SHOT);
            registry.release(claim);

            jdbc.update("INSERT INTO run_claim (range_key, pid, process_start, role, claimed_at) VALUES (?, ?, ?, ?, ?)",
                    RunRegistry.rangeKey(RANGE), deadPid(), "2026-01-01T00:00:00Z", DatabaseOwner.SCHEDULER,
                    Timestamp.valueOf(LocalDateTime.now()));
            assertThat(registry.claim(RANGE, DatabaseOwner.ONE_SHOT).pid()).isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void anExecutionLeftStartedIsMarkedFailedSoThatItCanBeRestarted() throws Exception {
        try (ConfigurableApplicationContext context = context()) {
            JobRepository repository = context.getBean(JobRepository.class);
            Path reports = work.resolve("reports");
            Path halfWritten = reports.resolve(".labour-market-report_2023_2024.xlsx.4242.part");
            Path otherRange = reports.resolve(".labour-market-report_2024_2024.xlsx.4343.part");
            java.nio.file.Files.createDirectories(reports);
            java.nio.file.Files.writeString(halfWritten, "PK");
            java.nio.file.Files.writeString(otherRange, "PK");
            Path halfWrittenCsv = reports.resolve(".labour-market-report_2023_2024_Indicators.csv.4444.part");
            Path csv = reports.resolve("labour-market-report_2023_2024_Indicators.csv");
            java.nio.file.Files.writeString(halfWrittenCsv, "indicator");
            java.nio.file.Files.writeString(csv, "indicator");
            JobParameters parameters = new RunParameters(RANGE, Path.of("data"), reports, "fr",
                    java.util.Set.copyOf(RunParameters.ALL_DOMAINS), 0.01, java.util.Set.of("country", "region"),
                    LocalDateTime.of(2026, 1, 1, 2, 0)).toJobParameters();
            JobInstance instance = repository.createJobInstance(ObservatoryJobConfiguration.JOB_NAME, parameters);
            JobExecution orphan = repository.createJobExecution(instance, parameters, new ExecutionContext());
            orphan.setStatus(BatchStatus.STARTED);
            orphan.setStartTime(LocalDateTime.now());
            repository.update(orphan);
            // its process was killed ten minutes ago, at its last commit
            LocalDateTime killed = LocalDateTime.now().minusMinutes(10).withNano(0);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.update("UPDATE BATCH_JOB_EXECUTION SET LAST_UPDATED = ? WHERE JOB_EXECUTION_ID = ?",
                    Timestamp.valueOf(killed), orphan.getId());

            List<String> recovered = context.getBean(RunRegistry.class).recoverOrphans();

            assertThat(recovered).containsExactly("run " + instance.getId() + " (execution " + orphan.getId()
                    + ") over 2023 to 2024, started " + java.time.format.DateTimeFormatter
                    .ofPattern("yyyy-MM-dd HH:mm:ss").format(orphan.getStartTime()) + " (" + java.time.ZoneId.systemDefault().getId()
                    + ")");
            assertThat(repository.getJobExecution(orphan.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
            // --list-runs shows it ending when it stopped, not lasting until this recovery
            assertThat(repository.getJobExecution(orphan.getId()).getEndTime()).isEqualTo(killed);
            // the workbook it was writing when killed: its temporary file goes, another range's stays
            assertThat(halfWritten).doesNotExist();
            assertThat(halfWrittenCsv).doesNotExist();
            assertThat(csv).as("the CSV of the workbook in place").exists();
            assertThat(otherRange).exists();
            assertThat(context.getBean(RunRegistry.class).recoverOrphans()).isEmpty();
        }
    }

    @Test
    void aRunStartedNotesItsExecutionOnItsClaimSoThatItsDeathIsSeen() throws Exception {
        try (ConfigurableApplicationContext context = context()) {
            JobRepository repository = context.getBean(JobRepository.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            // claimed as typed, started with the same months spelt otherwise
            context.getBean(RunRegistry.class).claim(new PeriodRange(Period.parse("2023-01"), Period.parse("2024-12")),
                    DatabaseOwner.ONE_SHOT);
            JobParameters parameters = new RunParameters(RANGE, Path.of("data"), work.resolve("reports"), "fr",
                    java.util.Set.copyOf(RunParameters.ALL_DOMAINS), 0.01, java.util.Set.of("country", "region"),
                    LocalDateTime.of(2026, 1, 1, 2, 0)).toJobParameters();
            JobInstance instance = repository.createJobInstance(ObservatoryJobConfiguration.JOB_NAME, parameters);
            JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());

            context.getBean(RunTracker.class).beforeJob(execution);

            // what recovery reads to tell a run whose process died from one still going
            assertThat(jdbc.queryForList("SELECT execution_id FROM run_claim", Long.class))
                    .containsExactly(execution.getId());
        }
    }
}

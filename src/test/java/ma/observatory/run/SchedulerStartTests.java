package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the scheduler checks when it starts, so that an operator hears of it then and not at 02:00. */
class SchedulerStartTests {

    @Test
    // A scheduler that started anyway would stay up: the test fails rather than hangs. Not a measure
    // of speed: the start, in this JVM, took some 30 s on a busy two-core machine.
    @Timeout(300)
    void aLevelTheReferenceDoesNotHaveStopsTheSchedulerFromStarting(@TempDir Path work) {
        InProcess program = new InProcess(work);

        InProcess.Outcome outcome = program.run("--schedule", "--input-dir=" + InProcess.FIXTURES,
                "--output-dir=" + program.reports(), "--geo-levels=country,galaxy");

        assertThat(outcome.exitCode()).as(outcome.both()).isEqualTo(ExitCodes.INPUT_CONTRACT);
        assertThat(outcome.stderr()).contains("--geo-levels names galaxy, which reference/geo.csv does not have"
                + " (its levels: commune, country, region): every night would stop. The scheduler was not started")
                .doesNotContain("Exception");
        assertThat(outcome.both()).doesNotContain("Scheduler up");
    }

    @Test
    // A guard against a hung child, longer than its waits added up (60 s for it up, 40 s for it to
    // end) and than the class archive that the first child of a test JVM makes (ChildJvm.ClassPath,
    // up to 120 s): on a busy machine 103 s were spent, the archive made here, against 120 s allowed.
    @Timeout(600)
    void anIdleSchedulerStoppedSaysSoOnTheErrorStreamAsEveryExitButZeroDoes(@TempDir Path work) throws Exception {
        List<String> args = new ArrayList<>(ChildJvm.options(work, ChildJvm.freePort()));
        int month = YearMonth.now(ZoneId.of("Africa/Casablanca")).plusMonths(6).getMonthValue(); // never meanwhile
        args.addAll(List.of("--input-dir=" + InProcess.FIXTURES.toAbsolutePath(), "--schedule",
                "--schedule-cron=0 0 3 1 " + month + " *"));
        try (ChildJvm scheduler = ChildJvm.start(work, "scheduler", args)) {
            scheduler.await("the scheduler up", () -> scheduler.stdout().contains("Scheduler up"), Duration.ofSeconds(60));

            scheduler.process().destroy(); // SIGTERM

            assertThat(scheduler.waitFor(Duration.ofSeconds(40))).as(scheduler.output()).isTrue();
            assertThat(scheduler.exitCode()).isEqualTo(143);
            assertThat(scheduler.stderr().strip()).isEqualTo("The scheduler stopped, as it was asked to: no run was going"
                    + " on, so there is nothing to resume.");
        }
    }
}

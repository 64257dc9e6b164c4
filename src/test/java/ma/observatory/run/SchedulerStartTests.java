package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the scheduler checks when it starts, so that an operator hears of it then and not at 02:00. */
class SchedulerStartTests {

    @Test
    @Timeout(60) // a scheduler that started anyway would stay up: the test fails rather than hangs
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
}

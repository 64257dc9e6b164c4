package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** The sentence a failed run ends with. */
class RunOutcomeTest {

    private static String sentence(Throwable failure) {
        JobExecution execution = new JobExecution(7, new JobInstance(3, "labourMarketReport"),
                new JobParametersBuilder().addString("output-dir", "/srv/reports").toJobParameters());
        execution.setStatus(BatchStatus.FAILED);
        execution.addFailureException(failure);
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            assertThat(RunLauncher.outcome(execution, "var/logs/observatory.log")).isEqualTo(ExitCodes.RUN_FAILED);
        } finally {
            System.setErr(err);
        }
        return said.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void aFullDiskIsNamedWithTheFoldersTheWorkbookNeeds() {
        String said = sentence(new IllegalStateException("writing the sheet",
                new IOException("No space left on device")));
        assertThat(said).startsWith("The run failed: a disk is full (No space left on device), the one holding the"
                + " output folder (/srv/reports) or the temporary folder where the sheets are prepared (")
                .endsWith("free some space there, then resume it with --restart.");
    }

    @Test
    void anyOtherFailureGivesItsCauseAndTheLog() {
        assertThat(sentence(new IllegalStateException("boom"))).isEqualTo("The run failed (boom): nothing new was"
                + " written and the previous workbook is unchanged; see var/logs/observatory.log for the details, then"
                + " resume it with --restart.");
    }
}

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

    @Test
    void aFileThatCannotBeWrittenIsNamedWithTheCauseInWords() {
        // /tmp/poifiles made by another user: every sheet's temporary file was refused
        assertThat(sentence(new IllegalStateException(new java.nio.file.AccessDeniedException(
                "/tmp/poifiles/observatory-sheet-1.xml.deflate")))).startsWith("The run failed: it could not write"
                + " /tmp/poifiles/observatory-sheet-1.xml.deflate (permission denied). Nothing new was written and the"
                + " previous workbook is unchanged: let the program write there, or choose another folder (the sheets"
                + " are prepared in ").endsWith("then resume it with --restart.");
        // a folder where the workbook goes: the move names the workbook, not the hidden part file
        assertThat(sentence(new java.nio.file.FileSystemException("/srv/reports/.w.xlsx.1.part", "/srv/reports/w.xlsx",
                "Is a directory"))).startsWith("The run failed: it could not write /srv/reports/w.xlsx (Is a directory).");
        assertThat(sentence(new java.nio.file.DirectoryNotEmptyException("/srv/reports/w.xlsx")))
                .startsWith("The run failed: it could not write /srv/reports/w.xlsx (a folder with files in it is in"
                        + " the way).");
    }
}

package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** The sentence a failed run ends with. */
class RunOutcomeTest {

    private static String sentence(Throwable failure) {
        return sentence(failure, BatchStatus.FAILED);
    }

    private static String sentence(Throwable failure, BatchStatus status) {
        return sentence(failure, status, "/srv/reports");
    }

    private static String sentence(Throwable failure, BatchStatus status, String outputDir) {
        JobExecution execution = new JobExecution(7, new JobInstance(3, "labourMarketReport"),
                new JobParametersBuilder().addString("output-dir", outputDir).toJobParameters());
        execution.setStatus(status);
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
    void theDatabasesDiskFillingUpIsNotReadAsASizeLimitToRaise() {
        // as HSQLDB 2.7 says it when its .data file cannot grow on a full tmpfs
        String said = sentence(new RuntimeException("org.springframework.dao.DataAccessResourceFailureException",
                new java.sql.SQLException("java.io.IOException: Data File size limit is reached")));
        assertThat(said).isEqualTo("The run failed: the database could not grow (HSQLDB: \"Data File size limit is"
                + " reached\"), most often because the disk holding it (--db) is full. Nothing new was written and the"
                + " previous workbook is unchanged: free some space there, then resume it with --restart.");
    }

    @Test
    void aRunThatCouldNotRecordHowItEndedClaimsNothingOfItsWorkbook() {
        String said = sentence(new IllegalStateException("Step requested termination: StepExecution: id=112\n\tat x"),
                BatchStatus.UNKNOWN);
        assertThat(said).isEqualTo("Run 3 could not record how it ended (its database stopped answering, or a step's"
                + " end could not be saved): the next command marks it failed, and --restart then resumes it from its"
                + " last commit; see var/logs/observatory.log.");
    }

    @Test
    void anyOtherFailureGivesItsCauseAndTheLog() {
        assertThat(sentence(new IllegalStateException("boom"))).isEqualTo("The run failed (boom): nothing new was"
                + " written and the previous workbook is unchanged; see var/logs/observatory.log for the details, then"
                + " resume it with --restart.");
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedWithTheCauseInWords(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        // /tmp/poifiles made by another user: every sheet's temporary file was refused
        Path sheet = Path.of(System.getProperty("java.io.tmpdir"), "poifiles", "observatory-sheet-1.xml.deflate");
        assertThat(sentence(new IllegalStateException(new java.nio.file.AccessDeniedException(sheet.toString()))))
                .isEqualTo("The run failed: it could not write " + sheet + " (permission denied). Nothing new was"
                        + " written and the previous workbook, if any, is unchanged: let the program write there, or"
                        + " give it another temporary folder (java -Djava.io.tmpdir=… -jar …), then resume it with"
                        + " --restart.");
        // the temporary folder itself gone (-Djava.io.tmpdir=tmp, no ./tmp)
        assertThat(sentence(new java.nio.file.NoSuchFileException(sheet.toString()))).endsWith("(its folder does not"
                + " exist). Nothing new was written and the previous workbook, if any, is unchanged: make that folder,"
                + " or give it another temporary folder (java -Djava.io.tmpdir=… -jar …), then resume it with"
                + " --restart.");
        // an output folder under the temporary one (/tmp/check): another temporary folder would not help
        Path check = Path.of(System.getProperty("java.io.tmpdir"), "check");
        assertThat(sentence(new java.nio.file.AccessDeniedException(check.resolve("w.xlsx").toString()),
                BatchStatus.FAILED, check.toString())).endsWith("(permission denied). Nothing new was written and"
                + " the previous workbook, if any, is unchanged: let the program write there, then resume it with"
                + " --restart (or start a new run, without --restart, with another --output-dir).");
        // the output folder removed during the run: made again, the run resumes into it
        assertThat(sentence(new java.nio.file.NoSuchFileException("/srv/reports/.w.xlsx.1.part")))
                .isEqualTo("The run failed: it could not write /srv/reports/.w.xlsx.1.part (its folder does not"
                        + " exist). Nothing new was written and the previous workbook, if any, is unchanged: make that"
                        + " folder, then resume it with --restart (or start a new run, without --restart, with another"
                        + " --output-dir).");
        // a folder where the workbook goes, as Linux reports the move: named, not the hidden part file
        Path workbook = java.nio.file.Files.createDirectory(dir.resolve("w.xlsx"));
        assertThat(sentence(new java.nio.file.FileSystemException(dir.resolve(".w.xlsx.1.part").toString(),
                workbook.toString(), "Is a directory"), BatchStatus.FAILED, dir.toString())).startsWith("The run failed: it could not write " + workbook
                + " (a folder of that name is in the way). Nothing new was written and the previous workbook, if any, is"
                + " unchanged: remove or rename that folder, then resume it with --restart (or start a new run, without"
                + " --restart, with another --output-dir).");
        assertThat(sentence(new java.nio.file.DirectoryNotEmptyException("/srv/reports/w.xlsx")))
                .startsWith("The run failed: it could not write /srv/reports/w.xlsx (a folder of that name is in"
                        + " the way).");
        // anything else in the system's words
        assertThat(sentence(new java.nio.file.FileSystemException("/srv/reports/w.xlsx", null,
                "Read-only file system"))).startsWith("The run failed: it could not write /srv/reports/w.xlsx"
                + " (Read-only file system).");
    }

    @Test
    @org.junit.jupiter.api.Timeout(10) // the walk used to loop for ever
    void theSentenceNamesTheDeepestCauseEvenOfALoopingChain() {
        RuntimeException wrapper = new RuntimeException("step failed");
        RuntimeException cause = new RuntimeException("No space left on device", wrapper);
        wrapper.initCause(cause); // a chain that loops back: the walk ends
        assertThat(ExitCodes.rootMessage(new IllegalStateException("job", wrapper))).isNotBlank();
        assertThat(ExitCodes.rootMessage(new IllegalStateException("job", new java.io.IOException(
                "No space left on device")))).isEqualTo("No space left on device");
        assertThat(ExitCodes.rootMessage(new IllegalStateException("job", new NullPointerException())))
                .isEqualTo("NullPointerException");
    }

    private static ma.observatory.job.RunParameters readingFrom(Path input) {
        return new ma.observatory.job.RunParameters(new ma.observatory.period.PeriodRange(
                ma.observatory.period.Period.parse("2023"), ma.observatory.period.Period.parse("2024")), input,
                Path.of("reports"), "fr", java.util.Set.of("employment"), 0.01, java.util.Set.of("country", "region"),
                java.time.LocalDateTime.of(2026, 11, 28, 2, 0));
    }

    @Test
    void aRunWhoseInputFolderIsNotFoundSaysHowToResumeIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        assertThat(RunLauncher.missingInputFolder(4, readingFrom(dir))).isNull();
        // relative, typed from another folder than the run's: go back there, the run's work is kept
        assertThat(RunLauncher.missingInputFolder(4, readingFrom(Path.of("no-such-data"))))
                .isEqualTo("Run 4 over 2023 to 2024 cannot be resumed: it reads its files from"
                        + " --input-dir=no-such-data, found from the folder the command is started in, and "
                        + Path.of("").toAbsolutePath() + " has no folder no-such-data. Nothing was started: run --restart"
                        + " from the folder the run was started in (cd there first; if it is this one, put the folder"
                        + " no-such-data back), or start a new run instead (the same command without --restart, with"
                        + " --input-dir naming the folder that holds the CSV files).");
        // absolute: moved away or unmounted, it may come back
        assertThat(RunLauncher.missingInputFolder(4, readingFrom(dir.resolve("gone"))))
                .startsWith("Run 4 over 2023 to 2024 cannot be resumed: its input folder " + dir.resolve("gone")
                        + " does not exist. Nothing was started: put the folder back, then run --restart again, or"
                        + " start a new run instead");
        Path file = java.nio.file.Files.writeString(dir.resolve("data"), "a file where the folder was");
        assertThat(RunLauncher.missingInputFolder(4, readingFrom(file))).contains("its input folder " + file
                + " is not a folder.");
    }
}

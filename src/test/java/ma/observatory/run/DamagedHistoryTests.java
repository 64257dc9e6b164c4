package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.run.InProcess.Outcome;

/**
 * A database whose history file was cut short (a disk fault, a copy interrupted) still opens in
 * HSQLDB, its last runs gone: the program says it is damaged rather than run on, or list, a
 * history with holes.
 */
class DamagedHistoryTests {

    private static final String WORKBOOK = "labour-market-report_2023_2024.xlsx";

    /** A first run's database and workbook, made once: every test starts from a copy of them. */
    @TempDir
    static Path made;

    @TempDir
    Path work;

    private InProcess app;
    private String[] args;
    private Path workbook;

    private static String[] args(InProcess app) {
        return new String[] {"--input-dir=" + InProcess.FIXTURES, "--output-dir=" + app.reports(), "--from=2023",
            "--to=2024", "--max-reject-rate=0.2"};
    }

    @BeforeAll
    static void makeAFirstRun() {
        InProcess first = new InProcess(made);
        InProcess.Outcome outcome = first.run(args(first));
        assertThat(outcome.exitCode()).as(outcome.both()).isZero();
    }

    /**
     * The first run's files copied into this test's folder, as a backup of them is restored (the
     * database closed, all of {@code <db>.*}, the password file with its permissions): the same
     * history as a first run made here, without a whole run for each test.
     */
    private void firstRun() throws IOException {
        app = new InProcess(work);
        args = args(app);
        for (String folder : new String[] {"db", "reports"}) {
            Path target = Files.createDirectories(work.resolve(folder));
            try (Stream<Path> files = Files.list(made.resolve(folder))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        workbook = app.reports().resolve(WORKBOOK);
        assertThat(workbook).exists();
    }

    /** The history file cut at the start of the first line starting with {@code line}, plus {@code more} characters. */
    private void cutScript(String line, int more) throws IOException {
        Path script = work.resolve("db/observatory.script");
        String text = Files.readString(script, StandardCharsets.UTF_8);
        int at = text.indexOf("\n" + line);
        assertThat(at).as("the line %s in the history file", line).isPositive();
        Files.writeString(script, text.substring(0, at + 1 + more), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a copy stopped among the steps' saved states
        "INSERT INTO BATCH_STEP_EXECUTION_CONTEXT VALUES(3,|0|step(s) of earlier runs without their saved state",
        // inside the last line of the run's saved state: loaded as a row of empty columns
        "INSERT INTO BATCH_JOB_EXECUTION_CONTEXT VALUES(|60|1 run(s) without their saved state",
        // before the first run: the runs' own rows (kept in another file) remain
        "INSERT INTO BATCH_JOB_INSTANCE VALUES(|0|1 run(s) whose input files are recorded but not the run",
        // after the run, before its execution
        "INSERT INTO BATCH_JOB_EXECUTION VALUES(|0|1 run(s) whose input files are recorded but not the run",
        "INSERT INTO BATCH_JOB_INSTANCE VALUES(|30|record(s) cut in the middle",
        // before the account was given its rights: every table hidden, as in a new database
        "GRANT DBA TO|0|has lost the rights it was made with"})
    void aHistoryCutShortIsSaidToBeDamagedAndNothingRunsOrIsWritten(String line, int more, String said) throws Exception {
        firstRun();
        byte[] before = Files.readAllBytes(workbook);
        cutScript(line, more);

        Outcome run = app.run(args);
        Outcome list = app.run("--list-runs");

        for (Outcome o : new Outcome[] {run, list}) {
            assertThat(o.exitCode()).as(o.both()).isEqualTo(ExitCodes.RUN_FAILED);
            assertThat(o.stderr()).contains("is damaged: ").contains(said)
                    .contains("restore all of " + work.resolve("db/observatory").toAbsolutePath() + ".* from the same backup")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(Files.readAllBytes(workbook)).as("the previous workbook").isEqualTo(before);
    }

    @Test
    void aHistoryFileEditedSoThatALineCannotBeReplayedNamesThatLine() throws Exception {
        firstRun();
        byte[] before = Files.readAllBytes(workbook);
        Path script = work.resolve("db/observatory.script");
        String text = Files.readString(script, StandardCharsets.UTF_8);
        String table = "CREATE MEMORY TABLE PUBLIC.BATCH_STEP_EXECUTION(";
        int at = text.indexOf("\n" + table);
        assertThat(at).as("the line creating the steps' table").isPositive();
        long line = text.substring(0, at + 1).lines().count() + 1;
        // the table's line deleted, as by hand: the next line, altering that table, cannot be replayed
        Files.writeString(script, text.substring(0, at + 1) + text.substring(text.indexOf('\n', at + 1) + 1),
                StandardCharsets.UTF_8);

        Outcome run = app.run(args);
        Outcome list = app.run("--list-runs");

        for (Outcome o : new Outcome[] {run, list}) {
            assertThat(o.exitCode()).as(o.both()).isEqualTo(ExitCodes.RUN_FAILED);
            assertThat(o.stderr()).contains("cannot be opened: line " + line + " of its file "
                            + script.toAbsolutePath() + " cannot be read (", "PUBLIC.BATCH_STEP_EXECUTION), so the file"
                            + " was damaged or edited. Nothing was run: restore all of "
                            + work.resolve("db/observatory").toAbsolutePath() + ".* from the same backup")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(Files.readAllBytes(workbook)).as("the previous workbook").isEqualTo(before);
    }

    @Test
    void aHistoryCutBeforeItsAccountIsRefusedWithThePasswordAndTheDamageBothNamed() throws Exception {
        firstRun();
        cutScript("CREATE USER", 0);

        Outcome run = app.run(args);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCodes.BAD_COMMAND_LINE);
        assertThat(run.stderr()).contains("refused the account").contains("may be damaged: restore all of");
    }

    @Test
    void anEmptiedHistoryFileIsDamagedNotAPasswordToCorrect() throws Exception {
        firstRun();
        Path script = work.resolve("db/observatory.script");
        Files.write(script, new byte[0]);

        try (Stream<Path> files = Files.list(work.resolve("db"))) {
            files.forEach(f -> f.toFile().setLastModified(0)); // to see whether anything writes them
        }
        Outcome run = app.run(args);
        Outcome again = app.run("--list-runs");

        // exit 2 and "use the password the database was created with" sent the operator to the crontab
        assertThat(again.stderr()).as("the same, however often it is tried").isEqualTo(run.stderr());
        assertThat(script).isEmptyFile();
        try (Stream<Path> files = Files.list(work.resolve("db"))) {
            assertThat(files.filter(f -> f.toFile().lastModified() != 0 && !f.getFileName().toString().endsWith(".lck")
                    && !f.getFileName().toString().contains("claim")))
                    .as("the damaged files, left as they were for a restore or a diagnosis").isEmpty();
        }
        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(run.stderr().strip()).isEqualTo("The database " + work.resolve("db/observatory").toAbsolutePath()
                + " is damaged: its file " + script.toAbsolutePath() + " is empty. Nothing was started: restore all of "
                + work.resolve("db/observatory").toAbsolutePath() + ".* from the same backup, or move them aside to start"
                + " a new run history (see \"When a run fails\" in the README).");
    }

    @Test
    void movingTheDamagedFilesAsideLetsTheNextRunStartANewHistory() throws Exception {
        firstRun();
        cutScript("INSERT INTO BATCH_STEP_EXECUTION_CONTEXT VALUES(", 0);
        assertThat(app.run(args).exitCode()).isEqualTo(ExitCodes.RUN_FAILED);

        Path aside = Files.createDirectories(work.resolve("damaged"));
        try (Stream<Path> files = Files.list(work.resolve("db"))) {
            for (Path f : files.toList()) {
                Files.move(f, aside.resolve(f.getFileName()));
            }
        }
        Outcome again = app.run(args);

        assertThat(again.exitCode()).as(again.both()).isZero();
    }
}

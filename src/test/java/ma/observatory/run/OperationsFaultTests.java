package ma.observatory.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.WorkbookReader;
import ma.observatory.bench.GenerateLabourForce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults against the real program in a child JVM, as cron, systemd or an operator meet them:
 * {@code kill -9} in the middle of a run, a kill while the workbook is being written, SIGTERM, a
 * second run of the same range, and the scheduler with a seconds-level cron beside a command-line
 * run. Inputs are generated: hundreds of thousands of rows, so that a run lasts a few seconds.
 */
// A guard against a hung child JVM, longer than the waits of any one test added up (a run may
// take 180 s on a busy machine, and a test waits for up to four): not a measure of speed.
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class OperationsFaultTests {

    /** A run of a test's input: some 12 s alone on two cores, over 90 s on them with a load of 10. */
    private static final Duration RUN = Duration.ofSeconds(180);
    private static final String WORKBOOK = "labour-market-report_2023_2024_employment.xlsx";

    /** 230,400 rows in 7,200 communes, two years: a run of a few seconds. */
    @TempDir
    static Path shared;
    static Path medium;
    static long mediumRows;
    /** 10 communes: for a run that only has to complete, beside the fault under test. */
    static Path small;

    @TempDir
    Path work;
    int port;

    @BeforeAll
    static void generate() {
        medium = shared.resolve("medium");
        mediumRows = GeneratedInput.write(medium, 600, List.of(2023, 2024));
        small = shared.resolve("small");
        GeneratedInput.write(small, 10, List.of(2023, 2024));
    }

    @BeforeEach
    void port() {
        port = ChildJvm.freePort();
    }

    private List<String> args(Path input, String... extra) {
        List<String> args = new ArrayList<>(ChildJvm.options(work, port));
        args.add("--input-dir=" + input);
        args.add("--only=employment");
        args.addAll(List.of(extra));
        return args;
    }

    private List<String> restartArgs() {
        List<String> args = new ArrayList<>(ChildJvm.options(work, port));
        args.add("--restart");
        return args;
    }

    /**
     * HSQLDB's redo log, read as it grows: the statements of each transaction, one a line, written
     * as it commits and followed by {@code COMMIT}. Made before the child starts, so that whatever it
     * commits is read; a log the child's database starts anew is read from its beginning.
     */
    private RedoLog redoLog() {
        return new RedoLog(work.resolve("db/observatory.log"));
    }

    static final class RedoLog {
        /** The import step's row as a chunk's commit saves it: STARTED, its commit count at least 1. */
        private static final Pattern CHUNK_OF_THE_IMPORT =
                Pattern.compile("'importLabourForce',\\d+,'[^']*','[^']*',NULL,'STARTED',[1-9]\\d*,");

        private final Path file;
        private long position;
        private String partial = "";
        private boolean importRow;
        private boolean storing;
        /** The first chunk of {@code labour_force.csv} is committed: its cells stored, its position saved. */
        boolean firstChunk;
        /** Since that chunk, the import has committed its cells again (the sums it held). */
        boolean storedAgain;

        RedoLog(Path file) {
            this.file = file;
            this.position = ChildJvm.size(file);
        }

        /** Reads what was committed since the last call. */
        RedoLog read() {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                if (size < position) { // a new log
                    position = 0;
                    partial = "";
                }
                ByteBuffer bytes = ByteBuffer.allocate((int) (size - position));
                while (bytes.hasRemaining() && channel.read(bytes, position + bytes.position()) > 0) {
                    // until the size seen
                }
                position += bytes.position();
                String text = partial + new String(bytes.array(), 0, bytes.position(), StandardCharsets.ISO_8859_1);
                int end = text.lastIndexOf('\n');
                partial = text.substring(end + 1);
                for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
                    boolean commit = line.endsWith("COMMIT");
                    if (!firstChunk) {
                        importRow |= CHUNK_OF_THE_IMPORT.matcher(line).find();
                        firstChunk = importRow && commit;
                    } else {
                        storing |= line.contains("INSERT INTO STAGED_CELL");
                        storedAgain |= storing && commit;
                    }
                }
            } catch (java.nio.file.NoSuchFileException notYet) {
                // the child has not opened its database yet
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return this;
        }
    }

    /**
     * Waits until the child has committed the first chunk of {@code labour_force.csv}, as the redo
     * log says: from then on it can be resumed, and most of the file is left to read. (The log's
     * size grown by so many bytes was read as that once; on a slow machine, or as chunks came to
     * store less, it came at the end of the import, the kill then racing the step's end.)
     */
    private static RedoLog awaitFirstChunkCommitted(ChildJvm child, RedoLog redo) throws InterruptedException {
        child.await("the first chunk of labour_force.csv committed", () -> redo.read().firstChunk,
                Duration.ofSeconds(60));
        return redo;
    }

    private Path logFile() {
        return work.resolve("logs/observatory.log");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private Path workbook() {
        return work.resolve("reports").resolve(WORKBOOK);
    }

    private static List<Map<String, Object>> indicators(Path workbook) throws IOException {
        try (WorkbookReader book = new WorkbookReader(workbook)) {
            return book.rows("Indicators");
        }
    }

    @Test
    void killDashNineInTheMiddleThenRestartGivesTheCellsOfAnUninterruptedRun() throws Exception {
        ChildJvm first = ChildJvm.run(work, "first", args(medium, "--from=2023", "--to=2024"), RUN);
        assertThat(first.exitCode()).as(first.output()).isZero();
        byte[] uninterrupted = Files.readAllBytes(workbook());
        Path uninterruptedCopy = Files.write(work.resolve("uninterrupted.xlsx"), uninterrupted);

        RedoLog redo = redoLog();
        try (ChildJvm killed = ChildJvm.start(work, "killed", args(medium, "--from=2023", "--to=2024"))) {
            awaitFirstChunkCommitted(killed, redo);
            killed.process().destroyForcibly();
            assertThat(killed.waitFor(Duration.ofSeconds(10))).isTrue();
            assertThat(killed.stdout()).doesNotContain("Workbook written");
        }
        assertThat(Files.readAllBytes(workbook())).as("the previous workbook is intact").isEqualTo(uninterrupted);
        // the input copied back after the crash: the same bytes, a new time; the resumed import reads it
        Path labourForce = medium.resolve("employment/labour_force.csv");
        Files.setLastModifiedTime(labourForce, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(labourForce).toMillis() + 60_000));

        List<Map<String, Object>> expected;
        try (ChildJvm restart = ChildJvm.start(work, "restart", restartArgs())) {
            // Read meanwhile, by this JVM (a second or more): the restart first waits out the lock
            // the killed run left, HSQLDB's heartbeat of up to 10 s, and then has a core of its own.
            expected = indicators(uninterruptedCopy);
            assertThat(expected).hasSizeGreaterThan(100);
            assertThat(restart.waitFor(RUN)).as("restart ended within " + RUN + "\n" + restart.output()).isTrue();
            assertThat(restart.exitCode()).as(restart.output()).isZero();
            assertThat(restart.stdout()).contains("was left STARTED by a process that ended without finishing it");
            Matcher resumed = Pattern.compile("resuming after (\\d+) rows already committed").matcher(restart.stdout());
            assertThat(resumed.find()).as(restart.output()).isTrue();
            assertThat(Long.parseLong(resumed.group(1))).isPositive().isLessThan(mediumRows);
        }

        // one reading of the resumed workbook, for its cells and its Changes sheet
        try (WorkbookReader book = new WorkbookReader(workbook())) {
            assertThat(book.rows("Indicators")).isEqualTo(expected);
            List<String> sheets = book.sheetNames();
            assertThat(sheets.get(sheets.indexOf("Synthèse") + 1)).isEqualTo("Changements");
            // compared with the uninterrupted run: no value new, gone or revised, so none counted twice
            assertThat(book.rows("Changes")).singleElement()
                    .satisfies(row -> assertThat(row.get("Indicateur")).isEqualTo("[z]"));
            assertThat(book.workbook().getSheet("Changements").getRow(1).getCell(0).getStringCellValue())
                    .startsWith("Rien n’a changé depuis le traitement 0");
        }
        long read = ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT rows_read FROM input_file"
                    + " WHERE run_id = 1 AND file = 'employment/labour_force.csv'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(read).isEqualTo(mediumRows);
    }

    @Test
    void killDashNineWhileSumsAreHeldThenRestartGivesTheValuesOfAnUninterruptedRun() throws Exception {
        // Rows in no order over ten years: 1,920 region cells, so the import stores its sums every
        // three chunks or so and holds them in between, when the kill comes.
        Path scattered = work.resolve("scattered");
        long rows = GeneratedInput.write(scattered, 60, List.of(2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022,
                2023, 2024));
        GenerateLabourForce.shuffleRows(scattered.resolve("employment/labour_force.csv"), 5);
        ChildJvm first = ChildJvm.run(work, "first", args(scattered, "--from=2016", "--to=2024"), RUN);
        assertThat(first.exitCode()).as(first.output()).isZero();

        RedoLog redo = redoLog();
        boolean held;
        try (ChildJvm killed = ChildJvm.start(work, "killed", args(scattered, "--from=2016", "--to=2024"))) {
            // The first chunk stores every cell; the next ones hold their sums, stored at the end of the file.
            awaitFirstChunkCommitted(killed, redo);
            killed.signal("STOP"); // frozen: what its redo log holds now is what the kill leaves
            held = !redo.read().storedAgain;
            killed.process().destroyForcibly();
            assertThat(killed.waitFor(Duration.ofSeconds(10))).isTrue();
        }
        ChildJvm restart = ChildJvm.run(work, "restart", restartArgs(), RUN);
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        if (held) {
            Matcher resumed = Pattern.compile("resuming after (\\d+) rows already committed").matcher(restart.stdout());
            assertThat(resumed.find()).as(restart.output()).isTrue();
            assertThat(Long.parseLong(resumed.group(1))).isPositive().isLessThan(rows);
        } // else a slow machine let the child read to the end of the file before it froze: nothing held was lost

        String values = "SELECT indicator, period, geo, breakdown, val FROM indicator_value WHERE run_id = %d"
                + " ORDER BY indicator, period, geo, breakdown";
        List<String> uninterrupted = ChildJvm.lines(work, values.formatted(0));
        assertThat(uninterrupted).hasSizeGreaterThan(10_000);
        assertThat(ChildJvm.lines(work, values.formatted(1))).isEqualTo(uninterrupted);
        assertThat(ChildJvm.lines(work, "SELECT rows_read FROM input_file WHERE run_id = 1"
                + " AND file = 'employment/labour_force.csv'")).containsExactly(Long.toString(rows));
    }

    @Test
    void aRunKilledWhileWritingItsWorkbookLeavesThePreviousOneIntact() throws Exception {
        // the workbook is as large whatever the number of communes: a small input will do
        Path input = work.resolve("input");
        GeneratedInput.write(input, 10, List.of(2023, 2024));
        ChildJvm first = ChildJvm.run(work, "first", args(input, "--from=2023", "--to=2024"), RUN);
        assertThat(first.exitCode()).as(first.output()).isZero();
        byte[] previous = Files.readAllBytes(workbook());

        // The temporary file lives some 0.4 s: a slow machine may let the child put it in place
        // before the kill. Frozen, the child is where the test sees it; if the file is in place by
        // then, the run ends and the next one is killed instead.
        boolean killedWhileWriting = false;
        for (int attempt = 1; attempt <= 3 && !killedWhileWriting; attempt++) {
            try (ChildJvm killed = ChildJvm.start(work, "killed-" + attempt, args(input, "--from=2023", "--to=2024"))) {
                killed.await("a workbook being written", () -> partFileIn(work.resolve("reports")), Duration.ofSeconds(60));
                boolean frozen = killed.freeze();
                killedWhileWriting = frozen && partFileIn(work.resolve("reports"));
                if (killedWhileWriting) {
                    killed.process().destroyForcibly();
                    assertThat(killed.waitFor(Duration.ofSeconds(10))).isTrue();
                } else {
                    if (frozen) {
                        killed.signal("CONT");
                    }
                    assertThat(killed.waitFor(RUN)).as(killed.output()).isTrue();
                    assertThat(killed.exitCode()).as(killed.output()).isZero();
                    previous = Files.readAllBytes(workbook());
                }
            }
        }
        assertThat(killedWhileWriting).as("killed while the workbook was being written, in one of 3 runs").isTrue();
        assertThat(Files.readAllBytes(workbook())).isEqualTo(previous);
        assertThat(indicators(workbook())).isNotEmpty(); // still a whole workbook
        // left for the next start to clean up: see RunRegistryTests
        assertThat(partFileIn(work.resolve("reports"))).isTrue();
    }

    private static boolean partFileIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".labour-market-report_2023_2024")
                    && f.getFileName().toString().endsWith(".part"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A nightly time that cannot come round while the test runs, whatever the day it runs on. */
    private static String cronSixMonthsAway() {
        int month = YearMonth.now(ZoneId.of("Africa/Casablanca")).plusMonths(6).getMonthValue();
        return "0 0 3 1 " + month + " *";
    }

    @Test
    void besideTheSchedulerARunMidTransactionHoldsNeitherTheRunListNorAnotherRun() throws Exception {
        try (ChildJvm scheduler = ChildJvm.start(work, "scheduler",
                args(medium, "--schedule", "--schedule-cron=" + cronSixMonthsAway()))) {
            scheduler.await("the scheduler up", () -> scheduler.stdout().contains("Scheduler up"), Duration.ofSeconds(60));
            // A run that hangs with a transaction open, as one frozen between two statements of a chunk.
            Path db = DatabaseAccess.canonical(work.resolve("db/observatory"));
            try (Connection hanging = DriverManager.getConnection(DatabaseAccess.serverUrl(port), "observatory",
                    Files.readString(DatabaseCredentials.fileOf(db)).strip())) {
                hanging.setAutoCommit(false);
                try (Statement s = hanging.createStatement()) {
                    s.executeUpdate("INSERT INTO input_file (run_id, file, present) VALUES (-1, 'held.csv', FALSE)");
                }
                // Each used to wait, silent, for that transaction to end: the schema's DDL at start.
                ChildJvm list = ChildJvm.run(work, "list", args(medium, "--list-runs"), Duration.ofSeconds(45));
                assertThat(list.exitCode()).as(list.output()).isZero();
                // another password than the scheduler's: a setting to correct, not a run to wait for
                List<String> wrong = new java.util.ArrayList<>(args(medium, "--list-runs"));
                wrong.add("--observatory.db-password=not-the-schedulers");
                ChildJvm refused = ChildJvm.run(work, "refused", wrong, Duration.ofSeconds(45));
                assertThat(refused.exitCode()).as(refused.output()).isEqualTo(ExitCodes.BAD_COMMAND_LINE);
                assertThat(refused.stderr()).contains("could not log in there. Nothing was started");
                ChildJvm run = ChildJvm.run(work, "run", args(small, "--from=2023", "--to=2024"), RUN);
                assertThat(run.exitCode()).as(run.output()).isZero();
                hanging.rollback();
            }
            scheduler.process().destroy(); // SIGTERM
            assertThat(scheduler.waitFor(Duration.ofSeconds(40))).as(scheduler.output()).isTrue();
        }
    }

    @Test
    void aRunBesideASchedulerKilledUnderItSaysSoAndResumesOnceTheSchedulerIsBack() throws Exception {
        List<String> schedule = args(medium, "--schedule", "--schedule-cron=" + cronSixMonthsAway());
        try (ChildJvm scheduler = ChildJvm.start(work, "scheduler", schedule)) {
            scheduler.await("the scheduler up", () -> scheduler.stdout().contains("Scheduler up"), Duration.ofSeconds(60));
            // the pool's wait for a connection, 30 s by default, shortened: the sentence is the same
            List<String> run = args(medium, "--from=2023", "--to=2024", "--spring.datasource.hikari.connection-timeout=2000");
            RedoLog redo = redoLog();
            try (ChildJvm client = ChildJvm.start(work, "client", run)) {
                awaitFirstChunkCommitted(client, redo);
                scheduler.process().destroyForcibly();

                assertThat(client.waitFor(RUN)).as(client.output()).isTrue();
                assertThat(client.exitCode()).as(client.output()).isEqualTo(ExitCodes.RUN_FAILED);
                assertThat(client.stderr().strip().lines()).hasSize(1).first().asString()
                        .startsWith("The run over 2023 to 2024 lost its database: the scheduler serving it on 127.0.0.1:"
                                + port + " stopped answering")
                        .contains("Start the scheduler again, then resume the run with --restart")
                        .doesNotContain("could not start");
            }
        }
        try (ChildJvm scheduler = ChildJvm.start(work, "scheduler-again", schedule)) {
            scheduler.await("the scheduler up again", () -> scheduler.stdout().contains("Scheduler up"),
                    Duration.ofSeconds(60));
            ChildJvm resumed = ChildJvm.run(work, "resumed", restartArgs(), RUN);
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertThat(resumed.stdout()).contains("resuming after");
            scheduler.process().destroy(); // SIGTERM
            assertThat(scheduler.waitFor(Duration.ofSeconds(40))).as(scheduler.output()).isTrue();
        }
    }

    @Test
    void aSecondRunOfTheSameRangeIsRefusedAndNamesTheRunningOne() throws Exception {
        RedoLog redo = redoLog();
        try (ChildJvm first = ChildJvm.start(work, "first", args(medium, "--from=2023", "--to=2024"))) {
            awaitFirstChunkCommitted(first, redo);
            first.signal("STOP"); // frozen mid-import, so that it is surely still running when the second comes

            ChildJvm second = ChildJvm.run(work, "second", args(medium, "--from=2023", "--to=2024"), RUN);

            assertThat(second.exitCode()).as(second.output()).isEqualTo(ExitCodes.BUSY);
            assertThat(second.stderr().strip().lines()).hasSize(1).first().asString()
                    .contains("busy with run 0 (execution 0) over 2023 to 2024")
                    .contains("Nothing was started");
            first.signal("CONT");
            assertThat(first.waitFor(RUN)).isTrue();
            assertThat(first.exitCode()).as("the first run went on undisturbed: " + first.output()).isZero();
        }
    }

    @Test
    void aRunStartedWhileAnotherIsOpeningTheDatabaseIsRefusedNotQueuedBehindIt() throws Exception {
        Path db = DatabaseAccess.canonical(work.resolve("db/observatory"));
        // This test's process plays a run started in the same second, which has claimed the database
        // but not yet written the owner file: the second used to wait on HSQLDB's lock, then run again.
        try (DatabaseClaim first = DatabaseClaim.tryTake(db).orElseThrow()) {
            ChildJvm second = ChildJvm.run(work, "second", args(medium, "--from=2023", "--to=2024"), RUN);

            assertThat(second.exitCode()).as(second.output()).isEqualTo(ExitCodes.BUSY);
            assertThat(second.stderr().strip().lines()).hasSize(1).first().asString()
                    .contains("Another process is opening the database").contains("Nothing was started");
            assertThat(work.resolve("reports/" + WORKBOOK)).doesNotExist();
        }
        ChildJvm after = ChildJvm.run(work, "after", args(small, "--from=2023", "--to=2024"), RUN);
        assertThat(after.exitCode()).as("the claim ended with its holder: " + after.output()).isZero();
        assertThat(after.stdout()).as("the refused run left no run behind it").contains("Run 0 started");
    }

    @Test
    void sigtermWhileTheProgramIsStartingSaysSoInASentenceAndLeavesNothingToResume() throws Exception {
        try (ChildJvm run = ChildJvm.start(work, "early", args(medium, "--from=2023", "--to=2024"))) {
            // The password is made as the program starts, well before a run can begin: frozen there,
            // the stop is handled as it wakes, still starting.
            run.await("the program starting", () -> run.stdout().contains("Generated the database password"),
                    Duration.ofSeconds(60));
            run.signal("STOP");
            run.signal("TERM");
            run.signal("CONT");
            assertThat(run.waitFor(Duration.ofSeconds(30))).as(run.output()).isTrue();
            assertThat(run.exitCode()).isEqualTo(143);
            // One sentence, never two: a slow machine may let the program run on past its start
            // before the stop reaches it, and the run then speaks, not the notice (which once said
            // "no data was read" above the run's "resume it with --restart").
            String said = run.stderr().strip();
            assertThat(said.lines()).as(run.output()).hasSize(1);
            ChildJvm list = ChildJvm.run(work, "list", args(medium, "--list-runs"), RUN);
            if (said.startsWith("The run 0 was stopped before it finished")) {
                assertThat(run.stdout()).contains("The running job has ended: stopped, --restart resumes it");
                assertThat(list.stdout()).as(list.output()).contains("STOPPED");
            } else {
                assertThat(said).as(run.output()).isIn(EarlyStop.NOTICE,
                        "The program is shutting down: the run over 2023 to 2024 was not started.");
                if (!run.stdout().contains("Run over 2023 to 2024")) { // stopped where it was frozen
                    assertThat(said).isEqualTo(EarlyStop.NOTICE);
                    assertThat(run.stdout()).doesNotContain("Stop requested");
                }
                assertThat(list.stdout()).as(list.output()).doesNotContain("STOPPED").doesNotContain("FAILED");
            }
        }
        assertThat(work.resolve("reports/" + WORKBOOK)).doesNotExist();
    }

    /**
     * A refusal said before any run was let in (here the output folder, a file), then Ctrl-C while
     * the program closes (some 0.2 s): the refusal was its last word. The stop's notice once followed
     * it, "stopped while the program was starting … run the same command again", under a sentence
     * saying why that command cannot run.
     */
    @Test
    void sigtermAfterARefusalIsSaidAddsNoNoticeBelowIt() throws Exception {
        Files.writeString(work.resolve("reports"), "a file where the output folder should be");
        try (ChildJvm run = ChildJvm.start(work, "refused", args(small, "--from=2023", "--to=2024"))) {
            run.await("the refusal said", () -> run.stderr().contains("Nothing was started"), Duration.ofSeconds(60));
            run.signal("STOP");
            run.signal("TERM");
            run.signal("CONT");
            assertThat(run.waitFor(Duration.ofSeconds(30))).as(run.output()).isTrue();
            assertThat(run.stderr().strip().lines()).as(run.output()).hasSize(1).first().asString()
                    .startsWith("The output folder ").contains("Nothing was started");
        }
    }

    @Test
    void sigtermAfterTheRunIsLetInButBeforeItBeginsNeverSaysAWorkbookIsBeingWritten() throws Exception {
        try (ChildJvm run = ChildJvm.start(work, "about-to-begin", args(medium, "--from=2023", "--to=2024"))) {
            // "Run over …" is said once the run has its claim, just before its execution begins
            run.await("the run let in", () -> run.stdout().contains("Run over 2023 to 2024"), Duration.ofSeconds(60));
            run.signal("STOP");
            run.signal("TERM");
            run.signal("CONT");
            assertThat(run.waitFor(Duration.ofSeconds(60))).as(run.output()).isTrue();
            assertThat(run.exitCode()).isEqualTo(143);
            // Its execution begins some 0.1 s after that line: a slow machine may let the run go on
            // past its beginning, even into its last step, before the stop reaches it. Whatever it
            // found, the stop says it, and says a workbook is being written only when one is.
            String said = run.stdout();
            ChildJvm list = ChildJvm.run(work, "list", args(medium, "--list-runs"), RUN);
            if (run.stderr().contains("while the program was starting")) {
                // stopped before its execution began: nothing to resume
                assertThat(said).as(run.output()).contains("Stop requested: the run had not begun yet")
                        .doesNotContain("writing its workbook").doesNotContain("its workbook is written");
                assertThat(run.stderr().strip()).isEqualToIgnoringNewLines(EarlyStop.NOTICE);
                assertThat(list.stdout()).as(list.output()).doesNotContain("STOPPED").doesNotContain("FAILED");
                assertThat(workbook()).doesNotExist();
            } else if (said.contains("Stop requested: the running job is writing its workbook")) {
                // frozen past its import: the workbook was truly under way, and is finished
                assertThat(read(logFile())).as(run.output()).contains("Executing step: [writeReport]");
                assertThat(run.stderr()).as(run.output()).contains("A stop was asked while the workbook was being written");
                assertThat(workbook()).exists();
                assertThat(list.stdout()).as(list.output()).contains("COMPLETED").doesNotContain("STOPPED");
            } else {
                // begun a moment (or, on a slow machine, a while) before the stop reached it: stopped, and resumable
                assertThat(said).as(run.output()).doesNotContain("writing its workbook")
                        .doesNotContain("its workbook is written")
                        .containsAnyOf("Stop requested: the run is just beginning, and stops after its first chunk",
                                "Stop requested: the running job stops after its current chunk")
                        .contains("The running job has ended: stopped, --restart resumes it");
                assertThat(run.stderr().strip().lines()).as(run.output()).hasSize(1).first().asString()
                        .startsWith("The run 0 was stopped before it finished");
                assertThat(list.stdout()).as(list.output()).contains("STOPPED");
                assertThat(workbook()).doesNotExist();
            }
        }
    }

    @Test
    void sigtermWhileTheWorkbookIsWrittenLetsItFinishAndSaysThereIsNothingToResume() throws Exception {
        try (ChildJvm run = ChildJvm.start(work, "report", args(medium, "--from=2023", "--to=2024"))) {
            run.await("the report step", () -> read(logFile()).contains("Executing step: [writeReport]"),
                    Duration.ofSeconds(60));
            run.signal("STOP");
            run.signal("TERM");
            run.signal("CONT");
            assertThat(run.waitFor(RUN)).as(run.output()).isTrue();
            assertThat(run.exitCode()).isEqualTo(143);
            assertThat(run.stderr()).as(run.output()).contains("A stop was asked while the workbook was being written")
                    .contains("nothing to resume");
        }
        assertThat(workbook()).exists();
        ChildJvm list = ChildJvm.run(work, "list", args(medium, "--list-runs"), RUN);
        assertThat(list.stdout()).as(list.output()).contains("COMPLETED");
    }

    @Test
    void runningOutOfMemoryIsSaidInASentenceNotAsAStopNorAStackTrace() throws Exception {
        try (ChildJvm run = ChildJvm.start(work, "small", args(medium, "--from=2023", "--to=2024"), "12m")) {
            assertThat(run.waitFor(RUN)).as(run.output()).isTrue();
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stderr()).as(run.output()).contains("The program ran out of memory")
                    .contains("-Xmx512m").doesNotContain("Stopped (SIGTERM").doesNotContain("\tat ");
        }
    }

    @Test
    void sigtermStopsTheRunRestartablyAndRestartCompletesIt() throws Exception {
        RedoLog redo = redoLog();
        try (ChildJvm run = ChildJvm.start(work, "run", args(medium, "--from=2023", "--to=2024"))) {
            // The reader reports its progress every 5 s. An import that long would need millions of rows
            // here; instead the process is frozen for 5 s once it has committed its first chunk (as a paused
            // machine would be), so the rest of the file takes more than 5 s of wall time.
            awaitFirstChunkCommitted(run, redo);
            run.signal("STOP");
            Thread.sleep(5_500);
            run.signal("CONT");
            run.await("a progress line on the console",
                    () -> Pattern.compile("labour_force.csv: \\d+ rows read, \\d+ rows/s, \\d+% of the file")
                            .matcher(run.stdout()).find(), Duration.ofSeconds(60));
            run.process().destroy(); // SIGTERM
            assertThat(run.waitFor(Duration.ofSeconds(30))).as(run.output()).isTrue();
            assertThat(run.stdout()).contains("Stop requested").contains("The running job has ended");
            assertThat(run.stderr()).contains("was stopped before it finished");
        }
        long rows = mediumRows;
        List<String> statuses = ChildJvm.query(work, c -> {
            List<String> found = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT e.STATUS, s.STATUS, s.READ_COUNT"
                    + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                    + " WHERE s.STEP_NAME = 'importLabourForce'")) {
                while (rs.next()) {
                    found.add(rs.getString(1) + " " + rs.getString(2) + " " + (rs.getLong(3) > 0 && rs.getLong(3) < rows));
                }
            }
            return found;
        });
        assertThat(statuses).containsExactly("STOPPED STOPPED true");

        ChildJvm restart = ChildJvm.run(work, "restart", restartArgs(), RUN);
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.stdout()).containsPattern("resuming after [1-9]\\d* rows already committed");
        // every row counted once: 10 thousand persons aged 15+ per row, half the rows per year
        Map<String, Object> population = indicators(workbook()).stream()
                .filter(r -> r.get("indicator").equals("employment.population") && r.get("period").equals("2024")
                        && r.get("geo").equals("MA") && r.get("breakdown").equals("area=total, sex=total, age_group=15+"))
                .findFirst().orElseThrow();
        assertThat((Double) population.get("value")).isEqualTo(10.0 * rows / 2);
    }

    @Test
    void ctrlCStopsTheRunAsSigtermDoesButTheJvmEndsIn130() throws Exception {
        RedoLog redo = redoLog();
        try (ChildJvm run = ChildJvm.start(work, "ctrl-c", args(medium, "--from=2023", "--to=2024"))) {
            awaitFirstChunkCommitted(run, redo);
            Assumptions.assumeTrue(Files.isReadable(procStatus(run.process().pid())),
                    "no /proc on this system: whether this test's JVM ignores SIGINT cannot be told");
            Assumptions.assumeFalse(ignoresSigint(run.process().pid()),
                    "this test's JVM was started with SIGINT ignored (a background job of a shell without job"
                            + " control), which its child inherits: Ctrl-C cannot be tried here");
            run.signal("INT");
            assertThat(run.waitFor(Duration.ofSeconds(30))).as(run.output()).isTrue();
            assertThat(run.exitCode()).as(run.output()).isEqualTo(130);
            assertThat(run.stderr()).contains("was stopped before it finished").contains("--restart");
        }
        List<String> statuses = ChildJvm.query(work, c -> {
            List<String> found = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT STATUS FROM BATCH_JOB_EXECUTION")) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        });
        assertThat(statuses).containsExactly("STOPPED");
    }

    private static Path procStatus(long pid) {
        return Path.of("/proc/" + pid + "/status");
    }

    /** Whether the process ignores SIGINT (signal 2: bit 1 of SigIgn in /proc/PID/status). */
    private static boolean ignoresSigint(long pid) throws IOException {
        for (String line : Files.readAllLines(procStatus(pid))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0b10) != 0;
            }
        }
        return false;
    }

    @Test
    void theSchedulerRunsByCronWithoutOverlapBesideACommandLineRunAndStopsOnSigterm() throws Exception {
        Path nightly = work.resolve("nightly-input");
        GeneratedInput.write(nightly, 20, List.of(2023, 2024)); // a run lasts a few seconds: longer than the cron period
        Path small = work.resolve("small-input");
        GeneratedInput.write(small, 10, List.of(2023, 2024));

        try (ChildJvm scheduler = ChildJvm.start(work, "scheduler",
                args(nightly, "--schedule", "--schedule-cron=* * * * * *"))) {
            scheduler.await("two nightly runs and a skipped trigger",
                    () -> count(scheduler.stdout(), "ended with exit code 0") >= 2 && scheduler.stdout().contains("skipped"),
                    Duration.ofSeconds(180));

            ChildJvm manual = ChildJvm.run(work, "manual", args(small, "--from=2024", "--to=2024"), RUN);
            assertThat(manual.exitCode()).as(manual.output()).isZero();
            assertThat(manual.stdout()).contains("The scheduler serves the database on 127.0.0.1:" + port);

            scheduler.process().destroy(); // SIGTERM
            assertThat(scheduler.waitFor(Duration.ofSeconds(40))).as(scheduler.output()).isTrue();
            assertThat(scheduler.stdout()).contains("Nightly trigger at").contains("skipped: the run started at");
        }

        List<Timestamp[]> nightlyRuns = ChildJvm.query(work, c -> {
            List<Timestamp[]> runs = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT e.START_TIME, e.END_TIME, e.STATUS"
                    + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                    + " WHERE p.PARAMETER_NAME = 'trigger' AND p.PARAMETER_VALUE = 'schedule' ORDER BY e.START_TIME")) {
                while (rs.next()) {
                    runs.add(new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)});
                    assertThat(rs.getString(3)).isIn("COMPLETED", "STOPPED");
                }
            }
            return runs;
        });
        assertThat(nightlyRuns).hasSizeGreaterThanOrEqualTo(2);
        long manualRuns = ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e"
                    + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                    + " WHERE p.PARAMETER_NAME = 'trigger' AND p.PARAMETER_VALUE = 'command-line' AND e.STATUS = 'COMPLETED'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(manualRuns).as("the command-line run is in the scheduler's history").isEqualTo(1);
        for (int i = 1; i < nightlyRuns.size(); i++) {
            assertThat(nightlyRuns.get(i)[0]).as("run %d starts after run %d ended", i, i - 1)
                    .isAfterOrEqualTo(nightlyRuns.get(i - 1)[1]);
        }
        Path reports = work.resolve("reports");
        Path latest = reports.resolve(RunLauncher.LATEST_WORKBOOK);
        try (Stream<Path> files = Files.list(reports)) {
            Path window = files.filter(f -> f.getFileName().toString().matches("labour-market-report_\\d{4}-01_\\d{4}-\\d{2}_employment\\.xlsx"))
                    .findFirst().orElseThrow();
            assertThat(Files.readAllBytes(latest)).isEqualTo(Files.readAllBytes(window));
        }
    }

    private static int count(String text, String fragment) {
        int n = 0;
        for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
            n++;
        }
        return n;
    }
}

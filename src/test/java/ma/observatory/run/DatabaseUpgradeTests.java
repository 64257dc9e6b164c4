package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.WorkbookReader;
import ma.observatory.run.InProcess.Outcome;

/** A database made by an earlier version of the program is brought up to date by the next run. */
class DatabaseUpgradeTests {

    @TempDir
    Path work;

    @Test
    void aDatabaseWithoutReasonKeysOrFormatPartsGetsThemAndTheWorkbookSaysBothInItsLanguage() throws Exception {
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        String[] args = {"--input-dir=" + input, "--output-dir=" + app.reports(), "--from=2023", "--to=2024",
            "--max-reject-rate=0.2"};
        assertThat(app.run(args).exitCode()).isZero();
        // As the version before reasons had keys left it.
        ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE row_problem DROP COLUMN reason_args");
                s.execute("ALTER TABLE row_problem DROP COLUMN reason_key");
                for (String column : new String[] {"charset", "bom", "separator", "decimal_comma"}) {
                    s.execute("ALTER TABLE input_file DROP COLUMN " + column);
                }
            }
            return null;
        });
        Files.writeString(input.resolve("employment/labour_force.csv"), "2024,MA-01,suburban,total,15+,10,5,4,1,,bad\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Outcome outcome = app.run(args);

        assertThat(outcome.exitCode()).as(outcome.both()).isZero();
        try (WorkbookReader book = new WorkbookReader(app.reports().resolve("labour-market-report_2023_2024.xlsx"))) {
            assertThat(book.rows("DataQuality")).anySatisfy(r -> {
                assertThat(r.get("Colonne")).isEqualTo("area");
                assertThat(r.get("Motif ou chiffre")).isEqualTo("n’est pas l’une des valeurs total, urban, rural");
            });
            assertThat(book.rows("InputFiles")).anySatisfy(r -> {
                assertThat(r.get("Fichier")).isEqualTo("employment/labour_force.csv");
                assertThat(r.get("Format")).isEqualTo("UTF-8, séparateur « , »");
            });
        }
        // The database keeps the English words, for the console and for queries.
        assertThat(ChildJvm.lines(work, "SELECT reason, reason_key FROM row_problem WHERE col = 'area'"))
                .containsExactly("is not one of total, urban, rural,code.not-one-of");
    }

    @Test
    void aRunRecordedBeforeAParameterExistedRanWithItsDefaultAndIsComparedWith() throws Exception {
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        String[] args = {"--input-dir=" + input, "--output-dir=" + app.reports(), "--from=2023", "--to=2024",
            "--lang=en"};
        assertThat(app.run(args).exitCode()).isZero();
        // As a version before --geo-levels and --only left its runs
        ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME IN ('geo-levels', 'only')");
            }
            return null;
        });

        Outcome outcome = app.run(args);

        assertThat(outcome.exitCode()).as(outcome.both()).isZero();
        try (WorkbookReader book = new WorkbookReader(app.reports().resolve("labour-market-report_2023_2024_en.xlsx"))) {
            assertThat(book.workbook().getSheet("Changes").getRow(1).getCell(0).getStringCellValue())
                    .startsWith("Nothing changed since run 0, the previous completed run over 2023–2024, which completed"
                            + " on ");
        }
    }

    @Test
    void aDatabaseWithoutTheDecimalsOfPublishedFiguresGetsThemAtTheNextRun() throws Exception {
        InProcess app = new InProcess(work);
        String[] args = {"--input-dir=" + InProcess.FIXTURES, "--output-dir=" + app.reports(), "--from=2023",
            "--to=2024"};
        assertThat(app.run(args).exitCode()).isZero();
        // as the version before them left it
        ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE published DROP COLUMN decimals");
                s.execute("DROP TABLE schema_version");
            }
            return null;
        });

        Outcome outcome = app.run(args);

        assertThat(outcome.exitCode()).as(outcome.both()).isZero();
        assertThat(ChildJvm.lines(work, "SELECT COUNT(*) FROM published WHERE run_id = 1 AND decimals IS NOT NULL"))
                .singleElement().isNotEqualTo("0");
        assertThat(ChildJvm.lines(work, "SELECT version FROM schema_version"))
                .containsExactly(Integer.toString(SchemaVersion.CURRENT));
    }

    /**
     * A scheduler made the tables when it started; a new version of the program installed since
     * would write columns they lack, and fail half-way. It is refused before anything begins.
     */
    @Test
    void aRunBesideASchedulerStartedByAnEarlierVersionIsRefusedBeforeItBegins() throws Exception {
        InProcess app = new InProcess(work);
        Path input = InProcess.FIXTURES.toAbsolutePath(); // the scheduler's process starts in the test's folder
        int port = ChildJvm.freePort();
        List<String> args = new ArrayList<>(ChildJvm.options(work, port));
        int month = YearMonth.now(ZoneId.of("Africa/Casablanca")).plusMonths(6).getMonthValue(); // no night meanwhile
        args.addAll(List.of("--input-dir=" + input, "--schedule", "--schedule-cron=0 0 3 1 " + month + " *"));
        try (ChildJvm scheduler = ChildJvm.start(work, "scheduler", args)) {
            scheduler.await("the scheduler up", () -> scheduler.stdout().contains("Scheduler up"), Duration.ofSeconds(60));
            // as an earlier version's scheduler made them
            Path db = DatabaseAccess.canonical(work.resolve("db/observatory"));
            String password = Files.readString(DatabaseCredentials.fileOf(db)).strip();
            try (Connection c = DriverManager.getConnection(DatabaseAccess.serverUrl(port), "observatory", password);
                 Statement s = c.createStatement()) {
                s.execute("DROP TABLE schema_version");
            }

            String[] run = {"--input-dir=" + input, "--output-dir=" + app.reports(), "--from=2023", "--to=2024"};

            // a scheduler of this version whose tables are not up to date yet is still making them
            Outcome starting = app.run(run);
            assertThat(starting.exitCode()).as(starting.both()).isEqualTo(ExitCodes.BUSY);
            assertThat(starting.stderr()).contains("which is still starting: it is bringing the database's tables up"
                    + " to date for this version of the program. Nothing was started: run this command again in a"
                    + " minute.");
            // an earlier version's scheduler does not say which tables it makes
            Path ownerFile = DatabaseOwner.fileOf(db);
            Files.writeString(ownerFile, Files.readString(ownerFile).replaceAll("(?m)^schema=.*\\R", ""));
            Outcome outcome = app.run(run);

            assertThat(outcome.exitCode()).as(outcome.both()).isEqualTo(ExitCodes.BAD_COMMAND_LINE);
            assertThat(outcome.stderr()).contains("is served by the scheduler (process "
                    + scheduler.process().pid() + "), which was started before this version of the program was"
                    + " installed", "Nothing was started: restart the scheduler");
            // nothing began; what every version has can still be listed
            Outcome list = app.run("--list-runs");
            assertThat(list.exitCode()).as(list.both()).isZero();
            assertThat(list.stdout()).contains("No runs yet");
            scheduler.process().destroy();
            assertThat(scheduler.waitFor(Duration.ofSeconds(40))).as(scheduler.output()).isTrue();
        }
    }
}

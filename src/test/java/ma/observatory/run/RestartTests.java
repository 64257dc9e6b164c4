package ma.observatory.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.WorkbookReader;
import ma.observatory.run.InProcess.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code --restart}: what it resumes, what it refuses, and what a step restarted from the top does to its staged rows. */
class RestartTests {

    private static final String WORKBOOK = "labour-market-report_2023_2024.xlsx";

    @TempDir
    Path work;

    /**
     * An output folder holding a folder (not empty) where the workbook should go: the run starts,
     * and its last step fails when it puts the workbook in place.
     */
    private Path blockedOutput() throws Exception {
        Path out = work.resolve("out");
        Files.createDirectories(out.resolve(WORKBOOK));
        Files.writeString(out.resolve(WORKBOOK).resolve("in-the-way.txt"), "a folder where the workbook should go");
        return out;
    }

    private static void unblock(Path out) throws Exception {
        Files.delete(out.resolve(WORKBOOK).resolve("in-the-way.txt"));
        Files.delete(out.resolve(WORKBOOK));
    }

    @Test
    void aRunOfOtherDomainsOrLanguageDoesNotSupersedeAFailedRunOfTheSameRange() throws Exception {
        InProcess app = new InProcess(work);
        Path out = blockedOutput();
        String[] range = {"--input-dir=" + InProcess.FIXTURES, "--output-dir=" + out, "--from=2023", "--to=2024"};
        assertThat(app.run(range).exitCode()).isEqualTo(ExitCodes.RUN_FAILED);

        // a look at tourism alone, in English or into another folder writes its own workbook: the
        // French one of the whole range still waits for its restart
        for (String other : new String[] {"--only=tourism", "--lang=en", "--output-dir=" + work.resolve("elsewhere")}) {
            String[] args = java.util.Arrays.copyOf(range, range.length + 1);
            args[range.length] = other;
            assertThat(app.run(args).exitCode()).as(other).isZero();
        }
        assertThat(out.resolve("labour-market-report_2023_2024_en.xlsx")).isRegularFile();
        unblock(out);

        Outcome resumed = app.run("--restart");
        assertThat(resumed.exitCode()).as(resumed.both()).isZero();
        assertThat(out.resolve(WORKBOOK)).isRegularFile();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aRunThatEndedUnknownWhenItsDatabaseStoppedAnsweringIsResumedFromItsLastCommit(boolean runUnknown)
            throws Exception {
        InProcess app = new InProcess(work);
        Path out = blockedOutput();
        assertThat(app.run("--input-dir=" + InProcess.FIXTURES, "--output-dir=" + out, "--from=2023", "--to=2024")
                .exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
        // What Batch leaves when the database stops answering as a run records its failure (the
        // scheduler serving it killed and back within seconds): the step UNKNOWN, and the run too,
        // unless its process died before the run's end was recorded.
        ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'UNKNOWN', EXIT_CODE = 'UNKNOWN'"
                        + " WHERE STATUS = 'FAILED'");
                if (runUnknown) {
                    s.executeUpdate("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'UNKNOWN', EXIT_CODE = 'UNKNOWN'");
                }
            }
            return null;
        });
        unblock(out);

        Outcome resumed = app.run("--restart");

        assertThat(resumed.exitCode()).as(resumed.both()).isZero();
        assertThat(resumed.stdout()).contains("ended UNKNOWN").contains("marked FAILED");
        assertThat(out.resolve(WORKBOOK)).isRegularFile();
        long importsAgain = ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION"
                    + " WHERE STEP_NAME = 'importLabourForce'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(importsAgain).as("resumed after its last completed step, not run again from the top").isEqualTo(1);
    }

    @Test
    void aFailedRunIsResumedOnlyWhileItsInputFilesAreUnchanged() throws Exception {
        LocalDateTime before = LocalDateTime.now(ZoneId.of("Pacific/Kiritimati")).withNano(0);
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        Path out = blockedOutput();

        Outcome failed = app.run("--input-dir=" + input, "--output-dir=" + out, "--from=2023", "--to=2024");
        assertThat(failed.exitCode()).as(failed.both()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(failed.stderr().strip().lines()).hasSize(1).first().asString()
                .startsWith("The run failed").contains("then resume it with --restart");

        Path labourForce = input.resolve("employment/labour_force.csv");
        String original = Files.readString(labourForce);
        Files.writeString(labourForce, original.replace("1010,510,455,55", "1010,510,455,56"));
        Outcome changed = app.run("--restart");
        assertThat(changed.exitCode()).as(changed.both()).isEqualTo(ExitCodes.RESTART_REFUSED);
        assertThat(changed.stderr()).contains("Run 0 over 2023 to 2024 cannot be resumed:"
                + " employment/labour_force.csv has changed (its SHA-256 differs) since it started");

        Outcome otherLanguage = app.run("--restart", "--lang=en");
        assertThat(otherLanguage.exitCode()).isEqualTo(ExitCodes.BAD_COMMAND_LINE);
        assertThat(otherLanguage.stderr()).contains("--lang=fr, not en");
        // set outside the command line, the other language is checked too, not silently left unapplied
        System.setProperty("observatory.lang", "en");
        try {
            Outcome setElsewhere = app.run("--restart");
            assertThat(setElsewhere.exitCode()).as(setElsewhere.both()).isEqualTo(ExitCodes.BAD_COMMAND_LINE);
            assertThat(setElsewhere.stderr()).contains("--lang=fr, not en (set in a -D option given to java);"
                    + " unset it for the restart");
        } finally {
            System.clearProperty("observatory.lang");
        }
        // the same value set elsewhere is no disagreement
        System.setProperty("observatory.lang", "fr");
        try {
            assertThat(app.run("--restart").stderr()).doesNotContain("with the options it was started with");
        } finally {
            System.clearProperty("observatory.lang");
        }

        Files.writeString(labourForce, original);
        unblock(out);
        // the range as months: the same run as 2023 to 2024
        Outcome resumed = app.run("--restart", "--from=2023-01", "--to=2024-Q4");
        assertThat(resumed.exitCode()).as(resumed.both()).isZero();
        assertThat(resumed.stdout()).contains("Resuming run 0 over 2023 to 2024 (execution 0 ended FAILED)");
        assertThat(out.resolve("labour-market-report_2023_2024.xlsx")).exists();

        Outcome nothingLeft = app.run("--restart");
        assertThat(nothingLeft.exitCode()).isEqualTo(ExitCodes.RESTART_REFUSED);
        assertThat(nothingLeft.stderr()).contains("There is no failed or stopped run to resume");

        Outcome list = app.run("--list-runs", "--zone=Pacific/Kiritimati"); // UTC+14: never the machine's clock
        assertThat(list.exitCode()).isZero();
        List<String> lines = list.stdout().lines().filter(l -> !l.contains(" INFO ")).toList();
        assertThat(lines.get(0)).startsWith("run  exec  from  to    status     started");
        assertThat(lines.get(1)).matches("\\s*0\\s+1\\s+2023\\s+2024\\s+COMPLETED\\s+\\S+ \\S+\\s+\\d+:\\d\\d:\\d\\d"
                + "\\s+\\d+\\s+0\\s+.*labour-market-report_2023_2024\\.xlsx");
        assertThat(lines.get(2)).matches("\\s*0\\s+0\\s+2023\\s+2024\\s+FAILED\\s.*");
        // the start times are in --zone, and the list says so
        Matcher started = Pattern.compile("(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)").matcher(lines.get(1));
        assertThat(started.find()).isTrue();
        LocalDateTime there = LocalDateTime.now(ZoneId.of("Pacific/Kiritimati"));
        assertThat(LocalDateTime.parse(started.group(1).replace(' ', 'T'))).isBetween(before, there);
        assertThat(list.stdout()).contains("started in Pacific/Kiritimati");
    }

    @Test
    void anImportStepRestartedFromTheTopReplacesWhatItStagedInsteadOfAddingToIt() throws Exception {
        InProcess app = new InProcess(work);
        Path out = blockedOutput();
        assertThat(app.run("--input-dir=" + InProcess.FIXTURES, "--output-dir=" + out, "--from=2023", "--to=2024")
                .exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
        double[] staged = staged();

        // As if the restart had lost the reader's position (the 6.0.6 JobOperator.stop() path does that):
        // the labour force import runs again from its first line. Its saved state is replaced by a
        // step's without one (a state deleted outright would be a damaged history, HistoryIntegrity).
        ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE BATCH_STEP_EXECUTION_CONTEXT SET SERIALIZED_CONTEXT = NULL, SHORT_CONTEXT ="
                        + " (SELECT x.SHORT_CONTEXT FROM BATCH_STEP_EXECUTION_CONTEXT x JOIN BATCH_STEP_EXECUTION e"
                        + " ON e.STEP_EXECUTION_ID = x.STEP_EXECUTION_ID WHERE e.STEP_NAME = 'checkInputs' LIMIT 1)"
                        + " WHERE STEP_EXECUTION_ID IN"
                        + " (SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'importLabourForce')");
                s.executeUpdate("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'FAILED', EXIT_CODE = 'FAILED'"
                        + " WHERE STEP_NAME = 'importLabourForce'");
            }
            return null;
        });
        unblock(out);
        Outcome resumed = app.run("--restart");

        assertThat(resumed.exitCode()).as(resumed.both()).isZero();
        assertThat(resumed.stdout()).doesNotContain("resuming after");
        assertThat(staged()).as("cells and rows read, not doubled").containsExactly(staged, within(1e-9));
        long imports = ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION"
                    + " WHERE STEP_NAME = 'importLabourForce' AND STATUS = 'COMPLETED'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(imports).as("the import ran again, to completion").isEqualTo(1);
        try (WorkbookReader book = new WorkbookReader(out.resolve("labour-market-report_2023_2024.xlsx"))) {
            Map<String, Object> rate = book.rows("Indicators").stream()
                    .filter(r -> r.get("indicator").equals("employment.unemployment_rate") && r.get("period").equals("2024")
                            && r.get("geo").equals("MA") && r.get("breakdown").equals("area=total, sex=total, age_group=15+"))
                    .findFirst().orElseThrow();
            assertThat((Double) rate.get("value")).isCloseTo(100.0 * 155 / 1410, within(1e-9));
        }
    }

    /** The run's staged cell totals and the rows read of labour_force.csv. */
    private double[] staged() throws Exception {
        return ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT SUM(total) FROM cell WHERE run_id = 0),"
                         + " (SELECT COUNT(*) FROM cell WHERE run_id = 0),"
                         + " (SELECT rows_read FROM input_file WHERE run_id = 0 AND file = 'employment/labour_force.csv')"
                         + " FROM (VALUES (0))")) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)};
            }
        });
    }
}

package ma.observatory.run;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.ObservatoryApplication;
import ma.observatory.run.CommandLine.BadCommandLineException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operations options of the command line, and the run list's layout. */
class OperationsCommandLineTest {

    @Test
    void withoutItsLibrariesTheProgramSaysWhatToCopy(@TempDir Path work) throws Exception {
        // The application's own classes alone, as when the jar is copied without target/lib.
        String classes = Path.of(ObservatoryApplication.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes, ObservatoryApplication.class.getName()).directory(work.toFile()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(out).contains("The program's libraries are missing: copy the lib folder")
                .doesNotContain("Exception in thread").doesNotContain("\tat ");
    }

    @Test
    void optionsSetInTheEnvironmentAreCheckedAsTheCommandLinesAre() {
        assertThatThrownBy(() -> CommandLine.parse(new String[0], java.util.Map.of("OBSERVATORY_LANG", "de")::get))
                .isInstanceOf(BadCommandLineException.class)
                .hasMessage("In the environment (OBSERVATORY_LANG): --lang must be fr or en, not 'de'.");
        assertThatThrownBy(() -> CommandLine.parse(new String[0],
                java.util.Map.of("OBSERVATORY_ZONE", "Mars/Olympus")::get))
                .hasMessageContaining("OBSERVATORY_ZONE").hasMessageContaining("is not a time zone");
        assertThatThrownBy(() -> CommandLine.parse(new String[0],
                java.util.Map.of("OBSERVATORY_MAX_REJECT_RATE", "abc")::get))
                .hasMessageContaining("OBSERVATORY_MAX_REJECT_RATE").hasMessageContaining("between 0 and 1");
        // The command line wins over the environment, and a good value passes.
        assertThat(CommandLine.parse(new String[] {"--lang=en"}, java.util.Map.of("OBSERVATORY_LANG", "de")::get)
                .value("lang")).isEqualTo("en");
        CommandLine.parse(new String[0], java.util.Map.of("OBSERVATORY_LANG", "en", "OBSERVATORY_ONLY", "tourism")::get);
    }

    @Test
    void anOptionSetButLeftEmptyIsRefusedWhereverItIsSet() {
        // Spring would take "" as the value: a workbook in the current folder, no level reported.
        assertThatThrownBy(() -> CommandLine.parse(new String[0], java.util.Map.of("OBSERVATORY_OUTPUT_DIR", "")::get))
                .isInstanceOf(BadCommandLineException.class)
                .hasMessage("In the environment: OBSERVATORY_OUTPUT_DIR is set but empty: give it a value"
                        + " (e.g. OBSERVATORY_OUTPUT_DIR=reports) or unset it.");
        assertThatThrownBy(() -> CommandLine.validateConfiguration(java.util.Map.of("observatory.db", "")::get))
                .hasMessage("In the configuration (application.properties): observatory.db is empty: give it a value"
                        + " (e.g. observatory.db=var/observatory-db) or remove the line.");
        assertThatThrownBy(() -> CommandLine.validateConfiguration(java.util.Map.of("observatory.geo-levels", ",")::get))
                .hasMessageContaining("--geo-levels=, has an empty name in its list");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--geo-levels=,"}))
                .hasMessageContaining("--geo-levels=, has an empty name in its list: write names joined by commas,"
                        + " e.g. --geo-levels=country,region.");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--only=employment,"}))
                .hasMessageContaining("--only=employment, has an empty name in its list");
    }

    @Test
    void helpNamesEveryOption() {
        String help = String.join("\n", CommandLine.usage());
        for (String option : CommandLine.VALUE_OPTIONS) {
            assertThat(help).as("--help names --" + option).contains("--" + option + "=");
        }
        for (String flag : CommandLine.FLAGS) {
            assertThat(help).contains("--" + flag);
        }
        for (int code : new int[] {ExitCodes.OK, ExitCodes.RUN_FAILED, ExitCodes.BAD_COMMAND_LINE,
            ExitCodes.INPUT_CONTRACT, ExitCodes.BUSY, ExitCodes.RESTART_REFUSED, 143, 130}) {
            assertThat(help).as("--help says exit code " + code).containsPattern("[ ;]" + code + " ");
        }
    }

    @Test
    void anAccentedPathUnderCronsBareEnvironmentGetsASentence(@TempDir Path work) throws Exception {
        for (String option : List.of("--db=" + work.resolve("dossier \u00e9").resolve("obs"),
                "--input-dir=" + work.resolve("donn\u00e9es"))) {
            ProcessBuilder cron = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ObservatoryApplication.class.getName(),
                    "--db=" + work.resolve("db"), option, "--list-runs")
                    .directory(work.toFile()).redirectErrorStream(true);
            cron.environment().clear(); // as cron starts a job: no LANG, so Java names files in ASCII
            cron.environment().put("PATH", "/usr/bin:/bin");
            Process p = cron.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(p.waitFor()).as(out).isEqualTo(ExitCodes.BAD_COMMAND_LINE);
            assertThat(out).as(option).contains("cannot be used: with the language settings this program was started"
                    + " with (no LANG)").contains("Start it with LANG=C.UTF-8").doesNotContain("\tat ");
        }
    }

    @Test
    void aDatabaseFolderSetInApplicationPropertiesIsCheckedBeforeAnythingStarts(@TempDir Path work) throws Exception {
        java.nio.file.Files.writeString(work.resolve("in-the-way"), "a file, not a folder");
        java.nio.file.Files.writeString(work.resolve("application.properties"),
                "observatory.db=" + work.resolve("in-the-way").resolve("db") + "\n");
        ProcessBuilder start = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ObservatoryApplication.class.getName(),
                "--logging.file.name=" + work.resolve("o.log"), "--only=tourism", "--input-dir=" + work)
                .directory(work.toFile()).redirectErrorStream(true);
        start.environment().remove("OBSERVATORY_DB");
        Process p = start.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        // as --db with the same value: a setting to correct (2), not a run that failed (1)
        assertThat(p.waitFor()).as(out).isEqualTo(ExitCodes.BAD_COMMAND_LINE);
        assertThat(out).contains("The database folder " + work.resolve("in-the-way") + " cannot be made (a file of"
                + " that name is in the way). Nothing was started").doesNotContain("\tat ");
    }

    @Test
    void aMisspeltSettingIsSaidBeforeTheAnswerForAFolderWithoutADatabase(@TempDir Path work) throws Exception {
        // The database named in a file under a misspelt name: the default one, absent, is not what the
        // operator meant; "No runs yet" (0) or "nothing to resume" (5) would hide the typo.
        java.nio.file.Files.writeString(work.resolve("application.properties"),
                "observatory.dbb=" + work.resolve("elsewhere/db") + "\n");
        for (String action : List.of("--list-runs", "--restart")) {
            String out = inFolder(work, Map.of(), action);
            assertThat(out).as(action).contains("observatory.dbb is not a setting").contains("observatory.db?")
                    .doesNotContain("No runs yet").doesNotContain("no run to resume").doesNotContain("\tat ")
                    .endsWith("exit " + ExitCodes.BAD_COMMAND_LINE);
        }
        java.nio.file.Files.delete(work.resolve("application.properties"));
        // the same typo in the environment
        assertThat(inFolder(work, Map.of("OBSERVATORY_DBB", work.resolve("elsewhere/db").toString()), "--list-runs"))
                .contains("OBSERVATORY_DBB").doesNotContain("No runs yet").endsWith("exit " + ExitCodes.BAD_COMMAND_LINE);
        // a YAML file, which only Spring reads, is read before the answer
        java.nio.file.Files.createDirectories(work.resolve("real"));
        java.nio.file.Files.writeString(work.resolve("application.yml"),
                "observatory:\n  db: " + work.resolve("real/db") + "\n");
        assertThat(inFolder(work, Map.of(), "--list-runs")).contains("No runs yet: there is no database at "
                + work.resolve("real/db")).endsWith("exit " + ExitCodes.OK);
    }

    @Test
    void settingsOnlySpringReadsOrValuesItRefusesLeaveTheAnswerToIt(@TempDir Path work) throws Exception {
        Path settings = work.resolve("application.properties");
        // an empty value, spaces after one: refused as Spring reads them, not taken for the default
        for (String line : List.of("observatory.db=", "observatory.lang=en ")) {
            java.nio.file.Files.writeString(settings, line + "\n");
            assertThat(inFolder(work, Map.of(), "--list-runs")).as(line).contains("In the configuration")
                    .doesNotContain("No runs yet").endsWith("exit " + ExitCodes.BAD_COMMAND_LINE);
        }
        // the database named in a file the first one imports: listed from there, not "No runs yet" at the default
        Path history = work.resolve("history");
        java.nio.file.Files.createDirectories(history);
        java.nio.file.Files.writeString(history.resolve("obs.properties"), "observatory.db=" + history.resolve("db") + "\n");
        java.nio.file.Files.writeString(settings, "spring.config.import=file:" + history.resolve("obs.properties") + "\n");
        assertThat(inFolder(work, Map.of(), "--list-runs")).contains("No runs yet: there is no database at "
                + history.resolve("db") + " ");
        java.nio.file.Files.delete(settings);
        // other places Spring reads the database's path from: each is the one answered for
        assertThat(inFolder(work, Map.of(), "--list-runs", "--spring.application.json={\"observatory.db\":\""
                + history.resolve("json") + "\"}")).contains("there is no database at " + history.resolve("json") + " ");
        assertThat(inFolder(work, Map.of("observatory_db", history.resolve("lower").toString()), "--list-runs"))
                .contains("there is no database at " + history.resolve("lower") + " ");
        java.nio.file.Files.writeString(work.resolve("application.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE properties SYSTEM \"http://java.sun.com/dtd/properties.dtd\">\n<properties><entry"
                + " key=\"observatory.db\">" + history.resolve("xml") + "</entry></properties>\n");
        assertThat(inFolder(work, Map.of(), "--list-runs")).contains("there is no database at " + history.resolve("xml")
                + " ");
        java.nio.file.Files.delete(work.resolve("application.xml"));
        // started where there is no input (a folder Spring alone is told of), it still makes no database there
        java.nio.file.Files.createDirectories(work.resolve("config/prod"));
        java.nio.file.Files.writeString(work.resolve("config/prod/application.properties"), "observatory.lang=en\n");
        assertThat(inFolder(work, Map.of(), "--only=tourism")).contains("The input folder " + work.resolve("data")
                + " does not exist").endsWith("exit " + ExitCodes.INPUT_CONTRACT);
        try (var made = java.nio.file.Files.list(work.resolve("var"))) {
            assertThat(made).as("no database, no password file").isEmpty();
        }
        assertThat(work.resolve("reports")).doesNotExist();
    }

    /** The program's output, started in {@code work} as a cron job would be, and its exit code on the last line. */
    private static String inFolder(Path work, Map<String, String> environment, String... args) throws Exception {
        // Started as the other tests' children are (ChildJvm): the program's class path, its classes
        // archived, C1 only. Started as a bare `java -cp <test class path>`, each of the eleven took
        // 1.3 s on a quiet machine (3 s on a busy one) against 0.8 s, most of it loading and
        // compiling classes for an answer given as Spring starts.
        List<String> command = ChildJvm.java("512m");
        command.add("--logging.file.name=" + work.resolve("o.log"));
        command.addAll(List.of(args));
        ProcessBuilder start = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        start.environment().keySet().removeIf(k -> k.startsWith("OBSERVATORY_") || k.startsWith("SPRING_"));
        start.environment().putAll(environment);
        Process p = start.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out + "\nexit " + p.waitFor();
    }

    @Test
    void aPlaceholderNothingGivesIsASettingToCorrect(@TempDir Path work) {
        assertThat(ObservatoryApplication.run("--db=${no.such.setting}/db", "--logging.file.name=" + work.resolve("o.log"),
                "--input-dir=src/test/resources/fixtures/small", "--output-dir=" + work.resolve("out")))
                .isEqualTo(ExitCodes.BAD_COMMAND_LINE);
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void aWrongDatabasePasswordIsASettingToCorrectNotARunToResume(@TempDir Path work) {
        String db = "--db=" + work.resolve("db/observatory");
        String log = "--logging.file.name=" + work.resolve("observatory.log");
        assertThat(ObservatoryApplication.run(db, log, "--input-dir=src/test/resources/fixtures/small",
                "--output-dir=" + work.resolve("out"), "--from=2023", "--to=2024", "--only=tourism"))
                .isEqualTo(ExitCodes.OK);

        assertThat(ObservatoryApplication.run(db, log, "--list-runs", "--observatory.db-password=wrong"))
                .isEqualTo(ExitCodes.BAD_COMMAND_LINE);
    }

    @Test
    void listingTheRunsOfADatabaseNoRunMadeSaysSoAndMakesNone(@TempDir Path work) {
        Path mistyped = work.resolve("vra/observatory-db");
        PrintStream original = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = ObservatoryApplication.run("--db=" + mistyped, "--logging.file.name=" + work.resolve("o.log"),
                    "--list-runs");
        } finally {
            System.setOut(original);
        }

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No runs yet: there is no database at "
                + mistyped.toAbsolutePath() + " (a run makes it there; if runs were made elsewhere, check --db,"
                + " observatory.db in application.properties or OBSERVATORY_DB).");
        assertThat(mistyped.getParent()).as("no database, no password file, no folder made").doesNotExist();
        // answered before the log is opened: run in an empty folder, it leaves no var/logs there
        assertThat(work.resolve("o.log")).doesNotExist();
    }

    @Test
    void oneActionAtATime() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--restart", "--list-runs"}))
                .isInstanceOf(BadCommandLineException.class).hasMessageContaining("cannot be combined");
    }

    @Test
    void theSchedulerRunsTheNightlyWindowOnly() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--schedule", "--from=2024"}))
                .isInstanceOf(BadCommandLineException.class).hasMessageContaining("--schedule always runs the nightly window");
        assertThat(CommandLine.parse(new String[] {"--schedule"}).springProperties())
                .containsEntry("observatory.schedule", "true");
    }

    @Test
    void cronAndZoneAreChecked() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--schedule", "--schedule-cron=every night"}))
                .isInstanceOf(BadCommandLineException.class).hasMessageContaining("is not a cron expression");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--schedule", "--schedule-cron=0 0 2 30 2 *"}))
                .isInstanceOf(BadCommandLineException.class).hasMessageContaining("never fires");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--zone=Mars/Olympus"}))
                .isInstanceOf(BadCommandLineException.class).hasMessageContaining("is not a time zone");
        assertThat(CommandLine.parse(new String[] {"--schedule", "--schedule-cron=*/2 * * * * *", "--zone=UTC"})
                .springProperties()).containsEntry("observatory.schedule-cron", "*/2 * * * * *");
    }

    @Test
    void theDatabaseIsNamedByAFilePrefixTheDatabaseCanTake(@TempDir Path work) {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--db=var/db;shutdown=true"}))
                .isInstanceOf(BadCommandLineException.class)
                .hasMessage("--db=var/db;shutdown=true contains ';', which the database cannot take in its path:"
                        + " choose a path without it.");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--db=var/mine/"}))
                .isInstanceOf(BadCommandLineException.class)
                .hasMessageStartingWith("--db=var/mine/ is a folder: --db names the database's files without their"
                        + " extension, e.g. --db=var/mine/observatory-db (its files");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--db=" + work}))
                .isInstanceOf(BadCommandLineException.class).hasMessageContaining("is a folder");
        for (String folder : new String[] {"--db=var/none/..", "--db=.", "--db=var/."}) {
            assertThatThrownBy(() -> CommandLine.parse(new String[] {folder}))
                    .isInstanceOf(BadCommandLineException.class).hasMessageContaining("is a folder");
        }
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--db=/"}))
                .isInstanceOf(BadCommandLineException.class).hasMessageContaining("e.g. --db=/observatory-db (");
        assertThat(CommandLine.parse(new String[] {"--db=" + work.resolve("observatory-db")}).value("db"))
                .endsWith("observatory-db");
    }

    @Test
    void badOperationsOptionsExitWith2BeforeAnythingStarts() {
        assertThat(ma.observatory.ObservatoryApplication.run("--list-runs", "--schedule")).isEqualTo(ExitCodes.BAD_COMMAND_LINE);
    }

    @Test
    void theRunListIsAlignedWithNumbersToTheRight() {
        List<String> lines = RunHistory.format(List.of(
                List.of("run", "exec", "from", "to", "status", "started", "duration", "rows read", "rejected", "workbook"),
                List.of("12", "17", "2021-01", "2026-10", "COMPLETED", "2026-11-26 02:00:01", "0:01:23", "512,345", "12",
                        "reports/a.xlsx"),
                List.of("9", "9", "2023", "2024", "FAILED", "2026-11-25 02:00:01", "0:00:05", "7", "0", "")));
        assertThat(lines).containsExactly(
                "run  exec  from     to       status     started              duration  rows read  rejected  workbook",
                " 12    17  2021-01  2026-10  COMPLETED  2026-11-26 02:00:01   0:01:23    512,345        12  reports/a.xlsx",
                "  9     9  2023     2024     FAILED     2026-11-25 02:00:01   0:00:05          7         0");
    }

    @Test
    void theOperatorsSettingsAreCheckedWithTheOptions() {
        java.util.Map<String, String> good = java.util.Map.of("observatory.db-server-port", "9137",
                "observatory.db-min-free-mb", "200", "observatory.stop-timeout", "60s");
        CommandLine.validateConfiguration(good::get);

        assertThatThrownBy(() -> CommandLine.validateConfiguration(
                java.util.Map.of("observatory.db-server-port", "99999")::get))
                .hasMessageContaining("observatory.db-server-port must be a port number from 1 to 65535, not '99999'");
        assertThatThrownBy(() -> CommandLine.validateConfiguration(
                java.util.Map.of("observatory.stop-timeout", "abc")::get))
                .hasMessageContaining("observatory.stop-timeout must be a duration such as 60s or 2m, not 'abc'");
        assertThatThrownBy(() -> CommandLine.validateConfiguration(
                java.util.Map.of("observatory.db-min-free-mb", "-1")::get))
                .hasMessageContaining("observatory.db-min-free-mb must be a number of megabytes");
    }

    @Test
    void aWrongSettingNamesTheFileThatGaveItAmongSeveral() {
        java.util.Map<String, String> values = java.util.Map.of("observatory.lang", "en",
                "observatory.max-reject-rate", "abc", "observatory.stop-timeout", "1 minute");
        java.util.Map<String, String> files = java.util.Map.of("observatory.lang", "/etc/observatory/application.properties",
                "observatory.max-reject-rate", "config/application.properties",
                "observatory.stop-timeout", "the environment");

        assertThatThrownBy(() -> CommandLine.validateConfiguration(values::get, files::get))
                .hasMessageStartingWith("In the configuration (config/application.properties): --max-reject-rate must be");
        // two wrong settings in two files: the file named is the one of the setting the sentence is about
        java.util.Map<String, String> twoWrong = java.util.Map.of("observatory.zone", "Mars/Olympus",
                "observatory.schedule-cron", "not a cron");
        java.util.Map<String, String> twoFiles = java.util.Map.of("observatory.zone", "config/application.properties",
                "observatory.schedule-cron", "application.properties");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> CommandLine.validateConfiguration(twoWrong::get, twoFiles::get))
                    .satisfies(e -> assertThat(e.getMessage()).matches(
                            "In the configuration \\(config/application.properties\\): --zone.*"
                                    + "|In the configuration \\(application.properties\\): --schedule-cron.*"));
        }
        assertThatThrownBy(() -> CommandLine.validateConfiguration(java.util.Map.of("observatory.stop-timeout", "abc")::get,
                files::get)).hasMessageStartingWith("In the configuration (the environment): observatory.stop-timeout");
        assertThatThrownBy(() -> CommandLine.validateSettingNames(List.of("observatory.lnag"), files::get))
                .hasMessageStartingWith("In the configuration: observatory.lnag is not a setting");
        assertThatThrownBy(() -> CommandLine.validateSettingNames(List.of("observatory.lnag"),
                name -> "config/application.properties"))
                .hasMessageStartingWith("In the configuration (config/application.properties): observatory.lnag is not");
    }

    @Test
    void anUnknownSettingIsRefusedWithTheNearestKnownOne() {
        CommandLine.validateSettingNames(List.of("observatory.max-reject-rate", "observatory.db-password",
                "Observatory.Lang", "spring.main.banner-mode", "OBSERVATORY_MAX_REJECT_RATE", "OBSERVATORY_DB_SERVER_PORT",
                "PATH"));

        assertThatThrownBy(() -> CommandLine.validateSettingNames(List.of("observatory.lang", "observatory.max-reject-rat")))
                .hasMessageStartingWith("In the configuration: observatory.max-reject-rat is not a setting of this"
                        + " program, so it would be ignored (did you mean observatory.max-reject-rate?).")
                .hasMessageContaining("the settings are db, db-min-free-mb, db-password, db-server-port, db-user,");
        assertThatThrownBy(() -> CommandLine.validateSettingNames(List.of("observatory.colour")))
                .hasMessageStartingWith("In the configuration: observatory.colour is not a setting of this program, so"
                        + " it would be ignored. Correct");
        // an environment variable, and a name spelt with capitals, as Spring would read them
        assertThatThrownBy(() -> CommandLine.validateSettingNames(List.of("OBSERVATORY_LNAG")))
                .hasMessageContaining("OBSERVATORY_LNAG is not a setting")
                .hasMessageContaining("(did you mean OBSERVATORY_LANG?)"); // a variable for a variable
        assertThatThrownBy(() -> CommandLine.validateSettingNames(List.of("Observatory.lnag")))
                .hasMessageContaining("Observatory.lnag is not a setting");
        // what the program is asked to do is the command line's
        assertThatThrownBy(() -> CommandLine.validateSettingNames(List.of("observatory.schedule")))
                .hasMessage("In the configuration: observatory.schedule is not a setting but something the program is"
                        + " asked to do: give --schedule on the command line instead.");
    }

    @Test
    void aSettingMisspeltOnTheCommandLineIsSaidToBeThere() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--observatory.max-reject-rat=0.1"}))
                .isInstanceOf(BadCommandLineException.class)
                .hasMessageStartingWith("On the command line: --observatory.max-reject-rat is not a setting of this"
                        + " program, so it would be ignored (did you mean --max-reject-rate?).");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--observatory.db-usr=x"}))
                .hasMessageContaining("(did you mean --observatory.db-user?)");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--observatory.restart"}))
                .hasMessage("On the command line: --observatory.restart is not a setting but something the program is"
                        + " asked to do: give --restart instead.");
    }

    @Test
    void anOptionSpeltAsASettingOnTheCommandLineIsTheOption() {
        CommandLine line = CommandLine.parse(new String[] {"--observatory.only=tourism"});
        assertThat(line.has("only")).as("an ad-hoc run: the latest workbook stays").isTrue();
        assertThat(line.springProperties()).containsEntry("observatory.only", "tourism");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--observatory.only=housing"}))
                .isInstanceOf(BadCommandLineException.class).hasMessageContaining("not 'housing'");
    }

    @Test
    void theRangeIsTheCommandLinesOnly() {
        assertThatThrownBy(() -> CommandLine.validateSettingNames(List.of("observatory.from")))
                .hasMessage("In the configuration: observatory.from would be ignored: the range is given on the command"
                        + " line only (--from, --to); without them a run covers the nightly window.");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--observatory.to=2024"}))
                .isInstanceOf(BadCommandLineException.class)
                .hasMessage("On the command line: --observatory.to is not an option: give the range with --to.");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--observatory.lnag=en"}))
                .isInstanceOf(BadCommandLineException.class).hasMessageContaining("did you mean --lang?");
        // given twice, the last wins, as in most programs: a wrapper script may add to its defaults
        assertThat(CommandLine.parse(new String[] {"--from=2020", "--to=2024", "--from=2021"}).value("from"))
                .isEqualTo("2021");
    }

    @Test
    void theEditDistanceCountsOneLetterChanges() {
        assertThat(CommandLine.editDistance("zone", "zone")).isZero();
        assertThat(CommandLine.editDistance("max-reject-rat", "max-reject-rate")).isEqualTo(1);
        assertThat(CommandLine.editDistance("lnag", "lang")).isEqualTo(2);
        assertThat(CommandLine.editDistance("", "db")).isEqualTo(2);
        assertThat(CommandLine.editDistance("kitten", "sitting")).isEqualTo(3);
    }
}

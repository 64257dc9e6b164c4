package ma.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.run.ExitCodes;

/** What the operator reads when the program cannot write where it was told to. */
class StartFailureTest {

    @Test
    void aPlaceholderInApplicationPropertiesIsResolvedAsSpringWouldBeforeItsFolderIsChecked() {
        // observatory.db=${java.io.tmpdir}/obs/db: Spring opens it under the temporary folder,
        // and the early check must look there, not at a folder named "${java.io.tmpdir}"
        assertThat(ObservatoryApplication.resolved("${java.io.tmpdir}/obs/db"))
                .isEqualTo(System.getProperty("java.io.tmpdir") + "/obs/db");
        assertThat(ObservatoryApplication.resolved("${no.such.setting:var/db}")).isEqualTo("var/db");
        // one neither a property nor the environment gives stays: the check leaves it to Spring
        assertThat(ObservatoryApplication.resolved("${no.such.setting}/db")).isEqualTo("${no.such.setting}/db");
        assertThat(ObservatoryApplication.resolved("var/observatory-db")).isEqualTo("var/observatory-db");
        // a setting of the same file naming another, as Spring resolves it
        java.util.Properties file = new java.util.Properties();
        file.setProperty("obs.home", "/srv/${obs.site}");
        file.setProperty("obs.site", "rabat");
        assertThat(ObservatoryApplication.resolved("${obs.home}/db", java.util.List.of(file), 0))
                .isEqualTo("/srv/rabat/db");
    }

    @Test
    void aReadOnlyFolderIsNamedNotTheTemporaryFileInIt() {
        String said = ObservatoryApplication.unwritableFolder(new FileSystemException(
                "/srv/observatory/db/.o.password.9562264098695915821.part", null, "Read-only file system"));

        assertThat(said).startsWith("The folder /srv/observatory/db cannot be written").doesNotContain(".part")
                .contains("Nothing was started");
    }

    @Test
    void aFolderThisUserMayNotWriteInIsNamedToo() {
        assertThat(ObservatoryApplication.unwritableFolder(new AccessDeniedException("/srv/reports/x.xlsx")))
                .startsWith("The folder /srv/reports cannot be written");
    }

    @Test
    void aFullDiskAtTheFirstStartNamesTheDatabaseFolder() {
        // HSQLDB making a new database on a full disk: the failure reaches start-up, not the run
        RuntimeException e = new IllegalStateException("Failed to initialize dependency 'dataSourceScriptDatabaseInitializer'",
                new RuntimeException("java.io.IOException: No space left on device"));
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            code = ObservatoryApplication.startFailure(e, "var/logs/observatory.log", Path.of("/srv/observatory/var/db"));
        } finally {
            System.setErr(original);
        }

        assertThat(code).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("The disk holding the database (/srv/observatory/var) is full")
                .doesNotContain("another run");
    }

    @Test
    void otherFileErrorsAreNotMistakenForIt() {
        assertThat(ObservatoryApplication.unwritableFolder(new NoSuchFileException("/srv/x"))).isNull();
        assertThat(ObservatoryApplication.unwritableFolder(new IllegalStateException("no"))).isNull();
    }

    @Test
    void aDatabasePathWithoutAFolderOrUnderAFileIsSaidInASentence(@TempDir Path work) throws IOException {
        assertThat(ObservatoryApplication.unusableDatabaseFolder(Path.of("/"))).startsWith("--db=/ names no database");
        Path file = Files.writeString(work.resolve("a-file"), "x");
        assertThat(ObservatoryApplication.unusableDatabaseFolder(file.resolve("sub/db")))
                .startsWith("The database folder " + file.resolve("sub").toAbsolutePath() + " cannot be made (")
                .doesNotContain("Exception");
        assertThat(ObservatoryApplication.unusableDatabaseFolder(work.resolve("db/observatory"))).isNull();
    }

    @Test
    void aLogFolderThatCannotBeMadeIsSaidBeforeAnythingStarts(@TempDir Path work) throws IOException {
        Path file = Files.writeString(work.resolve("var"), "a file where the log folder should be");
        assertThat(ObservatoryApplication.unwritableLog(file.resolve("logs/observatory.log")))
                .isEqualTo("The log folder " + file.resolve("logs") + " cannot be made or written by this user. Nothing"
                        + " was started: start the program from its own folder (cd to it first, as in the README's cron"
                        + " line), or give a log file with --logging.file.name=/path/to/observatory.log.");
        assertThat(ObservatoryApplication.unwritableLog(work.resolve("logs/observatory.log"))).isNull();
    }

    @Test
    void aLogFileThatIsAFolderIsSaidBeforeAnythingStarts(@TempDir Path work) throws IOException {
        Path folder = Files.createDirectories(work.resolve("logs/observatory.log"));
        assertThat(ObservatoryApplication.unwritableLog(folder)).isEqualTo("The log file " + folder + " is a folder."
                + " Nothing was started: move that folder away, or give a log file with"
                + " --logging.file.name=/path/to/observatory.log.");
    }

    @Test
    void aLogFileOrFolderOfAnotherUserIsSaidBeforeAnythingStarts(@TempDir Path work) throws IOException {
        Path file = Files.writeString(work.resolve("other.log"), "written by root at the first run\n");
        Assumptions.assumeTrue(file.toFile().setWritable(false) && !Files.isWritable(file),
                "this user writes whatever the permissions (root): checked by hand as another user");
        assertThat(ObservatoryApplication.unwritableLog(file)).startsWith("The log file " + file + " cannot be written"
                + " by this user (it may belong to another, as after a first run with sudo). Nothing was started");
        // the folder a first run with sudo made: the program's own, not one it was started away from
        Path folder = Files.createDirectories(work.resolve("var/logs"));
        Assumptions.assumeTrue(folder.toFile().setWritable(false));
        assertThat(ObservatoryApplication.unwritableLog(folder.resolve("observatory.log"))).startsWith("The log folder "
                + folder + " cannot be written by this user (it may belong to another, as after a first run with sudo).");
    }
}

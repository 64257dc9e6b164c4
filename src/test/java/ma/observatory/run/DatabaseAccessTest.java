package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** What the operator is told when HSQLDB cannot take the database's lock. */
class DatabaseAccessTest {

    private static final Path DB = Path.of("/srv/observatory/db/o");

    private static SQLException lockFailure(String reason) {
        return new SQLException("Database lock acquisition failure: lockFile: org.hsqldb.persist.LockFile@343a17be"
                + "[file =/srv/observatory/db/o.lck, exists=false, locked=false, valid=false, ] method: openRAF"
                + " reason: " + reason);
    }

    @Test
    void aDatabaseWhoseReadingRanOutOfMemoryIsSaidToBeDamagedOrTooLargeNotTheProgramShort() {
        // HSQLDB reading a damaged db.data at -Xmx512m: a length of gigabytes read from garbage
        SQLException damaged = new SQLException("error in script file line: 71 java.lang.OutOfMemoryError: Java heap space",
                new OutOfMemoryError("Java heap space"));

        DatabaseAccess.DatabaseException e = DatabaseAccess.notOpened(DB, damaged);

        assertThat(e.getMessage()).startsWith("The database " + DB + " cannot be opened: reading its files ran out of"
                        + " memory").contains("A damaged file does that, and so does a database too large for that memory",
                        "Run once with more memory, e.g. java -Xmx", "if the database still cannot be opened, its files"
                        + " are damaged: restore all of " + DB + ".* from the same backup");
        assertThat(ExitCodes.outOfMemory(new IllegalStateException(e))).as("this sentence, not \"ran out of memory\"")
                .isFalse();
        assertThat(DatabaseAccess.notOpened(DB, new SQLException("user lacks privilege or object not found: X"))
                .getMessage()).isEqualTo("The database " + DB + " cannot be opened (user lacks privilege or object not"
                + " found: X). Nothing was run. If its files were damaged, " + DatabaseAccess.whatToDoWhenDamaged(DB));
    }

    @Test
    void aLineOfTheHistoryFileThatCannotBeReplayedIsNamedWithoutHsqldbsClassNames() {
        // HSQLDB's words for a .script whose CREATE TABLE line was deleted by hand
        SQLException edited = new SQLException("error in script file  line: 57 org.hsqldb.HsqlException: user lacks"
                + " privilege or object not found: PUBLIC.BATCH_STEP_EXECUTION");

        assertThat(DatabaseAccess.notOpened(DB, edited).getMessage()).isEqualTo("The database " + DB + " cannot be"
                + " opened: line 57 of its file " + DB + ".script cannot be read (user lacks privilege or object not"
                + " found: PUBLIC.BATCH_STEP_EXECUTION), so the file was damaged or edited. Nothing was run: "
                + DatabaseAccess.whatToDoWhenDamaged(DB));
    }

    @Test
    void aLockHeldByAnotherProcessIsBusy() {
        assertThatThrownBy(() -> DatabaseAccess.throwIfLocked(DB, lockFailure("lock held by another process")))
                .isInstanceOf(DatabaseAccess.DatabaseBusyException.class)
                .hasMessageContaining("is in use by another process");
    }

    @Test
    void aFolderThatCannotBeWrittenIsSaidSoNotBusy() {
        assertThatThrownBy(() -> DatabaseAccess.throwIfLocked(DB,
                lockFailure("java.io.FileNotFoundException: /srv/observatory/db/o.lck (Read-only file system)")))
                .isInstanceOf(DatabaseAccess.DatabaseException.class)
                .hasMessageContaining("cannot be written").hasMessageContaining("--db")
                .hasMessageNotContaining("in use by another process")
                .satisfies(e -> assertThat(((DatabaseAccess.DatabaseException) e).setting()).as("exit 2").isTrue());
        assertThatThrownBy(() -> DatabaseAccess.throwIfLocked(DB,
                lockFailure("java.io.FileNotFoundException: /srv/observatory/db/o.lck (Permission denied)")))
                .isInstanceOf(DatabaseAccess.DatabaseException.class);
    }

    @Test
    void aFullDiskIsSaidFullNeitherBusyNorDamaged() {
        // as HSQLDB reports both: a lock file it cannot write, a database it could not finish making
        assertThatThrownBy(() -> DatabaseAccess.throwIfLocked(DB,
                lockFailure("java.io.IOException: No space left on device")))
                .isInstanceOf(DatabaseAccess.DatabaseException.class)
                .hasMessage("The disk holding the database (/srv/observatory/db) is full: the database could not be"
                        + " opened. Nothing was started: free some space, or move the database with --db, and run"
                        + " again.")
                .satisfies(e -> assertThat(((DatabaseAccess.DatabaseException) e).setting()).as("exit 1").isFalse());
        assertThatThrownBy(() -> DatabaseAccess.throwIfLocked(DB, new SQLException("file input/output error",
                new java.io.IOException("No space left on device"))))
                .isInstanceOf(DatabaseAccess.DatabaseException.class)
                .hasMessageContaining("is full").hasMessageNotContaining("backup");
    }

    @Test
    void aConnectionRefusedOrBrokenIsALostDatabaseNotAnotherFailure() {
        assertThat(DatabaseAccess.connectionLost(new RuntimeException("chunk failed",
                new SQLException("java.net.ConnectException: Connection refused", "08001")))).isTrue();
        assertThat(DatabaseAccess.connectionLost(new IllegalStateException(new java.net.SocketException("Connection reset"))))
                .isTrue();
        assertThat(DatabaseAccess.connectionLost(new RuntimeException(new SQLException("user lacks privilege", "42501"))))
                .isFalse();
        assertThat(DatabaseAccess.connectionLost(new RuntimeException("No space left on device"))).isFalse();
    }

    @Test
    void aLockFileThatIsAFolderOrALinkIsNamedAndNoLinkIsFollowed(@org.junit.jupiter.api.io.TempDir Path work)
            throws Exception {
        Path db = DatabaseAccess.canonical(work.resolve("db/observatory"));
        java.nio.file.Files.createDirectories(DatabaseClaim.fileOf(db));

        assertThatThrownBy(() -> DatabaseAccess.open(db, "observatory", "", ChildJvm.freePort(), false))
                .isInstanceOf(DatabaseAccess.DatabaseException.class)
                .hasMessageStartingWith("The database's lock file " + DatabaseClaim.fileOf(db) + " cannot be opened"
                        + " (it is a folder;")
                .hasMessageContaining("remove it (it holds no data")
                .satisfies(e -> assertThat(((DatabaseAccess.DatabaseException) e).setting()).as("exit 2").isTrue());

        java.nio.file.Files.delete(DatabaseClaim.fileOf(db));
        Path target = work.resolve("elsewhere/made-by-the-link");
        java.nio.file.Files.createSymbolicLink(DatabaseClaim.fileOf(db), target);
        assertThatThrownBy(() -> DatabaseAccess.open(db, "observatory", "", ChildJvm.freePort(), false))
                .hasMessageStartingWith("The database's lock file " + DatabaseClaim.fileOf(db) + " cannot be opened"
                        + " (it is a link;");
        assertThat(target).doesNotExist();
        assertThat(db.resolveSibling("observatory.script")).as("nothing opened").doesNotExist();
    }

    @Test
    void aSchedulerThatDiesWhileARunLogsInIsSaidGoneNotASettingToCorrect(@org.junit.jupiter.api.io.TempDir Path work)
            throws Exception {
        Path db = DatabaseAccess.canonical(work.resolve("db/observatory"));
        // A "scheduler" alive when the run starts, killed as the run reaches its port, which accepts
        // the connection and never answers, so that the run's login waits past its death. (It once
        // lived a second on its own: on a slow machine the run found it dead before it began.)
        Process scheduler = new ProcessBuilder("sleep", "600").start();
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread killer = new Thread(() -> {
                try (java.net.Socket reached = silent.accept()) {
                    scheduler.destroyForcibly().waitFor();
                } catch (java.io.IOException | InterruptedException closed) {
                    // the test is over
                }
            }, "scheduler-killer");
            killer.setDaemon(true);
            killer.start();
            new DatabaseOwner(scheduler.pid(), DatabaseOwner.startOf(scheduler.toHandle()), DatabaseOwner.SCHEDULER,
                    silent.getLocalPort(), "", SchemaVersion.CURRENT).write(db);

            assertThatThrownBy(() -> DatabaseAccess.open(db, "observatory", "", silent.getLocalPort(), false))
                    .isInstanceOf(DatabaseAccess.DatabaseException.class)
                    .hasMessageContaining("stopped while this run was logging in")
                    .hasMessageContaining("Nothing was started: run the same command again")
                    .satisfies(e -> assertThat(((DatabaseAccess.DatabaseException) e).setting()).as("exit 1").isFalse());
        } finally {
            scheduler.destroy();
        }
    }
}

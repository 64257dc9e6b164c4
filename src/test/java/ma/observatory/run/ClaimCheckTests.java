package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process of this program that is still starting, and a scheduler whose version takes no claim,
 * are told apart from a deleted owner file and from a server opened by hand.
 */
class ClaimCheckTests {

    @TempDir
    Path work;

    private final int port = ChildJvm.freePort();

    private Path db() {
        return DatabaseAccess.canonical(work.resolve("db/observatory"));
    }

    private String password() throws Exception {
        return Files.readString(DatabaseCredentials.fileOf(db())).strip();
    }

    /**
     * The scheduler (or a one-shot run) between its claim and its owner file: it has taken the
     * claim and opened the files (a long log to replay, its server starting), and writes the owner
     * file only once it serves. A command started then, on the right port, is told another process
     * is opening the database, to try again: not that the owner file is missing.
     */
    @Test
    void aCommandStartedWhileTheSchedulerIsStartingIsNotToldTheOwnerFileIsMissing() throws Exception {
        Path db = db();
        DatabaseAccess.open(db, "observatory", "", port, false).close();
        try (DatabaseClaim claim = DatabaseClaim.tryTake(db).orElseThrow();
             Connection open = DriverManager.getConnection(DatabaseAccess.fileUrl(db), "observatory", password())) {
            assertThat(DatabaseAccess.hsqldbHolds(db)).isTrue();
            assertThat(DatabaseOwner.fileOf(db)).doesNotExist();
            try {
                List<String> args = new ArrayList<>(ChildJvm.options(work, port));
                args.add("--list-runs");
                ChildJvm list = ChildJvm.run(work, "list", args, Duration.ofSeconds(45));

                assertThat(list.exitCode()).as(list.output()).isEqualTo(ExitCodes.BUSY);
                assertThat(list.stderr()).as(list.output())
                        .doesNotContain("which says which one, is missing")
                        .doesNotContain("give this command the port it serves the database on")
                        .contains("try again");
            } finally {
                try (Statement s = open.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        }
    }

    /**
     * A scheduler of a version from before the claim, still up after a new jar was installed: its
     * owner file names it, alive, serving on this port, but it holds no claim. It is not taken for a
     * server opened by hand: commands reach it (and a run is told to restart it, as the README says).
     */
    @Test
    void aSchedulerWhoseOwnerFileNamesItIsNotTakenForAServerOpenedByHand() throws Exception {
        Path db = db();
        DatabaseAccess.open(db, "observatory", "", port, false).close();
        // the tables, as that scheduler made them on its first start
        List<String> first = new ArrayList<>(ChildJvm.options(work, port));
        first.add("--list-runs");
        ChildJvm made = ChildJvm.run(work, "made", first, Duration.ofSeconds(45));
        assertThat(made.exitCode()).as(made.output()).isZero();
        try (HandServer server = HandServer.start(db, port)) {
            // as a scheduler of that version writes it once it serves: this live process, role scheduler, its port
            DatabaseOwner.current(DatabaseOwner.SCHEDULER, port).write(db);
            try {
                List<String> args = new ArrayList<>(ChildJvm.options(work, port));
                args.add("--list-runs");
                ChildJvm list = ChildJvm.run(work, "list", args, Duration.ofSeconds(45));

                assertThat(list.stderr()).as(list.output()).doesNotContain("not this program's scheduler");
                assertThat(list.exitCode()).as(list.output()).isZero();
                assertThat(list.stdout()).contains("The scheduler serves the database on 127.0.0.1:" + port);
            } finally {
                Files.deleteIfExists(DatabaseOwner.fileOf(db));
            }
        }
    }
}

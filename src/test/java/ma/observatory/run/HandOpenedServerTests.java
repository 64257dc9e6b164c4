package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database server opened by hand on the database (to look into it), on the scheduler's port and
 * under the scheduler's name for it: a command is not to take it for the scheduler, which claims the
 * database before it serves it.
 */
class HandOpenedServerTests {

    @TempDir
    Path work;

    private final int port = ChildJvm.freePort();

    @Test
    void aServerOpenedByHandOnTheSchedulersPortIsNotTakenForTheScheduler() throws Exception {
        Path db = DatabaseAccess.canonical(work.resolve("db/observatory"));
        // a database with its account and password file, closed again
        DatabaseAccess.open(db, "observatory", "", port, false).close();
        try (HandServer server = HandServer.start(db, port)) {
            List<String> args = new ArrayList<>(ChildJvm.options(work, port));
            args.add("--list-runs");
            ChildJvm list = ChildJvm.run(work, "list", args, Duration.ofSeconds(45));

            // it used to be used as the scheduler's: the table scripts skipped, "restart the scheduler" said
            assertThat(list.exitCode()).as(list.output()).isEqualTo(ExitCodes.BUSY);
            assertThat(list.stderr().strip().lines()).hasSize(1).first().asString()
                    .contains("is served on 127.0.0.1:" + port + " by a database server that is not this program's"
                            + " scheduler")
                    .contains("Nothing was started: stop that server");
            assertThat(list.stdout()).doesNotContain("The scheduler serves the database");
        }
        List<String> args = new ArrayList<>(ChildJvm.options(work, port));
        args.add("--list-runs");
        ChildJvm after = ChildJvm.run(work, "after", args, Duration.ofSeconds(45));
        assertThat(after.exitCode()).as("once the server is stopped, the command opens the database: " + after.output())
                .isZero();
        assertThat(after.stdout()).contains("No runs yet");
    }
}

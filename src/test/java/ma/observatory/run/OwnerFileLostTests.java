package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduler still serving its database after its owner file was deleted (by an operator tidying
 * {@code var/}), damaged, or left naming a dead process: a command beside it still uses the tables
 * as the scheduler made them, as it does when the file is there; one given another port or password
 * than the scheduler's is told what it found there, not to wait.
 */
class OwnerFileLostTests {

    @TempDir
    Path work;

    private final int port = ChildJvm.freePort();

    private ChildJvm scheduler() throws InterruptedException {
        List<String> args = new ArrayList<>(ChildJvm.options(work, port));
        int month = YearMonth.now(ZoneId.of("Africa/Casablanca")).plusMonths(6).getMonthValue(); // no night meanwhile
        args.addAll(List.of("--input-dir=" + InProcess.FIXTURES.toAbsolutePath(), "--schedule",
                "--schedule-cron=0 0 3 1 " + month + " *"));
        ChildJvm scheduler = ChildJvm.start(work, "scheduler", args);
        scheduler.await("the scheduler up", () -> scheduler.stdout().contains("Scheduler up"), Duration.ofSeconds(60));
        return scheduler;
    }

    private Path db() {
        return DatabaseAccess.canonical(work.resolve("db/observatory"));
    }

    private Connection served() throws Exception {
        return DriverManager.getConnection(DatabaseAccess.serverUrl(port), "observatory",
                Files.readString(DatabaseCredentials.fileOf(db())).strip());
    }

    private void stop(ChildJvm scheduler) throws InterruptedException {
        scheduler.process().destroy(); // SIGTERM
        assertThat(scheduler.waitFor(Duration.ofSeconds(40))).as(scheduler.output()).isTrue();
    }

    @Test
    void theRunListDoesNotWaitForATransactionOfTheSchedulersDatabase() throws Exception {
        try (ChildJvm scheduler = scheduler()) {
            Files.delete(DatabaseOwner.fileOf(db()));
            // a run frozen between two statements of a chunk
            try (Connection hanging = served()) {
                hanging.setAutoCommit(false);
                try (Statement s = hanging.createStatement()) {
                    s.executeUpdate("INSERT INTO input_file (run_id, file, present) VALUES (-1, 'held.csv', FALSE)");
                }

                List<String> args = new ArrayList<>(ChildJvm.options(work, port));
                args.add("--list-runs");
                ChildJvm list = ChildJvm.run(work, "list", args, Duration.ofSeconds(45));

                assertThat(list.exitCode()).as(list.output()).isZero();
                assertThat(list.stdout()).contains("No runs yet");
                hanging.rollback();
            }
            stop(scheduler);
        }
    }

    @Test
    void aCommandGivenAnotherPortOrPasswordThanTheSchedulersIsToldSoNotToWait() throws Exception {
        try (ChildJvm scheduler = scheduler()) {
            Files.delete(DatabaseOwner.fileOf(db()));
            // Both used to be told "Another process is opening the database ... wait for it to end, or try again
            // in a minute", which never cleared. A claim taken less than two minutes ago is still "opening"
            // (see ClaimCheckTests): this scheduler's is made older, as the next night finds it.
            Files.setLastModifiedTime(DatabaseClaim.fileOf(db()), java.nio.file.attribute.FileTime.fromMillis(
                    System.currentTimeMillis() - 10 * 60_000L));
            int other = ChildJvm.freePort();
            List<String> elsewhere = new ArrayList<>(ChildJvm.options(work, other));
            elsewhere.add("--list-runs");
            ChildJvm onAnotherPort = ChildJvm.run(work, "another-port", elsewhere, Duration.ofSeconds(45));

            assertThat(onAnotherPort.exitCode()).as(onAnotherPort.output()).isEqualTo(ExitCodes.BUSY);
            assertThat(onAnotherPort.stderr().strip().lines()).hasSize(1).first().asString()
                    .contains("is in use by another process of this program, but the file "
                            + DatabaseOwner.fileOf(db()) + ", which says which one, is missing")
                    .contains("nothing answers on 127.0.0.1:" + other + ", the port this command was given")
                    .contains("if the scheduler is running, give this command the port it serves the database on")
                    .doesNotContain("is opening");

            List<String> wrong = new ArrayList<>(ChildJvm.options(work, port));
            wrong.addAll(List.of("--list-runs", "--observatory.db-password=not-the-schedulers"));
            ChildJvm refused = ChildJvm.run(work, "wrong-password", wrong, Duration.ofSeconds(45));

            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(ExitCodes.BAD_COMMAND_LINE);
            assertThat(refused.stderr().strip().lines()).hasSize(1).first().asString()
                    .contains("the database server on 127.0.0.1:" + port + ", the port this command was given, refused"
                            + " its password (from observatory.db-password)")
                    .contains("give this command the same observatory.db-server-port and password")
                    .doesNotContain("is opening");
            stop(scheduler);
        }
    }

    @Test
    void aRunBesideASchedulerOfAnEarlierVersionIsRefusedAndLeavesItsTablesAsTheyWere() throws Exception {
        try (ChildJvm scheduler = scheduler()) {
            // as an earlier version's scheduler made them, and wrote its owner file
            try (Connection c = served(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE schema_version");
                s.execute("ALTER TABLE published DROP COLUMN decimals");
            }
            Path ownerFile = DatabaseOwner.fileOf(db());
            String owner = Files.readString(ownerFile);

            for (String damage : List.of("", owner.replaceAll("(?m)^pid=.*$", "pid=not-a-number"))) {
                if (damage.isEmpty()) {
                    Files.delete(ownerFile);
                } else {
                    Files.writeString(ownerFile, damage);
                }
                List<String> args = new ArrayList<>(ChildJvm.options(work, port));
                args.addAll(List.of("--input-dir=" + InProcess.FIXTURES.toAbsolutePath(), "--from=2023", "--to=2024"));
                ChildJvm run = ChildJvm.run(work, "run", args, Duration.ofSeconds(90));

                assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.BAD_COMMAND_LINE);
                assertThat(run.stderr()).contains("is served by the scheduler, which was started before this"
                        + " version of the program was installed", "Nothing was started: restart the scheduler");
                try (Connection c = served(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE"
                             + " TABLE_NAME IN ('SCHEMA_VERSION', 'PUBLISHED') AND COLUMN_NAME IN ('VERSION', 'DECIMALS')")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("the scheduler's tables were changed under it").isZero();
                }
            }
            stop(scheduler);
        }
    }
}

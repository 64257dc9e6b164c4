package ma.observatory.run;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The process that has the database files open, as written in {@code <db>.owner} beside them: its
 * process id and start time (so that a dead owner, or a reused process id, is recognised), its role
 * ({@code scheduler}, serving the database to other processes, or {@code one-shot}), the port it
 * serves on, and the run it is busy with. HSQLDB admits one process per file database; this file lets
 * the next process say who is in the way instead of waiting for HSQLDB's lock to time out.
 *
 * @param run    what the owner is running, in words (empty when idle)
 * @param schema the version of the tables the owner's program makes ({@link SchemaVersion#CURRENT}),
 *               0 for a program from before it was written: a scheduler still bringing the tables
 *               up to date is told apart from one started by an earlier version
 */
record DatabaseOwner(long pid, String processStart, String role, int port, String run, int schema) {

    static final String SCHEDULER = "scheduler";
    static final String ONE_SHOT = "one-shot";

    /** This process. */
    static DatabaseOwner current(String role, int port) {
        ProcessHandle self = ProcessHandle.current();
        return new DatabaseOwner(self.pid(), startOf(self), role, port, "", SchemaVersion.CURRENT);
    }

    DatabaseOwner running(String runDescription) {
        return new DatabaseOwner(pid, processStart, role, port, runDescription == null ? "" : runDescription,
                schema);
    }

    /** Whether the process is still there (and is the same process, not a later one given its id). */
    boolean alive() {
        return isAlive(pid, processStart);
    }

    boolean isThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        return self.pid() == pid && startOf(self).equals(processStart);
    }

    static boolean isAlive(long pid, String processStart) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> processStart == null || processStart.isEmpty() || startOf(p).isEmpty()
                        || startOf(p).equals(processStart))
                .orElse(false);
    }

    static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("");
    }

    /** "the scheduler (process 4242)", "a one-shot run (process 4242)". */
    String who() {
        return (SCHEDULER.equals(role) ? "the scheduler" : "a one-shot run") + " (process " + pid + ")";
    }

    static Path fileOf(Path db) {
        return db.resolveSibling(db.getFileName() + ".owner");
    }

    static Optional<DatabaseOwner> read(Path db) {
        Path file = fileOf(db);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new DatabaseOwner(Long.parseLong(p.getProperty("pid", "-1")),
                    p.getProperty("process-start", ""), p.getProperty("role", ONE_SHOT),
                    Integer.parseInt(p.getProperty("port", "0")), p.getProperty("run", ""),
                    Integer.parseInt(p.getProperty("schema", "0"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // half-written or damaged: treated as no owner, HSQLDB's lock still guards
        }
    }

    /** Writes the file atomically: a reader sees the previous content or the new one. */
    void write(Path db) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("process-start", processStart);
        p.setProperty("role", role);
        p.setProperty("port", Integer.toString(port));
        p.setProperty("run", run);
        p.setProperty("schema", Integer.toString(schema));
        Path file = fileOf(db);
        try {
            StringWriter text = new StringWriter();
            p.store(text, "Process holding this HSQLDB database; removed when it closes the database");
            Path part = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".part");
            try {
                Files.writeString(part, text.toString(), StandardCharsets.UTF_8);
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removes the file if it still names this owner. */
    void delete(Path db) {
        read(db).filter(o -> o.pid == pid && o.processStart.equals(processStart)).ifPresent(o -> {
            try {
                Files.deleteIfExists(fileOf(db));
            } catch (IOException ignored) {
                // a stale file names a dead process: the next start ignores it
            }
        });
    }
}

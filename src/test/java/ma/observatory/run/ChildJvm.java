package ma.observatory.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import ma.observatory.ObservatoryApplication;

/**
 * The program in a child JVM, as cron or systemd starts it: the test class path, the main class,
 * a working folder of its own; stdout and stderr go to files the test reads while it runs.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Options every child of a test shares: its database, outputs, log file and server port. */
    static List<String> options(Path work, int port) {
        return List.of("--db=" + work.resolve("db/observatory"), "--output-dir=" + work.resolve("reports"),
                "--logging.file.name=" + work.resolve("logs/observatory.log"), "--observatory.db-server-port=" + port);
    }

    static ChildJvm start(Path work, String name, List<String> args) {
        return start(work, name, args, "512m");
    }

    /** @param heap the largest heap, as {@code -Xmx} takes it */
    static ChildJvm start(Path work, String name, List<String> args, String heap) {
        List<String> command = java(heap);
        // a killed child leaves its sheets' temporary files: in the test's folder, not the machine's /tmp
        command.add(1, "-Djava.io.tmpdir=" + work.resolve("tmp"));
        command.addAll(args);
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        try {
            Files.createDirectories(work.resolve("tmp"));
            Process p = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new ChildJvm(p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The command that starts the program as every child does, up to its arguments: for a test that
     * starts the process itself (its own folder, environment or streams).
     */
    static List<String> java(String heap) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        // C1 only: a child's run lasts seconds, and on two cores C2's compiler threads took as much
        // processor time as the run itself (17 s against 10 s for a test's medium input), slowing
        // the suite more than C1's slower code does.
        command.add("-XX:TieredStopAtLevel=1");
        ClassPath classes = ClassPath.shared();
        if (classes.archive() != null) {
            command.add("-XX:SharedArchiveFile=" + classes.archive());
            command.add("-Xlog:cds*=off"); // an archive the JVM cannot use only costs the time it saved
        }
        command.add("-cp");
        command.add(classes.path());
        command.add(ObservatoryApplication.class.getName());
        return command;
    }

    /** Runs to the end (at most {@code timeout}) and returns the exit code. */
    static ChildJvm run(Path work, String name, List<String> args, Duration timeout) throws InterruptedException {
        ChildJvm child = start(work, name, args);
        if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.close();
            throw new AssertionError(name + " did not end within " + timeout + "; output:\n" + child.stdout()
                    + child.stderr());
        }
        return child;
    }

    /** Sends a signal with kill(1): {@code STOP} freezes the process as a paused machine would, {@code CONT} resumes it. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    /**
     * Freezes the child (SIGSTOP), where a test reads what it has done and then kills it or lets it
     * go on ({@code CONT}).
     *
     * @return false when the child had ended already
     */
    boolean freeze() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).redirectErrorStream(true)
                .start();
        kill.getInputStream().readAllBytes();
        if (kill.waitFor() == 0) {
            return true;
        }
        if (process.waitFor(10, TimeUnit.SECONDS)) {
            return false;
        }
        throw new AssertionError("kill -STOP failed");
    }

    int exitCode() {
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    String output() {
        return "--- stdout\n" + stdout() + "--- stderr\n" + stderr();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the condition holds while the child is alive; fails with the child's output otherwise. */
    void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("the child ended (exit " + process.exitValue() + ") before " + what + "\n"
                        + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout + "\n" + output());
            }
            Thread.sleep(5);
        }
    }

    boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /**
     * What children run on: the test's class path with the program's classes in a jar, and the
     * classes a run loads archived once (class data sharing). Loading and verifying them was a
     * second or more of each child's start; some forty children start in the suite. The archive is
     * made by a first short run; the JVM archives classes from jars only, and refuses a class path
     * with a folder in it.
     */
    record ClassPath(String path, Path archive) {

        private static ClassPath shared;

        /**
         * Made by the first child of a test JVM, in its test's time (some 5 to 15 s), in a folder of
         * that JVM's own: another test JVM on the same checkout (an IDE beside Maven) rewrites none
         * of the files its children run on.
         */
        static synchronized ClassPath shared() {
            if (shared == null) {
                try {
                    Path root = Files.createDirectories(Path.of("target", "child-jvm").toAbsolutePath());
                    Path dir = Files.createTempDirectory(root, "jvm-");
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
                    shared = make(dir);
                } catch (IOException e) {
                    System.err.println("Child JVMs run on the test class path: " + e);
                    shared = new ClassPath(System.getProperty("java.class.path"), null);
                }
            }
            return shared;
        }

        private static ClassPath make(Path dir) throws IOException {
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (!Files.isDirectory(p)) {
                    entries.add(entry);
                } else if (Files.exists(p.resolve(ObservatoryApplication.class.getName().replace('.', '/') + ".class"))) {
                    Path jar = dir.resolve("observatory-classes.jar");
                    jar(p, jar);
                    entries.add(0, jar.toString());
                } // the test classes: a child runs the program only
            }
            String path = String.join(java.io.File.pathSeparator, entries);
            Path archive = dir.resolve("classes.jsa");
            Path training = dir.resolve("training");
            GeneratedInput.write(training.resolve("input"), 2, List.of(2024));
            Path out = training.resolve("training.out");
            // the children's heap: a JVM with a heap over 32 GB would archive classes the children cannot use
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:ArchiveClassesAtExit=" + archive, "-Djava.io.tmpdir=" + training, "-cp", path,
                    ObservatoryApplication.class.getName(), "--input-dir=" + training.resolve("input"),
                    "--only=employment", "--from=2024", "--to=2024"));
            command.addAll(options(training, freePort()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean ended = false;
            try {
                ended = p.waitFor(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (!ended) {
                    p.destroyForcibly();
                }
            }
            if (ended && p.exitValue() == 0 && Files.exists(archive)) {
                return new ClassPath(path, archive);
            }
            // said, not hidden: the suite still passes, each child starting a second or so slower
            System.err.println("Child JVMs run without a class-data archive: its training run "
                    + (ended ? "ended with exit " + p.exitValue() : "did not end") + ":\n" + read(out));
            return new ClassPath(path, null);
        }

        private static void deleteQuietly(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // left for mvn clean
            }
        }

        private static void jar(Path classes, Path jar) throws IOException {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                 Stream<Path> files = Files.walk(classes)) {
                // folders too: Spring finds the components by listing their package as a folder
                for (Path f : (Iterable<Path>) files.filter(f -> !f.equals(classes)).sorted()::iterator) {
                    String name = classes.relativize(f).toString().replace('\\', '/');
                    boolean folder = Files.isDirectory(f);
                    out.putNextEntry(new ZipEntry(folder ? name + "/" : name));
                    if (!folder) {
                        Files.copy(f, out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** What a test reads from the database. */
    @FunctionalInterface
    interface Query<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Opens the (closed) file database of a test in this JVM, reads it, and shuts it down again so
     * that the next child can open the files.
     */
    static <T> T query(Path work, Query<T> query) throws SQLException, IOException {
        Path db = DatabaseAccess.canonical(work.resolve("db/observatory"));
        String password = Files.readString(DatabaseCredentials.fileOf(db)).strip();
        try (Connection c = DriverManager.getConnection(DatabaseAccess.fileUrl(db) + ";ifexists=true", "observatory",
                password)) {
            try {
                return query.apply(c);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        }
    }

    /** The rows a query of a test's database gives, each as its columns joined by commas. */
    static List<String> lines(Path work, String sql) throws SQLException, IOException {
        return query(work, c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        line.append(i > 1 ? "," : "").append(rs.getString(i));
                    }
                    out.add(line.toString());
                }
            }
            return out;
        });
    }
}

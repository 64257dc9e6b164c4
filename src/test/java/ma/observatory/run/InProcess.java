package ma.observatory.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ma.observatory.ObservatoryApplication;

/** Runs the program in this JVM, as the functional tests do, with a test's own database and outputs. */
final class InProcess {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/small");

    record Outcome(int exitCode, String stdout, String stderr) {
        String both() {
            return "--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final Path work;
    private final int port = ChildJvm.freePort();

    InProcess(Path work) {
        this.work = work;
    }

    /** Runs with the test's database, log file and server port, plus the given options. */
    Outcome run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db=" + work.resolve("db/observatory"),
                "--logging.file.name=" + work.resolve("logs/observatory.log"), "--observatory.db-server-port=" + port));
        all.addAll(List.of(args));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int code = ObservatoryApplication.run(all.toArray(String[]::new));
            return new Outcome(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    Path reports() {
        return work.resolve("reports");
    }

    /** A copy of the small fixtures under the test's folder, to change. */
    Path copyOfFixtures() {
        Path copy = work.resolve("input");
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(FIXTURES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }
}

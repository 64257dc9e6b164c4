package ma.observatory.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.ObjectName;

/**
 * Asks the JVM's optimising compiler (C2) to leave alone code that a run of a few seconds cannot
 * repay compiling: start-up work that runs once or a few thousand times (Spring's bean
 * definitions, annotation scanning and class reading, Spring Batch's listener scanning, the
 * connection pool, class and module loading, the JDK's lambda generation, XMLBeans reading the
 * workbook's parts) and the HSQLDB engine (a run hands it some ten thousand rows). That code stays
 * with the quick compiler (C1). On this project's 2-core machine C2 kept about three quarters of
 * a core busy for the whole run, a third of it on these packages; without them a 2-million-row
 * run takes about 15 % less time (docs/performance.md, "Where the time went").
 *
 * <p>The hints are HotSpot compiler directives, added through the JVM's own diagnostic command
 * (what {@code jcmd <pid> Compiler.directives_add} does), so that {@code java -jar} needs no
 * option. On a JVM without that command nothing changes but the speed.
 */
public final class CompilerHints {

    static final String DIRECTIVES = """
            [{
              match: ["org/hsqldb/*.*",
                      "org/springframework/beans/*.*", "org/springframework/context/*.*",
                      "org/springframework/core/*.*", "org/springframework/asm/*.*",
                      "org/springframework/boot/*.*", "org/springframework/batch/infrastructure/support/*.*",
                      "com/zaxxer/hikari/*.*", "org/apache/xmlbeans/*.*",
                      "jdk/internal/org/objectweb/asm/*.*", "jdk/internal/module/*.*",
                      "jdk/internal/loader/*.*", "jdk/internal/jimage/*.*"],
              c2: { Exclude: true }
            }]
            """;

    private CompilerHints() {
    }

    /**
     * Adds the hints on a thread of its own: reaching the diagnostic command sets up JMX, about
     * 0.15 s, which the application's own start then covers.
     */
    public static void addInBackground() {
        Thread thread = new Thread(CompilerHints::add, "compiler-hints");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return whether the JVM took the hints */
    static boolean add() {
        try {
            Path file = Files.createTempFile("observatory-compiler-hints", ".json");
            // a run refused in a fraction of a second ends the JVM before this daemon thread's finally
            file.toFile().deleteOnExit();
            try {
                Files.writeString(file, DIRECTIVES);
                Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
                return String.valueOf(answer).strip().matches("[1-9]\\d* compiler directives added");
            } finally {
                Files.deleteIfExists(file);
                forgetStale(file.getParent());
            }
        } catch (Exception | LinkageError e) {
            return false; // another JVM, no temporary folder, no JMX: only slower
        }
    }

    /**
     * Deletes the hint files of processes killed before they could (kill -9 in their first second):
     * an hour old, they belong to no process still starting.
     */
    static void forgetStale(Path folder) {
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (var stale = Files.newDirectoryStream(folder, "observatory-compiler-hints*.json")) {
            for (Path f : stale) {
                try {
                    if (Files.getLastModifiedTime(f).toMillis() < hourAgo) {
                        Files.deleteIfExists(f);
                    }
                } catch (IOException | SecurityException e) {
                    // another user's, or gone meanwhile: not ours to mend
                }
            }
        } catch (IOException | SecurityException e) {
            // the folder cannot be listed: the files only take a name each
        }
    }
}

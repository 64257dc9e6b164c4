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
 * <p>The second hint works the other way, for the one loop that runs once per character of the
 * input: Commons CSV's lexer. The nightly command's {@code -XX:FreqInlineSize=50} keeps C2 from
 * building huge methods elsewhere, but it also leaves the lexer calling its own small methods
 * ({@code isDelimiter}, 118 bytes of bytecode; the buffered reader's {@code read}, 109) instead of
 * inlining them: a bare parse of 2 million rows took 3.6 s with the option against 2.2 s without,
 * and 2.4 to 2.6 s with this hint. C2 inlines those methods wherever the parsing code calls them
 * (but not the lexer's {@code nextToken} into the parser's {@code nextRecord}: one compilation of 0.3 s).
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
            },
            {
              match: ["org/apache/commons/csv/*.*", "org/apache/commons/io/input/*.*",
                      "ma/observatory/csv/*.*", "ma/observatory/staging/*.*"],
              c2: { inline: ["+org/apache/commons/csv/Lexer.isDelimiter", "+org/apache/commons/csv/Lexer.readEndOfLine",
                             "+org/apache/commons/csv/Lexer.parseSimpleToken", "+org/apache/commons/csv/Lexer.isEscape",
                             "+org/apache/commons/csv/Lexer.isQuoteChar", "+org/apache/commons/csv/Lexer.isEndOfFile",
                             "+org/apache/commons/csv/Lexer.isStartOfLine", "+org/apache/commons/csv/Lexer.isCommentStart",
                             "+org/apache/commons/csv/ExtendedBufferedReader.*",
                             "+org/apache/commons/io/input/UnsynchronizedBufferedReader.*",
                             "+org/apache/commons/csv/CSVParser.addRecordValue",
                             "+org/apache/commons/csv/CSVParser.handleNull",
                             "+org/apache/commons/csv/CSVParser$CSVRecordIterator.*",
                             "+java/lang/AbstractStringBuilder.append", "+java/lang/AbstractStringBuilder.setLength",
                             "+java/nio/Buffer.position", "+java/nio/Buffer.limit"] }
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

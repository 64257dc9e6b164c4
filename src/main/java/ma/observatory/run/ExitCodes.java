package ma.observatory.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ma.observatory.Causes;

/** The process exit codes a scheduler or monitor watches (SPEC §3, README "Running it every night"). */
public final class ExitCodes {

    /** The workbook was written (or the command asked for, such as {@code --list-runs}, did its job). */
    public static final int OK = 0;
    /**
     * The run failed, or the scheduler it ran beside was asked to stop during it: nothing new was
     * written; {@code --restart} resumes it, unless its sentence says there is nothing to resume
     * (nothing was started, or only the latest workbook could not be refreshed). A stop by a signal
     * is the JVM's 143 (SIGTERM) or 130 (Ctrl-C), not this.
     */
    public static final int RUN_FAILED = 1;
    /** Bad command line: nothing was started. */
    public static final int BAD_COMMAND_LINE = 2;
    /** The input breaks the data contract: nothing was written. */
    public static final int INPUT_CONTRACT = 3;
    /**
     * Another run is in the way: the same range is already running, or a one-shot run holds the
     * database. Nothing was started; try again when it has ended.
     */
    public static final int BUSY = 4;
    /**
     * {@code --restart} refused: there is no failed or stopped run to resume, or an input file
     * changed since that run started. Nothing was started; start a new run instead.
     */
    public static final int RESTART_REFUSED = 5;

    /** Outside the console's logger tree: the sentence is printed once, and logged to the file. */
    private static final Logger log = LoggerFactory.getLogger("exit");

    private ExitCodes() {
    }

    /**
     * Whether the failure is, at bottom, the heap running out: said as such, with what to do. Not
     * where the database could not be opened because of it: a damaged file makes HSQLDB read a
     * length of gigabytes from garbage, and that failure's own sentence says what to do in either case.
     */
    public static boolean outOfMemory(Throwable e) {
        for (Throwable t : Causes.of(e)) {
            if (t instanceof DatabaseAccess.DatabaseException) {
                return false;
            }
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one plain sentence a failed run ends with: on the error stream, and in the log file. Said,
     * it is the program's last word: a stop that comes after it (as the context closes, some 0.2 s
     * after a refusal) adds no "stopped while the program was starting" below it. Not printed if the
     * stop's notice came first, which has said what the user needs (run the same command again).
     */
    static void say(String sentence) {
        if (EarlyStop.spokenFor()) {
            System.err.println(sentence);
        }
        log.error("Exit: {}", sentence);
    }

    /**
     * What the deepest cause says, whole: to look for a known cause in ("No space left on device"
     * after a long path), not to print.
     */
    public static String rootMessageInFull(Throwable t) {
        Throwable c = Causes.root(t);
        return c.getMessage() == null || c.getMessage().isBlank() ? c.getClass().getSimpleName() : c.getMessage().strip();
    }

    /** A cause's message is cut after this many characters in the one sentence. */
    private static final int MAX_CAUSE_CHARS = 300;

    /**
     * What the deepest cause says, for the one sentence a failure ends with: its message, or its
     * kind; its first line only, and not past {@value #MAX_CAUSE_CHARS} characters (Batch's message
     * for an interrupted step quotes the step, a stack trace included).
     */
    public static String rootMessage(Throwable t) {
        String message = rootMessageInFull(t);
        int end = message.indexOf('\n');
        String line = (end < 0 ? message : message.substring(0, end)).strip();
        return line.length() <= MAX_CAUSE_CHARS ? line : line.substring(0, MAX_CAUSE_CHARS) + "…";
    }
}

package ma.observatory.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The process exit codes a scheduler or monitor watches (SPEC §3). */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int BAD_COMMAND_LINE = 2;
    public static final int INPUT_CONTRACT = 3;

    /** Outside the console's logger tree: the sentence is printed once, and logged to the file. */
    private static final Logger log = LoggerFactory.getLogger("exit");

    private ExitCodes() {
    }

    /** The one plain sentence a failed run ends with: on the error stream, and in the log file. */
    static void say(String sentence) {
        System.err.println(sentence);
        log.error("Exit: {}", sentence);
    }
}

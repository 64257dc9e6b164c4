package ma.observatory.run;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a stop (SIGTERM, Ctrl-C) says when it comes before a run has started: the program is then
 * still starting, nothing of the run's is open, and nothing else would say anything. The JVM ends
 * in 143 without a word, or Spring, closing as it starts, fails the start with a message about a
 * closed connection pool. Once a run has started, {@link RunGate} says what the stop does.
 *
 * <p>Installed by {@code main} only: tests call the program in their own JVM, which must not
 * print this when it ends.
 */
public final class EarlyStop {

    static final String NOTICE = "Stopped (SIGTERM or Ctrl-C) while the program was starting, before any run began"
            + " or resumed: no data was read, no workbook was written and the previous one is as it was. Run the"
            + " same command again.";

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    /** A run has started, or the program is past the point where a stop needs this notice. */
    private static volatile boolean spoken;
    /** The program itself is ending (System.exit): not a stop. */
    private static volatile boolean exiting;

    private EarlyStop() {
    }

    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                String notice = notice();
                if (notice != null) {
                    System.err.println(notice);
                }
            }, "early-stop-notice"));
        }
    }

    /** From here on a stop is reported by the run (or the scheduler, or is of no consequence). */
    public static void spokenFor() {
        spoken = true;
    }

    public static void exiting() {
        exiting = true;
    }

    /** The sentence for a stop now, or null when there is nothing to say. */
    static String notice() {
        return spoken || exiting ? null : NOTICE;
    }

    /**
     * Whether the JVM is already shutting down (a stop, or the end): the start's failure is then the
     * stop's doing, and the notice says so; its own message would only confuse.
     */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** Whether a start that failed now should stay silent, the notice having said it all. */
    public static boolean failureIsTheStop() {
        return INSTALLED.get() && !spoken && !exiting && shuttingDown();
    }
}

package ma.observatory.run;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a stop (SIGTERM, Ctrl-C) says when it comes before a run has started: the program is then
 * still starting, nothing of the run's is open, and nothing else would say anything. The JVM ends
 * in 143 without a word, or Spring, closing as it starts, fails the start with a message about a
 * closed connection pool. Once a run has started, {@link RunGate} says what the stop does; once a
 * command's run has completed, a stop as the program closes is said here again ({@link #AFTER_THE_RUN}),
 * since nothing else is left to say it.
 *
 * <p>Who speaks for a stop is decided once ({@link Speaker}): the notice, printed from a shutdown
 * hook, and the run, which starts in the main thread while Spring's own hook closes the context,
 * race. Decided apart, both could speak: the notice's "no data was read" above the run's "resume
 * it with --restart".
 *
 * <p>Installed by {@code main} only: tests call the program in their own JVM, which must not
 * print this when it ends.
 */
public final class EarlyStop {

    static final String NOTICE = "Stopped (SIGTERM or Ctrl-C) while the program was starting, before any run began"
            + " or resumed: no data was read, no workbook was written and the previous one is as it was. Run the"
            + " same command again.";

    /** Said wherever a stop came too late to stop anything: a monitor reads the exit code as a stop's. */
    static final String EXIT_CODE_IS_THE_STOPS = "(the exit code, 143 or after Ctrl-C 130, is the stop's)";

    static final String AFTER_THE_RUN = "Stopped (SIGTERM or Ctrl-C) as the program was ending: the run had"
            + " completed, its workbook is written and there is nothing to resume " + EXIT_CODE_IS_THE_STOPS + ".";

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final Speaker SPEAKER = new Speaker();

    private EarlyStop() {
    }

    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (SPEAKER.takeTheStop()) {
                    System.err.println(NOTICE);
                } else if (SPEAKER.stoppedAfterTheRun()) {
                    System.err.println(AFTER_THE_RUN);
                }
            }, "early-stop-notice"));
        }
    }

    /**
     * From here on a stop is reported by the run (or the scheduler, or is of no consequence).
     *
     * @return false when a stop came first and its notice is said: what was about to start must
     *         not, and need not say anything (the notice asks to run the same command again)
     */
    public static boolean spokenFor() {
        return SPEAKER.handOver();
    }

    /** A command's run completed: a stop before the program ends comes after it, and says so. */
    public static void runCompleted() {
        SPEAKER.runCompleted();
    }

    /**
     * The program itself is ending (System.exit): not a stop. Unless a stop is already shutting the
     * JVM down: whatever made the program end then was the stop's doing, and its notice, not yet
     * said, must not be lost.
     */
    public static void exiting() {
        if (!(INSTALLED.get() && shuttingDown())) {
            SPEAKER.exiting();
        }
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
        return INSTALLED.get() && SPEAKER.theStopIsTheNotices(EarlyStop::shuttingDown);
    }

    /** Who speaks for a stop, decided by whichever of the notice and the program comes first. */
    static final class Speaker {
        private static final int UNDECIDED = 0;
        private static final int NOTICE_SPEAKS = 1;
        private static final int PROGRAM_SPEAKS = 2;
        private static final int ENDING = 3;

        private final AtomicInteger state = new AtomicInteger(UNDECIDED);
        private volatile boolean runCompleted;
        private volatile boolean ending;

        /** The shutdown hook's turn: true when the notice is to be said. */
        boolean takeTheStop() {
            return state.compareAndSet(UNDECIDED, NOTICE_SPEAKS);
        }

        /** The program's turn: false when the notice has taken the stop. */
        boolean handOver() {
            state.compareAndSet(UNDECIDED, PROGRAM_SPEAKS);
            return state.get() != NOTICE_SPEAKS;
        }

        void exiting() {
            ending = true;
            state.compareAndSet(UNDECIDED, ENDING);
        }

        void runCompleted() {
            runCompleted = true;
        }

        /** Whether the JVM shuts down for a stop that came after a command's run completed. */
        boolean stoppedAfterTheRun() {
            return runCompleted && !ending;
        }

        /** Whether the notice has taken, or will take, the stop that is shutting the JVM down. */
        boolean theStopIsTheNotices(java.util.function.BooleanSupplier shuttingDown) {
            int now = state.get();
            return now == NOTICE_SPEAKS || now == UNDECIDED && shuttingDown.getAsBoolean();
        }
    }
}

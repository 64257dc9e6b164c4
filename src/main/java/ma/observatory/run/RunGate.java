package ma.observatory.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Lets runs in and, at shutdown (SIGTERM, Ctrl-C, the end of the command), stops them gracefully
 * before anything they need is closed.
 *
 * <p>Spring closes the context from its shutdown hook; the first thing it does is to publish
 * {@link ContextClosedEvent}, before any bean is stopped or destroyed. Here the running executions
 * are asked to stop ({@link RunRegistry#requestStop()}), and the closing waits (at most
 * {@code observatory.stop-timeout}, default 60 s) for them to end {@code STOPPED}, their last chunk
 * committed, while the connection pool is still open. No new run is let in after that.
 */
@Component
public class RunGate implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(RunGate.class);

    private final RunRegistry registry;
    private final Duration timeout;
    private final Object lock = new Object();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final java.util.List<Runnable> onClosing = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<Runnable> onIdleClose = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int active;
    /** Runs of this process past {@link #beginning()}: their execution exists, or is being made. */
    private int begun;
    /** Of those, the runs whose execution has ended: they are saying their outcome. */
    private int executed;
    private boolean closing;
    private boolean idleWhenClosed;

    public RunGate(RunRegistry registry, Environment env) {
        this.registry = registry;
        this.timeout = env.getProperty("observatory.stop-timeout", Duration.class, Duration.ofSeconds(60));
    }

    /** @return false when the process is shutting down: the run must not start */
    public boolean enter() {
        synchronized (lock) {
            if (closing) {
                return false;
            }
            active++;
            return true;
        }
    }

    public void exit() {
        synchronized (lock) {
            active--;
            lock.notifyAll();
        }
    }

    /**
     * Called by a run let in, just before its execution begins: false when the process has started
     * closing, and the run must not begin. Taken under the lock that {@link #onApplicationEvent}
     * closes with, so that a stop either finds the run begun (and stops it) or keeps it from beginning.
     */
    public boolean beginning() {
        synchronized (lock) {
            if (closing) {
                return false;
            }
            begun++;
            return true;
        }
    }

    /** The execution of a run that began has ended; its outcome is being said. */
    public void executed() {
        synchronized (lock) {
            executed++;
        }
    }

    /** The run that began has ended, its outcome said (and the latest workbook refreshed). */
    public void finished(boolean hadExecuted) {
        synchronized (lock) {
            begun--;
            if (hadExecuted) {
                executed--;
            }
        }
    }

    public boolean closing() {
        synchronized (lock) {
            return closing;
        }
    }

    /** Whether the stop found no run going on, here or in a process using this database. */
    public boolean idleWhenClosed() {
        synchronized (lock) {
            return idleWhenClosed;
        }
    }

    /** Called first thing when the context starts closing, before the runs are asked to stop. */
    public void onClosing(Runnable action) {
        onClosing.add(action);
    }

    /**
     * Called when the context closes and no run was going on, in the thread that closes it: what
     * it says is said before the JVM ends. (Said by the thread that waits in {@link #awaitClosed},
     * it raced the end of the close, after which a stopped JVM halts, and was lost when that thread
     * came second.)
     */
    public void onIdleClose(Runnable action) {
        onIdleClose.add(action);
    }

    /** Blocks until the context is closing and the runs of this process have ended. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    private boolean begunHere() {
        synchronized (lock) {
            return begun > 0;
        }
    }

    private boolean endingHere() {
        synchronized (lock) {
            return executed > 0;
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        try {
            onClosing.forEach(Runnable::run);
            synchronized (lock) {
                closing = true;
            }
            int others = registry.runsOfOtherProcesses().size();
            synchronized (lock) {
                idleWhenClosed = active == 0 && others == 0;
            }
            if (idleWhenClosed()) {
                onIdleClose.forEach(Runnable::run);
                return;
            }
            // A run already writing its workbook, or ending, is let finish (RunRegistry#requestStop):
            // said as it is. A run let in that had not begun does not begin (#beginning).
            boolean stopped = registry.requestStop() > 0;
            boolean begun = stopped || begunHere() || registry.otherProcessesBegun();
            log.warn(stopped ? "Stop requested: the running job stops after its current chunk and can be resumed with"
                    + " --restart" + (others > 0 ? " (with the " + others + " command-line run(s) using this database)" : "")
                    : registry.writingWorkbook() ? "Stop requested: the running job is writing its workbook and finishes first"
                    : endingHere() ? "Stop requested: the running job has ended its work and finishes saying how"
                    : begun ? "Stop requested: the run is just beginning, and stops after its first chunk"
                    : "Stop requested: the run had not begun yet");
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                // asked again while waiting: a run that was just beginning has its execution by now
                if (registry.requestStop() > 0 && !stopped) {
                    stopped = true;
                    log.warn("The run that had just begun stops after its current chunk and can be resumed with"
                            + " --restart");
                }
                begun |= stopped || begunHere() || registry.otherProcessesBegun();
                others = registry.runsOfOtherProcesses().size();
                synchronized (lock) {
                    if (active == 0 && others == 0) {
                        break;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        log.error("The run did not stop within {} s: it is left as it is and will be recovered"
                                + " (marked FAILED, restartable) at the next start", timeout.toSeconds());
                        return;
                    }
                    lock.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
                }
            }
            log.info(stopped ? "The running job has ended: stopped, --restart resumes it"
                    : begun ? "The running job has ended without stopping: its last line says how it ended"
                    : "No run began: nothing was read or written");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Could not ask the running job to stop", e);
        } finally {
            closed.countDown();
        }
    }
}

package ma.observatory.run;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Fires at every cron time and hands the nightly run to a thread of its own. The trigger thread is
 * never busy for long, so a firing that comes while the previous run is still going is seen, logged
 * and skipped (a cron task that ran the job itself would silently let the missed firings pass).
 */
final class NightlyScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NightlyScheduler.class);
    /** Times of the schedule are those of its zone, which may not be the machine's: the zone is named. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss VV");

    private final CronExpression cron;
    private final String cronText;
    private final ZoneId zone;
    private final Runnable nightlyRun;
    private volatile boolean closed;
    private final ThreadPoolTaskScheduler triggers = new ThreadPoolTaskScheduler();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "nightly-run"));
    /** When the run going on started; null when idle. */
    private final AtomicReference<ZonedDateTime> runningSince = new AtomicReference<>();

    NightlyScheduler(String cron, ZoneId zone, Runnable nightlyRun) {
        this.cron = CronExpression.parse(cron);
        this.cronText = cron;
        this.zone = zone;
        this.nightlyRun = nightlyRun;
        triggers.setPoolSize(1);
        triggers.setThreadNamePrefix("nightly-trigger-");
        triggers.setWaitForTasksToCompleteOnShutdown(false);
    }

    /** From now on, no further run and no "next run" message: the process is stopping. */
    void stopping() {
        closed = true;
    }

    void start() {
        triggers.initialize();
        triggers.schedule(this::fire, new CronTrigger(cronText, zone));
        log.info("Scheduler up: the nightly window runs at '{}' in {}; next run at {}. Stop it with SIGTERM or Ctrl-C.",
                cronText, zone, STAMP.format(next()));
    }

    ZonedDateTime next() {
        return cron.next(ZonedDateTime.now(zone));
    }

    private void fire() {
        if (closed) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.ofInstant(Instant.now(), zone);
        if (!runningSince.compareAndSet(null, now)) {
            log.warn("Nightly trigger at {} skipped: the run started at {} is still going", STAMP.format(now),
                    STAMP.format(runningSince.get()));
            return;
        }
        try {
            runner.execute(() -> {
                try {
                    nightlyRun.run();
                } catch (RuntimeException e) {
                    log.error("The nightly run could not run: {}", ExitCodes.rootMessage(e), e);
                } finally {
                    runningSince.set(null);
                    if (!closed) {
                        log.info("Next nightly run at {}", STAMP.format(next()));
                    }
                }
            });
        } catch (RuntimeException rejected) {
            runningSince.set(null); // shutting down
        }
    }

    @Override
    public void close() {
        closed = true;
        triggers.shutdown();
        runner.shutdown();
        try {
            if (!runner.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("The nightly run thread is still busy at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * Who speaks for a stop that comes as the program starts. The notice's shutdown hook and the run
 * starting in the main thread race; whichever is first speaks, and only it (a run that began after
 * the notice said "no data was read" once stopped and asked to be resumed as well).
 */
class EarlyStopTest {

    @Test
    void aStopBeforeTheProgramSpeaksIsTheNoticesAndWhatWasAboutToStartDoesNot() {
        EarlyStop.Speaker speaker = new EarlyStop.Speaker();
        assertThat(speaker.takeTheStop()).isTrue();
        assertThat(speaker.handOver()).isFalse();
        assertThat(speaker.handOver()).as("asked again").isFalse();
        assertThat(speaker.theStopIsTheNotices(() -> false)).isTrue();
    }

    @Test
    void aStopAfterTheProgramSpeaksIsTheRunsAndTheNoticeStaysSilent() {
        EarlyStop.Speaker speaker = new EarlyStop.Speaker();
        assertThat(speaker.handOver()).isTrue();
        assertThat(speaker.handOver()).as("asked again, as the scheduler does").isTrue();
        assertThat(speaker.takeTheStop()).isFalse();
        assertThat(speaker.theStopIsTheNotices(() -> true)).isFalse();
    }

    @Test
    void aStopAfterACommandsRunCompletedSaysThereIsNothingToResumeUnlessTheProgramWasEnding() {
        EarlyStop.Speaker speaker = new EarlyStop.Speaker();
        assertThat(speaker.handOver()).isTrue();
        assertThat(speaker.stoppedAfterTheRun()).as("the run going on: RunGate says the stop").isFalse();
        speaker.runCompleted();
        assertThat(speaker.takeTheStop()).isFalse();
        assertThat(speaker.stoppedAfterTheRun()).isTrue();
        speaker.exiting(); // System.exit(0) under way: the JVM ends for it, not for a stop
        assertThat(speaker.stoppedAfterTheRun()).isFalse();
    }

    @Test
    void theProgramEndingOnItsOwnIsNoStop() {
        EarlyStop.Speaker speaker = new EarlyStop.Speaker();
        speaker.exiting();
        assertThat(speaker.takeTheStop()).isFalse();
        assertThat(speaker.theStopIsTheNotices(() -> true)).isFalse();
    }

    @Test
    void aFailureWhileTheJvmShutsDownBeforeTheNoticeIsSaidIsTheStops() {
        EarlyStop.Speaker speaker = new EarlyStop.Speaker();
        assertThat(speaker.theStopIsTheNotices(() -> true)).isTrue();
        assertThat(speaker.theStopIsTheNotices(() -> false)).isFalse();
    }

    @Test
    void racingExactlyOneSpeaks() throws InterruptedException {
        for (int round = 0; round < 500; round++) {
            EarlyStop.Speaker speaker = new EarlyStop.Speaker();
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean noticeSaid = new AtomicBoolean();
            AtomicBoolean runStarted = new AtomicBoolean();
            Thread hook = new Thread(() -> {
                await(go);
                noticeSaid.set(speaker.takeTheStop());
            });
            Thread main = new Thread(() -> {
                await(go);
                runStarted.set(speaker.handOver());
            });
            hook.start();
            main.start();
            go.countDown();
            hook.join();
            main.join();
            assertThat(noticeSaid.get()).as("round %d", round).isNotEqualTo(runStarted.get());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

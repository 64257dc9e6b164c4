package ma.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ma.observatory.run.DatabaseAccess;
import ma.observatory.run.ExitCodes;

/** Walking a failure's causes, which the sentences a user reads on a failed run are looked for in. */
class CausesTest {

    @Test
    void aChainIsWalkedOutermostFirstAndItsDeepestCauseIsTheRoot() {
        IOException disk = new IOException("No space left on device");
        IllegalStateException middle = new IllegalStateException("could not write", disk);
        RuntimeException outer = new RuntimeException("step failed", middle);

        assertThat(Causes.of(outer)).containsExactly(outer, middle, disk);
        assertThat(Causes.root(outer)).isSameAs(disk);
        assertThat(Causes.root(disk)).isSameAs(disk);
        assertThat(Causes.find(outer, IOException.class)).isSameAs(disk);
        assertThat(Causes.find(outer, RuntimeException.class)).isSameAs(outer);
        assertThat((Object) Causes.find(outer, SQLException.class)).isNull(); // an SQLException is Iterable
        assertThat(Causes.of(null)).isEmpty();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a walk that loops never returns
    void aChainThatLoopsBackEndsWhereItWouldRepeat() {
        // Java refuses a throwable as its own cause, but not a wrapper whose cause wraps it
        Exception wrapper = new Exception("wrapper");
        Exception wrapped = new Exception("wrapped", wrapper);
        wrapper.initCause(wrapped);

        assertThat(Causes.of(wrapper)).containsExactly(wrapper, wrapped);
        assertThat(Causes.root(wrapper)).isSameAs(wrapped);
        assertThat((Object) Causes.find(wrapper, SQLException.class)).isNull();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a walk that loops never returns
    void aThrowableThatNamesItselfAsItsCauseIsReadOnce() {
        RuntimeException selfish = new RuntimeException("itself") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertThat(Causes.of(selfish)).containsExactly(selfish);
        assertThat(Causes.root(selfish)).isSameAs(selfish);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a walk that loops never returns
    void theSentencesLookedForInALoopingChainAreFoundOrNotWithoutHanging() {
        // before, the disk-full and database-lock checks walked such a chain for ever
        SQLException database = new SQLException("database lock acquisition failure");
        Exception wrapper = new Exception("could not open the database", database);
        database.initCause(wrapper);
        assertThat(DatabaseAccess.diskFull(Path.of("var/db"), wrapper)).isNull();
        assertThat(ExitCodes.rootMessageInFull(wrapper)).isEqualTo("database lock acquisition failure");

        IOException full = new IOException("No space left on device");
        Exception outer = new Exception("could not write", full);
        full.initCause(outer);
        assertThat(DatabaseAccess.diskFull(Path.of("var/db"), outer)).contains("is full");
        assertThat(ExitCodes.outOfMemory(outer)).isFalse();
    }
}

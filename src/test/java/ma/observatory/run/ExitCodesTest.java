package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void aRunOutOfMemoryIsToldToTakeMoreThanItHadNeverLess() {
        // a run that had 1 GB was told "java -Xmx512m": half of what had not been enough
        assertThat(ExitCodes.moreMemoryMb(1024)).isEqualTo(2048);
        assertThat(ExitCodes.moreMemoryMb(989)).as("the heap the JVM reports, a little under -Xmx1g").isEqualTo(2048);
        assertThat(ExitCodes.moreMemoryMb(12)).isEqualTo(512);
        assertThat(ExitCodes.moreMemoryMb(300)).isEqualTo(768);
        assertThat(ExitCodes.moreMemory()).startsWith("java -Xmx").endsWith("m -jar labour-observatory.jar");
    }

    @Test
    void theRootMessageIsTheDeepestCausesOrItsKind() {
        Exception deep = new IllegalStateException("disk gone");
        assertThat(ExitCodes.rootMessage(new RuntimeException("wrapper", new RuntimeException(deep)))).isEqualTo("disk gone");
        assertThat(ExitCodes.rootMessage(new RuntimeException(new OutOfMemoryError()))).isEqualTo("OutOfMemoryError");
        assertThat(ExitCodes.outOfMemory(new RuntimeException(new OutOfMemoryError()))).isTrue();
        assertThat(ExitCodes.outOfMemory(deep)).isFalse();
    }
}

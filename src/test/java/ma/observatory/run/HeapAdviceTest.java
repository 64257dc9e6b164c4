package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapAdviceTest {

    @Test
    void aRunOutOfMemoryIsToldToTakeMoreThanItHadNeverLess() {
        // a run that had 1 GB was told "java -Xmx512m": half of what had not been enough
        assertThat(HeapAdvice.moreMemoryMb(1024)).isEqualTo(2048);
        assertThat(HeapAdvice.moreMemoryMb(989)).as("the heap the JVM reports, a little under -Xmx1g").isEqualTo(2048);
        assertThat(HeapAdvice.moreMemoryMb(12)).isEqualTo(512);
        assertThat(HeapAdvice.moreMemoryMb(300)).isEqualTo(768);
        assertThat(HeapAdvice.moreMemory()).startsWith("java -Xmx").endsWith("m -jar labour-observatory.jar");
    }
}

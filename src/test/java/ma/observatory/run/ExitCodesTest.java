package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void theRootMessageIsTheDeepestCausesOrItsKind() {
        Exception deep = new IllegalStateException("disk gone");
        assertThat(ExitCodes.rootMessage(new RuntimeException("wrapper", new RuntimeException(deep)))).isEqualTo("disk gone");
        assertThat(ExitCodes.rootMessage(new RuntimeException(new OutOfMemoryError()))).isEqualTo("OutOfMemoryError");
        assertThat(ExitCodes.outOfMemory(new RuntimeException(new OutOfMemoryError()))).isTrue();
        assertThat(ExitCodes.outOfMemory(deep)).isFalse();
    }
}

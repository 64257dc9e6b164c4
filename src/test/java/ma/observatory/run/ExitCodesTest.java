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

    @Test
    void theRootMessageIsOneLineOfAFewHundredCharactersAtMost() {
        // Batch's message for an interrupted step quotes the step, its exit description a stack trace
        String interrupted = "Step requested termination: StepExecution: id=112, status=UNKNOWN, exitDescription="
                + "org.springframework.transaction.TransactionSystemException: JDBC rollback failed\n\tat org.x.Y(Y.java:1)";
        assertThat(ExitCodes.rootMessage(new RuntimeException(interrupted))).doesNotContain("\n").doesNotContain("\tat")
                .startsWith("Step requested termination");
        assertThat(ExitCodes.rootMessage(new RuntimeException("x".repeat(5000)))).hasSize(301).endsWith("…");
    }
}

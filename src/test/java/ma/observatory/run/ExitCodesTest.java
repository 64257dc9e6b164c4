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
        // a known cause is looked for in the whole message: after a long path, the reason is past the cut
        Exception full = new java.nio.file.FileSystemException("/srv/" + "deep/".repeat(70) + "sheet.xml", null,
                "No space left on device");
        assertThat(ExitCodes.rootMessage(full)).doesNotContain("No space left");
        assertThat(ExitCodes.rootMessageInFull(new IllegalStateException(full))).contains("No space left on device");
        assertThat(ExitCodes.rootMessage(new IllegalStateException(" \n "))).isEqualTo("IllegalStateException");
    }
}

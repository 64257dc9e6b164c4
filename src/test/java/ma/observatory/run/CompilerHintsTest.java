package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class CompilerHintsTest {

    @Test
    void theJvmTakesTheHintsAndListsThem() throws Exception {
        assertThat(CompilerHints.add()).isTrue();
        String listed = String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
        assertThat(listed).contains("org/hsqldb/*.*").contains("org/springframework/beans/*.*");
    }
}

package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerHintsTest {

    @Test
    void theJvmTakesTheHintsAndListsThem() throws Exception {
        assertThat(CompilerHints.add()).isTrue();
        String listed = String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
        assertThat(listed).contains("org/hsqldb/*.*").contains("org/springframework/beans/*.*")
                .contains("org/apache/commons/csv/Lexer.isDelimiter");
    }

    @Test
    void theHintFilesOfKilledProcessesGoOnceAnHourOld(@TempDir Path tmp) throws Exception {
        Path killed = Files.createFile(tmp.resolve("observatory-compiler-hints123.json"));
        Files.setLastModifiedTime(killed, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
        Path starting = Files.createFile(tmp.resolve("observatory-compiler-hints456.json"));
        Path other = Files.createFile(tmp.resolve("other.json"));
        Files.setLastModifiedTime(other, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));

        CompilerHints.forgetStale(tmp);

        assertThat(killed).doesNotExist();
        assertThat(starting).as("another process may be starting with it").exists();
        assertThat(other).exists();
    }
}

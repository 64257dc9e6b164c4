package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void failingWriterLeavesTheTargetUntouchedAndNoPartFile() throws IOException {
        Path target = dir.resolve("report.xlsx");
        byte[] previous = "previous workbook".getBytes(StandardCharsets.UTF_8);
        Files.write(target, previous);

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]); // more than the buffer: part of it reaches the .part file
            throw new IOException("disk on fire");
        })).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThat(Files.readAllBytes(target)).isEqualTo(previous);
        assertThat(list(dir)).containsExactly(target);

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readAllBytes(target)).isEqualTo(previous);
        assertThat(list(dir)).containsExactly(target);
    }

    @Test
    void aPartFileAKilledRunLeftIsRemovedByTheNextWriteOfItsTarget() throws IOException {
        Path target = dir.resolve("report.xlsx");
        Path abandoned = Files.writeString(dir.resolve(".report.xlsx.123456.part"), "half a workbook");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path writing = Files.writeString(dir.resolve(".report.xlsx.654321.part"), "being written now");
        Path otherTarget = Files.writeString(dir.resolve(".other.xlsx.111111.part"), "another's");
        Files.setLastModifiedTime(otherTarget, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        AtomicFiles.write(target, out -> out.write(1));

        assertThat(abandoned).doesNotExist();
        assertThat(writing).exists();
        assertThat(otherTarget).as("left to its own target's next write").exists();
        assertThat(target).hasBinaryContent(new byte[] {1});
    }

    @Test
    void successReplacesTheTarget() throws IOException {
        Path target = dir.resolve("report.xlsx");
        Files.writeString(target, "old");
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        AtomicFiles.write(target, out -> {
            out.write(content, 0, 10);
            out.write(content[10]);
            out.write(content, 11, content.length - 11);
        });
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(list(dir)).containsExactly(target);
    }

    @Test
    void createsTheParentDirectoryAndToleratesAWriterThatClosesTheStream() throws IOException {
        Path target = dir.resolve("reports/nested/latest.xlsx");
        AtomicFiles.write(target, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void permissionsAreReadableByEveryone() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX file system");
        Path target = dir.resolve("report.xlsx");
        AtomicFiles.write(target, out -> out.write(42));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package ma.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

/** What the operator reads when the program cannot write where it was told to. */
class StartFailureTest {

    @Test
    void aReadOnlyFolderIsNamedNotTheTemporaryFileInIt() {
        String said = ObservatoryApplication.unwritableFolder(new FileSystemException(
                "/srv/observatory/db/.o.password.9562264098695915821.part", null, "Read-only file system"));

        assertThat(said).startsWith("The folder /srv/observatory/db cannot be written").doesNotContain(".part")
                .contains("Nothing was started");
    }

    @Test
    void aFolderThisUserMayNotWriteInIsNamedToo() {
        assertThat(ObservatoryApplication.unwritableFolder(new AccessDeniedException("/srv/reports/x.xlsx")))
                .startsWith("The folder /srv/reports cannot be written");
    }

    @Test
    void otherFileErrorsAreNotMistakenForIt() {
        assertThat(ObservatoryApplication.unwritableFolder(new NoSuchFileException("/srv/x"))).isNull();
        assertThat(ObservatoryApplication.unwritableFolder(new IllegalStateException("no"))).isNull();
    }
}

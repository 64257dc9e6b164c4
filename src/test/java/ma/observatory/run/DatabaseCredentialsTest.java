package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseGetsAPasswordMadeForIt() {
        Path db = dir.resolve("observatory-db");

        DatabaseCredentials made = DatabaseCredentials.resolve(db, "observatory", null);

        assertThat(dir.resolve("observatory-db.password")).exists();
        assertThat(made.password()).isNotBlank();
        assertThat(DatabaseCredentials.resolve(db, "observatory", null).password()).isEqualTo(made.password());
    }

    @Test
    void aPasswordFileOfAnotherUserIsSaidSoNotBlamedOnItsFolder() throws IOException {
        Path db = dir.resolve("observatory-db");
        Path file = Files.writeString(dir.resolve("observatory-db.password"), "made by root with sudo\n");
        Assumptions.assumeTrue(file.toFile().setReadable(false, false) && !Files.isReadable(file),
                "this user reads whatever the permissions (root): checked by hand as another user");

        assertThatThrownBy(() -> DatabaseCredentials.resolve(db, "observatory", null))
                .isInstanceOfSatisfying(DatabaseAccess.DatabaseException.class, e -> assertThat(e.setting()).isTrue())
                .hasMessageStartingWith("The database password file " + file + " cannot be read by this user");
    }

    @Test
    void aDatabaseWhosePasswordFileWasLostIsNotGivenANewOneItWouldRefuse() throws IOException {
        Path db = dir.resolve("observatory-db");
        Files.writeString(dir.resolve("observatory-db.script"), "SET DATABASE UNIQUE NAME HSQLDB1\n"
                + "CREATE USER SA PASSWORD DIGEST 'x'\nCREATE USER \"observatory\" PASSWORD DIGEST 'y' ADMIN\n");

        assertThatThrownBy(() -> DatabaseCredentials.resolve(db, "observatory", null))
                .isInstanceOfSatisfying(DatabaseAccess.DatabaseException.class,
                        e -> assertThat(e.setting()).as("exit 2: nothing started, a file to restore").isTrue())
                .hasMessageContaining("was made with a password kept in " + dir.resolve("observatory-db.password"))
                .hasMessageContaining("which is missing: restore that file from the backup");
        assertThat(dir.resolve("observatory-db.password")).as("no new password to be refused").doesNotExist();
        // a password set in the configuration is used as given
        assertThat(DatabaseCredentials.resolve(db, "observatory", "kept").password()).isEqualTo("kept");
    }

    @Test
    void aDatabaseMadeBeforeAccountsGetsItsPasswordMade() throws IOException {
        Path db = dir.resolve("observatory-db");
        Files.writeString(dir.resolve("observatory-db.script"), "CREATE USER SA PASSWORD DIGEST 'x'\n");

        String made = DatabaseCredentials.resolve(db, "observatory", null).password();

        assertThat(made).isNotBlank();
        // kept beside the database, and the same at the next start
        assertThat(dir.resolve("observatory-db.password")).exists();
        assertThat(DatabaseCredentials.resolve(db, "observatory", null).password()).isEqualTo(made);
    }
}

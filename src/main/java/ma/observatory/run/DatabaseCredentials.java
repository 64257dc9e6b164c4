package ma.observatory.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account every process uses on the database, served or not. The password comes from
 * {@code observatory.db-password} when it is set; otherwise it is generated at the first start and
 * kept in {@code <db>.password} beside the database files, readable by its owner only (0600): the
 * scheduler and the command-line runs of the same user read the same file. Never the empty password
 * of HSQLDB's default {@code SA} account, since the scheduler serves the database on a network port.
 */
record DatabaseCredentials(String user, String password, String origin) {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCredentials.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    static DatabaseCredentials resolve(Path db, String user, String configuredPassword) {
        if (user == null || user.isBlank()) {
            throw new IllegalStateException("observatory.db-user is empty: give the database account a name.");
        }
        if (configuredPassword != null && !configuredPassword.isEmpty()) {
            return new DatabaseCredentials(user.strip(), configuredPassword, "observatory.db-password");
        }
        Path file = fileOf(db);
        if (!Files.exists(file) && madeWithAccount(db, user.strip())) {
            // A new password would only be refused by the database, under a sentence blaming it
            throw new DatabaseAccess.DatabaseException("The database " + db + " was made with a password kept in "
                    + file + ", which is missing: restore that file from the backup of the database (or set"
                    + " observatory.db-password to that password). Nothing was started.", null, true);
        }
        return new DatabaseCredentials(user.strip(), readOrCreate(file), file.toString());
    }

    /**
     * Whether the database's files already give the account: then its password file was lost. (A
     * database made before accounts were configured has none, and is given one with a new password.)
     */
    static boolean madeWithAccount(Path db, String user) {
        Path script = db.resolveSibling(db.getFileName() + ".script");
        String created = "CREATE USER \"" + user.replace("\"", "\"\"") + "\"";
        try (var lines = Files.lines(script, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.startsWith(created));
        } catch (IOException | UncheckedIOException e) {
            return false; // no database yet, or one HSQLDB will say more of when it opens it
        }
    }

    static Path fileOf(Path db) {
        return db.resolveSibling(db.getFileName() + ".password");
    }

    private static String readOrCreate(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                create(file);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException("The password file " + file + " is empty: delete it (a new password is"
                        + " generated for a new database) or set observatory.db-password.");
            }
            warnIfReadableByOthers(file);
            return password;
        } catch (java.nio.file.AccessDeniedException e) {
            if (!Files.exists(file)) {
                // a folder this user may not write in, which the start-up names rather than this file
                throw new UncheckedIOException("cannot create the database password file " + file, e);
            }
            // readable by its owner only, as it should be: another user than the one who made it
            throw new DatabaseAccess.DatabaseException("The database password file " + file + " cannot be read by this"
                    + " user: it is readable by its owner only, another user (as after a first run with sudo). Nothing"
                    + " was started: run the program as the user who owns the database files, or give them all to"
                    + " this one (chown).", e, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the database password file " + file, e);
        }
    }

    /** Written to a private temporary file, then linked into place: never seen half-written. */
    private static void create(Path file) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path part = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".", ".part");
        try {
            if (Files.getFileStore(part).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(part, OWNER_ONLY);
            }
            Files.writeString(part, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.createLink(file, part);
                log.info("Generated the database password and stored it in {} (readable by its owner only)", file);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(file)) {
                    Files.move(part, file);
                }
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.stream().anyMatch(p -> !OWNER_ONLY.contains(p) && p != PosixFilePermission.OWNER_EXECUTE)) {
                    log.warn("{} can be read by other users ({}): make it private with chmod 600", file,
                            PosixFilePermissions.toString(perms));
                }
            }
        } catch (IOException ignored) {
            // only a warning
        }
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[user=" + user + ", password from " + origin + "]";
    }
}

package ma.observatory.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.SpringApplication;

/**
 * {@code --list-runs} on a database no run has made: said before the database is opened, which
 * would make it (and a password file) wherever a mistyped {@code --db} points. It ends the start
 * before any bean and is not a failure: Spring neither logs nor reports it. A class of its own, so
 * that the main class, which names it only in calls, still starts without the libraries and says
 * what to copy.
 */
public final class NoDatabaseYet extends SpringApplication.AbandonedRunException {

    private final String sentence;

    private NoDatabaseYet(String sentence) {
        this.sentence = sentence;
    }

    /** @throws NoDatabaseYet when no database is at {@code db} and no scheduler serves one there */
    public static void check(Path db) {
        if (!Files.exists(Path.of(db + ".script")) && !Files.exists(Path.of(db + ".properties"))
                && !DatabaseAccess.servedByScheduler(db)) {
            throw new NoDatabaseYet("No runs yet: there is no database at " + db.toAbsolutePath() + " (a run makes"
                    + " it there; if runs were made elsewhere, check --db, observatory.db in application.properties"
                    + " or OBSERVATORY_DB).");
        }
    }

    /** The sentence to print when the start ended for want of a database, else null. */
    public static String sentence(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoDatabaseYet none) {
                return none.sentence;
            }
        }
        return null;
    }

    @Override
    public String getMessage() {
        return sentence;
    }
}

package ma.observatory.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.SpringApplication;

import ma.observatory.Causes;
import ma.observatory.job.CheckInputsTasklet;

/**
 * {@code --list-runs} or {@code --restart} on a database no run has made, or a run started where
 * there is neither a database nor its input: said before the database
 * is opened, which would make it (and a password file) wherever a mistyped {@code --db} points. It ends the start
 * before any bean and is not a failure: Spring neither logs nor reports it. A class of its own, so
 * that the main class, which names it only in calls, still starts without the libraries and says
 * what to copy.
 */
public final class NoDatabaseYet extends SpringApplication.AbandonedRunException {

    private final String sentence;
    private final int exitCode;

    private NoDatabaseYet(String sentence, int exitCode) {
        this.sentence = sentence;
        this.exitCode = exitCode;
    }

    /** @throws NoDatabaseYet when no database is at {@code db} and no scheduler serves one there */
    public static void check(Path db) {
        String answer = noRunsYet(db);
        if (answer != null) {
            throw new NoDatabaseYet(answer, ExitCodes.OK);
        }
    }

    /** The answer of {@code --list-runs} where there is no database, or null where there is one. */
    public static String noRunsYet(Path db) {
        return !absent(db) ? null : "No runs yet: there is no database at " + db.toAbsolutePath() + " (a run makes"
                + " it there; if runs were made elsewhere, check --db, observatory.db in application.properties"
                + " or OBSERVATORY_DB).";
    }

    /**
     * {@code --restart} where no run was ever made: said before a database is made there, which a
     * later run started in that wrong folder would take for a history.
     *
     * @throws NoDatabaseYet when no database is at {@code db} and no scheduler serves one there
     */
    public static void checkRestart(Path db) {
        String refusal = restartRefusal(db);
        if (refusal != null) {
            throw new NoDatabaseYet(refusal, ExitCodes.RESTART_REFUSED);
        }
    }

    /**
     * A run started where there is neither its input folder nor a run history (a cron line without
     * its cd): said before a database, a failed run and an output folder are made there.
     *
     * @throws NoDatabaseYet when neither is there
     */
    public static void checkWhereStarted(Path db, Path inputDir) {
        String missing = wrongFolder(db, inputDir);
        if (missing != null) {
            throw new NoDatabaseYet(missing, ExitCodes.INPUT_CONTRACT);
        }
    }

    /** The sentence for a run started where there is neither its input folder nor a database, or null. */
    public static String wrongFolder(Path db, Path inputDir) {
        return absent(db) ? CheckInputsTasklet.missingInputFolder(inputDir) : null;
    }

    /** The sentence for {@code --restart} where there is no database, or null where there is one. */
    public static String restartRefusal(Path db) {
        return !absent(db) ? null : "There is no run to resume: there is no database at " + db.toAbsolutePath()
                + " (no run was made there; if runs were made elsewhere, check --db, observatory.db in"
                + " application.properties or OBSERVATORY_DB, or the folder the program is started in).";
    }

    /** Whether no run history is at {@code db}: no database files, and no scheduler serving one there. */
    public static boolean absent(Path db) {
        return !Files.exists(Path.of(db + ".script")) && !Files.exists(Path.of(db + ".properties"))
                && !DatabaseAccess.servedByScheduler(db);
    }

    /** The exit code of a start ended for want of a database: 0 for the run list, 5 for --restart. */
    public static int exitCode(Throwable failure) {
        NoDatabaseYet none = Causes.find(failure, NoDatabaseYet.class);
        return none == null ? ExitCodes.OK : none.exitCode;
    }

    /** The sentence to print when the start ended for want of a database, else null. */
    public static String sentence(Throwable failure) {
        NoDatabaseYet none = Causes.find(failure, NoDatabaseYet.class);
        return none == null ? null : none.sentence;
    }

    @Override
    public String getMessage() {
        return sentence;
    }
}

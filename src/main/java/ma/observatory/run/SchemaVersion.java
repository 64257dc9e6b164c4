package ma.observatory.run;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The version of the program's own tables, which {@code schema.sql} records in {@code schema_version}
 * and raises with every change to them. A run beside the scheduler uses the tables as the scheduler
 * made them when it started (making them again would wait for every run going on): when a newer
 * version of the program has been installed since, the run is refused before it begins, rather
 * than fail half-way on a column the tables lack.
 */
final class SchemaVersion {

    /** Raise with {@code schema.sql}'s, whenever that file adds a table or a column. */
    static final int CURRENT = 1;

    private SchemaVersion() {
    }

    /** The version the tables are at: 0 for tables made before the version was recorded. */
    static int of(JdbcTemplate jdbc) {
        try {
            Integer v = jdbc.queryForObject("SELECT MAX(version) FROM schema_version", Integer.class);
            return v == null ? 0 : v;
        } catch (BadSqlGrammarException e) {
            return 0; // no such table: made before the version was recorded
        }
    }

    /** A run refused before it begins: the sentence to say, and the exit code. */
    record Refusal(String sentence, int exitCode) {
    }

    /**
     * Why a run cannot use the tables of the scheduler serving the database, or {@code null} when
     * they are this version's: the scheduler was started by an earlier version (restart it), or it
     * is still bringing them up to date as it starts (which on a long history takes a while).
     */
    static Refusal behindScheduler(JdbcTemplate jdbc, DatabaseAccess database) {
        if (database.mode() != DatabaseAccess.Mode.CLIENT || of(jdbc) >= CURRENT) {
            return null;
        }
        var owner = DatabaseOwner.read(database.path()).filter(DatabaseOwner::alive);
        String who = owner.map(DatabaseOwner::who).orElse("the scheduler");
        if (owner.isPresent() && owner.get().schema() >= CURRENT) {
            return new Refusal("The database " + database.path() + " is served by " + who + ", which is still"
                    + " starting: it is bringing the database's tables up to date for this version of the program."
                    + " Nothing was started: run this command again in a minute.", ExitCodes.BUSY);
        }
        return new Refusal("The database " + database.path() + " is served by " + who + ", which was started before"
                + " this version of the program was installed: its tables lack what this version stores. Nothing was"
                + " started: restart the scheduler (systemctl restart, or stop it and start it again with"
                + " --schedule), which brings the tables up to date, then run this command again.",
                ExitCodes.BAD_COMMAND_LINE);
    }
}

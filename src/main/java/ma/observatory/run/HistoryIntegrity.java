package ma.observatory.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the run history in the database is whole before anything uses it. HSQLDB keeps the run
 * history in its {@code .script} file; one cut short (a disk fault, a copy or restore interrupted)
 * often still opens, with the last runs or their saved state gone. A run would then go ahead on a
 * history missing its latest runs (the Changes sheet comparing with an older one, {@code --restart}
 * finding nothing), and at its end HSQLDB would write the shortened history back over the damaged
 * file, which alone shows that something is missing. Spring Batch writes a run's execution, its
 * parameters and saved state in one transaction, and a step with its saved state, so a part
 * without the other is damage, never a run that was stopped. (A line cut in the middle is loaded
 * as a row whose later columns are empty, whatever their constraints say.)
 */
final class HistoryIntegrity {

    private record Rule(String description, String requires, String sql) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("step(s) of earlier runs without their saved state", "BATCH_STEP_EXECUTION_CONTEXT", """
                    SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s WHERE NOT EXISTS
                    (SELECT 1 FROM BATCH_STEP_EXECUTION_CONTEXT c WHERE c.STEP_EXECUTION_ID = s.STEP_EXECUTION_ID
                    AND c.SHORT_CONTEXT IS NOT NULL)"""),
            new Rule("run(s) without their saved state", "BATCH_JOB_EXECUTION_CONTEXT", """
                    SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e WHERE NOT EXISTS
                    (SELECT 1 FROM BATCH_JOB_EXECUTION_CONTEXT c WHERE c.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                    AND c.SHORT_CONTEXT IS NOT NULL)"""),
            new Rule("run(s) without their options", "BATCH_JOB_EXECUTION_PARAMS", """
                    SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e WHERE NOT EXISTS
                    (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID)"""),
            // the runs' own tables are in another file (.data): their rows outlive a history cut
            // short. (A run recorded without an execution is no damage: a kill between the two.)
            new Rule("run(s) whose input files are recorded but not the run", "INPUT_FILE", """
                    SELECT COUNT(DISTINCT f.RUN_ID) FROM INPUT_FILE f WHERE NOT EXISTS
                    (SELECT 1 FROM BATCH_JOB_EXECUTION e WHERE e.JOB_INSTANCE_ID = f.RUN_ID)"""),
            new Rule("record(s) cut in the middle", "BATCH_STEP_EXECUTION", """
                    SELECT (SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME IS NULL OR JOB_KEY IS NULL)
                    + (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID IS NULL OR CREATE_TIME IS NULL)
                    + (SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME IS NULL OR JOB_EXECUTION_ID IS NULL)
                    FROM (VALUES (0))"""));

    private HistoryIntegrity() {
    }

    /**
     * @throws DatabaseAccess.DatabaseException naming what is missing and what to do, when the
     *                                          history is not whole
     */
    static void check(Path path, String url, DatabaseCredentials credentials) {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, credentials.user(), credentials.password());
             Statement s = c.createStatement()) {
            if (!isAdmin(s)) {
                // made with ADMIN (DatabaseAccess.ensureAccount): a history cut before the line
                // granting it hides every table, and the database would pass for a new one
                throw damaged(path, "its account '" + credentials.user() + "' has lost the rights it was made with");
            }
            if (!hasTable(s, "BATCH_JOB_INSTANCE")) {
                return; // a new database: nothing recorded yet
            }
            for (Rule rule : RULES) {
                if (!hasTable(s, rule.requires())) {
                    continue; // made by a version without that table
                }
                try (ResultSet rs = s.executeQuery(rule.sql())) {
                    rs.next();
                    long count = rs.getLong(1);
                    if (count > 0) {
                        found.add(count + " " + rule.description());
                    }
                }
            }
            if (!found.isEmpty()) {
                // closed without writing the shortened history back over the files, and not left
                // open in a process that goes on
                s.execute("SHUTDOWN IMMEDIATELY");
            }
        } catch (SQLException e) {
            DatabaseAccess.throwIfLocked(path, e);
            throw new DatabaseAccess.DatabaseException("The database " + path + " could not be checked ("
                    + e.getMessage() + "): see the log file.", e);
        }
        if (!found.isEmpty()) {
            throw damaged(path, "its run history has " + String.join(", ", found));
        }
    }

    private static DatabaseAccess.DatabaseException damaged(Path path, String what) {
        return new DatabaseAccess.DatabaseException("The database " + path + " is damaged: " + what + ", as when its"
                + " files were cut short (a disk fault, a copy or restore interrupted). Nothing was run: "
                + DatabaseAccess.whatToDoWhenDamaged(path), null);
    }

    private static boolean isAdmin(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT ADMIN FROM INFORMATION_SCHEMA.SYSTEM_USERS WHERE USER_NAME = CURRENT_USER")) {
            return !rs.next() || rs.getBoolean(1);
        }
    }

    private static boolean hasTable(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_NAME = '" + table + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}

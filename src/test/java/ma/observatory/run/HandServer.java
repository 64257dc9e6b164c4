package ma.observatory.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.hsqldb.server.Server;
import org.hsqldb.server.ServerConstants;

/**
 * An HSQLDB server on a test's database, in the test's JVM, under the name the scheduler gives it:
 * one an operator opens by hand to look into the database, or, with an owner file written beside
 * it, a scheduler of a version that takes no claim.
 */
final class HandServer implements AutoCloseable {

    private final Server server;
    private final int port;
    private final String password;

    private HandServer(Server server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    /** Serves {@code db} (its account and password file made) on 127.0.0.1:{@code port}. */
    static HandServer start(Path db, int port) throws IOException {
        String password = Files.readString(DatabaseCredentials.fileOf(db)).strip();
        Server server = new Server();
        server.setLogWriter(null);
        server.setErrWriter(null);
        server.setSilent(true);
        server.setNoSystemExit(true);
        server.setAddress("127.0.0.1");
        server.setPort(port);
        server.setDatabaseName(0, DatabaseAccess.ALIAS);
        server.setDatabasePath(0, "file:" + db);
        server.start();
        if (server.getState() != ServerConstants.SERVER_STATE_ONLINE) {
            server.stop();
            throw new IllegalStateException("the database server did not start on port " + port);
        }
        return new HandServer(server, port, password);
    }

    /** Closes the database's files, then stops the server, so that the next process can open them. */
    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(DatabaseAccess.serverUrl(port), "observatory", password);
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } finally {
            server.stop();
        }
    }
}

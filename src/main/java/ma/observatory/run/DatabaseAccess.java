package ma.observatory.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hsqldb.server.Server;
import org.hsqldb.server.ServerConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ma.observatory.Causes;

/**
 * How this process reaches the HSQLDB database, which admits one process at a time:
 * <ul>
 * <li><b>server</b> ({@code --schedule}): the scheduler opens the file database and serves it on
 * {@code 127.0.0.1:<observatory.db-server-port>}; its own runs use the database in-process.</li>
 * <li><b>client</b>: a command-line run that finds that server, serving this very database (checked
 * with {@code DATABASE()}), uses it; so runs beside the scheduler share its history.</li>
 * <li><b>file</b>: otherwise the run opens the file itself.</li>
 * </ul>
 * Whoever opens the files writes {@code <db>.owner}, so that the next process says who holds the
 * database instead of waiting for HSQLDB's lock to time out. Every mode logs in with
 * {@link DatabaseCredentials}, never with an empty password.
 */
public final class DatabaseAccess implements AutoCloseable {

    public enum Mode { FILE, SERVER, CLIENT }

    /** The name the server gives the database: {@code jdbc:hsqldb:hsql://127.0.0.1:<port>/observatory}. */
    static final String ALIAS = "observatory";
    private static final String FILE_PROPERTIES = ";hsqldb.tx=mvcc;hsqldb.write_delay=false";
    private static final long CLIENT_PROBE_MILLIS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(DatabaseAccess.class);

    private final Path db;
    private final Mode mode;
    private final String url;
    private final DatabaseCredentials credentials;
    private final Server server;
    private volatile DatabaseOwner owner;
    private final DatabaseClaim claim;

    private DatabaseAccess(Path db, Mode mode, String url, DatabaseCredentials credentials, Server server,
                           DatabaseOwner owner, DatabaseClaim claim) {
        this.db = db;
        this.mode = mode;
        this.url = url;
        this.credentials = credentials;
        this.server = server;
        this.owner = owner;
        this.claim = claim;
    }

    /**
     * @param db    the database path without extension ({@code var/observatory-db})
     * @param serve whether to serve the database to other processes (the scheduler)
     * @throws DatabaseBusyException when another process holds the database
     */
    public static DatabaseAccess open(Path db, String user, String configuredPassword, int port, boolean serve) {
        Path path = canonical(db);
        DatabaseCredentials credentials = DatabaseCredentials.resolve(path, user, configuredPassword);
        Optional<DatabaseOwner> holder = DatabaseOwner.read(path).filter(DatabaseOwner::alive)
                .filter(o -> !o.isThisProcess());
        if (serve) {
            if (holder.isPresent()) {
                throw new DatabaseBusyException("The database " + db + " is held by " + holder.get().who()
                        + describeRun(holder.get()) + ": the scheduler cannot serve it; stop that process first"
                        + (DatabaseOwner.SCHEDULER.equals(holder.get().role()) ? " (only one scheduler per database)." : "."));
            }
            DatabaseClaim claim = claim(path, db, true, port, null, credentials);
            try {
                String fileUrl = fileUrl(path);
                ensureAccount(path, fileUrl, credentials);
                HistoryIntegrity.check(path, fileUrl, credentials);
                Server server;
                try {
                    server = startServer(path, port);
                } catch (RuntimeException e) {
                    new DatabaseAccess(path, Mode.FILE, fileUrl, credentials, null, null, null).shutdown();
                    throw e;
                }
                DatabaseOwner owner = DatabaseOwner.current(DatabaseOwner.SCHEDULER, port);
                owner.write(path);
                log.info("Serving the database {} to command-line runs on 127.0.0.1:{} (account '{}', password from {})",
                        path, port, credentials.user(), credentials.origin());
                return new DatabaseAccess(path, Mode.SERVER, fileUrl, credentials, server, owner, claim);
            } catch (RuntimeException e) {
                claim.close();
                throw e;
            }
        }
        Probe onThisPort = null;
        for (int candidate : candidatePorts(port, holder)) {
            String serverUrl = serverUrl(candidate);
            Probe probe = probe(serverUrl, path, credentials, holder);
            if (probe.kind() == Probe.Kind.SERVES) {
                // A live scheduler that names this port in its owner file is believed: one of a version
                // before the claim takes none, and is told to be restarted further on, not taken for a
                // hand-opened server.
                boolean named = holder.filter(o -> DatabaseOwner.SCHEDULER.equals(o.role()) && o.port() == candidate)
                        .isPresent();
                if (!named && !DatabaseClaim.held(path)) {
                    // the scheduler claims the database before it serves it, and keeps the claim until its
                    // server has stopped: this is a server opened by hand, with no scheduler behind it
                    throw new DatabaseBusyException("The database " + db + " is served on 127.0.0.1:" + candidate
                            + " by a database server that is not this program's scheduler (one opened by hand, to"
                            + " look into the database?). Nothing was started: stop that server, then run this"
                            + " command again (or start the scheduler, --schedule, in its place: runs share the"
                            + " database through it).");
                }
                log.info("The scheduler serves the database on 127.0.0.1:{}: this run uses it, and shares its run history",
                        candidate);
                return new DatabaseAccess(path, Mode.CLIENT, serverUrl, credentials, null, null, null);
            }
            if (candidate == port) {
                onThisPort = probe;
            }
        }
        if (holder.isPresent()) {
            DatabaseOwner o = holder.get();
            if (DatabaseOwner.SCHEDULER.equals(o.role()) && !o.alive()) {
                // gone while this run tried its server: not a setting to correct
                throw new DatabaseException("The scheduler (process " + o.pid() + ") serving the database " + db
                        + " stopped while this run was logging in (it was killed, or its machine stopped it)."
                        + " Nothing was started: run the same command again (with the scheduler started again, if"
                        + " it should be up).", null);
            }
            if (DatabaseOwner.SCHEDULER.equals(o.role())) {
                // a setting to correct (exit 2), not a run to wait for
                throw new DatabaseException("The database " + db + " is held by " + o.who() + ", which serves it on"
                        + " 127.0.0.1:" + o.port() + ", but this run could not log in there. Nothing was started: give"
                        + " it the same observatory.db-server-port and password (" + credentials.origin() + ") as the"
                        + " scheduler.", null, true);
            }
            throw new DatabaseBusyException("Another run holds the database " + db + ": " + o.who() + describeRun(o)
                    + ". Nothing was started: wait for it to end, or keep the scheduler running (--schedule) so that"
                    + " runs can share the database.");
        }
        DatabaseClaim claim = claim(path, db, false, port, onThisPort, credentials);
        try {
            String fileUrl = fileUrl(path);
            ensureAccount(path, fileUrl, credentials);
            HistoryIntegrity.check(path, fileUrl, credentials);
            DatabaseOwner owner = DatabaseOwner.current(DatabaseOwner.ONE_SHOT, 0);
            owner.write(path);
            return new DatabaseAccess(path, Mode.FILE, fileUrl, credentials, null, owner, claim);
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
    }

    /**
     * This process's claim on the database files, before it opens them: a process that started in
     * the same second as another, before either had written the owner file, is refused here.
     */
    private static DatabaseClaim claim(Path path, Path db, boolean serve, int port, Probe onThisPort,
                                       DatabaseCredentials credentials) {
        Optional<DatabaseClaim> claim;
        try {
            claim = DatabaseClaim.tryTake(path);
        } catch (IOException e) {
            String full = diskFull(path, e); // out of space or of inodes: not a folder to make writable
            if (full != null) {
                throw new DatabaseException(full, e);
            }
            Path file = DatabaseClaim.fileOf(path);
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.isWritable(path.getParent())) {
                // the folder is fine: the file is another user's, read-only, a folder or a link
                String what = Files.isSymbolicLink(file) ? "it is a link"
                        : Files.isDirectory(file) ? "it is a folder"
                        : e instanceof java.nio.file.AccessDeniedException ? "this user may not write it"
                        : ExitCodes.rootMessage(e);
                throw new DatabaseException("The database's lock file " + file + " cannot be opened (" + what
                        + "; it must be a plain file this user may write). Nothing was started: remove it (it holds no"
                        + " data; the program makes it again) or give it to this user.", e, true);
            }
            throw notWritable(path, e);
        }
        return claim.orElseThrow(() -> {
            Optional<DatabaseOwner> holder = DatabaseOwner.read(path).filter(DatabaseOwner::alive)
                    .filter(o -> !o.isThisProcess());
            String who = holder.map(o -> " (" + o.who() + describeRun(o) + ")").orElse("");
            if (serve) {
                return new DatabaseBusyException("Another process is opening the database " + db + who
                        + ": the scheduler cannot serve it; stop that process first, or start the scheduler once it"
                        + " has ended.");
            }
            // A process writes its owner file once its database is open, after a replay of HSQLDB's
            // log and, for the scheduler, once it serves: until then it is "opening", however long.
            if (holder.isEmpty() && onThisPort != null && hsqldbHolds(path) && !DatabaseClaim.recent(path)) {
                // It has the database open, yet names itself nowhere: its owner file was deleted (or
                // damaged) while it kept the database. Said with what this command found on its port.
                RuntimeException held = heldUnnamed(path, db, port, onThisPort, credentials);
                if (held != null) {
                    return held;
                }
            }
            // the scheduler writes the owner file once it serves: until then it is "another process"
            return new DatabaseBusyException("Another process is opening the database " + db + who
                    + ". Nothing was started: wait for it to end, or, if it is the scheduler starting, try again in a"
                    + " minute, when runs can share its database.");
        });
    }

    /**
     * The refusal for a database another process has open but that no owner file names, with what
     * this command found on its port (null for a server serving it, which the command uses instead).
     * Either the scheduler serves it on another port or with another password than this command's,
     * or a run holds it; a server that refuses this command's password is a setting to correct (exit
     * 2), as it is when the owner file names the scheduler.
     */
    private static RuntimeException heldUnnamed(Path path, Path db, int port, Probe onThisPort,
                                                DatabaseCredentials credentials) {
        String unnamed = "The database " + db + " is in use by another process of this program, but the file "
                + DatabaseOwner.fileOf(path) + ", which says which one, is "
                + (Files.exists(DatabaseOwner.fileOf(path)) ? "out of date" : "missing") + "; and ";
        String onPort = "127.0.0.1:" + port + ", the port this command was given";
        return switch (onThisPort.kind()) {
            case LOGIN_REFUSED -> new DatabaseException(unnamed + "the database server on " + onPort + ", refused"
                    + " its password (from " + credentials.origin() + "). Nothing was started: give this command the"
                    + " same observatory.db-server-port and password (observatory.db-password, or the password file)"
                    + " as the scheduler.", null, true);
            case NOTHING_LISTENS, OTHER_DATABASE, NO_ANSWER -> new DatabaseBusyException(unnamed
                    + switch (onThisPort.kind()) {
                        case NOTHING_LISTENS -> "nothing answers on " + onPort;
                        case OTHER_DATABASE -> "the database server on " + onPort + ", serves another database ("
                                + onThisPort.detail() + ")";
                        default -> "the server on " + onPort + ", did not let it in (" + onThisPort.detail() + ")";
                    }
                    + ". Nothing was started: if the scheduler is running, give this command the port it serves the"
                    + " database on (observatory.db-server-port; its log says \"Serving the database ... on"
                    + " 127.0.0.1:...\") and run it again; if it is not, a run is using the database: wait for it to"
                    + " end.");
            case SERVES -> null;
        };
    }

    /**
     * Whether HSQLDB has the database open in some process: its {@code <db>.lck} holds HSQLDB's mark and
     * a heartbeat, which the process holding the database writes every 10 seconds and which a process
     * that was killed leaves behind, old. (A process that has only claimed the database, in its first
     * second, has not opened it yet.)
     */
    static boolean hsqldbHolds(Path path) {
        Path lck = path.resolveSibling(path.getFileName() + ".lck");
        try {
            byte[] bytes = Files.readAllBytes(lck);
            if (bytes.length != 16 || !"HSQLLOCK".equals(new String(bytes, 0, 8, StandardCharsets.US_ASCII))) {
                return false;
            }
            long heartbeat = ByteBuffer.wrap(bytes, 8, 8).getLong();
            // HSQLDB's own limit is 10.1 s; more room for a machine so loaded that the heartbeat is late
            return Math.abs(System.currentTimeMillis() - heartbeat) <= 30_000;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a live scheduler holds the database: a run started now will use it through the
     * scheduler's server, in which the scheduler made the schema when it started.
     */
    public static boolean servedByScheduler(Path db) {
        Path folder = db.toAbsolutePath().normalize().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return false; // no folder, no database: not made here for asking (--list-runs, a mistyped --db)
        }
        return DatabaseOwner.read(canonical(db)).filter(DatabaseOwner::alive).filter(o -> !o.isThisProcess())
                .filter(o -> DatabaseOwner.SCHEDULER.equals(o.role())).isPresent();
    }

    private static String describeRun(DatabaseOwner o) {
        return o.run().isEmpty() ? "" : ", busy with " + o.run();
    }

    private static int[] candidatePorts(int port, Optional<DatabaseOwner> holder) {
        int announced = holder.filter(o -> DatabaseOwner.SCHEDULER.equals(o.role())).map(DatabaseOwner::port).orElse(0);
        return announced > 0 && announced != port ? new int[] {port, announced} : new int[] {port};
    }

    public Mode mode() {
        return mode;
    }

    public String url() {
        return url;
    }

    public String user() {
        return credentials.user();
    }

    public String password() {
        return credentials.password();
    }

    public Path path() {
        return db;
    }

    /**
     * The sentence for a command whose scheduler went away under it (killed, its machine stopping
     * it), or null when this process does not use the scheduler's server or the failure is another:
     * "could not start (Connection refused)" said of a run that had started blamed the run.
     *
     * @param what   the command, as the sentence's subject ("The run over 2023 to 2024")
     * @param remedy what to do once the scheduler is up again ("resume the run with --restart")
     */
    public String schedulerGone(String what, Throwable failure, String remedy) {
        if (mode != Mode.CLIENT || !connectionLost(failure)) {
            return null;
        }
        return lostServer(what, "on " + url.substring(url.indexOf("//") + 2, url.lastIndexOf('/')) + " ", failure,
                remedy);
    }

    /**
     * The sentence for a program that lost the scheduler's server while it started, or null for
     * another failure: a run that opens the file itself has no connection to lose.
     */
    public static String schedulerGoneWhileStarting(Throwable failure) {
        return connectionLost(failure) ? lostServer("The program", "", failure,
                "run the same command again (nothing was started)") : null;
    }

    // Nothing is said of the workbook: the connection may drop after it was written, as the run
    // records its end.
    private static String lostServer(String what, String where, Throwable failure, String remedy) {
        return what + " lost its database: the scheduler serving it " + where + "stopped answering ("
                + ExitCodes.rootMessage(failure) + "; it was killed, or its machine stopped it). Start the scheduler"
                + " again, then " + remedy + ".";
    }

    /** A connection refused, reset or broken: SQL state class 08, or the socket's own exception. */
    static boolean connectionLost(Throwable failure) {
        for (Throwable t : Causes.of(failure)) {
            if (t instanceof java.net.SocketException || t instanceof java.io.EOFException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Whether this process is the only one that can use the database (no server, no other client). */
    public boolean exclusive() {
        return mode == Mode.FILE;
    }

    /** Names the run this process is busy with in the owner file, for a process that finds it in the way. */
    public void announce(String runDescription) {
        DatabaseOwner current = owner;
        if (current != null) {
            DatabaseOwner updated = current.running(runDescription);
            try {
                updated.write(db);
                owner = updated;
            } catch (UncheckedIOException e) {
                log.debug("could not update the owner file", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (mode != Mode.CLIENT) {
                shutdown();
            }
        } finally {
            if (server != null) {
                server.stop();
            }
            if (owner != null) {
                owner.delete(db);
            }
            if (claim != null) {
                claim.close();
            }
        }
    }

    /** Closes the database files cleanly (checkpoint), after the connection pool has been closed. */
    private void shutdown() {
        try (Connection c = DriverManager.getConnection(url + ";ifexists=true", credentials.user(), credentials.password());
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            log.debug("database already closed: {}", e.getMessage());
        }
    }

    static String fileUrl(Path path) {
        return "jdbc:hsqldb:file:" + path + FILE_PROPERTIES;
    }

    static String serverUrl(int port) {
        return "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/" + ALIAS;
    }

    /** Absolute, with the folder's symbolic links resolved: the same string in every process. */
    static Path canonical(Path db) {
        Path absolute = db.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            return parent.toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + parent, e);
        }
    }

    /**
     * Logs in with the account; a database made before accounts were configured (HSQLDB's default
     * {@code SA} with an empty password) is given the account, and {@code SA} a random password.
     */
    private static void ensureAccount(Path path, String fileUrl, DatabaseCredentials credentials) {
        // Said before HSQLDB opens it: it would take the empty history for a new database, refuse the
        // account, and write files of its own over the damaged ones a restore or a diagnosis needs.
        Path emptied = emptiedFile(path);
        if (emptied != null) {
            throw new DatabaseException("The database " + path + " is damaged: its file " + emptied + " is empty."
                    + " Nothing was started: " + whatToDoWhenDamaged(path), null);
        }
        SQLException refused;
        try (Connection c = DriverManager.getConnection(fileUrl, credentials.user(), credentials.password())) {
            return;
        } catch (SQLException e) {
            throwIfLocked(path, e);
            if (!isAuthorizationFailure(e)) {
                throw notOpened(path, e);
            }
            refused = e;
        }
        try (Connection c = DriverManager.getConnection(fileUrl, "SA", ""); Statement s = c.createStatement()) {
            s.execute("CREATE USER \"" + credentials.user().replace("\"", "\"\"") + "\" PASSWORD '"
                    + credentials.password().replace("'", "''") + "' ADMIN");
            s.execute("ALTER USER SA SET PASSWORD '" + randomPassword() + "'");
            log.warn("The database {} still had HSQLDB's default account SA with an empty password: it now has the"
                    + " account '{}' with the password from {}, and SA a random password", path, credentials.user(),
                    credentials.origin());
        } catch (SQLException e) {
            throwIfLocked(path, e);
            throw new DatabaseException("The database " + path + " refused the account '" + credentials.user()
                    + "' with the password from " + credentials.origin() + ". Nothing was started: use the password"
                    + " the database was created with (observatory.db-password or that file). If that is the one, the"
                    + " database's files may be damaged: " + whatToDoWhenDamaged(path), refused, true);
        }
    }

    /**
     * The database's {@code .script} file, the history itself, if it is there but empty (a disk that
     * filled as it was written, a careless edit), or null. (An emptied {@code .properties} is not
     * damage: HSQLDB writes it again.)
     */
    static Path emptiedFile(Path path) {
        Path script = path.resolveSibling(path.getFileName() + ".script");
        try {
            return Files.isRegularFile(script) && Files.size(script) == 0 ? script : null;
        } catch (IOException e) {
            return null; // HSQLDB says more of it when it opens the database
        }
    }

    /**
     * A database HSQLDB could not open. Where reading its files ran out of memory, both causes are
     * named: a damaged file makes it read a length of gigabytes from garbage (with more memory it then
     * fails otherwise), and a database too large for the memory given does the same.
     */
    static DatabaseException notOpened(Path path, SQLException e) {
        if (Causes.find(e, OutOfMemoryError.class) != null) {
            return new DatabaseException("The database " + path + " cannot be opened: reading its files ran out of"
                    + " memory (the program may use " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB). A damaged"
                    + " file does that, and so does a database too large for that memory. Nothing was run. Run once with"
                    + " more memory, e.g. " + HeapAdvice.moreMemory() + ": if the database still cannot be opened, its"
                    + " files are damaged: " + whatToDoWhenDamaged(path), e);
        }
        Matcher script = SCRIPT_LINE.matcher(String.valueOf(e.getMessage()));
        if (script.find()) {
            // Every line of the .script file is SQL that HSQLDB replays to open the database: one it
            // cannot replay is a damaged or hand-edited file, not a run to try again.
            return new DatabaseException("The database " + path + " cannot be opened: line " + script.group(1)
                    + " of its file " + path.resolveSibling(path.getFileName() + ".script") + " cannot be read ("
                    + script.group(2).strip() + "), so the file was damaged or edited. Nothing was run: "
                    + whatToDoWhenDamaged(path), e);
        }
        return new DatabaseException("The database " + path + " cannot be opened (" + e.getMessage()
                + "). Nothing was run. If its files were damaged, " + whatToDoWhenDamaged(path), e);
    }

    /** HSQLDB's words for a line of the .script file it could not replay, the class of its error left out. */
    private static final Pattern SCRIPT_LINE = Pattern.compile(
            "error in script file\\s+line: (\\d+)\\s+(?:\\S+(?:Exception|Error): )?(.+)");

    /** The operator's way out of a damaged database, as the README's "When a run fails" says it. */
    static String whatToDoWhenDamaged(Path path) {
        return "restore all of " + path + ".* from the same backup, or move them aside to start a new run history"
                + " (see \"When a run fails\" in the README).";
    }

    /**
     * The sentence for a database that cannot be opened because its disk is full, or null. HSQLDB
     * reports a lock file it cannot write on a full disk as a failure to take the lock, and a
     * database it could not finish making as one that cannot be opened: neither another process
     * to wait for nor damaged files to restore from a backup.
     */
    public static String diskFull(Path path, Throwable e) {
        for (Throwable t : Causes.of(e)) {
            if (String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("no space left on device")) {
                Path folder = path == null ? null : path.toAbsolutePath().getParent();
                return "The disk holding the database" + (folder == null ? "" : " (" + folder + ")") + " is full:"
                        + " the database could not be opened. Nothing was started: free some space, or move the"
                        + " database with --db, and run again.";
            }
        }
        return null;
    }

    static void throwIfLocked(Path path, SQLException e) {
        String full = diskFull(path, e);
        if (full != null) {
            throw new DatabaseException(full, e);
        }
        for (Throwable t : Causes.of(e)) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            // HSQLDB reports a lock file it cannot even create as a failure to take the lock: a
            // folder that cannot be written, not a process to wait for.
            if (message.contains("read-only file system") || message.contains("permission denied")
                    || message.contains("access is denied")) {
                throw notWritable(path, e);
            }
            if (message.contains("lock acquisition failure") || message.contains("lockfile")) {
                throw new DatabaseBusyException("The database " + path + " is in use by another process: nothing was"
                        + " started; wait for it to end, or keep the scheduler running (--schedule) so that runs can"
                        + " share the database.", e);
            }
        }
    }

    private static DatabaseException notWritable(Path path, Exception e) {
        return new DatabaseException("The database " + path + " cannot be written: its folder is read-only or"
                + " this user may not write there. Nothing was started: give a writable folder with --db, or"
                + " make this one writable.", e, true);
    }

    private static boolean isAuthorizationFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("28");
    }

    private static String randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static Server startServer(Path path, int port) {
        Server server = new Server();
        server.setLogWriter(null); // HSQLDB's own trace goes to stdout otherwise
        server.setErrWriter(null);
        server.setSilent(true);
        server.setTrace(false);
        server.setNoSystemExit(true);
        server.setRestartOnShutdown(false);
        server.setAddress("127.0.0.1");
        server.setPort(port);
        server.setDatabaseName(0, ALIAS);
        server.setDatabasePath(0, "file:" + path + FILE_PROPERTIES);
        server.start();
        if (server.getState() != ServerConstants.SERVER_STATE_ONLINE) {
            Throwable error = server.getServerError();
            server.stop();
            throw new DatabaseException("The scheduler cannot serve the database on 127.0.0.1:" + port + " ("
                    + (error == null ? "the server did not start" : error.getMessage())
                    + "): choose a free port with observatory.db-server-port.", error, true);
        }
        return server;
    }

    /**
     * What answers on the URL: a server that accepts the account and serves this very database, one
     * that refuses the account, one that serves another database, nothing at all, or something else
     * (no answer in time, not such a server). A closed port answers at once; an open one gets a few
     * seconds.
     */
    record Probe(Kind kind, String detail) {
        enum Kind { SERVES, LOGIN_REFUSED, OTHER_DATABASE, NOTHING_LISTENS, NO_ANSWER }
    }

    private static Probe probe(String serverUrl, Path path, DatabaseCredentials credentials,
                               Optional<DatabaseOwner> holder) {
        int port = Integer.parseInt(serverUrl.substring(serverUrl.lastIndexOf(':') + 1, serverUrl.lastIndexOf('/')));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        } catch (IOException nobodyListens) {
            return new Probe(Probe.Kind.NOTHING_LISTENS, ExitCodes.rootMessage(nobodyListens));
        }
        ExecutorService probe = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "db-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<String> served = probe.submit(() -> {
                try (Connection c = DriverManager.getConnection(serverUrl, credentials.user(), credentials.password());
                     Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CALL DATABASE()")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            String database = served.get(CLIENT_PROBE_MILLIS, TimeUnit.MILLISECONDS);
            if (database != null && Path.of(database).toAbsolutePath().normalize().equals(path)) {
                return new Probe(Probe.Kind.SERVES, database);
            }
            log.debug("the server on {} serves {}, not {}", serverUrl, database, path);
            return new Probe(Probe.Kind.OTHER_DATABASE, String.valueOf(database));
        } catch (Exception e) {
            if (holder.isPresent()) {
                log.warn("The scheduler's database server on {} did not accept this run: {}", serverUrl,
                        ExitCodes.rootMessage(e));
            } else {
                log.debug("no usable server on {}: {}", serverUrl, e.toString());
            }
            return new Probe(loginRefused(e) ? Probe.Kind.LOGIN_REFUSED : Probe.Kind.NO_ANSWER,
                    e instanceof java.util.concurrent.TimeoutException ? "no answer within "
                            + CLIENT_PROBE_MILLIS / 1000 + " s" : ExitCodes.rootMessage(e));
        } finally {
            probe.shutdownNow();
        }
    }

    /** The server refused the account or its password (SQL state class 28). */
    private static boolean loginRefused(Throwable e) {
        for (Throwable t : Causes.of(e)) {
            if (t instanceof SQLException sql && isAuthorizationFailure(sql)) {
                return true;
            }
        }
        return false;
    }

    /** Another process holds the database, or runs the same range: exit code {@link ExitCodes#BUSY}. */
    public static final class DatabaseBusyException extends RuntimeException {
        public DatabaseBusyException(String message) {
            super(message);
        }

        public DatabaseBusyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The database cannot be opened or served: exit code {@link ExitCodes#RUN_FAILED}. */
    public static final class DatabaseException extends RuntimeException {
        private final boolean setting;

        public DatabaseException(String message, Throwable cause) {
            this(message, cause, false);
        }

        /** @param setting whether the operator's settings are the cause (exit 2), not a run that may be resumed */
        DatabaseException(String message, Throwable cause, boolean setting) {
            super(message, cause);
            this.setting = setting;
        }

        public boolean setting() {
            return setting;
        }
    }
}

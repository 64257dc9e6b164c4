package ma.observatory.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The operating system's lock on {@code <db>.claim}, taken before this process opens the database
 * files and held until it closes them. The owner file names the holder only once the database is
 * open: in the second before, a second process found no owner, reached HSQLDB's lock and waited
 * there until the first had finished, then ran the same range again, where it should have been
 * refused. The system drops the lock when the process dies, so a killed run leaves no stale claim;
 * the file itself stays (deleting it would let two processes lock two different files).
 */
final class DatabaseClaim implements AutoCloseable {

    /** Claims this process holds: the program opens its database once, a test's contexts several times. */
    private static final Map<Path, DatabaseClaim> HELD = new HashMap<>();

    private final Path db;
    private final FileChannel channel;
    private final FileLock lock;
    private int holders = 1;

    private DatabaseClaim(Path db, FileChannel channel, FileLock lock) {
        this.db = db;
        this.channel = channel;
        this.lock = lock;
    }

    static Path fileOf(Path db) {
        return db.resolveSibling(db.getFileName() + ".claim");
    }

    /**
     * The claim on the database, or empty when another process holds it.
     *
     * @param db the canonical database path, as every process spells it
     * @throws IOException when the claim file cannot be made or opened (a folder that cannot be
     *                     written, a file of another user's, a folder or a link in its place)
     */
    static synchronized Optional<DatabaseClaim> tryTake(Path db) throws IOException {
        DatabaseClaim held = HELD.get(db);
        if (held != null) {
            held.holders++;
            return Optional.of(held);
        }
        // a link in its place is not followed: it would make its target wherever it points
        FileChannel channel = FileChannel.open(fileOf(db), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        // When it was claimed, for a process that finds it held without an owner file (see recent):
        // written through the locked channel, which sets the file's time. Not with
        // Files.setLastModifiedTime, which opens and closes the file, and the system drops a
        // process's lock on a file when it closes any of its descriptors of it.
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("claimed at " + Instant.now() + " by process " + ProcessHandle.current().pid()
                    + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        } catch (IOException | RuntimeException e) {
            // the claim holds without its time: another process may then say "opening" for longer
        }
        DatabaseClaim claim = new DatabaseClaim(db, channel, lock);
        HELD.put(db, claim);
        return Optional.of(claim);
    }

    /**
     * Whether the claim was taken within the last {@value #STARTING_SECONDS} seconds: its holder may
     * still be opening the database (a long log to replay after a crash) and has not written its
     * owner file yet. Its file's modification time is set when it is taken.
     */
    static boolean recent(Path db) {
        try {
            long age = System.currentTimeMillis() - Files.getLastModifiedTime(fileOf(db)).toMillis();
            return age < STARTING_SECONDS * 1000L;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Time a holder is given to open the database and name itself in its owner file. */
    static final int STARTING_SECONDS = 120;

    /**
     * Whether a process of this program holds the claim on the database (this one included): a
     * scheduler holds it for as long as it serves the database, so a server of the database without
     * it was opened by other means. Looked at without taking the claim for more than an instant,
     * and without making the file; when it cannot be told (a file this user may not open), it is
     * taken as held.
     *
     * @param db the canonical database path, as every process spells it
     */
    static synchronized boolean held(Path db) {
        if (HELD.containsKey(db)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(fileOf(db), StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.file.NoSuchFileException none) {
            return false; // no process of this program ever claimed it
        } catch (IOException | RuntimeException cannotTell) {
            return true;
        }
    }

    @Override
    public void close() {
        synchronized (DatabaseClaim.class) {
            if (--holders > 0) {
                return;
            }
            HELD.remove(db);
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock, as the process's end would
            }
        }
    }
}

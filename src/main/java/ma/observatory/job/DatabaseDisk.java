package ma.observatory.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

import org.springframework.core.env.Environment;

/**
 * The free space of the disk holding the database, watched while a run writes. Measured: once
 * that disk is full, HSQLDB drops what it cannot write to its log without an error, and a run
 * would end "completed" with its history and values gone. A run does not start with less than
 * {@code observatory.db-min-free-mb} free, and stops, restartable, when less than a quarter of it
 * is left, while there is still room to record that it failed.
 */
public final class DatabaseDisk {

    private final Path folder;
    private final long minFreeMb;
    private final LongSupplier freeBytes;

    DatabaseDisk(Path folder, long minFreeMb, LongSupplier freeBytes) {
        this.folder = folder;
        this.minFreeMb = minFreeMb;
        this.freeBytes = freeBytes;
    }

    public static DatabaseDisk of(Environment env) {
        Path folder = Path.of(env.getRequiredProperty("observatory.db")).toAbsolutePath().getParent();
        long minFreeMb = Long.parseLong(env.getProperty("observatory.db-min-free-mb", "200"));
        return new DatabaseDisk(folder, minFreeMb, () -> {
            try {
                return Files.getFileStore(folder).getUsableSpace();
            } catch (IOException e) {
                return Long.MAX_VALUE; // not measurable (an odd file system): not a reason to stop
            }
        });
    }

    /** The sentence saying why a run cannot start, or null when there is room for one. */
    public String roomToStart() {
        long freeMb = freeBytes.getAsLong() / (1024 * 1024);
        if (freeMb >= minFreeMb) {
            return null;
        }
        return "Only " + freeMb + " MB are free on the disk holding the database (" + folder + "); a run needs "
                + minFreeMb + " MB (observatory.db-min-free-mb). Nothing was started: free some space, or move the"
                + " database with --db, and run again.";
    }

    /**
     * Called before each commit of a run's work.
     *
     * @throws DiskNearlyFullException when less than a quarter of {@code observatory.db-min-free-mb} is left
     */
    public void ensureRoomToGoOn() {
        long freeMb = freeBytes.getAsLong() / (1024 * 1024);
        if (freeMb < minFreeMb / 4) {
            String disk = "the disk holding the database (" + folder + ")";
            // Something else may have filled the disk since the last commit: "before it filled up" would then be untrue.
            String stopped = freeMb == 0 ? "no room was left on " + disk + ", and the run stopped rather than write to it"
                    : "only " + freeMb + " MB were left on " + disk + ", and the run stopped before the disk filled up";
            throw new DiskNearlyFullException(stopped + ", which would lose its history; free some space");
        }
    }

    /** The disk holding the database is nearly full: the run stops while it can still say so. */
    public static final class DiskNearlyFullException extends RuntimeException {
        DiskNearlyFullException(String message) {
            super(message);
        }
    }
}

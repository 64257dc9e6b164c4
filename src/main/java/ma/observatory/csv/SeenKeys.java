package ma.observatory.csv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Remembers which row keys a file has already used, in 8 bytes per row: a 64-bit hash of the key
 * in an open-addressing table. Two million rows take 32 MB instead of the hundreds a set of
 * strings would; a false "duplicate" would need a 64-bit collision (about 1 in 10 million for a
 * 2-million-row file).
 *
 * <p>Keys are kept in one table per value of their first part (the period, in the count files):
 * files come grouped by period, so the table in use stays small enough for the processor's cache,
 * where one table for the whole file made every row wait for main memory. Past
 * {@link #MAX_GROUPS} distinct first parts, the others share one table.
 *
 * <p>The table in use is kept at most half full, for quick inserts; when the file moves on to
 * another group it is packed to at most three quarters full, and its large array serves the next
 * group. A period of 24,000 rows thus keeps 256 KB instead of 512 KB, and no longer allocates a
 * new 512 KB array: arrays that size are "humongous" to the garbage collector in a 512 MB heap
 * (a whole 1 MB region each, and each such allocation may start a marking cycle), which made the
 * import of 2 million rows hold some 80 MB and start a marking cycle every few periods.
 *
 * <p>A group is packed only the first time the file leaves it. A file whose periods alternate
 * (sorted by place, then period) leaves and meets its groups again every few rows: packing each
 * time, the table went back and forth between three quarters and half full, every key moved at
 * every turn, and the time grew with the square of the rows.
 */
final class SeenKeys {

    /** The hash of a key before its first part. */
    static final long START = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final char PART_END = '\u001F';
    static final int MAX_GROUPS = 4096;

    private final Map<Long, Table> groups = new HashMap<>();
    private final Table shared = new Table();
    private long lastGroup;
    private Table last;
    private int packs;

    /**
     * Adds one part of a key (a column's text, compared without case) to its hash: FNV-1a over
     * the characters, built as the values are read rather than from a joined, lower-cased string.
     */
    static long hashPart(long hash, String part) {
        long h = hash;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c >= 0x80) { // rare: let the JDK fold case, as String.toLowerCase does
                return hashChars(hash, part.toLowerCase(Locale.ROOT));
            }
            h = (h ^ (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)) * PRIME;
        }
        return (h ^ PART_END) * PRIME;
    }

    private static long hashChars(long hash, String lowerCase) {
        long h = hash;
        for (int i = 0; i < lowerCase.length(); i++) {
            h = (h ^ lowerCase.charAt(i)) * PRIME;
        }
        return (h ^ PART_END) * PRIME;
    }

    /**
     * @param firstPartHash the {@link #hashPart} hash of the key's first part alone
     * @param keyHash       the hash of the whole key
     * @return {@code true} if the key was new
     */
    boolean add(long firstPartHash, long keyHash) {
        Table table;
        if (last != null && firstPartHash == lastGroup) {
            table = last;
        } else {
            long[] spare = null;
            if (last != null && last != shared && !last.packed) {
                spare = last.pack();
                packs++;
            }
            table = groups.get(firstPartHash);
            if (table == null) {
                table = groups.size() < MAX_GROUPS ? new Table(spare) : shared;
                if (table != shared) {
                    groups.put(firstPartHash, table);
                }
            }
            last = table;
            lastGroup = firstPartHash;
        }
        long h = keyHash;
        h ^= h >>> 33; // a final mix, so that close keys spread over the table
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return table.add(h == 0 ? 1 : h); // 0 marks an empty slot
    }

    /** How many times a group's table was packed (for tests). */
    int packs() {
        return packs;
    }

    /** An open-addressing set of hashes, at most half full while it is added to. */
    private static final class Table {
        private long[] slots;
        private int size;
        /** Packed once already: the file came back to the group, and may keep doing so. */
        private boolean packed;

        Table() {
            slots = new long[16];
        }

        /**
         * A table for the next group, starting with the array of the group before when that one
         * filled it (groups of a file tend to be alike: a period has as many rows as the one
         * before), so it does not grow from 16 slots by doubling. A small group after it starts
         * small again.
         *
         * @param spare an array of empty slots, or {@code null}
         */
        Table(long[] spare) {
            slots = spare != null ? spare : new long[16];
        }

        /**
         * Moves the hashes into the smallest array that holds them at most three quarters full.
         *
         * @return the array they were in, emptied, when the group filled it at least a quarter
         *         (worth handing to the next group), else {@code null}
         */
        long[] pack() {
            packed = true;
            int length = 16;
            while (length - length / 4 < size) {
                length *= 2;
            }
            if (length >= slots.length) {
                return null;
            }
            long[] old = slots;
            slots = new long[length];
            for (long o : old) {
                if (o != 0) {
                    insert(slots, o);
                }
            }
            if (size * 4 < old.length) {
                return null;
            }
            Arrays.fill(old, 0);
            return old;
        }

        boolean add(long h) {
            if (size * 2 >= slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                for (long o : old) {
                    if (o != 0) {
                        insert(slots, o);
                    }
                }
            }
            if (insert(slots, h)) {
                size++;
                return true;
            }
            return false;
        }

        private static boolean insert(long[] t, long h) {
            int mask = t.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (t[i] != 0) {
                if (t[i] == h) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            t[i] = h;
            return true;
        }
    }
}

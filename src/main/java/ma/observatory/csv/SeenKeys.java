package ma.observatory.csv;

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
            table = groups.get(firstPartHash);
            if (table == null) {
                table = groups.size() < MAX_GROUPS ? new Table(last) : shared;
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

    /** An open-addressing set of hashes, at most half full. */
    private static final class Table {
        private long[] slots;
        private int size;

        Table() {
            slots = new long[16];
        }

        /**
         * A table for the next group, as large as the group before when that one filled its table
         * (groups of a file tend to be alike: a period has as many rows as the one before), so it
         * does not grow from 16 slots by doubling. A small group after it starts small again.
         */
        Table(Table before) {
            slots = new long[before != null && before.size * 4 >= before.slots.length ? before.slots.length : 16];
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

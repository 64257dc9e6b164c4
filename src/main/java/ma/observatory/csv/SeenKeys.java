package ma.observatory.csv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Remembers which row keys a file has already used, and on which line: 12 bytes per key, a 64-bit
 * hash of it and its line (a duplicate is reported with the line it repeats, which a reader of a
 * file of millions of rows could not find otherwise), in open-addressing tables half to three
 * quarters full. Two million rows take 30 to 50 MB instead of the hundreds a set of strings would;
 * a false "duplicate" would need a 64-bit collision (about 1 in 10 million for a 2-million-row
 * file).
 *
 * <p>Keys are kept in one table per value of their first part (the period, in the count files):
 * files come grouped by period, so the table in use stays small enough for the processor's cache,
 * where one table for the whole file made every row wait for main memory. Past
 * {@link #MAX_GROUPS} distinct first parts, the others share one table.
 *
 * <p>The table in use is kept at most half full, for quick inserts; when the file moves on to
 * another group it is packed to at most three quarters full, and its large array serves the next
 * group. A period of 24,000 rows thus keeps 256 KB of hashes instead of 512 KB (and half as much
 * of lines), and no longer allocates a new 512 KB array: arrays that size are "humongous" to the
 * garbage collector in a 512 MB heap (a whole 1 MB region each, and each such allocation may start
 * a marking cycle), which made the import of 2 million rows hold some 80 MB and start a marking
 * cycle every few periods.
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

    /** What {@link #add} returns for a key not seen before. */
    static final long NEW = 0;

    /**
     * @param firstPartHash the {@link #hashPart} hash of the key's first part alone
     * @param keyHash       the hash of the whole key
     * @param line          the line the key is on (from 1)
     * @return {@link #NEW} if the key was new, else the line it first appeared on
     */
    long add(long firstPartHash, long keyHash, long line) {
        Table table;
        if (last != null && firstPartHash == lastGroup) {
            table = last;
        } else {
            Spare spare = null;
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
        // 0 marks an empty slot; a line past an int's range (a file of over two billion lines)
        // is remembered as the largest an int holds rather than wrapped into a wrong one
        return table.add(h == 0 ? 1 : h, (int) Math.min(line, Integer.MAX_VALUE));
    }

    /** How many times a group's table was packed (for tests). */
    int packs() {
        return packs;
    }

    /** An open-addressing map of hashes to lines, at most half full while it is added to. */
    private static final class Table {
        private long[] slots;
        private int[] lines;
        private int size;
        /** Packed once already: the file came back to the group, and may keep doing so. */
        private boolean packed;

        Table() {
            this(null);
        }

        /**
         * A table for the next group, starting with the array of the group before when that one
         * filled it (groups of a file tend to be alike: a period has as many rows as the one
         * before), so it does not grow from 16 slots by doubling. A small group after it starts
         * small again.
         *
         * @param spare the emptied arrays of the group before, or {@code null}
         */
        Table(Spare spare) {
            slots = spare != null ? spare.slots : new long[16];
            lines = spare != null ? spare.lines : new int[16];
        }

        /**
         * Moves the hashes into the smallest array that holds them at most three quarters full.
         *
         * @return the arrays they were in, emptied, when the group filled them at least a quarter
         *         (worth handing to the next group), else {@code null}
         */
        Spare pack() {
            packed = true;
            int length = 16;
            while (length - length / 4 < size) {
                length *= 2;
            }
            if (length >= slots.length) {
                return null;
            }
            long[] oldSlots = slots;
            int[] oldLines = lines;
            rehash(length);
            if (size * 4 < oldSlots.length) {
                return null;
            }
            Arrays.fill(oldSlots, 0);
            return new Spare(oldSlots, oldLines); // lines need no clearing: an empty slot's is never read
        }

        /** @return {@link #NEW}, or the line of the key already there */
        long add(long h, int line) {
            if (size * 2 >= slots.length) {
                rehash(slots.length * 2);
            }
            int mask = slots.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (slots[i] != 0) {
                if (slots[i] == h) {
                    return lines[i];
                }
                i = (i + 1) & mask;
            }
            slots[i] = h;
            lines[i] = line;
            size++;
            return NEW;
        }

        private void rehash(int length) {
            long[] oldSlots = slots;
            int[] oldLines = lines;
            slots = new long[length];
            lines = new int[length];
            int mask = length - 1;
            for (int j = 0; j < oldSlots.length; j++) {
                long h = oldSlots[j];
                if (h != 0) {
                    int i = (int) (h ^ (h >>> 32)) & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = h;
                    lines[i] = oldLines[j];
                }
            }
        }
    }

    /** The emptied arrays of a packed group, for the next group to start with. */
    private record Spare(long[] slots, int[] lines) {
    }
}

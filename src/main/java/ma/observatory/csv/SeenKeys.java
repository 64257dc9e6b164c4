package ma.observatory.csv;

import java.util.Locale;

/**
 * Remembers which row keys a file has already used, in 8 bytes per row: a 64-bit hash of the key
 * in an open-addressing table. Two million rows take 32 MB instead of the hundreds a set of
 * strings would; a false "duplicate" would need a 64-bit collision (about 1 in 10 million for a
 * 2-million-row file).
 */
final class SeenKeys {

    private long[] table = new long[1 << 12];
    private int size;

    /** The hash of a key before its first part. */
    static final long START = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final char PART_END = '\u001F';

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

    /** @return {@code true} if the key (its {@link #hashPart} hash) was new */
    boolean add(long keyHash) {
        long h = keyHash;
        h ^= h >>> 33; // a final mix, so that close keys spread over the table
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        if (h == 0) {
            h = 1; // 0 marks an empty slot
        }
        if (size * 2 >= table.length) {
            grow();
        }
        return insert(table, h);
    }

    private boolean insert(long[] t, long h) {
        int mask = t.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (t[i] != 0) {
            if (t[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        t[i] = h;
        if (t == table) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (long h : old) {
            if (h != 0) {
                insert(table, h);
            }
        }
    }

}

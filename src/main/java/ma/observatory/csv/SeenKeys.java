package ma.observatory.csv;

import java.nio.charset.StandardCharsets;

/**
 * Remembers which row keys a file has already used, in 8 bytes per row: a 64-bit hash of the key
 * in an open-addressing table. Two million rows take 32 MB instead of the hundreds a set of
 * strings would; a false "duplicate" would need a 64-bit collision (about 1 in 10 million for a
 * 2-million-row file).
 */
final class SeenKeys {

    private long[] table = new long[1 << 12];
    private int size;

    /** @return {@code true} if the key was new */
    boolean add(String key) {
        long h = hash(key);
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

    /** FNV-1a over the UTF-8 bytes, then a final mix so that close keys spread over the table. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}

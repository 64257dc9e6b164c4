package ma.observatory.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenKeysTest {

    /** A key as CsvRow hashes it: its parts (the key columns' texts) one after the other. */
    private static long key(String... parts) {
        long h = SeenKeys.START;
        for (String part : parts) {
            h = SeenKeys.hashPart(h, part);
        }
        return h;
    }

    private static long key(int i) {
        return key("2024-Q" + (i % 4 + 1), "MA-" + (i % 12), "urban", Integer.toString(i));
    }

    @Test
    void manyKeysAreAllNewThenAllDuplicates() {
        SeenKeys seen = new SeenKeys();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            assertThat(seen.add(key(i))).as("key %d is new", i).isTrue();
        }
        for (int i = 0; i < n; i++) {
            assertThat(seen.add(key(i))).as("key %d is a duplicate", i).isFalse();
        }
        // the table grew past the duplicates without forgetting anything: new keys are still new
        assertThat(seen.add(key(n))).isTrue();
        assertThat(seen.add(key(n))).isFalse();
    }

    @Test
    void closeKeysAreDifferent() {
        SeenKeys seen = new SeenKeys();
        assertThat(seen.add(key("a", "b"))).isTrue();
        assertThat(seen.add(key("ab", ""))).isTrue();
        assertThat(seen.add(key("", "ab"))).isTrue();
        assertThat(seen.add(key("a", "b"))).isFalse();
        assertThat(seen.add(key())).isTrue();
        assertThat(seen.add(key())).isFalse();
        assertThat(seen.add(key("é"))).isTrue();
        assertThat(seen.add(key("e"))).isTrue();
    }

    @Test
    void keysAreComparedWithoutCaseLikeStringToLowerCase() {
        assertThat(key("2024-q1", "ma-01", "URBAN")).isEqualTo(key("2024-Q1", "MA-01", "urban"));
        assertThat(key("ÉTÉ", "Ω")).isEqualTo(key("été", "ω"));
        // U+0130 lower-cases to two characters ("i" and a combining dot): not the plain "i"
        assertThat(key("\u0130")).isEqualTo(key("i\u0307")).isNotEqualTo(key("i"));
    }
}

package ma.observatory.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenKeysTest {

    private static String key(int i) {
        // shaped like CsvRow's keys: values joined with the unit separator
        return "2024-Q" + (i % 4 + 1) + '\u001F' + "MA-" + (i % 12) + '\u001F' + "urban\u001F" + i + '\u001F';
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
        assertThat(seen.add("a\u001Fb\u001F")).isTrue();
        assertThat(seen.add("ab\u001F\u001F")).isTrue();
        assertThat(seen.add("a\u001Fb\u001F")).isFalse();
        assertThat(seen.add("")).isTrue();
        assertThat(seen.add("")).isFalse();
        assertThat(seen.add("é")).isTrue();
        assertThat(seen.add("e")).isTrue();
    }

    @Test
    void hashSpreadsKeys() {
        assertThat(SeenKeys.hash("a")).isNotEqualTo(SeenKeys.hash("b"));
        assertThat(SeenKeys.hash("a")).isEqualTo(SeenKeys.hash("a"));
    }
}

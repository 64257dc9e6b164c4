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

    private static String[] parts(int i) {
        return new String[] {"2024-Q" + (i % 4 + 1), "MA-" + (i % 12), "urban", Integer.toString(i)};
    }

    /** The line of the next key added: each key is on a line of its own. */
    private long line;

    /** Adds a key the way CsvRow does: grouped by the hash of its first part. */
    private boolean add(SeenKeys seen, String... parts) {
        return seen.add(key(parts[0]), key(parts), ++line) == SeenKeys.NEW;
    }

    @Test
    void aDuplicateGivesTheLineItRepeatsThroughGrowingPackingAndGroupsMetAgain() {
        SeenKeys seen = new SeenKeys();
        int n = 20_000; // a table of 16 slots grows eleven times, then is packed when the file moves on
        for (int i = 0; i < n; i++) {
            assertThat(seen.add(key("2024-Q1"), key("2024-Q1", "MA-" + i), 2 + i)).isEqualTo(SeenKeys.NEW);
        }
        assertThat(seen.add(key("2024-Q2"), key("2024-Q2", "MA-0"), n + 2)).isEqualTo(SeenKeys.NEW);
        // the Q2 table started with Q1's emptied arrays: Q1's lines moved with their keys
        for (int i = 0; i < n; i += 997) {
            assertThat(seen.add(key("2024-Q1"), key("2024-q1", "ma-" + i), 1_000_000))
                    .as("the line of key %d", i).isEqualTo(2 + i);
        }
        assertThat(seen.add(key("2024-Q2"), key("2024-Q2", "MA-0"), n + 3)).isEqualTo(n + 2);
        // a repeated duplicate names the first line, not the duplicate before it
        assertThat(seen.add(key("2024-Q2"), key("2024-Q2", "MA-0"), n + 4)).isEqualTo(n + 2);
    }

    @Test
    void aLinePastAnIntIsRememberedAsTheLargestAnIntHolds() {
        SeenKeys seen = new SeenKeys();
        seen.add(key("p"), key("p", "k"), 5_000_000_000L);
        assertThat(seen.add(key("p"), key("p", "k"), 5_000_000_001L)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void manyKeysAreAllNewThenAllDuplicates() {
        SeenKeys seen = new SeenKeys();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            assertThat(add(seen, parts(i))).as("key %d is new", i).isTrue();
        }
        for (int i = 0; i < n; i++) {
            assertThat(add(seen, parts(i))).as("key %d is a duplicate", i).isFalse();
        }
        // the table grew past the duplicates without forgetting anything: new keys are still new
        assertThat(add(seen, parts(n))).isTrue();
        assertThat(add(seen, parts(n))).isFalse();
    }

    @Test
    void groupsOfAnySizeInFileOrderKeepEveryKey() {
        // a large period, a tiny one, large ones again, as files come: tables start at the size of
        // the group before when it was large, and must still hold every key of every group
        int[] sizes = {30_000, 3, 30_000, 30_000, 1, 5_000};
        SeenKeys seen = new SeenKeys();
        for (int g = 0; g < sizes.length; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                assertThat(add(seen, "period " + g, "MA-01", Integer.toString(i))).isTrue();
            }
        }
        for (int g = 0; g < sizes.length; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                assertThat(add(seen, "period " + g, "MA-01", Integer.toString(i))).isFalse();
            }
            assertThat(add(seen, "period " + g, "MA-01", "new")).isTrue();
        }
    }

    @Test
    void groupsPackedWhenTheFileMovesOnKeepEveryKeyAndCanGrowAgain() {
        // 20,000 keys fill a table of 65,536 slots past a quarter: it is packed into 32,768 and
        // its array, emptied, serves the next group; a packed group met again grows back
        int[] sizes = {20_000, 20_000, 7, 20_000, 20_000};
        SeenKeys seen = new SeenKeys();
        for (int g = 0; g < sizes.length; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                assertThat(add(seen, "period " + g, Integer.toString(i))).isTrue();
            }
        }
        for (int i = 0; i < 30_000; i++) {
            assertThat(add(seen, "period 0", Integer.toString(i))).isEqualTo(i >= sizes[0]);
        }
        for (int g = 1; g < sizes.length; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                assertThat(add(seen, "period " + g, Integer.toString(i))).isFalse();
            }
            assertThat(add(seen, "period " + g, "new")).isTrue();
            assertThat(add(seen, "period " + g, "new")).isFalse();
        }
    }

    @Test
    void groupsMetAgainAndAgainArePackedOnlyTheFirstTimeTheFileLeavesThem() {
        // a file sorted by place, then period: the period (the first part) changes every few rows
        SeenKeys seen = new SeenKeys();
        int periods = 8;
        int places = 5_000;
        for (int place = 0; place < places; place++) {
            for (int p = 0; p < periods; p++) {
                for (int area = 0; area < 2; area++) {
                    assertThat(add(seen, "2024-" + p, "MA-" + place, "area " + area)).isTrue();
                }
            }
        }
        assertThat(seen.packs()).as("each group packed once, not at each of its %d returns", places)
                .isLessThanOrEqualTo(periods);
        for (int p = 0; p < periods; p++) {
            assertThat(add(seen, "2024-" + p, "MA-" + (places - 1), "area 1")).isFalse();
            assertThat(add(seen, "2024-" + p, "MA-" + places, "area 1")).isTrue();
        }
    }

    @Test
    void closeKeysAreDifferent() {
        SeenKeys seen = new SeenKeys();
        assertThat(add(seen, "a", "b")).isTrue();
        assertThat(add(seen, "ab", "")).isTrue();
        assertThat(add(seen, "", "ab")).isTrue();
        assertThat(add(seen, "a", "b")).isFalse();
        assertThat(add(seen, "é")).isTrue();
        assertThat(add(seen, "e")).isTrue();
        assertThat(add(seen, "é")).isFalse();
    }

    @Test
    void keysAreComparedWithoutCaseLikeStringToLowerCase() {
        assertThat(key("2024-q1", "ma-01", "URBAN")).isEqualTo(key("2024-Q1", "MA-01", "urban"));
        assertThat(key("ÉTÉ", "Ω")).isEqualTo(key("été", "ω"));
        // U+0130 lower-cases to two characters ("i" and a combining dot): not the plain "i"
        assertThat(key("\u0130")).isEqualTo(key("i\u0307")).isNotEqualTo(key("i"));
    }

    @Test
    void pastTheLimitOfGroupsKeysShareOneTableAndStillCount() {
        SeenKeys seen = new SeenKeys();
        int groups = SeenKeys.MAX_GROUPS + 500; // one row per first part: the worst case for grouping
        for (int i = 0; i < groups; i++) {
            assertThat(add(seen, "line-" + i, "x")).as("first part %d is new", i).isTrue();
        }
        for (int i = 0; i < groups; i++) {
            assertThat(add(seen, "line-" + i, "x")).as("first part %d seen", i).isFalse();
            assertThat(add(seen, "line-" + i, "y")).as("first part %d, other rest", i).isTrue();
        }
    }

    @Test
    void keysOfAGroupMetAgainAfterOtherGroupsAreStillDuplicates() {
        SeenKeys seen = new SeenKeys();
        assertThat(add(seen, "2024-Q1", "MA-01")).isTrue();
        assertThat(add(seen, "2024-Q2", "MA-01")).isTrue();
        assertThat(add(seen, "2024-Q1", "MA-01")).isFalse(); // the file went back to an earlier period
        assertThat(add(seen, "2024-q1", "ma-01")).isFalse();
    }
}

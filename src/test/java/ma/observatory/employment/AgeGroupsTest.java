package ma.observatory.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class AgeGroupsTest {

    @Test
    void normaliseGivesTheCanonicalSpelling() {
        assertThat(AgeGroups.normalise("15+")).isEqualTo("15+");
        assertThat(AgeGroups.normalise(" 15-24 ")).isEqualTo("15-24");
        assertThat(AgeGroups.normalise("015-024")).isEqualTo("15-24");
        assertThat(AgeGroups.normalise("45+")).isEqualTo("45+");
        assertThat(AgeGroups.normalise("60-60")).isEqualTo("60-60");
    }

    @Test
    void normaliseRefusesWhatIsNotAnAgeGroup() {
        assertThat(AgeGroups.normalise("")).isNull();
        assertThat(AgeGroups.normalise("total")).isNull();
        assertThat(AgeGroups.normalise("24-15")).isNull();
        assertThat(AgeGroups.normalise("15 - 24")).isNull();
        assertThat(AgeGroups.normalise("15-")).isNull();
        assertThat(AgeGroups.normalise("15")).isNull();
        assertThat(AgeGroups.normalise("1000+")).isNull();
    }

    @Test
    void theUsualFourBandsMakeUpAllAges() {
        // 15-24, 25-34, 35-44, 45+ tile 15 and over: 15..24 | 25..34 | 35..44 | 45..
        assertThat(AgeGroups.partitionOfAll(new TreeSet<>(Set.of("15-24", "25-34", "35-44", "45+"))))
                .containsExactly("15-24", "25-34", "35-44", "45+");
    }

    @Test
    void theTotalItselfIsNotOneOfItsParts() {
        assertThat(AgeGroups.partitionOfAll(new TreeSet<>(Set.of("15+", "15-24", "25+"))))
                .containsExactly("15-24", "25+");
        assertThat(AgeGroups.partitionOfAll(List.of("15+"))).isEmpty();
    }

    @Test
    void anIncompleteSetMakesUpNothing() {
        // 25-34 missing: nothing covers 25..34
        assertThat(AgeGroups.partitionOfAll(List.of("15-24", "35-44", "45+"))).isEmpty();
        // no open-ended band: 55 and over is not covered
        assertThat(AgeGroups.partitionOfAll(List.of("15-24", "25-54"))).isEmpty();
        // does not start at 15
        assertThat(AgeGroups.partitionOfAll(List.of("16-24", "25+"))).isEmpty();
        assertThat(AgeGroups.partitionOfAll(List.of())).isEmpty();
    }

    @Test
    void overlappingBandsAreNotAddedTwice() {
        // 15-24 and 15-29 overlap at 15..24; 25-34 and 30-44 at 30..34
        assertThat(AgeGroups.partitionOfAll(new TreeSet<>(Set.of("15-24", "15-29", "25-34", "30-44", "35-44", "45+"))))
                .containsExactly("15-24", "25-34", "35-44", "45+");
        // only overlapping bands: 15-24 then 20-34 starts at 20, not 25, so no tiling
        assertThat(AgeGroups.partitionOfAll(List.of("15-24", "20-34", "35+"))).isEmpty();
        // a dead end is backed out of: 15-29 leads to nothing at 30, 15-24 leads to 25+
        assertThat(AgeGroups.partitionOfAll(List.of("15-29", "15-24", "25+"))).containsExactly("15-24", "25+");
    }

    @Test
    void aBandThatIsNotOneIsIgnoredRatherThanLoopedOn() {
        // "15-14" ends before it starts: taking it would ask for a band starting at 15 again, forever
        assertThat(AgeGroups.partitionOfAll(List.of("15-14", "15-24", "25+"))).containsExactly("15-24", "25+");
        assertThat(AgeGroups.partitionOfAll(List.of("15-14"))).isEmpty();
    }

    @Test
    void overlappingBandsWithoutAnOpenOneAreJudgedAtOnce() {
        // 15-15, 15-16, 16-16, 16-17, … 74-75 and no "N+": no tiling, among some 2^60 ways to try
        List<String> bands = new java.util.ArrayList<>();
        for (int n = 15; n <= 74; n++) {
            bands.add(n + "-" + n);
            bands.add(n + "-" + (n + 1));
        }
        // a guard against the run that never ended, not a measure of speed
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> assertThat(AgeGroups.partitionOfAll(bands)).isEmpty());
        bands.add("75+");
        bands.add("76+");
        assertThat(AgeGroups.partitionOfAll(bands)).startsWith("15-15").endsWith("75+");
    }
}

package ma.observatory.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrenchTypographyTest {

    @Test
    void aSpaceBeforeAHighMarkOrAfterAnOpeningGuillemetCannotBreak() {
        assertThat(FrenchTypography.spaced("Période couverte : {0} ; taux de 0,5 % « en cours » ? oui !"))
                .isEqualTo("Période couverte\u202f: {0}\u202f; taux de 0,5\u202f% «\u202fen cours\u202f»\u202f? oui\u202f!");
    }

    @Test
    void otherSpacesAndMarksWithoutASpaceAreLeftAlone() {
        assertThat(FrenchTypography.spaced("voir https://www.hcp.ma/x?y=1 (T3 2025): fin"))
                .isEqualTo("voir https://www.hcp.ma/x?y=1 (T3 2025): fin");
        assertThat(FrenchTypography.spaced("")).isEmpty();
    }
}

package ma.observatory.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetSafeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "=HYPERLINK(\"http://evil.example\",\"x\")", "+212 522", "-Ambiguous", "-5",
            "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "=", "+", "-", "@", "\t", "\r"})
    void activeStartGetsASingleQuote(String text) {
        assertThat(SpreadsheetSafeText.neutralise(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HCP", "Enquête nationale", " =1+1", "a=b", "1+1", "'=1+1", "\n=1+1", "１+1",
            "\uFF1D1+1", "http://example.org", "2024-Q1", "15+"})
    void otherTextIsLeftAlone(String text) {
        assertThat(SpreadsheetSafeText.neutralise(text)).isSameAs(text);
    }

    @Test
    void emptyAndNullAreLeftAlone() {
        assertThat(SpreadsheetSafeText.neutralise("")).isEmpty();
        assertThat(SpreadsheetSafeText.neutralise(null)).isNull();
    }

    @Test
    void onlyTheFirstCharacterCounts() {
        assertThat(SpreadsheetSafeText.neutralise("==1")).isEqualTo("'==1");
        assertThat(SpreadsheetSafeText.neutralise("x=1+1")).isEqualTo("x=1+1");
    }
}

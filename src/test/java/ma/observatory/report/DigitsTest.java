package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitsTest {

    @Test
    void theNoiseOfADifferenceGoesAndItsDigitsStay() {
        double change = 13.0 - 13.3; // -0.3000000000000007
        assertThat(Double.toString(Digits.significant(change))).isEqualTo("-0.3");
        assertThat(Double.toString(Digits.significant(20.5 - 19.4))).isEqualTo("1.1");
        assertThat(Double.toString(Digits.significant(9.799999999999999))).isEqualTo("9.8");
        // a rate keeps twelve digits: 55 / 510 = 10.78431372549…
        assertThat(Digits.significant(100.0 * 55 / 510)).isEqualTo(10.7843137255);
        assertThat(Digits.significant(53_546_325.97412)).isEqualTo(53_546_325.9741);
        assertThat(Digits.significant(0.000123456789012345)).isEqualTo(0.000123456789012);
    }

    @Test
    void wholeNumbersAndWhatCannotBeRoundedAreKept() {
        assertThat(Digits.significant(148_500)).isEqualTo(148_500);
        assertThat(Digits.significant(-157)).isEqualTo(-157);
        assertThat(Digits.significant(0)).isEqualTo(0);
        assertThat(Digits.significant(1.5e300)).isEqualTo(1.5e300);
        assertThat(Digits.significant(1.234567890123456e-30)).isEqualTo(1.234567890123456e-30);
        assertThat(Digits.significant(Double.NaN)).isNaN();
    }

    @Test
    void aCellHoldsTheRoundedFigure() {
        assertThat(((CellValue.Number) CellValue.number(13.0 - 13.3)).value()).isEqualTo(-0.3);
        assertThat(((CellValue.Number) CellValue.number(13.0 - 13.3, NumberStyle.CHANGE)).value()).isEqualTo(-0.3);
    }
}

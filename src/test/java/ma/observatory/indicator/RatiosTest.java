package ma.observatory.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatiosTest {

    @Test
    void percentIsTheRatioTimesAHundred() {
        // 70 / 400 = 0.175
        assertThat(Ratios.percent(70.0, 400.0)).isCloseTo(17.5, within(1e-12));
        assertThat(Ratios.percent(0.0, 400.0)).isEqualTo(0.0);
        // 1 / 3 = 0.33333...
        assertThat(Ratios.percent(1.0, 3.0)).isCloseTo(33.333333, within(1e-6));
    }

    @Test
    void percentIsNotAvailableWithoutBothTermsOrWithAZeroDenominator() {
        assertThat(Ratios.percent(null, 400.0)).isNull();
        assertThat(Ratios.percent(70.0, null)).isNull();
        assertThat(Ratios.percent(70.0, 0.0)).isNull();
        assertThat(Ratios.percent(0.0, 0.0)).isNull();
        assertThat(Ratios.percent(70.0, -0.0)).isNull();
    }

    @Test
    void differenceIsAMinusB() {
        // 12.5 - 10.0 = 2.5 points
        assertThat(Ratios.difference(12.5, 10.0)).isEqualTo(2.5);
        assertThat(Ratios.difference(10.0, 12.5)).isEqualTo(-2.5);
        assertThat(Ratios.difference(null, 1.0)).isNull();
        assertThat(Ratios.difference(1.0, null)).isNull();
        assertThat(Ratios.difference(0.0, 0.0)).isEqualTo(0.0);
    }

    @Test
    void theDifferenceOfTwoWrittenDecimalsIsTheDecimalAReaderWorksOut() {
        // in binary 50.9 - 50.0 = 0.8999999999999986 and 13.0 - 13.3 = -0.3000000000000007
        assertThat(50.9 - 50.0).isNotEqualTo(0.9);
        assertThat(Ratios.minus(50.9, 50.0)).isEqualTo(0.9);
        assertThat(Ratios.minus(13.0, 13.3)).isEqualTo(-0.3);
        // net job creation in thousands: 10,770.3 - 10,746.1 = 24.2, not 24.19999999999891
        assertThat(Ratios.difference(10770.3, 10746.1)).isEqualTo(24.2);
        // two and six places, and counts in thousands with one decimal
        assertThat(Ratios.minus(1.15, 1.1)).isEqualTo(0.05);
        assertThat(Ratios.minus(0.123457, 0.000001)).isEqualTo(0.123456);
        assertThat(Ratios.minus(78180.4, 78180.3)).isEqualTo(0.1);
        assertThat(Ratios.minus(17_400_000.0, 14_500_000.0)).isEqualTo(2_900_000.0);
        assertThat(Ratios.minus(12.3, 12.3)).isEqualTo(0.0);
    }

    @Test
    void aFigureOfFullPrecisionIsSubtractedAsItIs() {
        double computed = 100.0 * 1508.0 / 12278.0; // 12.282130640169409...
        assertThat(Ratios.minus(computed, 12.3)).isEqualTo(computed - 12.3);
        assertThat(Ratios.minus(0.1 + 0.2, 0.1)).isEqualTo(0.1 + 0.2 - 0.1);
        // seven places: beyond what a figure is taken to be written with
        assertThat(Ratios.minus(0.1234568, 0.0000003)).isEqualTo(0.12345650000000001);
        // too large for the decimals to be exact: as it is
        assertThat(Ratios.minus(9.0e15, 1.5)).isEqualTo(9.0e15 - 1.5);
    }

    @Test
    void percentChangeIsRelativeToTheEarlierValue() {
        // (110 - 100) / 100 = +10 %
        assertThat(Ratios.percentChange(110.0, 100.0)).isCloseTo(10.0, within(1e-12));
        // (75 - 100) / 100 = -25 %
        assertThat(Ratios.percentChange(75.0, 100.0)).isCloseTo(-25.0, within(1e-12));
        assertThat(Ratios.percentChange(0.0, 100.0)).isCloseTo(-100.0, within(1e-12));
    }

    @Test
    void percentChangeIsNotAvailableFromZeroOrMissing() {
        assertThat(Ratios.percentChange(10.0, 0.0)).isNull();
        assertThat(Ratios.percentChange(null, 100.0)).isNull();
        assertThat(Ratios.percentChange(100.0, null)).isNull();
    }

    @Test
    void cagrIsTheYearlyRateThatCompoundsStartIntoEnd() {
        // 100 -> 121 over 2 years: sqrt(1.21) = 1.1, so +10 % a year
        assertThat(Ratios.cagrPercent(100.0, 121.0, 2)).isCloseTo(10.0, within(1e-9));
        // 100 -> 200 over 1 year: +100 %
        assertThat(Ratios.cagrPercent(100.0, 200.0, 1)).isCloseTo(100.0, within(1e-9));
        // 200 -> 50 over 2 years: sqrt(0.25) = 0.5, so -50 % a year
        assertThat(Ratios.cagrPercent(200.0, 50.0, 2)).isCloseTo(-50.0, within(1e-9));
        // flat: 0 %
        assertThat(Ratios.cagrPercent(100.0, 100.0, 3)).isCloseTo(0.0, within(1e-12));
        // down to nothing: -100 %
        assertThat(Ratios.cagrPercent(100.0, 0.0, 4)).isCloseTo(-100.0, within(1e-12));
        // half a year: (1.21)^(1/0.5) = 1.4641, +46.41 %
        assertThat(Ratios.cagrPercent(100.0, 121.0, 0.5)).isCloseTo(46.41, within(1e-9));
    }

    @Test
    void cagrIsNotAvailableFromAZeroOrNegativeStartOrOverNoTime() {
        assertThat(Ratios.cagrPercent(0.0, 121.0, 2)).isNull();
        assertThat(Ratios.cagrPercent(-5.0, 121.0, 2)).isNull();
        assertThat(Ratios.cagrPercent(100.0, -1.0, 2)).isNull();
        assertThat(Ratios.cagrPercent(100.0, 121.0, 0)).isNull();
        assertThat(Ratios.cagrPercent(100.0, 121.0, -1)).isNull();
        assertThat(Ratios.cagrPercent(null, 121.0, 2)).isNull();
        assertThat(Ratios.cagrPercent(100.0, null, 2)).isNull();
    }
}

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

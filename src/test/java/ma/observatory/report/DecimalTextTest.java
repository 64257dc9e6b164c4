package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

    private static String text(double value) {
        byte[] out = new byte[DecimalText.MAX_LENGTH + 4];
        int end = DecimalText.put(value, out, 2);
        assertThat(end - 2).isLessThanOrEqualTo(DecimalText.MAX_LENGTH);
        return new String(out, 2, end - 2, StandardCharsets.US_ASCII);
    }

    /** Significant digits of a decimal text, without sign, point, exponent or leading and trailing zeros. */
    private static int significantDigits(String decimal) {
        return new BigDecimal(decimal).stripTrailingZeros().precision();
    }

    private static void assertReadsBackExactly(double value) {
        String t = text(value);
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(t)))
                .as("%s written as %s", Double.toString(value), t)
                .isEqualTo(Double.doubleToRawLongBits(value));
        assertThat(t).matches("-?(0|[1-9]\\d*)(\\.\\d*[1-9])?(E-?[1-9]\\d*)?|-?0\\.0*[1-9]\\d*");
    }

    @Test
    void writesWhatAnEconomistWouldType() {
        assertThat(text(2418.547)).isEqualTo("2418.547");
        assertThat(text(4814.901000000001)).isEqualTo("4814.901000000001");
        assertThat(text(16.4)).isEqualTo("16.4");
        assertThat(text(-0.7)).isEqualTo("-0.7");
        assertThat(text(1200000)).isEqualTo("1200000");
        assertThat(text(17.5e6)).isEqualTo("17500000");
        assertThat(text(0.000125)).isEqualTo("0.000125");
        assertThat(text(1e-5)).isEqualTo("0.00001");
        assertThat(text(1.25e-7)).isEqualTo("1.25E-7");
        assertThat(text(1e21)).isEqualTo("1E21");
        assertThat(text(1e20)).isEqualTo("100000000000000000000");
        assertThat(text(0.0)).isEqualTo("0");
        assertThat(text(-0.0)).isEqualTo("-0");
        assertThat(text(100.0 * 9 / 41)).isEqualTo(Double.toString(100.0 * 9 / 41));
    }

    @Test
    void extremesReadBackExactly() {
        double[] values = {Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
            Double.MAX_VALUE, -Double.MAX_VALUE, Math.nextUp(1.0), Math.nextDown(1.0), 1.0, 2.0, 0.1, 0.2, 0.3,
            1.0 / 3, 2.0 / 3, 5e-324, 9007199254740993.0, 9007199254740992.0, 4.35, 1e23, 8.41e21, 5e-310,
            123456789012345678.0, 0.1 + 0.2, 2.2250738585072014E-308, 1.7976931348623157E308};
        for (double v : values) {
            assertReadsBackExactly(v);
        }
        for (int exponent = -1074; exponent <= 1023; exponent++) { // every power of two, and beside it
            double p = Math.scalb(1.0, exponent);
            assertReadsBackExactly(p);
            assertReadsBackExactly(Math.nextUp(p));
            assertReadsBackExactly(Math.nextDown(p));
        }
        for (int k = -323; k <= 308; k++) { // every power of ten
            assertReadsBackExactly(Double.parseDouble("1e" + k));
        }
    }

    /**
     * A million values of every kind the workbook holds (sums of three-decimal figures, ratios of
     * sums in percent, differences of rates) and a million of any bit pattern: each reads back as
     * the same double, in at most 17 significant digits, and is longer than Java's own text rarely
     * (when Grisu2's narrower interval misses the shortest text, it gives up to 17 digits).
     */
    @Test
    void randomValuesReadBackExactlyAndShort() {
        SplittableRandom random = new SplittableRandom(20261129);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 250_000; i++) {
            double sum = 0;
            for (int n = random.nextInt(1, 40); n > 0; n--) {
                sum += random.nextInt(0, 3_000_000) / 1000.0;
            }
            double part = sum * random.nextDouble();
            values.add(sum);
            values.add(100 * part / sum);
            values.add(100 * part / sum - 100 * random.nextDouble());
            values.add(random.nextInt(-1_000_000, 1_000_000) / 10.0);
        }
        for (int i = 0; i < 1_000_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                values.add(v);
            }
        }
        int longer = 0;
        for (double v : values) {
            assertReadsBackExactly(v);
            int ours = significantDigits(text(v));
            int java = significantDigits(Double.toString(v));
            assertThat(ours).as("%s", Double.toString(v)).isLessThanOrEqualTo(17);
            if (ours > java) {
                longer++;
            }
        }
        assertThat(longer).as("values written longer than Java's").isLessThan(values.size() / 500);
        System.out.printf("DecimalTextTest: %d of %d values longer than Java's text%n", longer, values.size());
    }
}

package ma.observatory.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {

    private final NumberParser point = new NumberParser(false);
    private final NumberParser comma = new NumberParser(true);

    @Test
    void plainDecimalPoint() {
        assertThat(point.parse("1234.5")).isEqualTo(1234.5);
        assertThat(point.parse("0")).isEqualTo(0.0);
        assertThat(point.parse("+7")).isEqualTo(7.0);
        assertThat(point.parse("-3.25")).isEqualTo(-3.25); // sign is the caller's business (CsvRow.number)
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(point.parse(" 12 ")).isEqualTo(12.0);
        assertThat(point.parse("\t12\t")).isEqualTo(12.0);
    }

    @Test
    void emptyOrNullIsNotAvailable() {
        assertThat(point.parse("")).isNull();
        assertThat(point.parse("   ")).isNull();
        assertThat(point.parse(null)).isNull();
        assertThat(comma.parse("")).isNull();
    }

    @Test
    void negativeZeroFoldsIntoPositiveZero() {
        Double v = point.parse("-0");
        // Double.equals tells 0.0 from -0.0, so this fails for a negative zero
        assertThat(v).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(v)).isZero();
        assertThat(point.parse("-0.000")).isEqualTo(0.0);
        assertThat(comma.parse("-0,0")).isEqualTo(0.0);
    }

    @Test
    void decimalCommaOnlyWhenTheDialectSaysSo() {
        assertThat(comma.parse("1,5")).isEqualTo(1.5);
        assertThat(comma.parse("1.5")).isEqualTo(1.5); // a point is still understood
        assertThatThrownBy(() -> point.parse("1,5")).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("decimal point");
    }

    @Test
    void thousandsSeparatorsAsSpaces() {
        assertThat(comma.parse("1 234,5")).isEqualTo(1234.5);        // normal space
        assertThat(comma.parse("1\u00A0234,5")).isEqualTo(1234.5);   // no-break space
        assertThat(comma.parse("1\u202F234,5")).isEqualTo(1234.5);   // narrow no-break space (JDK 17 CLDR)
        assertThat(comma.parse("12 345 678,25")).isEqualTo(12345678.25);
        assertThat(point.parse("1 234.5")).isEqualTo(1234.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 23", "12 34,5", "1  234", "1 2345", " 1 234 5"})
    void spacesOnlyBetweenGroupsOfThree(String s) {
        assertThatThrownBy(() -> comma.parse(s)).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("groups of three");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234", "12.345", "-945.300", "+1.000"})
    void aPointBeforeThreeDigitsInAFileOfDecimalCommasIsAmbiguous(String s) {
        // 1.234 there is 1 234 as often as 1,234: read as 1.234, a count would be a thousand times too small
        assertThatThrownBy(() -> comma.parse(s)).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("ambiguous in a file of decimal commas");
        assertThat(point.parse(s.replace(" ", ""))).as("in a file of decimal points it is a decimal")
                .isEqualTo(Double.parseDouble(s.replace(" ", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.125", "12.5", "12.34", "1234.567", "1.2345", "-0.500"})
    void aPointThatCannotGroupThousandsIsADecimalInAFileOfDecimalCommas(String s) {
        assertThat(comma.parse(s)).isEqualTo(Double.parseDouble(s));
    }

    @Test
    void pointAsThousandsSeparatorIsRejected() {
        assertThatThrownBy(() -> comma.parse("1.234,5")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> point.parse("1,234.5")).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,5abc", "12a", "abc", "NaN", "Infinity", "-Infinity", "1e3", "1E3", "1e400",
            "0x1F", "1.", ".5", ",5", "1..2", "1,2,3", "--1", "+-1", "1-", "12 %", "€12", "12d", "12f", "١٢"})
    void rejectsAnythingButAPlainNumber(String s) {
        assertThatThrownBy(() -> comma.parse(s)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> point.parse(s)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void veryLongDigitStrings() {
        // fifteen digits are kept exactly, past them a double holds the figure only rounded
        assertThat(point.parse("999999999999999")).isEqualTo(999_999_999_999_999.0);
        assertThat(comma.parse("999 999 999 999 999,25")).isEqualTo(999_999_999_999_999.25);
        assertThat(point.parse("0." + "0".repeat(50) + "1")).isEqualTo(1e-51);
        assertThat(point.parse("0".repeat(1000) + "42")).isEqualTo(42.0);
        assertThat(point.parse("3.14159265358979323846")).isEqualTo(Math.PI); // decimals past 15 are rounding
        for (String tooLong : List.of("9223372036854775808", "1000000000000000", "-1000000000000000.5",
                "123456789012345678901234567890", "9".repeat(400), "1" + "0".repeat(100_000))) {
            assertThatThrownBy(() -> point.parse(tooLong)).as(tooLong.length() + " characters")
                    .isInstanceOf(NumberParser.NotANumber.class)
                    .hasMessage("has more than 15 digits before the decimal mark: so large a figure is kept only"
                            + " rounded, here as in Excel, and no figure of the labour market is that large; check"
                            + " the file's unit and separators");
        }
        assertThatThrownBy(() -> comma.parse("1 000 000 000 000 000")).isInstanceOf(NumberParser.NotANumber.class);
    }

    @Test
    void theDecimalsTypedAreCountedAfterEitherSeparatorNotInTheThousands() {
        assertThat(NumberParser.decimalsTyped("14")).isZero();
        assertThat(NumberParser.decimalsTyped(" -13.8 ")).isEqualTo(1);
        assertThat(NumberParser.decimalsTyped("13,80")).isEqualTo(2);
        assertThat(NumberParser.decimalsTyped("10 770")).isZero();
        assertThat(NumberParser.decimalsTyped("1\u00A0234,5")).isEqualTo(1);
    }

    /**
     * Plain decimals take a fast path (no regular expression, no BigDecimal); it must give the very
     * double that the full rules give, digit for digit, with either separator.
     */
    @net.jqwik.api.Property(tries = 2000)
    void theFastPathGivesWhatBigDecimalGives(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.StringLength(min = 1, max = 9)
            @net.jqwik.api.constraints.NumericChars String whole,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.StringLength(max = 9)
            @net.jqwik.api.constraints.NumericChars String decimals,
            @net.jqwik.api.ForAll boolean negative) {
        String text = (negative ? "-" : "") + whole + (decimals.isEmpty() ? "" : "." + decimals);
        double expected = new java.math.BigDecimal(text).doubleValue();
        expected = expected == 0.0 ? 0.0 : expected;
        assertThat(point.parse(text)).isEqualTo(expected);
        assertThat(comma.parse(text.replace('.', ','))).isEqualTo(expected);
    }
}

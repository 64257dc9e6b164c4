package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The widths columns are sized with are those of the text POI's formatter would show. */
class DisplayWidthTest {

    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    @ParameterizedTest
    @EnumSource(value = NumberStyle.class, names = {"TEXT", "PARAGRAPH", "YES_NO", "DATE", "DATE_TIME"},
            mode = EnumSource.Mode.EXCLUDE)
    void sameLengthAsTheFormattedText(NumberStyle style) {
        for (double v : numbers()) {
            String shown = formatter.formatRawCellContents(v, 200, style.excelFormat());
            assertThat(DisplayWidth.of(v, style)).as("%s in %s shown as '%s'", v, style, shown)
                    .isEqualTo(shown.length());
        }
    }

    @ParameterizedTest
    @EnumSource(value = NumberStyle.class, names = {"TEXT", "PARAGRAPH", "YES_NO", "DATE", "DATE_TIME"})
    void textAndWhatTheLanguageWritesAreLeftToTheFormatter(NumberStyle style) {
        assertThat(DisplayWidth.of(12.5, style)).isEqualTo(-1);
    }

    /** Edges of rounding and grouping, both signs, and a spread of magnitudes. */
    private static List<Double> numbers() {
        List<Double> numbers = new ArrayList<>(List.of(0.0, -0.0, 0.04, 0.05, -0.04, -0.05, 0.5, -0.5, 0.45, 1.0,
                9.95, 9.949, 99.95, 999.4, 999.5, 999.95, 1_000.0, 9_999.5, 123_456.789, -123_456.789, 0.0005,
                0.00049, 1.2345, 1.0005, 2.05, 1e9, -1e9 - 0.5, 2020.0, 17.5e6, 1234567.891));
        Random random = new Random(7);
        for (int i = 0; i < 3_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(12) - 4);
            double v = random.nextDouble() * magnitude * (random.nextBoolean() ? 1 : -1);
            numbers.add(v);
            numbers.add(Math.round(v * 1000) / 1000.0 + 0.0005); // on a rounding edge, as near as a double gets
        }
        return numbers;
    }
}

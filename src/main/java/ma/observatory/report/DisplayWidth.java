package ma.observatory.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How many characters a number takes once Excel shows it in one of the {@link NumberStyle}
 * formats, for sizing columns. The same count POI's {@code DataFormatter} gives (15 significant
 * digits, then half up on the number as Java writes it: 9.95 shows as 10.0), without formatting
 * the text: that formatter, used only to size columns, was among the costliest code for the JIT
 * to compile in a run.
 */
final class DisplayWidth {

    /** Excel, and POI after it, shows at most 15 significant digits before applying the format. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_UP);

    private DisplayWidth() {
    }

    /**
     * The length of the shown text, or -1 for a style this class leaves to the formatter ({@code TEXT}:
     * a number in a text column is shown in Excel's general format; {@code YES_NO}, {@code DATE}
     * and {@code DATE_TIME}: words or figures whose length depends on the workbook's language).
     */
    static int of(double value, NumberStyle style) {
        return switch (style) {
            case INTEGER -> signed(value, 0, true, 0);
            case YEAR -> signed(value, 0, false, 0);
            case DECIMAL -> signed(value, 1, true, 1);
            case PRECISE -> signed(value, 3, true, 1);
            // "+0.0;-0.0;0.0": a sign on both sides of zero, no sign and no grouping at zero itself
            case CHANGE -> value == 0 ? 3 : 1 + digits(value, 1, false, 1);
            case CHANGE_WHOLE -> value == 0 ? 1 : 1 + digits(value, 0, false, 0);
            case TEXT, PARAGRAPH, YES_NO, DATE, DATE_TIME -> -1;
        };
    }

    private static int signed(double value, int maxDecimals, boolean grouped, int minDecimals) {
        return (value < 0 ? 1 : 0) + digits(value, maxDecimals, grouped, minDecimals);
    }

    /** Digits, group separators and decimal point of |value| rounded half up to maxDecimals. */
    private static int digits(double value, int maxDecimals, boolean grouped, int minDecimals) {
        BigDecimal rounded = BigDecimal.valueOf(Math.abs(value)).round(EXCEL_PRECISION)
                .setScale(maxDecimals, RoundingMode.HALF_UP);
        int decimals = maxDecimals;
        if (maxDecimals > minDecimals) {
            decimals = Math.max(minDecimals, rounded.stripTrailingZeros().scale());
        }
        int integerDigits = Math.max(1, rounded.precision() - rounded.scale());
        int separators = grouped ? (integerDigits - 1) / 3 : 0;
        return integerDigits + separators + (decimals > 0 ? 1 + decimals : 0);
    }
}

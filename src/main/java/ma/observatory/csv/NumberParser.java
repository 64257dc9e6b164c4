package ma.observatory.csv;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Strict number parsing. {@code NumberFormat} is not used on purpose: with the French locale it
 * parses "1 234,5" as 1 and "12,5abc" as 12.5 without complaint. Here a number is digits with at
 * most one decimal separator; spaces (plain, no-break, narrow no-break) are accepted as thousands
 * separators, nothing else is.
 */
public final class NumberParser {

    private static final Pattern POINT = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private static final Pattern POINT_OR_COMMA = Pattern.compile("[-+]?\\d+([.,]\\d+)?");
    /**
     * In a file of decimal commas, a point before three digits, as in 1.234: where commas mark the
     * decimals, a point more often groups thousands (1.234 for 1 234) than it marks decimals, and
     * read as 1.234 the count would be a thousand times too small.
     */
    private static final Pattern POINT_BEFORE_THOUSANDS = Pattern.compile("[-+]?[1-9]\\d{0,2}\\.\\d{3}");

    private final boolean decimalComma;

    public NumberParser(boolean decimalComma) {
        this.decimalComma = decimalComma;
    }

    /** A cell that is not a number, with the reason to show (in English as its message). */
    public static final class NotANumber extends NumberFormatException {
        private final transient Reason reason;

        NotANumber(Reason reason) {
            super(reason.english());
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * @return the value, or {@code null} for an empty cell (not available)
     * @throws NotANumber with the reason in words
     */
    public Double parse(String raw) {
        if (raw == null) {
            return null;
        }
        double plain = plainDecimal(raw);
        if (!Double.isNaN(plain)) {
            return plain;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        String compact = s.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (compact.length() != s.length() && !s.matches("[-+]?\\d{1,3}([ \u00A0\u202F]\\d{3})*([.,]\\d+)?")) {
            throw new NotANumber(Reason.of("number.spaces"));
        }
        if (!(decimalComma ? POINT_OR_COMMA : POINT).matcher(compact).matches()) {
            throw new NotANumber(Reason.of(decimalComma ? "number.invalid.comma" : "number.invalid.point"));
        }
        if (decimalComma && POINT_BEFORE_THOUSANDS.matcher(compact).matches()) {
            throw new NotANumber(Reason.of("number.point-or-thousands"));
        }
        // Past 15 digits a double, and Excel, keep the figure only rounded (9223372036854775808
        // shown as 9223372036854776000): it would be changed without a word, and no figure of the
        // labour market is that large but by a wrong unit or a separator lost.
        if (wholeDigits(compact) > MAX_PLAIN_DIGITS) {
            throw new NotANumber(Reason.of("number.too-large", MAX_PLAIN_DIGITS));
        }
        double value = new BigDecimal(compact.replace(',', '.')).doubleValue();
        return value == 0.0 ? 0.0 : value; // folds -0 into 0
    }

    /**
     * How many digits follow the decimal separator of a number as typed: 0 for "14", 1 for "13.8"
     * or "13,8". A published figure is only as precise as its last digit.
     *
     * @param raw a cell {@link #parse} accepted
     */
    public static int decimalsTyped(String raw) {
        String s = raw.strip();
        int separator = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
        return separator < 0 ? 0 : s.length() - separator - 1;
    }

    /** The digits before the decimal separator of a number the rules accepted, leading zeros left out. */
    private static int wholeDigits(String compact) {
        int digits = 0;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (c == '.' || c == ',') {
                break;
            }
            if (c >= '1' && c <= '9' || c == '0' && digits > 0) {
                digits++;
            }
        }
        return digits;
    }

    /** 10^0 .. 10^15, each exactly representable as a double. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};
    private static final int MAX_PLAIN_DIGITS = 15;

    /**
     * The common case, at a few nanoseconds instead of a regular expression and a BigDecimal per
     * value: an optional sign, digits, at most one decimal separator followed by digits, at most
     * 15 digits in all. Mantissa and power of ten are then exact doubles and IEEE division rounds
     * correctly, so the result is the very double {@code BigDecimal.doubleValue()} gives.
     *
     * @return the value, or NaN when the text is not of that simple form (the full rules decide)
     */
    private double plainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_PLAIN_DIGITS + 2) {
            return Double.NaN;
        }
        int i = 0;
        boolean negative = false;
        char first = s.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = -1; // -1 until the separator
        char separator = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (decimals >= 0) {
                    decimals++;
                }
            } else if ((c == '.' || c == ',' && decimalComma) && decimals < 0 && digits > 0) {
                decimals = 0;
                separator = c;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || decimals == 0 || digits > MAX_PLAIN_DIGITS) {
            return Double.NaN;
        }
        if (separator == '.' && decimalComma && decimals == 3 && digits <= 6) {
            return Double.NaN; // perhaps thousands grouped by a point: the full rules decide
        }
        double value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
        return negative && value != 0.0 ? -value : value;
    }
}

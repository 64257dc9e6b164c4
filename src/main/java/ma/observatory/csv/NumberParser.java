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

    private final boolean decimalComma;

    public NumberParser(boolean decimalComma) {
        this.decimalComma = decimalComma;
    }

    /**
     * @return the value, or {@code null} for an empty cell (not available)
     * @throws NumberFormatException with the reason in words
     */
    public Double parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        String compact = s.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (compact.length() != s.length() && !s.matches("[-+]?\\d{1,3}([ \u00A0\u202F]\\d{3})*([.,]\\d+)?")) {
            throw new NumberFormatException("spaces are only allowed between groups of three digits");
        }
        if (!(decimalComma ? POINT_OR_COMMA : POINT).matcher(compact).matches()) {
            throw new NumberFormatException(decimalComma
                    ? "not a number (expected digits with an optional decimal comma, e.g. 1234,5)"
                    : "not a number (expected digits with an optional decimal point, e.g. 1234.5)");
        }
        double value = new BigDecimal(compact.replace(',', '.')).doubleValue();
        if (Double.isInfinite(value)) {
            throw new NumberFormatException("number too large");
        }
        return value == 0.0 ? 0.0 : value; // folds -0 into 0
    }
}

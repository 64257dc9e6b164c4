package ma.observatory.csv;

/**
 * Text for a CSV file the job writes (a bad-rows report, an export), made safe to open in a
 * spreadsheet. Excel, LibreOffice and Google Sheets run a cell that starts with {@code =}, {@code +},
 * {@code -} or {@code @} as a formula, and a leading TAB or CR can hide such a start; input text such
 * as a source {@code =HYPERLINK("http://…")} or a client {@code -Ambiguous} would become active.
 * As OWASP recommends (CSV Injection; ASVS 5.0 V1.2.10), such text is prefixed with a single quote,
 * which spreadsheet users know as "this is text" and which the spreadsheet does not show.
 *
 * <p>Use it on text values only, never on numbers the job formats itself ({@code -3.5} must stay a
 * number). Quoting the field for CSV (separators, quotes, line breaks) is still the CSV printer's
 * job. The workbook does not need this: {@code XlsxRenderer} writes every text as a text cell.
 */
public final class SpreadsheetSafeText {

    private SpreadsheetSafeText() {
    }

    /**
     * @return the text with a {@code '} in front when it starts with {@code = + - @}, TAB or CR;
     *         any other text, the empty string and {@code null} unchanged
     */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}

package ma.observatory.report;

/**
 * @param heading column heading, units included, e.g. "Unemployment rate (%)"
 * @param format  how numbers in the column are displayed
 * @param wrapAt  the column's width in characters, in place of the renderer's own limit for a text
 *                of several words, narrower or wider (a {@link NumberStyle#PARAGRAPH} column wraps
 *                its text at it; any other shows as much of its text); 0 for that limit
 */
public record ReportColumn(String heading, NumberStyle format, int wrapAt) {

    public ReportColumn(String heading, NumberStyle format) {
        this(heading, format, 0);
    }

    /**
     * A column of words that wraps at {@code chars}: for the columns naming a row, which a
     * printed page repeats beside each part of a wide table and should leave room beside.
     */
    public static ReportColumn wrapped(String heading, int chars) {
        return new ReportColumn(heading, NumberStyle.PARAGRAPH, chars);
    }
}

package ma.observatory.report;

/** Display formats for numbers. Values keep full precision; only their display is rounded. */
public enum NumberStyle {
    TEXT("@"),
    /**
     * Text that wraps within its column, the row as tall as it needs: a definition or a reason,
     * too long to read on one line and followed by other columns that would cut it off.
     */
    PARAGRAPH("@"),
    INTEGER("#,##0"),
    DECIMAL("#,##0.0"),
    CHANGE("+0.0;-0.0;0.0"),
    /** A change an office published in whole numbers ("+14 %"): shown so, not as "+14.0". */
    CHANGE_WHOLE("+0;-0;0"),
    PRECISE("#,##0.0##"),
    /** A year stored as a number (so that charts can draw over it), shown without a separator. */
    YEAR("0"),
    /**
     * The 1-or-0 flag read as a word in the workbook's language; the cell keeps the number, so that
     * a filter or a sum over it still works.
     */
    YES_NO("\"yes\";\"yes\";\"no\"");

    private final String excelFormat;

    NumberStyle(String excelFormat) {
        this.excelFormat = excelFormat;
    }

    public String excelFormat() {
        return excelFormat;
    }

    /** The format in a workbook of the given language ({@code fr} or {@code en}). */
    public String excelFormat(String language) {
        return this == YES_NO && "fr".equals(language) ? "\"oui\";\"oui\";\"non\"" : excelFormat;
    }

    public boolean isText() {
        return this == TEXT || this == PARAGRAPH;
    }

    /** This style without decimals: a figure published as a whole number, shown as published. */
    public NumberStyle whole() {
        return switch (this) {
            case DECIMAL, PRECISE -> INTEGER;
            case CHANGE -> CHANGE_WHOLE;
            default -> this;
        };
    }
}

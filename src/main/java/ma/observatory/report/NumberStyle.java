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
    YES_NO("\"yes\";\"yes\";\"no\""),
    /**
     * A day, stored as Excel's count of days so that it sorts, filters and groups by year and month
     * as a date, shown as the workbook's language writes one ({@link #excelFormat(String)}).
     */
    DATE(NumberStyle.ENGLISH_DATE),
    /** A moment to the second, stored and shown as {@link #DATE} is, its time of day after it. */
    DATE_TIME(NumberStyle.ENGLISH_DATE + NumberStyle.TIME_OF_DAY);

    /**
     * "1 Aug 2026": 01/08/2026 is the 1st of August to a British reader and the 8th of January to
     * an American one; the month's name leaves no doubt, in the order the sentences say dates ("11
     * August 2026"). The month is named in English whatever the machine's language ([$-809],
     * English (United Kingdom)): without it, Excel names it in the system's language.
     */
    private static final String ENGLISH_DATE = "[$-809]d mmm yyyy";
    /** "01/08/2026": day, month, year, as French writes a date in figures, in Morocco as in France. */
    private static final String FRENCH_DATE = "dd/mm/yyyy";
    private static final String TIME_OF_DAY = " hh:mm:ss";

    private final String excelFormat;

    NumberStyle(String excelFormat) {
        this.excelFormat = excelFormat;
    }

    public String excelFormat() {
        return excelFormat;
    }

    /** The format in a workbook of the given language ({@code fr} or {@code en}). */
    public String excelFormat(String language) {
        if (!"fr".equals(language)) {
            return excelFormat;
        }
        return switch (this) {
            case YES_NO -> "\"oui\";\"oui\";\"non\"";
            case DATE -> FRENCH_DATE;
            case DATE_TIME -> FRENCH_DATE + TIME_OF_DAY;
            default -> excelFormat;
        };
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

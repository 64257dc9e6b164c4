package ma.observatory.report;

/** A value in a report table: text, a number, a link, or one of the shorthand symbols. */
public sealed interface CellValue {

    /** Shown as {@code [x]}: the figure is not available. */
    CellValue NOT_AVAILABLE = new Symbol("[x]");
    /** Shown as {@code [z]}: the figure does not apply to this row. */
    CellValue NOT_APPLICABLE = new Symbol("[z]");
    /**
     * An empty cell: only where the sheet says that an empty cell means [x] — the small tables
     * charts are drawn from, where a missing year must be a gap in the line, and the Data sheet's
     * values, which a pivot table must sum without meeting text.
     */
    CellValue GAP = new Gap();

    static CellValue text(String text) {
        return text == null ? new Text("") : new Text(text);
    }

    /** A number, or {@code [x]} when it is missing: a missing figure is never shown as 0. */
    static CellValue number(Double value) {
        return number(value, null, false);
    }

    static CellValue number(long value) {
        return new Number(value);
    }

    /** A number shown with its own format, for a column whose rows hold different units. */
    static CellValue number(Double value, NumberStyle style) {
        return number(value, style, false);
    }

    record Text(String text) implements CellValue {
    }

    /**
     * A number shown in its column's format, or its own; without decimals when it is a figure
     * published as a whole number ({@link NumberStyle#whole}): "+14", not "+14.0".
     *
     * @param style the display format, or {@code null} for the column's
     */
    static CellValue number(Double value, NumberStyle style, boolean whole) {
        return value == null || value.isNaN() || value.isInfinite() ? NOT_AVAILABLE : new Number(value, style, whole);
    }

    /**
     * @param style the display format, or {@code null} for the column's
     * @param whole shown without the format's decimals
     */
    record Number(double value, NumberStyle style, boolean whole) implements CellValue {
        public Number(double value) {
            this(value, null, false);
        }

        public Number(double value, NumberStyle style) {
            this(value, style, false);
        }

        /** The format it is shown in, in a column of {@code column}'s. */
        public NumberStyle shownIn(NumberStyle column) {
            NumberStyle shown = style != null ? style : column;
            return whole && shown != null ? shown.whole() : shown;
        }
    }

    record Symbol(String shorthand) implements CellValue {
    }

    record Gap() implements CellValue {
    }

    /** A link to another sheet of the workbook (its A1 cell). */
    record SheetLink(String text, String sheetName) implements CellValue {
    }

    /** A link to a web page; only {@code http} and {@code https} addresses become links. */
    record WebLink(String text, String url) implements CellValue {
    }
}

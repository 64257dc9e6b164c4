package ma.observatory.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** A value in a report table: text, a number, a date, a link, or one of the shorthand symbols. */
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

    /** A day, shown as a date in the workbook's language; {@code [x]} when missing, never day 0. */
    static CellValue date(LocalDate day) {
        return day == null ? NOT_AVAILABLE : new Date(day.atStartOfDay(), false);
    }

    /**
     * A moment, cut to the second as the text stamps were: Excel rounds the seconds it shows, and a
     * file changed at 03:19:05.9 would read 03:19:06, a second it had not reached. {@code [x]} when
     * missing.
     */
    static CellValue dateTime(LocalDateTime moment) {
        return moment == null ? NOT_AVAILABLE : new Date(moment.truncatedTo(ChronoUnit.SECONDS), true);
    }

    /**
     * A date: Excel stores it as a number of days, which sorts and filters as a date, and shows it
     * in the workbook's language ({@link NumberStyle#DATE}, {@link NumberStyle#DATE_TIME}).
     *
     * @param timeOfDay whether the time is shown; else the value is the day's start
     */
    record Date(LocalDateTime value, boolean timeOfDay) implements CellValue {

        private static final DateTimeFormatter ISO_MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

        public NumberStyle style() {
            return timeOfDay ? NumberStyle.DATE_TIME : NumberStyle.DATE;
        }

        /** As the input files write a date ("2026-08-01"), for a CSV file or where Excel cannot show it. */
        public String iso() {
            return timeOfDay ? ISO_MOMENT.format(value) : value.toLocalDate().toString();
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

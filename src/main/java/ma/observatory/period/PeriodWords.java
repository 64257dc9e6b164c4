package ma.observatory.period;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Periods and dates as a sentence says them: « T3 2025 », « octobre 2026 », « 1er août 2026 » in
 * French (as the HCP writes them), "Q3 2025", "October 2026", "1 August 2026" in English. A table's
 * period column keeps the code ({@code 2025-Q3}, {@code 2026-10}) the input files use, which sorts
 * and filters as a reader expects; only prose is worded.
 */
public final class PeriodWords {

    private final Locale locale;
    private final boolean french;

    private PeriodWords(Locale locale) {
        this.locale = locale;
        this.french = "fr".equals(locale.getLanguage());
    }

    /** French unless the language is English, as the workbook's labels. */
    public static PeriodWords of(Locale locale) {
        return new PeriodWords("en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH);
    }

    public String period(Period p) {
        return switch (p.granularity()) {
            case YEAR -> Integer.toString(p.year());
            case QUARTER -> (french ? "T" : "Q") + p.index() + " " + p.year();
            case MONTH -> month(YearMonth.of(p.year(), p.index()));
        };
    }

    /**
     * A range as a sentence names it: its years when it runs from a January to a December
     * ("2021–2025", whatever periods it was typed as), else its months ("janvier 2021 – octobre
     * 2026"); one year or month alone when it is all the range holds. A dash, not « de … à … »,
     * which French would have to elide and contract (« d’avril », « du T1 »).
     */
    public String range(PeriodRange range) {
        String start = start(range);
        String end = end(range);
        return start.equals(end) ? start : start + (wholeYears(range) ? "–" : " – ") + end;
    }

    /** The range's first year or month, as {@link #range} says it. */
    public String start(PeriodRange range) {
        return wholeYears(range) ? Integer.toString(range.firstMonth().getYear()) : month(range.firstMonth());
    }

    /** The range's last year or month, as {@link #range} says it. */
    public String end(PeriodRange range) {
        return wholeYears(range) ? Integer.toString(range.lastMonth().getYear()) : month(range.lastMonth());
    }

    private static boolean wholeYears(PeriodRange range) {
        return range.firstMonth().getMonthValue() == 1 && range.lastMonth().getMonthValue() == 12;
    }

    public String month(YearMonth month) {
        return monthName(month) + " " + month.getYear();
    }

    /** A month without its year, where the year is said beside it: « 2026 (jusqu’à octobre) ». */
    public String monthName(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
    }

    public String date(LocalDate date) {
        String day = french && date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth());
        return day + " " + date.getMonth().getDisplayName(TextStyle.FULL, locale) + " " + date.getYear();
    }

    /** A moment to the minute, or to the second where two runs of one evening must be told apart. */
    public String moment(LocalDateTime time, boolean seconds) {
        String clock = String.format(Locale.ROOT, seconds ? "%02d:%02d:%02d" : "%02d:%02d", time.getHour(),
                time.getMinute(), time.getSecond());
        return date(time.toLocalDate()) + (french ? " à " : " at ") + clock;
    }
}

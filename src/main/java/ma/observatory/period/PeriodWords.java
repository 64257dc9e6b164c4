package ma.observatory.period;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Periods and dates as a sentence says them: « T3 2025 », « octobre 2026 », « 1er août 2026 » in
 * French (as the HCP writes them), "Q3 2025", "October 2026", "1 August 2026" in English. A table's
 * period column keeps the code ({@code 2025-Q3}, {@code 2026-10}) the input files use, which sorts
 * and filters as a reader expects; only prose is worded. The words of one period or date are joined
 * by no-break spaces, so that a wrapped line never leaves « 2026 » alone at the start of the next.
 */
public final class PeriodWords {

    private static final String NBSP = "\u00a0";
    /** Between the two ends of a range, which a line may break at. */
    private static final String DASH = " – ";

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
            case QUARTER -> quarter(p.index()) + NBSP + p.year();
            case MONTH -> month(YearMonth.of(p.year(), p.index()));
        };
    }

    /**
     * A range as a sentence names it, without « de … à … », which French would have to elide and
     * contract (« d’avril », « du T1 »): its years when it runs from a January to a December
     * ("2021–2025", whatever periods it was typed as); its quarters when typed as quarters
     * (« T2 2024 – T3 2025 »); else its months (« janvier 2021 – octobre 2026 »). A year said once
     * when both ends share it (« mars – octobre 2025 »), one period alone when it is all the range.
     */
    public String range(PeriodRange range) {
        YearMonth first = range.firstMonth();
        YearMonth last = range.lastMonth();
        if (wholeYears(range)) {
            return first.getYear() == last.getYear() ? Integer.toString(first.getYear())
                    : first.getYear() + "–" + last.getYear();
        }
        boolean quarters = range.from().granularity() == Period.Granularity.QUARTER
                && range.to().granularity() == Period.Granularity.QUARTER;
        String start = quarters ? quarter(range.from().index()) : monthName(first);
        String end = quarters ? quarter(range.to().index()) : monthName(last);
        if (first.getYear() != last.getYear()) {
            return start + NBSP + first.getYear() + DASH + end + NBSP + last.getYear();
        }
        return (start.equals(end) ? "" : start + DASH) + end + NBSP + last.getYear();
    }

    /**
     * The range's last year or month: "2025" or « octobre 2026 », never a quarter, which French
     * would have to contract after « jusqu’à » or « à fin ».
     */
    public String end(PeriodRange range) {
        return wholeYears(range) ? Integer.toString(range.lastMonth().getYear()) : month(range.lastMonth());
    }

    private static boolean wholeYears(PeriodRange range) {
        return range.firstMonth().getMonthValue() == 1 && range.lastMonth().getMonthValue() == 12;
    }

    private String quarter(int index) {
        return (french ? "T" : "Q") + index;
    }

    public String month(YearMonth month) {
        return monthName(month) + NBSP + month.getYear();
    }

    /** A month without its year, where the year is said beside it: « 2026 (jusqu’à octobre) ». */
    public String monthName(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
    }

    public String date(LocalDate date) {
        String day = french && date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth());
        return day + NBSP + date.getMonth().getDisplayName(TextStyle.FULL, locale) + NBSP + date.getYear();
    }

    /**
     * A moment to the minute: « 28 novembre 2026 à 3 h 19 », "28 November 2026 at 03:19" (the
     * About sheet gives the second).
     */
    public String moment(LocalDateTime time) {
        return date(time.toLocalDate()) + (french
                ? " à " + time.getHour() + NBSP + "h" + NBSP + String.format(Locale.ROOT, "%02d", time.getMinute())
                : " at " + String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute()));
    }

    /**
     * A time Spring Batch recorded on this machine's clock ({@link MachineTime}), said as it reads in
     * {@code zone}, the zone named: « 28 novembre 2026 à 3 h 19 (Africa/Casablanca) ».
     */
    public String moment(LocalDateTime machineTime, ZoneId zone) {
        return moment(MachineTime.inZone(machineTime, zone).toLocalDateTime()) + " (" + zone + ")";
    }
}

package ma.observatory.period;

import java.time.YearMonth;

/**
 * An inclusive range of months given by two periods. A period belongs to the range when it lies
 * wholly inside it: with {@code --from=2023-01 --to=2025-06}, the year 2025 does not belong.
 */
public record PeriodRange(Period from, Period to) {

    public PeriodRange {
        if (from.firstMonth().isAfter(to.lastMonth())) {
            throw new IllegalArgumentException("the range starts (" + from + ") after it ends (" + to + ")");
        }
    }

    /** The nightly window: January five years before this year, to the end of the previous month. */
    public static PeriodRange nightlyWindow(YearMonth currentMonth) {
        YearMonth last = currentMonth.minusMonths(1);
        return new PeriodRange(Period.month(currentMonth.getYear() - 5, 1),
                Period.month(last.getYear(), last.getMonthValue()));
    }

    public YearMonth firstMonth() {
        return from.firstMonth();
    }

    public YearMonth lastMonth() {
        return to.lastMonth();
    }

    public boolean contains(Period p) {
        // by month numbers: asked for every value of a run, where dates would be made each time
        return p.firstMonthNumber() >= from.firstMonthNumber() && p.lastMonthNumber() <= to.lastMonthNumber();
    }

    /**
     * The range extended one year back, so that a period at the start of the range still finds the
     * period it is compared with year on year.
     */
    public PeriodRange withPreviousYear() {
        return withYearsBefore(1);
    }

    /**
     * The range extended {@code years} years back, but not before the first period there can be
     * (year 1000): a range from 1050 reads a century of history from 1000 on.
     */
    public PeriodRange withYearsBefore(int years) {
        YearMonth start = firstMonth().minusYears(years);
        if (start.getYear() < FIRST_YEAR) {
            start = YearMonth.of(FIRST_YEAR, 1);
        }
        return new PeriodRange(Period.month(start.getYear(), start.getMonthValue()), to);
    }

    private static final int FIRST_YEAR = 1000;

    /** Used in file names: {@code 2021-01_2026-10}. */
    @Override
    public String toString() {
        return from + "_" + to;
    }
}

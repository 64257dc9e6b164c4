package ma.observatory.period;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistical period: a year ({@code 2024}), a quarter ({@code 2024-Q2}) or a month
 * ({@code 2024-05}). Immutable; compared by its start, then by its length (a year before its first
 * quarter before its first month), which is the order a reader expects in a table.
 */
public record Period(Granularity granularity, int year, int index) implements Comparable<Period> {

    /** {@code Granularity.values().length}, which copies the array at every call. */
    private static final int GRANULARITIES = Granularity.values().length;

    // Periods are parts of the keys every input row and every value is summed or matched on:
    // spelled out, hash and equality cost a few instructions, a record's generated ones much more.
    @Override
    public int hashCode() {
        return (granularity.ordinal() * 31 + year) * 31 + index;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Period p && p.year == year && p.index == index
                && p.granularity == granularity;
    }

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(?:[Qq]([1-4])|(\\d{2})))?");

    public enum Granularity {
        YEAR(12), QUARTER(3), MONTH(1);

        private final int months;

        Granularity(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }
    }

    public Period {
        int max = switch (granularity) {
            case YEAR -> 1;
            case QUARTER -> 4;
            case MONTH -> 12;
        };
        if (index < 1 || index > max || year < 1000 || year > 9999) {
            throw new IllegalArgumentException("not a valid period: " + granularity + " " + year + "/" + index);
        }
    }

    public static Period year(int year) {
        return new Period(Granularity.YEAR, year, 1);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(Granularity.QUARTER, year, quarter);
    }

    public static Period month(int year, int month) {
        return new Period(Granularity.MONTH, year, month);
    }

    /**
     * YYYY, YYYY-Qn and YYYY-MM read without the regular expression: a large file has a period on
     * every line. {@code null} for anything else, which the full rules then accept or explain.
     */
    private static Period plain(String s) {
        int n = s.length();
        if (n != 4 && n != 7 || !digits(s, 0, 4)) {
            return null;
        }
        int year = Integer.parseInt(s, 0, 4, 10);
        if (n == 4) {
            return year(year);
        }
        if (s.charAt(4) != '-') {
            return null;
        }
        char a = s.charAt(5);
        char b = s.charAt(6);
        if ((a == 'Q' || a == 'q') && b >= '1' && b <= '4') {
            return quarter(year, b - '0');
        }
        int month = (a - '0') * 10 + b - '0';
        return digits(s, 5, 7) && month >= 1 && month <= 12 ? month(year, month) : null;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses {@code YYYY}, {@code YYYY-Qn} or {@code YYYY-MM}.
     *
     * @throws IllegalArgumentException with a message a user can act on
     */
    public static Period parse(String text) {
        String s = text == null ? "" : text.trim();
        Period plain = plain(s);
        if (plain != null) {
            return plain;
        }
        Matcher m = FORMAT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + s + "' is not a period: expected YYYY, YYYY-Qn or YYYY-MM");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return quarter(year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            int month = Integer.parseInt(m.group(3));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("'" + s + "' is not a period: month must be 01 to 12");
            }
            return month(year, month);
        }
        return year(year);
    }

    public YearMonth firstMonth() {
        return YearMonth.of(year, (index - 1) * granularity.months() + 1);
    }

    public YearMonth lastMonth() {
        return firstMonth().plusMonths(granularity.months() - 1L);
    }

    /** The same period one year earlier: what a year-on-year change compares with. */
    public Period previousYear() {
        return new Period(granularity, year - 1, index);
    }

    /** By first month, then the longer period first (a year before its first quarter). */
    @Override
    public int compareTo(Period other) {
        int c = Integer.compare(firstMonthNumber(), other.firstMonthNumber());
        return c != 0 ? c : Integer.compare(other.granularity.months(), granularity.months());
    }

    /**
     * A number that orders periods as {@link #compareTo} does: the first month, then the longer
     * period first (granularities are declared longest first). For sorting many values by period
     * without comparing objects.
     */
    public int orderNumber() {
        return firstMonthNumber() * GRANULARITIES + granularity.ordinal();
    }

    /** Months since year 0 to the first month: {@link #firstMonth()} without making a YearMonth. */
    int firstMonthNumber() {
        return year * 12 + (index - 1) * granularity.months();
    }

    /** Months since year 0 to the last month: {@link #lastMonth()} without making a YearMonth. */
    public int lastMonthNumber() {
        return firstMonthNumber() + granularity.months() - 1;
    }

    @Override
    public String toString() {
        return switch (granularity) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> year + "-Q" + index;
            case MONTH -> year + (index < 10 ? "-0" : "-") + index; // ASCII digits whatever the machine's locale
        };
    }
}

package ma.observatory.indicator;

/**
 * The arithmetic of indicators, in one place. Missing stays missing: any {@code null} input gives
 * {@code null}, never 0.
 */
public final class Ratios {

    /**
     * A value counts as reaching a target when it is not below it by more than this share of the
     * target: equality must survive floating-point rounding (a projection's {@code pow}, twelve
     * months of receipts with one decimal adding up to 119,999.99999999999 for 120,000).
     */
    private static final double REACH_TOLERANCE = 1e-9;

    private Ratios() {
    }

    /** {@code value >= target}, exact equality included despite floating-point rounding. */
    public static boolean reaches(double value, double target) {
        return value >= target || target - value <= REACH_TOLERANCE * Math.abs(target);
    }

    /** {@code numerator / denominator} in percent; not available when the denominator is 0. */
    public static Double percent(Double numerator, Double denominator) {
        if (numerator == null || denominator == null || denominator == 0.0) {
            return null;
        }
        return 100.0 * numerator / denominator;
    }

    /** The scales of the decimals {@link #minus} recognises: up to six places. */
    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

    /** Integers below this in magnitude, and their differences, are exact in a {@code double}. */
    private static final double EXACT_INTEGERS = 0x1p52;

    /** {@code a - b}: a change in points between two rates, or in units between two levels. */
    public static Double difference(Double a, Double b) {
        return a == null || b == null ? null : minus(a, b);
    }

    /**
     * {@code a - b} as a reader works it out: where both are the doubles nearest to decimals of at
     * most six places (the published 50.9 and 50.0), the double nearest to the difference of those
     * decimals, 0.9, rather than the binary 0.8999999999999986 that the Data sheet, the Indicators
     * table and a formula bar would show. The binary difference is exact for the doubles but
     * carries their distance from the decimals they stand for, which subtraction can make large
     * beside the result (78180.4 − 78180.3 is 0.09999999999126885 in binary). Figures of full
     * precision (a computed rate) are subtracted as they are.
     */
    public static double minus(double a, double b) {
        for (double scale : POWERS_OF_TEN) {
            double wholeA = Math.rint(a * scale);
            double wholeB = Math.rint(b * scale);
            if (wholeA / scale == a && wholeB / scale == b) {
                // both are the doubles nearest to wholeA and wholeB tenths (hundredths, …): their
                // difference is exact, and one division rounds it to the nearest double once
                return Math.abs(wholeA) < EXACT_INTEGERS && Math.abs(wholeB) < EXACT_INTEGERS
                        ? (wholeA - wholeB) / scale : a - b;
            }
        }
        return a - b;
    }

    /** Percentage change from {@code before} to {@code after}. */
    public static Double percentChange(Double after, Double before) {
        if (after == null || before == null || before == 0.0) {
            return null;
        }
        return 100.0 * (after - before) / before;
    }

    /** Compound annual growth rate in percent, from {@code start} to {@code end} over {@code years}. */
    public static Double cagrPercent(Double start, Double end, double years) {
        if (start == null || end == null || start <= 0 || end < 0 || years <= 0) {
            return null;
        }
        return 100.0 * (Math.pow(end / start, 1.0 / years) - 1.0);
    }
}

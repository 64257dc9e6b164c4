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

    /** {@code a - b}: a change in points between two rates, or in units between two levels. */
    public static Double difference(Double a, Double b) {
        return a == null || b == null ? null : a - b;
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

package ma.observatory.report;

/** A figure rounded to the digits a cell keeps (see {@link CellValue.Number}). */
final class Digits {

    static final int SIGNIFICANT = 12;
    private static final double[] POWERS_OF_TEN = new double[23]; // exact in a double up to 10^22

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private Digits() {
    }

    /**
     * {@code value} to {@link #SIGNIFICANT} significant digits. A whole number, a number with no more
     * digits to drop, and one too small or too large to round this way are returned as they are.
     */
    static double significant(double value) {
        if (value == Math.rint(value) || !Double.isFinite(value)) {
            return value; // counts and sums of counts: nothing after the point
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(value)));
        int decimals = SIGNIFICANT - 1 - exponent;
        if (decimals <= 0 || decimals >= POWERS_OF_TEN.length) {
            return value;
        }
        // an integer divided by an exact power of ten: the double nearest the decimal, which
        // Double.toString writes back in its shortest form
        double scale = POWERS_OF_TEN[decimals];
        return Math.round(value * scale) / scale;
    }
}

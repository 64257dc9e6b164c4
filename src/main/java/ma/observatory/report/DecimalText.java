package ma.observatory.report;

import java.math.BigInteger;

/**
 * A cell's number as the decimal text the sheet's XML holds: few digits, and always the same double
 * when Excel or any other reader parses it back. It is Loitsch's Grisu2 ("Printing floating-point
 * numbers quickly and accurately", PLDI 2010): 64-bit integer arithmetic only, which writes the
 * shortest such text for all but about one value in a thousand (those get one digit more, never a
 * different value). It replaces {@link Double#toString(double)}, whose Java 17 algorithm took an
 * eighth of the time spent writing a 2-million-row workbook's sheets (docs/performance.md).
 *
 * <p>The text is plain below 10<sup>21</sup> and from 10<sup>-5</sup> ("2418.547", "0.000125",
 * "1200000"), scientific beyond ("1.25E-7"), as XML Schema's {@code xsd:double} reads both.
 */
final class DecimalText {

    /** Bytes {@link #put} may write, at most. */
    static final int MAX_LENGTH = 26;

    private static final long HIDDEN_BIT = 1L << 52;
    private static final long SIGNIFICAND_MASK = HIDDEN_BIT - 1;
    /** The exponent bias of a double, its significand taken as an integer. */
    private static final int EXPONENT_BIAS = 1075;
    private static final int FIRST_POWER = -348;
    private static final int POWER_STEP = 8;
    /** 10^(-348 + 8 i) as a 64-bit significand {@code POWER_F[i]} times 2^{@code POWER_E[i]}, rounded. */
    private static final long[] POWER_F = new long[87];
    private static final int[] POWER_E = new int[87];
    private static final long[] POW10 = new long[20];

    static {
        for (int i = 0; i < POWER_F.length; i++) {
            int k = FIRST_POWER + POWER_STEP * i;
            BigInteger f;
            int e;
            if (k >= 0) {
                BigInteger p = BigInteger.TEN.pow(k);
                e = p.bitLength() - 64;
                f = e <= 0 ? p.shiftLeft(-e) : p.add(BigInteger.ONE.shiftLeft(e - 1)).shiftRight(e);
            } else {
                BigInteger p = BigInteger.TEN.pow(-k);
                int s = 63 + p.bitLength();
                BigInteger[] qr = BigInteger.ONE.shiftLeft(s).divideAndRemainder(p);
                f = qr[1].shiftLeft(1).compareTo(p) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
                e = -s;
            }
            if (f.bitLength() > 64) { // rounding carried into a 65th bit
                f = f.shiftRight(1);
                e++;
            }
            POWER_F[i] = f.longValue();
            POWER_E[i] = e;
        }
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p; // 10^19 wraps to a negative long: read as unsigned, it is exact
            p *= 10;
        }
    }

    private DecimalText() {
    }

    /**
     * Writes a finite {@code value} into {@code out} from {@code at}, which must have room for
     * {@link #MAX_LENGTH} bytes, and returns the position after it.
     */
    static int put(double value, byte[] out, int at) {
        long bits = Double.doubleToRawLongBits(value);
        if (bits < 0) {
            out[at++] = '-';
            bits &= Long.MAX_VALUE;
        }
        if (bits == 0) {
            out[at++] = '0';
            return at;
        }
        int biased = (int) (bits >>> 52);
        long f = bits & SIGNIFICAND_MASK;
        int e;
        if (biased != 0) {
            f |= HIDDEN_BIT;
            e = biased - EXPONENT_BIAS;
        } else {
            e = 1 - EXPONENT_BIAS;
        }

        // The neighbours' midpoints, normalised to a common exponent: any text between them reads back as value.
        long plusF = (f << 1) + 1;
        int plusE = e - 1;
        int shift = Long.numberOfLeadingZeros(plusF);
        plusF <<= shift;
        plusE -= shift;
        long minusF;
        int minusE;
        if (f == HIDDEN_BIT) { // the lower neighbour is nearer, at a power of two
            minusF = (f << 2) - 1;
            minusE = e - 2;
        } else {
            minusF = (f << 1) - 1;
            minusE = e - 1;
        }
        minusF <<= minusE - plusE;
        int vShift = Long.numberOfLeadingZeros(f);
        long vF = f << vShift;
        int vE = e - vShift;

        // A cached power of ten that brings the upper midpoint's exponent into [-60, -32].
        double dk = (-61 - plusE) * 0.30102999566398114 + 347;
        int k = (int) dk;
        if (dk - k > 0.0) {
            k++;
        }
        int index = (k >> 3) + 1;
        int decimalExponent = -(FIRST_POWER + index * POWER_STEP);
        long cF = POWER_F[index];
        int cE = POWER_E[index];

        long w = multiply(vF, cF);
        long upper = multiply(plusF, cF) - 1;
        long lower = multiply(minusF, cF) + 1;
        int upperE = plusE + cE + 64;
        assert vE + cE + 64 == upperE;
        return digits(w, upper, upper - lower, -upperE, decimalExponent, out, at);
    }

    /** The high 64 bits of the unsigned 128-bit product, rounded. */
    private static long multiply(long x, long y) {
        long a = x >>> 32;
        long b = x & 0xFFFFFFFFL;
        long c = y >>> 32;
        long d = y & 0xFFFFFFFFL;
        long ac = a * c;
        long bc = b * c;
        long ad = a * d;
        long bd = b * d;
        long mid = (bd >>> 32) + (ad & 0xFFFFFFFFL) + (bc & 0xFFFFFFFFL) + (1L << 31);
        return ac + (ad >>> 32) + (bc >>> 32) + (mid >>> 32);
    }

    /**
     * Grisu2's digit generation: the digits of {@code upper} (scaled by 2^-{@code shift}) until
     * what is left lies within {@code delta}, then the last digit moved towards {@code w}; then the
     * text laid out.
     */
    private static int digits(long w, long upper, long delta, int shift, int decimalExponent, byte[] out, int at) {
        long one = 1L << shift;
        long upperMinusW = upper - w;
        long p1 = upper >>> shift; // below 2^32
        long p2 = upper & (one - 1);
        int kappa = digitCount(p1);
        int length = 0;
        while (kappa > 0) {
            long d = leadingDigit(p1, kappa);
            p1 -= d * POW10[kappa - 1];
            if (d != 0 || length != 0) {
                out[at + length++] = (byte) ('0' + d);
            }
            kappa--;
            long rest = (p1 << shift) + p2;
            if (Long.compareUnsigned(rest, delta) <= 0) {
                round(out, at + length - 1, delta, rest, POW10[kappa] << shift, upperMinusW);
                return layout(out, at, length, decimalExponent + kappa);
            }
        }
        while (true) {
            p2 *= 10;
            delta *= 10;
            long d = p2 >>> shift;
            if (d != 0 || length != 0) {
                out[at + length++] = (byte) ('0' + d);
            }
            p2 &= one - 1;
            kappa--;
            if (Long.compareUnsigned(p2, delta) < 0) {
                int scale = -kappa;
                round(out, at + length - 1, delta, p2, one, scale < 20 ? upperMinusW * POW10[scale] : 0);
                return layout(out, at, length, decimalExponent + kappa);
            }
        }
    }

    /** The first of {@code n}'s {@code digits} digits: by constants, which compile to multiplications. */
    private static long leadingDigit(long n, int digits) {
        return switch (digits) {
            case 10 -> n / 1_000_000_000L;
            case 9 -> n / 100_000_000L;
            case 8 -> n / 10_000_000L;
            case 7 -> n / 1_000_000L;
            case 6 -> n / 100_000L;
            case 5 -> n / 10_000L;
            case 4 -> n / 1_000L;
            case 3 -> n / 100L;
            case 2 -> n / 10L;
            default -> n;
        };
    }

    /** Moves the last digit down while the text stays within range and gets nearer to the value. */
    private static void round(byte[] out, int last, long delta, long rest, long tenKappa, long upperMinusW) {
        while (Long.compareUnsigned(rest, upperMinusW) < 0
                && Long.compareUnsigned(delta - rest, tenKappa) >= 0
                && (Long.compareUnsigned(rest + tenKappa, upperMinusW) < 0
                        || Long.compareUnsigned(upperMinusW - rest, rest + tenKappa - upperMinusW) > 0)) {
            out[last]--;
            rest += tenKappa;
        }
    }

    private static int digitCount(long n) {
        int count = 1;
        while (count < POW10.length && Long.compareUnsigned(n, POW10[count]) >= 0) {
            count++;
        }
        return count;
    }

    /** The digits at {@code at} times 10^{@code exponent}, laid out in place; returns the end. */
    private static int layout(byte[] out, int at, int length, int exponent) {
        int point = length + exponent; // 10^(point-1) <= |value| < 10^point
        if (exponent >= 0 && point <= 21) { // 1234e3: 1234000
            for (int i = length; i < point; i++) {
                out[at + i] = '0';
            }
            return at + point;
        }
        if (point > 0 && point <= 21) { // 1234e-2: 12.34
            System.arraycopy(out, at + point, out, at + point + 1, length - point);
            out[at + point] = '.';
            return at + length + 1;
        }
        if (point > -5 && point <= 0) { // 1234e-6: 0.001234
            int offset = 2 - point;
            System.arraycopy(out, at, out, at + offset, length);
            out[at] = '0';
            out[at + 1] = '.';
            for (int i = 2; i < offset; i++) {
                out[at + i] = '0';
            }
            return at + offset + length;
        }
        int end;
        if (length == 1) { // 1e30: 1E30
            end = at + 1;
        } else { // 1234e30: 1.234E33
            System.arraycopy(out, at + 1, out, at + 2, length - 1);
            out[at + 1] = '.';
            end = at + length + 1;
        }
        out[end++] = 'E';
        int x = point - 1;
        if (x < 0) {
            out[end++] = '-';
            x = -x;
        }
        if (x >= 100) {
            out[end++] = (byte) ('0' + x / 100);
            out[end++] = (byte) ('0' + x / 10 % 10);
        } else if (x >= 10) {
            out[end++] = (byte) ('0' + x / 10);
        }
        out[end++] = (byte) ('0' + x % 10);
        return end;
    }
}

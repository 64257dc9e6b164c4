package ma.observatory.employment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Age groups are open-ended in the contract: {@code 15+} for all working ages, or any band
 * {@code N-M} or {@code N+}. The total is derived only from bands that tile 15 and over exactly.
 */
public final class AgeGroups {

    public static final String ALL = "15+";
    public static final String YOUTH = "15-24";
    private static final Pattern BAND = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3})|\\+)");

    private AgeGroups() {
    }

    /**
     * The canonical spelling of a valid group, or {@code null} when the text is not one: one to
     * three digits, then {@code +} or {@code -} and one to three digits, the upper bound not
     * below the lower; leading zeros are dropped. Read by hand, as every line of a large file has
     * one; a group already spelled canonically is returned as it is.
     */
    public static String normalise(String text) {
        String band = text.strip();
        int n = band.length();
        int lowEnd = digitsEnd(band, 0);
        if (lowEnd == 0 || lowEnd > 3 || lowEnd == n) {
            return null;
        }
        int from = Integer.parseInt(band, 0, lowEnd, 10);
        boolean canonical = lowEnd == 1 || band.charAt(0) != '0';
        if (band.charAt(lowEnd) == '+') {
            return lowEnd != n - 1 ? null : canonical ? band : from + "+";
        }
        int highEnd = digitsEnd(band, lowEnd + 1);
        int highDigits = highEnd - lowEnd - 1;
        if (band.charAt(lowEnd) != '-' || highEnd != n || highDigits < 1 || highDigits > 3) {
            return null;
        }
        int to = Integer.parseInt(band, lowEnd + 1, n, 10);
        canonical &= highDigits == 1 || band.charAt(lowEnd + 1) != '0';
        return to < from ? null : canonical ? band : from + "-" + to;
    }

    /** The index after the run of ASCII digits starting at {@code from}. */
    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * Bands among {@code present} that together cover exactly 15 and over, without overlap; an
     * empty list when none do.
     */
    public static List<String> partitionOfAll(Collection<String> present) {
        List<String> chosen = new ArrayList<>();
        return tile(15, present, chosen, new java.util.HashSet<>()) ? chosen : List.of();
    }

    /**
     * @param dead the ages from which no tiling was found: overlapping bands (15-15, 15-16, 16-16,
     *             16-17, …) would otherwise be tried in every combination, which never ends
     */
    private static boolean tile(int from, Collection<String> present, List<String> chosen, java.util.Set<Integer> dead) {
        if (dead.contains(from)) {
            return false;
        }
        for (String band : present) {
            Matcher m = BAND.matcher(band);
            if (!m.matches() || Integer.parseInt(m.group(1)) != from || band.equals(ALL)
                    || m.group(2) != null && Integer.parseInt(m.group(2)) < from) {
                continue; // a band ending before it starts would ask for a band at 'from' again, forever
            }
            chosen.add(band);
            if (m.group(2) == null || tile(Integer.parseInt(m.group(2)) + 1, present, chosen, dead)) {
                return true;
            }
            chosen.remove(chosen.size() - 1);
        }
        dead.add(from);
        return false;
    }
}

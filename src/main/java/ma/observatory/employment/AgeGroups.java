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

    /** The canonical spelling of a valid group, or {@code null} when the text is not one. */
    public static String normalise(String text) {
        Matcher m = BAND.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int from = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return from + "+";
        }
        int to = Integer.parseInt(m.group(2));
        return to < from ? null : from + "-" + to;
    }

    /**
     * Bands among {@code present} that together cover exactly 15 and over, without overlap; an
     * empty list when none do.
     */
    public static List<String> partitionOfAll(Collection<String> present) {
        List<String> chosen = new ArrayList<>();
        return tile(15, present, chosen) ? chosen : List.of();
    }

    private static boolean tile(int from, Collection<String> present, List<String> chosen) {
        for (String band : present) {
            Matcher m = BAND.matcher(band);
            if (!m.matches() || Integer.parseInt(m.group(1)) != from || band.equals(ALL)
                    || m.group(2) != null && Integer.parseInt(m.group(2)) < from) {
                continue; // a band ending before it starts would ask for a band at 'from' again, forever
            }
            chosen.add(band);
            if (m.group(2) == null || tile(Integer.parseInt(m.group(2)) + 1, present, chosen)) {
                return true;
            }
            chosen.remove(chosen.size() - 1);
        }
        return false;
    }
}

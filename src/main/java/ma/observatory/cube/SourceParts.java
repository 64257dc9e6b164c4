package ma.observatory.cube;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A row's source in parts by figure. A row giving arrivals and receipts from two publications may
 * name each in a part of its own, {@code arrivals: … | receipts: …}, each part labelled with the
 * start of its column's name ({@code overnight stays} for {@code overnight_stays}): a figure then
 * cites its own part, without the label, and the parts that name no figure ({@code note:
 * provisional}), but not the other figures' parts. A source none of whose parts names a figure, or
 * with nothing for this one, is cited whole.
 */
public final class SourceParts {

    /** A part's label is a column's name or its start, never a mere letter ("A: …"). */
    private static final int MIN_LABEL = 4;
    private static final String SEPARATOR = " | ";
    /** Compiled once: {@link String#split} compiles a pattern of more than one character at every call. */
    private static final Pattern PARTS = Pattern.compile(SEPARATOR, Pattern.LITERAL);

    private SourceParts() {
    }

    /** What {@code source} says of the figure {@code measure}, one of {@code measures}. */
    public static String of(String source, String measure, List<String> measures) {
        if (source == null) {
            return null;
        }
        if (source.indexOf(SEPARATOR) < 0) {
            // one part, as nearly every row's source: asked once per figure of every cell filled
            // from its parts, hundreds of thousands of times at commune grain
            return measuresNamed(source, measures).contains(measure)
                    ? source.substring(source.indexOf(": ") + 2).strip() : source;
        }
        List<String> kept = new ArrayList<>();
        boolean inParts = false;
        boolean own = false;
        for (String part : PARTS.split(source)) {
            List<String> named = measuresNamed(part, measures);
            if (named.isEmpty()) {
                kept.add(part.strip()); // about the whole row, or not in parts at all
            } else {
                inParts = true;
                if (named.contains(measure)) {
                    own = true;
                    kept.add(part.substring(part.indexOf(": ") + 2).strip());
                }
            }
        }
        return !inParts || !own ? source : String.join(SEPARATOR, kept);
    }

    /**
     * {@code source} said to be one of several ({@code marker}, {@link Cube#OTHER_SOURCES} in the
     * workbook's language), once: on each figure's part whose publication {@code other} does not
     * share, or on the whole when the source is not in parts. A marker after the last part would
     * speak for that part alone, and the other figures would pass for one publication's.
     *
     * @param other the source it is summed with; {@code null} when not known (every figure's part
     *              is marked)
     */
    static String marked(String source, String other, List<String> measures, String marker) {
        if (source == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        boolean inParts = false;
        for (String part : PARTS.split(source)) {
            List<String> named = measuresNamed(part, measures);
            if (named.isEmpty()) {
                kept.add(part);
                continue;
            }
            inParts = true;
            String said = part.substring(part.indexOf(": ") + 2).strip();
            boolean shared = other != null && named.stream().allMatch(m -> said.equals(of(other, m, measures)));
            kept.add(shared || part.endsWith(marker) ? part : part + marker);
        }
        if (!inParts) {
            return source.endsWith(marker) ? source : source + marker;
        }
        return String.join(SEPARATOR, kept);
    }

    /**
     * {@code source} with a part for {@code measure} saying {@code said}: a figure the row left
     * empty and its parts supplied (a year's arrivals from foreign and MRE rows, on a total row
     * that gives only its receipts) cites where the parts come from, not the row's other figures'
     * publication.
     */
    static String withPart(String source, String measure, String said) {
        // the part is one part: what it quotes may be in parts itself ("X | note: provisional")
        String part = measure.replace('_', ' ') + ": " + said.replace(SEPARATOR, "; ");
        return source == null || source.isBlank() ? part : source + SEPARATOR + part;
    }

    /**
     * The measures a part of a source is labelled with ("receipts: …", "population, labour force,
     * employed: …" for figures one publication gave), or none.
     */
    private static List<String> measuresNamed(String part, List<String> measures) {
        int colon = part.indexOf(": ");
        if (colon <= 0) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        for (String label : part.substring(0, colon).split(",")) {
            String measure = measureNamed(label.strip().toLowerCase(Locale.ROOT).replace(' ', '_'), measures);
            if (measure == null) {
                return List.of(); // "Ministry of Tourism, Rabat: …" names a publisher, not figures
            }
            named.add(measure);
        }
        return named;
    }

    /** The measure a label names, by the start of its column's name, or {@code null}. */
    private static String measureNamed(String label, List<String> measures) {
        if (label.length() < MIN_LABEL || !label.chars().allMatch(c -> Character.isLetter(c) || c == '_')) {
            return null;
        }
        for (String measure : measures) {
            if (measure.startsWith(label)) {
                return measure;
            }
        }
        return null;
    }
}

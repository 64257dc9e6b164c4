package ma.observatory.cube;

import java.util.ArrayList;
import java.util.List;

/**
 * A row's dimensions other than period and geo, as {@code name=value} pairs in the order of the
 * input file's columns: {@code area=urban, sex=female, age_group=15-24}. Its text form is the
 * {@code breakdown} column of the Indicators table, so it is also the key values are matched on.
 */
public final class Breakdown {

    public static final Breakdown NONE = new Breakdown(List.of());
    /** Joins the two groups a gap compares, in a breakdown's value: {@code sex=female minus male}. */
    public static final String GAP_SEPARATOR = " minus ";

    public record Pair(String name, String value) {

        // spelled out for speed, as Period's
        @Override
        public int hashCode() {
            return 31 * name.hashCode() + value.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Pair p && p.name.equals(name) && p.value.equals(value);
        }
    }

    private final List<Pair> pairs;
    /**
     * Kept, not recomputed: breakdowns are hashed for every input row and every value, as parts of
     * the keys values are summed and matched on (the hash of the pair list, as a record's would be).
     */
    private final int hash;
    /** The text form, made when first asked for: it keys the cells and values stored of this breakdown. */
    private String text;

    public Breakdown(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
        this.hash = this.pairs.hashCode();
    }

    public List<Pair> pairs() {
        return pairs;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Breakdown other && other.hash == hash && other.pairs.equals(pairs);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    public static Breakdown of(String... nameValues) {
        List<Pair> list = new ArrayList<>(nameValues.length / 2);
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            list.add(new Pair(nameValues[i], nameValues[i + 1]));
        }
        return new Breakdown(list);
    }

    /** A part of a breakdown's text that is not written {@code name=value}. */
    public static final class NotAPair extends IllegalArgumentException {
        private final String part;

        NotAPair(String part) {
            super("'" + part + "' is not a name=value pair");
            this.part = part;
        }

        public String part() {
            return part;
        }
    }

    /** Parses the text form; a pair without '=' is invalid ({@link NotAPair}). */
    public static Breakdown parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Pair> list = new ArrayList<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new NotAPair(part.strip());
            }
            list.add(new Pair(part.substring(0, eq).strip(), part.substring(eq + 1).strip()));
        }
        return new Breakdown(list);
    }

    public String get(String name) {
        for (Pair p : pairs) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        return null;
    }

    /** The same breakdown without one dimension (itself when it has none of that name). */
    public Breakdown without(String name) {
        List<Pair> list = new ArrayList<>(pairs.size());
        for (Pair p : pairs) {
            if (!p.name.equals(name)) {
                list.add(p);
            }
        }
        return list.size() == pairs.size() ? this : new Breakdown(list);
    }

    /** The same breakdown with one dimension set to another value (added at the end if absent). */
    public Breakdown with(String name, String value) {
        List<Pair> list = new ArrayList<>(pairs.size() + 1);
        boolean replaced = false;
        for (Pair p : pairs) {
            if (p.name.equals(name)) {
                list.add(new Pair(name, value));
                replaced = true;
            } else {
                list.add(p);
            }
        }
        if (!replaced) {
            list.add(new Pair(name, value));
        }
        return new Breakdown(list);
    }

    @Override
    public String toString() {
        String known = text;
        if (known == null) {
            known = spelledOut();
            text = known; // immutable, so a thread that makes it again makes the same
        }
        return known;
    }

    private String spelledOut() {
        StringBuilder sb = new StringBuilder();
        for (Pair p : pairs) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(p.name).append('=').append(p.value);
        }
        return sb.toString();
    }
}

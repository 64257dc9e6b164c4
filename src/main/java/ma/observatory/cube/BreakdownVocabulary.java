package ma.observatory.cube;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import ma.observatory.csv.CsvRow;
import ma.observatory.csv.Reason;
import ma.observatory.csv.Vocabulary;

/**
 * The values a breakdown may give its dimensions where the vocabulary is closed (SPEC §4: area,
 * sex, age group, sector...), to check a breakdown written by hand, as in {@code published.csv}:
 * {@code area=Urban} or {@code area=purple} would otherwise stand as a series of its own, never
 * compared with the computed one. Dimensions it does not know (a publication's own, such as
 * {@code education}) pass.
 */
public final class BreakdownVocabulary {

    /** What a dimension accepts, and how to say what is wrong: from the dimension's name and value. */
    public record Rule(Predicate<String> accepts, BiFunction<String, String, Reason> problem) {
    }

    private final Map<String, Rule> rules;
    private final List<String> order;

    private BreakdownVocabulary(Map<String, Rule> rules, List<String> order) {
        this.rules = Map.copyOf(rules);
        this.order = List.copyOf(order);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Why the breakdown is not written as the computed values write theirs, or {@code null} when it
     * is: each dimension once, the known ones in their order and a publication's own after them,
     * each value in its vocabulary. Otherwise the figure would stand as a series of its own, never
     * compared with the computed one.
     */
    public Reason problem(Breakdown breakdown) {
        List<Breakdown.Pair> pairs = breakdown.pairs();
        int last = -1;
        boolean outOfOrder = false;
        Set<String> names = new HashSet<>();
        for (Breakdown.Pair p : pairs) {
            if (!names.add(p.name())) {
                return Reason.of("breakdown.repeated", p.name());
            }
            outOfOrder |= rank(p.name()) < last;
            last = Math.max(last, rank(p.name()));
        }
        if (outOfOrder) {
            List<Breakdown.Pair> sorted = new ArrayList<>(pairs);
            sorted.sort(Comparator.comparingInt(p -> rank(p.name())));
            return Reason.of("breakdown.order", new Breakdown(sorted).toString());
        }
        for (Breakdown.Pair p : pairs) {
            Rule rule = rules.get(p.name());
            if (rule != null && !rule.accepts().test(p.value())) {
                return rule.problem().apply(p.name(), p.value());
            }
            if (rule == null && "total".equals(p.value()) && !order.contains(p.name())) {
                // education=total is the figure without the dimension, which would then stand twice
                return Reason.of("breakdown.own-total", p.name(), breakdown.without(p.name()).toString());
            }
        }
        return null;
    }

    /** A dimension's place in the order; a publication's own dimension comes after the known ones. */
    private int rank(String dimension) {
        int at = order.indexOf(dimension);
        return at < 0 ? order.size() : at;
    }

    public static final class Builder {
        private final Map<String, Rule> rules = new LinkedHashMap<>();
        private List<String> order = List.of();

        /** A dimension whose values are the codes of a vocabulary, as the files spell them. */
        public <E extends Enum<E> & Vocabulary> Builder codes(String dimension, Class<E> vocabulary) {
            String[] codes = Vocabulary.CODES.get(vocabulary);
            String list = String.join(", ", codes);
            rules.put(dimension, new Rule(v -> Arrays.asList(codes).contains(v),
                    (name, value) -> Reason.of("breakdown.not-one-of", name, value, list)));
            return this;
        }

        /** Dimensions of countries, as the count files' rows are read: {@code total} or a code in capitals. */
        public Builder countries(String... dimensions) {
            for (String dimension : dimensions) {
                rules.put(dimension, new Rule(v -> v.equals("total") || CsvRow.isCountryCode(v),
                        (name, value) -> Reason.of("breakdown.not-country", name, value)));
            }
            return this;
        }

        /** A dimension of computed values only, whose values are listed here as the Data sheet writes them. */
        public Builder values(String dimension, String... values) {
            List<String> accepted = List.of(values);
            String list = String.join(", ", values);
            rules.put(dimension, new Rule(accepted::contains,
                    (name, value) -> Reason.of("breakdown.not-value", name, value, list)));
            return this;
        }

        public Builder rule(String dimension, Predicate<String> accepts, BiFunction<String, String, Reason> problem) {
            rules.put(dimension, new Rule(accepts, problem));
            return this;
        }

        /** The order in which the computed values write their dimensions (SPEC §4's columns). */
        public Builder order(String... dimensions) {
            order = List.of(dimensions);
            return this;
        }

        public BreakdownVocabulary build() {
            return new BreakdownVocabulary(rules, order);
        }
    }
}

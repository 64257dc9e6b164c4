package ma.observatory.indicator;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import ma.observatory.cube.Cube;
import ma.observatory.text.FrenchTypography;

/**
 * The words the program adds to a value's source when it says how it made the value ("difference
 * of 2024 (published: …) and 2023 (computed)"), in the workbook's language (SPEC §6: labels in the
 * chosen language). What the files' {@code source} columns say is quoted as written, whatever the
 * language. The patterns are in {@code messages_sources_en} and {@code messages_sources_fr}, read
 * with {@link MessageFormat}: an apostrophe there is written twice, and every argument is passed
 * as text, so that a period or a line number is never regrouped as a number.
 */
public final class SourceText {

    static final String BUNDLE = "messages_sources";

    /** A source is stored in a column of this many characters, the words the program adds included. */
    public static final int MAX_CHARS = 4000;

    /** As the tests and the log read sources. */
    public static final SourceText ENGLISH = new SourceText(Locale.ENGLISH);

    private final Locale locale;
    private final ResourceBundle bundle;

    private SourceText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A source kept to {@link #MAX_CHARS}, ending in "…" when cut: a long one never fails a step. */
    public static String capped(String text) {
        return text == null || text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
    }

    /** For a run's {@code --lang}: {@code en} or, as the nightly run, French. */
    public static SourceText of(String language) {
        return "en".equals(language) ? ENGLISH : new SourceText(Locale.FRENCH);
    }

    /** Periods in words in this language, as the workbook's introductions say them. */
    public ma.observatory.period.PeriodWords periods() {
        return ma.observatory.period.PeriodWords.of(locale);
    }

    /** "octobre", "October": a month named as a sentence says it. */
    public String monthName(java.time.YearMonth month) {
        return month.getMonth().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale);
    }

    /**
     * @throws java.util.MissingResourceException when the key has no pattern: a bug the bundle test finds
     */
    public String get(String key, String... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] == null ? "" : args[i];
        }
        return new MessageFormat(FrenchTypography.spacedIn(locale, bundle.getString(key)), locale).format(texts);
    }

    /**
     * The pattern {@code key} with {@code args} and, last, what a file says ({@code quoted}); where
     * the file says nothing, the pattern {@code key.bare} with {@code args} alone, so that no
     * sentence ends on a colon.
     */
    public String quoting(String key, String quoted, String... args) {
        if (quoted == null || quoted.isBlank()) {
            return get(key + ".bare", args);
        }
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = quoted;
        return get(key, all);
    }

    /**
     * The two ends of a change or a gap, each with its basis and source ({@code key}: "difference of
     * 2024 (published: HCP …) and 2023 (computed: …)"), or together where one source gave both on
     * one basis ({@code jointKey}: "difference of 2024 and 2023 (published: HCP …)"), rather than
     * the same long source twice; both computed from one source, that source as it is.
     */
    public String bothEnds(String key, String jointKey, String aName, Basis aBasis, String aSource, String bName,
                           Basis bBasis, String bSource) {
        if (aBasis == bBasis && java.util.Objects.equals(aSource, bSource)) {
            if (aBasis == Basis.COMPUTED) {
                return aSource;
            }
            return capped(get(jointKey, described(get("source.both-names", aName, bName), aBasis, aSource)));
        }
        return capped(get(key, described(aName, aBasis, aSource), described(bName, bBasis, bSource)));
    }

    /** A value named by {@code name}, with its basis and, when it has one, its source: {@code 2023 (published: HCP …)}. */
    public String described(String name, Basis basis, String source) {
        String how = get("source.basis." + basis.code());
        return source == null || source.isBlank() ? get("source.described.bare", name, how)
                : get("source.described", name, how, source);
    }

    /** A staged cell's source, where the staging marked it as one of several, in this language. */
    public String staged(String source) {
        if (source == null || !source.endsWith(Cube.OTHER_SOURCES)) {
            return source;
        }
        return get("source.other-sources", source.substring(0, source.length() - Cube.OTHER_SOURCES.length()));
    }

    /** A share to one decimal as this language writes it ({@code 113.1}, {@code 113,1}); {@code [x]} for none. */
    public String decimal(Double value) {
        return value == null ? "[x]" : String.format(locale, "%.1f", value);
    }

    /**
     * A figure the program worked out, as this language writes it: {@code 19,800,000} and
     * {@code 19 800 000}, decimals as they are (up to six). What a file says is quoted as written;
     * this is for figures the sentence reports.
     */
    public String figure(double value) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(6);
        return format.format(value);
    }

    /** The basis alone, as a source says it: {@code computed}, {@code calculé}. */
    public String basis(Basis basis) {
        return get("source.basis." + basis.code());
    }
}

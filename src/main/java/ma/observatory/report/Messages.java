package ma.observatory.report;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import ma.observatory.period.PeriodWords;
import ma.observatory.text.FrenchTypography;

/**
 * Labels in the report's language: the shared ones from {@code messages_fr} / {@code messages_en},
 * each domain's from its own bundle ({@code messages_outsourcing_fr}...), so that a domain's words
 * live beside nothing else's.
 */
public final class Messages {

    private static final List<String> BUNDLES = List.of("messages", "messages_outsourcing", "messages_tourism");

    private final List<ResourceBundle> bundles = new ArrayList<>();
    private final Locale locale;
    private final PeriodWords periods;
    /** Patterns as spaced in this language, by key: a label is asked for once per row of a table. */
    private final Map<String, String> spaced = new ConcurrentHashMap<>();

    public Messages(String language) {
        this.locale = "en".equals(language) ? Locale.ENGLISH : Locale.FRENCH;
        this.periods = PeriodWords.of(locale);
        for (String name : BUNDLES) {
            bundles.add(ResourceBundle.getBundle(name, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }

    /** @throws MissingResourceException when no bundle has the key: a label is missing, a bug */
    public String get(String key, Object... args) {
        String pattern = find(key);
        if (pattern == null) {
            throw new MissingResourceException("no label '" + key + "' for language " + locale, "Messages", key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A label that may be absent (a vocabulary value nobody translated): the code itself then. */
    public String getOr(String key, String fallback) {
        String value = find(key);
        return value == null ? fallback : value;
    }

    /** A unit in the workbook's language ("milliers de personnes"); as the input files write it if untranslated. */
    public String unit(ma.observatory.indicator.Unit unit) {
        return getOr("unit." + unit.name(), unit.text());
    }

    private String find(String key) {
        String known = spaced.get(key);
        if (known != null) {
            return known;
        }
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                String pattern = FrenchTypography.spacedIn(locale, b.getString(key));
                spaced.put(key, pattern);
                return pattern;
            }
        }
        return null;
    }

    /**
     * Periods and dates in this language's sentences (« T3 2025 », « janvier 2021 – octobre 2026 »);
     * a table's period column keeps the code.
     */
    public PeriodWords periods() {
        return periods;
    }

    public String language() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }
}

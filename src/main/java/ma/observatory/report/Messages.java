package ma.observatory.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Labels in the report's language, from {@code messages_fr} / {@code messages_en}. */
public final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(String language) {
        this.locale = "en".equals(language) ? Locale.ENGLISH : Locale.FRENCH;
        this.bundle = ResourceBundle.getBundle("messages", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A label that may be absent (a vocabulary value nobody translated): the code itself then. */
    public String getOr(String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    public String language() {
        return locale.getLanguage();
    }
}

package ma.observatory.csv;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Why a value or a row is rejected or warned about, kept as a message key and its arguments so
 * that the Data quality sheet says it in the workbook's language (SPEC §6), while the console, the
 * log and the database's {@code reason} column keep the English words an operator searches for.
 * The patterns are in {@code messages_reasons_en} and {@code messages_reasons_fr}, always read with
 * {@link MessageFormat}: an apostrophe there is written twice.
 *
 * @param key  the message key
 * @param args the arguments as text, already written as the file wrote them (counts, codes, values)
 */
public record Reason(String key, List<String> args) {

    static final String BUNDLE = "messages_reasons";

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String key, Object... args) {
        List<String> texts = new ArrayList<>(args.length);
        for (Object a : args) {
            texts.add(String.valueOf(a));
        }
        return new Reason(key, texts);
    }

    /** @throws java.util.MissingResourceException when the key has no pattern: a bug the bundle test finds */
    public String text(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(args.toArray());
    }

    public String english() {
        return text(Locale.ENGLISH);
    }
}

package ma.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** The French and English files of a message bundle, as the tests compare them. */
public final class MessageBundles {

    private MessageBundles() {
    }

    /** The patterns of {@code <bundle>_<language>.properties}, read as the program reads them (UTF-8). */
    public static Properties load(String bundle, String language) {
        Properties p = new Properties();
        try (InputStream in = MessageBundles.class.getResourceAsStream("/" + bundle + "_" + language + ".properties")) {
            assertThat(in).as(bundle + "_" + language).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * Both languages have the same keys, and each key's two patterns the same arguments: a key
     * or argument one language lacks would show as an error or a bare {0} in that workbook.
     */
    public static void assertSameKeysAndArguments(String bundle) {
        Properties en = load(bundle, "en");
        Properties fr = load(bundle, "fr");

        assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(arguments(fr.getProperty(key))).as(key).isEqualTo(arguments(en.getProperty(key)));
        }
    }

    /** The argument numbers a pattern uses; parsing it also proves it is a valid pattern. */
    private static Set<Integer> arguments(String pattern) {
        int count = new MessageFormat(pattern, Locale.ROOT).getFormatsByArgumentIndex().length;
        Set<Integer> used = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            if (pattern.contains("{" + i + "}")) {
                used.add(i);
            }
        }
        return used;
    }
}

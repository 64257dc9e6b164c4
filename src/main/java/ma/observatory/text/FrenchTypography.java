package ma.observatory.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The spaces French sets before « : ; ! ? % » and after « : no-break ones, so that a line
 * wrapped by Excel or LibreOffice never starts with a colon or a percent sign, nor leaves a
 * guillemet alone at the end of one. The narrow one (U+202F) is the printers' choice, and a
 * character no program turns into an ordinary space: the workbook's cells hold periods' words with
 * ordinary spaces, for a reader's search, and would turn the full no-break space too. Applied to
 * the program's own patterns only, never to what it quotes from the files.
 */
public final class FrenchTypography {

    public static final char NARROW_NO_BREAK_SPACE = '\u202f';

    private static final Pattern BEFORE_MARK = Pattern.compile(" (?=[:;!?%»])");
    private static final Pattern AFTER_GUILLEMET = Pattern.compile("(?<=«) ");

    private FrenchTypography() {
    }

    /** A message pattern as a workbook in that language writes it: spaced in French, as it is in English. */
    public static String spacedIn(Locale locale, String pattern) {
        return "fr".equals(locale.getLanguage()) ? spaced(pattern) : pattern;
    }

    /** The text with each space before a high mark, or after an opening guillemet, made a narrow no-break one. */
    public static String spaced(String text) {
        if (text.indexOf(' ') < 0) {
            return text;
        }
        String marked = BEFORE_MARK.matcher(text).replaceAll(String.valueOf(NARROW_NO_BREAK_SPACE));
        return AFTER_GUILLEMET.matcher(marked).replaceAll(String.valueOf(NARROW_NO_BREAK_SPACE));
    }
}

package ma.observatory.csv;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ma.observatory.period.PeriodWords;
import ma.observatory.text.FrenchTypography;

/**
 * Why a value or a row is rejected or warned about, kept as a message key and its arguments so
 * that the Data quality sheet says it in the workbook's language (SPEC §6), while the console, the
 * log and the database's {@code reason} column keep the English words an operator searches for.
 * The patterns are in {@code messages_reasons_en} and {@code messages_reasons_fr}, always read with
 * {@link MessageFormat}: an apostrophe there is written twice.
 *
 * @param key  the message key
 * @param args the arguments as text, written as the file wrote them (counts, codes, values); the
 *             workbook's {@link #text} writes the numbers among them as its language does
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

    /**
     * The reason as a reader of the workbook reads it: a count or sum among the arguments is
     * written as the language writes it (2 700 000 and 12,5 in French, 2,700,000 in English),
     * grouped from five digits on; a month the program names (not one the file gave) is said in
     * words, « novembre 2026 »; what quotes the file stays as the file wrote it.
     *
     * @throws java.util.MissingResourceException when the key has no pattern: a bug the bundle test finds
     */
    public String text(Locale locale) {
        Set<Integer> numbers = NUMBERS.getOrDefault(key, Set.of());
        Set<Integer> months = MONTHS.getOrDefault(key, Set.of());
        List<String> shown = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            shown.add(numbers.contains(i) && PLAIN_NUMBER.matcher(a).matches() ? asWritten(a, locale)
                    : months.contains(i) ? monthSaid(a, locale) : a);
        }
        return format(locale, shown);
    }

    /** As the console, the log and the database keep it: numbers as the file wrote them, to search for. */
    public String english() {
        return format(Locale.ENGLISH, args);
    }

    private String format(Locale locale, List<String> arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(FrenchTypography.spacedIn(locale, bundle.getString(key)), locale)
                .format(arguments.toArray());
    }

    /**
     * The arguments, by key, that are counts or sums the program worked out: written as the
     * language writes numbers. The others quote the file ("0015", a code, a value as typed) and
     * stay exactly as it wrote them.
     */
    private static final Map<String, Set<Integer>> NUMBERS = Map.ofEntries(
            Map.entry("line.fields.missing", Set.of(0, 1)),
            Map.entry("line.fields.one", Set.of(0)),
            Map.entry("line.fields.extra", Set.of(0, 1)),
            Map.entry("field.too-long", Set.of(0, 1)),
            Map.entry("field.too-long.unnamed", Set.of(0, 1)),
            Map.entry("line.too-long", Set.of(0, 1)),
            Map.entry("total.differs.places", Set.of(1, 2)),
            Map.entry("total.differs.places.worked-out", Set.of(1, 2)),
            Map.entry("places.not-tiled", Set.of(1)),
            Map.entry("places.parts-missing", Set.of(1)),
            Map.entry("total.differs.groups", Set.of(1, 2)),
            Map.entry("total.differs.groups.worked-out", Set.of(1, 2)),
            Map.entry("total.differs.months", Set.of(1, 2)),
            Map.entry("total.differs.months.worked-out", Set.of(1, 2)),
            Map.entry("change.implausible.up", Set.of(2, 3, 5)),
            Map.entry("change.implausible.down", Set.of(2, 3, 5)),
            Map.entry("value.too-long", Set.of(0, 1)),
            Map.entry("warnings.more", Set.of(0, 1)),
            Map.entry("file.mixed-encoding", Set.of(0)),
            Map.entry("labour-force.not-sum", Set.of(0)),
            Map.entry("labour-force.sum-above-population", Set.of(0)),
            Map.entry("employed.differs-across-files", Set.of(1, 2)));

    /** The arguments, by key, that are a month the program names: the month the run started in. */
    private static final Map<String, Set<Integer>> MONTHS = Map.of(
            "period.future", Set.of(0),
            "period.not-begun", Set.of(0));

    private static String monthSaid(String month, Locale locale) {
        try {
            return PeriodWords.of(locale).month(YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            return month; // as given, rather than no reason at all
        }
    }

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(\\d+)(?:\\.(\\d+))?");
    private static final int GROUPED_FROM_DIGITS = 5;

    /** The same digits, none added or dropped, with the language's decimal mark and grouping. */
    private static String asWritten(String number, Locale locale) {
        Matcher m = PLAIN_NUMBER.matcher(number);
        m.matches();
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        int decimals = m.group(2) == null ? 0 : m.group(2).length();
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setGroupingUsed(m.group(1).length() >= GROUPED_FROM_DIGITS);
        return format.format(new BigDecimal(number));
    }
}

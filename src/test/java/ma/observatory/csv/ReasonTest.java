package ma.observatory.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ma.observatory.MessageBundles;

/**
 * The reasons' two bundles against each other and against the code: a key the code uses but no
 * bundle has would fail the import of the first row with that problem, in the middle of a run.
 */
class ReasonTest {

    private static final Pattern KEY = Pattern.compile("\"([a-z][a-z-]*(?:\\.[a-z][a-z-]*)+)\"");

    @Test
    void aReasonIsSaidInEnglishAndInFrench() {
        Reason reason = Reason.of("line.fields.missing", 3, 11);

        assertThat(reason.english())
                .isEqualTo("the line has 3 fields but the header has 11 (a separator is missing or the line was cut)");
        assertThat(reason.text(Locale.FRENCH))
                .isEqualTo("la ligne a 3 champs alors que l’en-tête en a 11 (un séparateur manque ou la ligne est coupée)");
    }

    @Test
    void theWorkbookWritesNumbersAsItsLanguageDoesWhileTheLogKeepsThemAsTheFileDid() {
        Reason reason = Reason.of("total.differs.groups", "2025-07, MA", "2700000", "2675000.5", "visitor_type");

        assertThat(reason.text(Locale.FRENCH)).isEqualTo("2025-07, MA\u202f: le total donné par le fichier (2\u202F700\u202F000)"
                + " diffère de la somme de ses groupes visitor_type (2\u202F675\u202F000,5)\u202f; le total donné est retenu");
        assertThat(reason.text(Locale.ENGLISH)).isEqualTo("2025-07, MA: the total given in the file (2,700,000) differs"
                + " from the sum of its visitor_type groups (2,675,000.5); the total given is used");
        assertThat(reason.english()).contains("(2700000)").contains("(2675000.5)");
        // Decimals are neither added nor dropped; four digits are not grouped.
        assertThat(Reason.of("labour-force.not-sum", "1234.50").text(Locale.FRENCH)).startsWith("diffère de employed"
                + " + unemployed (1234,50)");
        assertThat(Reason.of("labour-force.not-sum", "-12345").text(Locale.FRENCH)).contains("(-12\u202F345)");
        assertThat(Reason.of("line.fields.missing", 3, 2025).text(Locale.FRENCH)).contains("a 3 champs").contains("en a 2025");
        assertThat(Reason.of("line.fields.one", 12000).text(Locale.FRENCH)).startsWith("la ligne n’a qu’un champ alors que"
                + " l’en-tête en a 12\u202F000 (");
        // a slip's figures: "1.645" is not 1,645 to a French reader
        assertThat(Reason.of("change.implausible.down", "2024-Q1, MA", "unemployed", "1.645", "1549", "2023-Q1", "942")
                .text(Locale.FRENCH)).startsWith("2024-Q1, MA\u202f: unemployed vaut 1,645, environ 1/942 des 1549"); // four digits are not grouped
        assertThat(Reason.of("total.differs.months", "2025, MA", "19800000", "19996177").text(Locale.FRENCH))
                .contains("(19\u202F800\u202F000)").contains("(19\u202F996\u202F177)");
        // What quotes the file stays as written: a value, a code, a date.
        assertThat(Reason.of("count.above-labour-force", "0950").text(Locale.FRENCH)).isEqualTo("dépasse labour_force (0950)");
        assertThat(Reason.of("breakdown.not-country", "client_country", "12345").text(Locale.FRENCH)).contains("«\u202f12345\u202f»");
        assertThat(Reason.of("effective-on.before-announced", "2025-06-25").text(Locale.FRENCH)).contains("(2025-06-25)");
    }

    /** The English reader who mistyped a period, a date or a number is told what to write, as the French one is. */
    @Test
    void aBadPeriodDateOrNumberIsToldWithAnExampleInBothLanguages() {
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            assertThat(Reason.of("period.invalid").text(language)).as(language + " period").contains("2024, 2024-Q1, 2024-03");
            assertThat(Reason.of("date.invalid").text(language)).as(language + " date").contains("2026-08-11");
            assertThat(Reason.of("number.invalid.point").text(language)).as(language + " number").contains("1234.5");
        }
        // a reason follows the value it is about, as the others do: "is not a period", "is not a number"
        assertThat(Reason.of("number.invalid.point").english()).startsWith("is not a number");
        assertThat(Reason.of("number.invalid.comma").english()).startsWith("is not a number");
    }

    @Test
    void theMonthTheRunStartedInIsSaidInWordsInTheWorkbookAndAsACodeInTheLog() {
        Reason reason = Reason.of("period.future", "2026-11");

        assertThat(reason.text(Locale.FRENCH)).startsWith("n’est pas achevée en novembre\u00a02026, le mois où");
        assertThat(reason.text(Locale.ENGLISH)).startsWith("is not over in November\u00a02026, the month");
        assertThat(reason.english()).startsWith("is not over in 2026-11, the month");
    }

    @Test
    void apostrophesAndQuotesComeOutAsWritten() {
        assertThat(Reason.of("unit.mismatch", "employment.unemployment_rate", "%").english())
                .isEqualTo("does not match the unit of employment.unemployment_rate, which is '%'");
        assertThat(Reason.of("regulation.id.invalid").english())
                .isEqualTo("is not a valid id: up to 100 letters, digits, '.', '_' or '-' (e.g. fr-2025-594)");
        assertThat(Reason.of("breakdown.not-pairs", "female").english())
                .isEqualTo("'female' is not a name=value pair; expected name=value pairs joined by ', '");
    }

    @Test
    void bothLanguagesHaveTheSameKeysWithTheSameArguments() {
        MessageBundles.assertSameKeysAndArguments(Reason.BUNDLE);
    }

    @Test
    void everyKeyTheCodeGivesHasItsWordsAndEveryKeyIsUsed() throws IOException {
        Set<String> known = MessageBundles.load(Reason.BUNDLE, "en").stringPropertyNames();
        Set<String> onReasonLines = new TreeSet<>();
        Set<String> anywhere = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher m = KEY.matcher(line);
                    while (m.find()) {
                        anywhere.add(m.group(1));
                        if (line.contains("Reason.of(")) {
                            onReasonLines.add(m.group(1));
                        }
                    }
                }
            }
        }

        assertThat(onReasonLines).isNotEmpty();
        assertThat(known).containsAll(onReasonLines);
        assertThat(anywhere).containsAll(known);
    }
}

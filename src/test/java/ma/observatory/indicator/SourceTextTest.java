package ma.observatory.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ma.observatory.MessageBundles;

/**
 * The words the program adds to sources, in both languages: a key the code uses but a bundle
 * lacks would stop the indicator step of a run in that language.
 */
class SourceTextTest {

    private static final Pattern KEY = Pattern.compile("\"(source\\.[a-z][a-z-]*(?:\\.[a-z][a-z-]*)*)\"");
    /** A key given to quoting(…) has a bare twin, for a file that says nothing. */
    private static final Pattern QUOTING = Pattern.compile("quoting\\(\"(source\\.[a-z][a-z-]*(?:\\.[a-z][a-z-]*)*)\"");

    @Test
    void aTargetAwaitingItsYearSaysWhatAnEarlierYearReachedInTheWorkbooksLanguage() {
        SourceText fr = SourceText.of("fr");
        // 19.8 / 17.5 = 113.14 %
        assertThat(fr.get("source.awaiting.earlier", "objectif\u202f: targets.csv ligne 3", "2026", "2025",
                fr.figure(19_800_000), fr.decimal(100 * 19.8 / 17.5), fr.basis(Basis.COMPUTED)))
                .isEqualTo("objectif\u202f: targets.csv ligne 3 | aucun chiffre annuel de 2026 dans les données\u202f; en 2025\u202f:"
                        + " 19\u202f800\u202f000 (calculé), soit 113,1\u202f% de l’objectif");
        assertThat(SourceText.ENGLISH.figure(19_800_000)).isEqualTo("19,800,000");
        assertThat(SourceText.ENGLISH.figure(112_500.25)).isEqualTo("112,500.25");
        assertThat(SourceText.ENGLISH.decimal(100 * 19.8 / 17.5)).isEqualTo("113.1");
        assertThat(SourceText.ENGLISH.decimal(null)).isEqualTo("[x]");
    }

    @Test
    void aDifferenceIsSaidInTheWorkbooksLanguageQuotingTheFilesAsWritten() {
        SourceText fr = SourceText.of("fr");
        String difference = fr.get("source.difference",
                fr.described("2024", Basis.PUBLISHED, "HCP note, reported by Le Matin"),
                fr.described("2023", Basis.COMPUTED, null));

        assertThat(difference).isEqualTo("différence entre 2024 (publié\u202f: HCP note, reported by Le Matin) et 2023 (calculé)");
        assertThat(SourceText.of("en").get("source.difference",
                SourceText.ENGLISH.described("2024", Basis.PUBLISHED, "HCP note"),
                SourceText.ENGLISH.described("2023", Basis.COMPUTED, " ")))
                .isEqualTo("difference of 2024 (published: HCP note) and 2023 (computed)");
    }

    @Test
    void theTwoEndsOfADifferenceFromOneSourceOnOneBasisAreSaidTogether() {
        SourceText fr = SourceText.of("fr");
        assertThat(fr.bothEnds("source.difference", "source.difference.joint", "2024", Basis.PUBLISHED, "HCP",
                "2023", Basis.PUBLISHED, "HCP")).isEqualTo("différence entre 2024 et 2023 (publié\u202f: HCP)");
        // another source or another basis: each end with its own
        assertThat(fr.bothEnds("source.difference", "source.difference.joint", "2024", Basis.PUBLISHED, "HCP",
                "2023", Basis.COMPUTED, "HCP")).isEqualTo("différence entre 2024 (publié\u202f: HCP) et 2023 (calculé\u202f: HCP)");
        assertThat(SourceText.ENGLISH.bothEnds("source.from-both", "source.from-both.joint", "2024-03",
                Basis.PUBLISHED, "DEPF", "2023-03", Basis.PUBLISHED, "ONMT"))
                .isEqualTo("from 2024-03 (published: DEPF) and 2023-03 (published: ONMT)");
    }

    @Test
    void periodsAndLineNumbersStayAsWrittenAndApostrophesComeOut() {
        assertThat(SourceText.of("fr").quoting("source.events.lines", null, "outsourcing/relocations.csv",
                "2, 1234, 12345")).isEqualTo("outsourcing/relocations.csv, lignes 2, 1234, 12345");
        assertThat(SourceText.of("fr").quoting("source.events.line", "RTBF, 3 mai 2025", "outsourcing/relocations.csv",
                "2")).isEqualTo("outsourcing/relocations.csv, ligne 2\u202f: RTBF, 3 mai 2025");
        assertThat(SourceText.ENGLISH.get("source.january-ytd", "tourism.arrivals_change_pct"))
                .isEqualTo("January’s own change (tourism.arrivals_change_pct), the year to date being the month");
        // where the file gives no source, no sentence ends on a colon
        assertThat(SourceText.ENGLISH.quoting("source.all-sectors", null, "employment/employment_by_sector.csv"))
                .isEqualTo("employment/employment_by_sector.csv, all sectors");
        assertThat(SourceText.of("fr").quoting("source.jobs-at-risk", " ", "outsourcing/sector_jobs.csv 2025",
                "outsourcing/regulations.csv", "fr-2025-594")).isEqualTo("emplois exposés\u202f: outsourcing/sector_jobs.csv"
                + " 2025 | taux de perte (outsourcing/regulations.csv, fr-2025-594)");
        assertThat(SourceText.of("fr").quoting("source.jobs-in", "RFI", "outsourcing/sector_jobs.csv", "2025"))
                .isEqualTo("outsourcing/sector_jobs.csv 2025\u202f: RFI");
    }

    @Test
    void aCellOfSeveralSourcesIsSaidSoInTheWorkbooksLanguage() {
        assertThat(SourceText.of("fr").staged("HCP, région 1 (and other sources)"))
                .isEqualTo("HCP, région 1 (et d’autres sources)");
        assertThat(SourceText.ENGLISH.staged("HCP (and other sources)")).isEqualTo("HCP (and other sources)");
        assertThat(SourceText.of("fr").staged("HCP")).isEqualTo("HCP");
        assertThat(SourceText.of("fr").staged(null)).isNull();
    }

    @Test
    void bothLanguagesHaveTheSameKeysWithTheSameArguments() {
        MessageBundles.assertSameKeysAndArguments(SourceText.BUNDLE);
    }

    @Test
    void everyKeyTheCodeUsesHasItsWordsAndEveryKeyIsUsed() throws IOException {
        Set<String> known = MessageBundles.load(SourceText.BUNDLE, "en").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
                Matcher quoting = QUOTING.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (quoting.find()) {
                    used.add(quoting.group(1) + ".bare");
                }
            }
        }
        // The two bases are named through Basis.code(), not spelled in the code.
        used.add("source.basis.computed");
        used.add("source.basis.published");

        assertThat(known).containsAll(used);
        assertThat(used).containsAll(known);
    }
}

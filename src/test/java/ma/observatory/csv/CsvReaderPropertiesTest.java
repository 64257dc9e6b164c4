package ma.observatory.csv;

import static ma.observatory.csv.GeneratedCsv.FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import ma.observatory.employment.LabourForceDataset;
import ma.observatory.employment.LabourForceRecord;
import ma.observatory.geo.GeoReference;
import ma.observatory.geo.Place;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The reader over random files (see {@link GeneratedCsv}) and random text. Whatever the file, the
 * only exception is an {@link InputContractException} naming the file; every data line comes out,
 * kept or rejected with a reason, on the line an editor shows; a kept row's numbers are finite and
 * within the row rules; and the bound on field size changes nothing but the rows it rejects.
 */
class CsvReaderPropertiesTest {

    static final int TRIES = 1000;
    /** Cutting files is the dearest property (every try is a whole file read to its cut): half as many tries. */
    static final int CUT_TRIES = 500;

    private static final GeoReference GEO = new GeoReference(
            List.of(new Place("MA", "Maroc", "Morocco", "country", "")), Set.of("country", "region"));

    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("csv-properties");
        Files.createDirectories(dir.resolve(FILE).getParent());
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void write(byte[] bytes) {
        try {
            Files.write(dir.resolve(FILE), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Parsed<LabourForceRecord>> read(int maxFieldChars) {
        var reader = new CsvItemReader<>("properties", dir, LabourForceDataset.INSTANCE,
                row -> LabourForceDataset.map(row, GEO), maxFieldChars);
        reader.open(new ExecutionContext());
        try {
            List<Parsed<LabourForceRecord>> all = new ArrayList<>();
            Parsed<LabourForceRecord> p;
            while ((p = reader.read()) != null) {
                all.add(p);
            }
            return all;
        } finally {
            reader.close();
        }
    }

    @Provide
    Arbitrary<GeneratedCsv.Spec> files() {
        return GeneratedCsv.specs();
    }

    /**
     * A well-formed file of any dialect: no exception; kept + rejected = data lines written, each on
     * its own line number; each line kept or rejected exactly as the contract says, with its values.
     */
    @Property(tries = TRIES)
    void everyDataLineIsKeptOrRejectedWithAReason(@ForAll("files") GeneratedCsv.Spec spec) {
        GeneratedCsv.Rendered file = GeneratedCsv.render(spec);
        write(file.bytes());

        List<Parsed<LabourForceRecord>> parsed = read(spec.maxFieldChars());

        List<GeneratedCsv.Expected> expected = file.rows();
        assertThat(parsed).extracting(Parsed::line).containsExactlyElementsOf(
                expected.stream().map(GeneratedCsv.Expected::line).toList());
        for (int i = 0; i < parsed.size(); i++) {
            Parsed<LabourForceRecord> p = parsed.get(i);
            GeneratedCsv.Expected e = expected.get(i);
            assertWellFormed(p);
            assertThat(p.rejected()).as("line %d rejected, problems %s", e.line(), p.rejects()).isEqualTo(!e.kept());
            if (e.tooLong() != null) {
                assertThat(p.rejects()).anySatisfy(r -> assertThat(r.reason()).contains(e.tooLong()));
            }
            if (e.kept()) {
                LabourForceRecord r = p.item();
                assertThat(r.source()).isEqualTo(e.source());
                assertThat(r.geo()).isEqualTo(e.geo());
                assertThat(new Double[] {r.population(), r.labourForce(), r.employed(), r.unemployed(),
                        r.underemployed()}).containsExactly(e.counts());
            }
        }
        Statistics.label("separator").collect(spec.separator());
        Statistics.label("encoding").collect(spec.encoding(), file.readAs());
        Statistics.label("rows").collect(parsed.isEmpty() ? "none" : parsed.stream().allMatch(Parsed::rejected)
                ? "all rejected" : parsed.stream().noneMatch(Parsed::rejected) ? "all kept" : "kept and rejected");
        Statistics.label("too long").collect(expected.stream().anyMatch(e -> e.tooLong() != null));
    }

    /** What every item must be: kept with an item inside the rules, or rejected with reasons that name the file. */
    private static void assertWellFormed(Parsed<LabourForceRecord> p) {
        if (p.rejected()) {
            assertThat(p.item()).isNull();
            assertThat(p.rejects()).allSatisfy(r -> {
                assertThat(r.file()).isEqualTo(FILE);
                assertThat(r.line()).isEqualTo(p.line());
                assertThat(r.reason()).isNotBlank();
            });
            return;
        }
        LabourForceRecord r = p.item();
        assertThat(r).isNotNull();
        for (Double d : new Double[] {r.population(), r.labourForce(), r.employed(), r.unemployed(), r.underemployed()}) {
            if (d != null) {
                assertThat(Double.isFinite(d)).as("finite %s", d).isTrue();
                assertThat(Double.doubleToRawLongBits(d)).as("-0 is read as 0").isNotEqualTo(Long.MIN_VALUE);
                assertThat(d).isGreaterThanOrEqualTo(0.0);
            }
        }
        if (r.employed() != null && r.labourForce() != null) {
            assertThat(r.employed()).isLessThanOrEqualTo(r.labourForce());
        }
        if (r.labourForce() != null && r.population() != null) {
            assertThat(r.labourForce()).isLessThanOrEqualTo(r.population());
        }
        if (r.unemployed() != null && r.labourForce() != null) {
            assertThat(r.unemployed()).isLessThanOrEqualTo(r.labourForce());
        }
    }

    /**
     * The same files cut short at any byte, in the middle of a quoted field too: either an
     * InputContractException naming the file, or every line wholly before the cut comes out (and
     * the cut one perhaps), nothing else.
     */
    @Property(tries = CUT_TRIES)
    void aFileCutShortAnywhereFailsWithItsNameOrKeepsEveryWholeLine(@ForAll("files") GeneratedCsv.Spec spec,
            @ForAll @DoubleRange(min = 0, max = 1) double where) {
        GeneratedCsv.Rendered file = GeneratedCsv.render(spec);
        int cut = (int) Math.floor(where * file.bytes().length);
        write(Arrays.copyOf(file.bytes(), cut));

        List<Parsed<LabourForceRecord>> parsed;
        try {
            parsed = read(spec.maxFieldChars());
        } catch (InputContractException e) {
            assertThat(e.getMessage()).contains(FILE);
            Statistics.label("outcome").collect(e.getMessage().contains("damaged") ? "damaged file"
                    : e.getMessage().contains("empty") ? "empty file" : "header broken");
            return;
        }
        List<Long> whole = new ArrayList<>();
        Long partial = null;
        for (GeneratedCsv.Expected e : file.rows()) {
            if (e.byteContentEnd() <= cut) {
                whole.add(e.line());
            } else if (e.byteStart() < cut) {
                partial = e.line();
            }
        }
        List<Long> lines = parsed.stream().map(Parsed::line).toList();
        if (lines.size() == whole.size()) {
            assertThat(lines).containsExactlyElementsOf(whole);
        } else {
            List<Long> withPartial = new ArrayList<>(whole);
            withPartial.add(partial);
            assertThat(lines).containsExactlyElementsOf(withPartial);
        }
        parsed.forEach(CsvReaderPropertiesTest::assertWellFormed);
        Statistics.label("outcome").collect(lines.size() == whole.size() ? "read to the end" : "cut line read too");
    }

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> chunk = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withChars(",;\"\r\n a1é\u0000\t\u000B\u001F\u2028x").ofMaxLength(12)),
                Tuple.of(1, Combinators.combine(Arbitraries.of("x", "\"", ",", ";", "\n", "\"\"", " ", "\r\n", "é"),
                        Arbitraries.integers().between(10, 400)).as(String::repeat)));
        return chunk.list().ofMaxSize(30).map(list -> String.join("", list));
    }

    /**
     * Random text after a valid header, read with a small field limit, against Commons CSV reading the
     * same text with no limit: the same rows on the same lines with the same values, except that a
     * row with a field or a line over the limit is rejected giving the real length; a text Commons
     * CSV refuses is a damaged file at the same line.
     */
    @Property(tries = TRIES)
    void theBoundChangesNothingButTheRowsItRejects(@ForAll("hostileText") String body,
            @ForAll("separators") char separator, @ForAll("smallLimits") int limit) {
        String header = CsvTestSupport.LF_HEADER.replace(',', separator) + "\n";
        String text = header + body;
        write(text.getBytes(StandardCharsets.UTF_8));

        Oracle oracle = Oracle.of(text, separator, limit);
        List<CsvRow> rows = new ArrayList<>();
        InputContractException failure = null;
        try (CsvFile file = CsvFile.open(dir, LabourForceDataset.INSTANCE, limit)) {
            CsvRow row;
            while ((row = file.next()) != null) {
                rows.add(row);
            }
        } catch (InputContractException e) {
            failure = e;
        }

        if (oracle.failedAtLine() > 0) {
            assertThat(failure).as("Commons CSV fails at line %d", oracle.failedAtLine()).isNotNull();
            assertThat(failure.getMessage()).contains(FILE).contains("at line " + oracle.failedAtLine() + " ");
        } else if (failure != null) {
            fail("unexpected failure", failure);
        }
        assertThat(rows).extracting(CsvRow::line).containsExactlyElementsOf(
                oracle.rows().stream().map(OracleRow::line).toList());
        for (int i = 0; i < rows.size(); i++) {
            CsvRow row = rows.get(i);
            OracleRow o = oracle.rows().get(i);
            if (o.tooLong() != null) {
                assertThat(row.rejects()).singleElement()
                        .satisfies(r -> assertThat(r.reason()).contains(o.tooLong()));
            } else {
                assertThat(row.values()).containsExactlyElementsOf(o.values());
            }
        }
        Statistics.label("outcome").collect(oracle.failedAtLine() > 0 ? "damaged file"
                : oracle.rows().stream().anyMatch(o -> o.tooLong() != null) ? "rows over the limit" : "within the limit");
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> afterHeader = random.map(b -> concat(
                (CsvTestSupport.LF_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8), b));
        Arbitrary<byte[]> generatedAsUtf16 = Combinators.combine(files(), Arbitraries.of(StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16)).as((spec, utf16) -> new String(GeneratedCsv.render(spec).bytes(),
                StandardCharsets.UTF_8).getBytes(utf16));
        Arbitrary<byte[]> generatedWithNoise = Combinators.combine(files(), random, Arbitraries.doubles().between(0, 1))
                .as((spec, noise, where) -> {
                    byte[] b = GeneratedCsv.render(spec).bytes();
                    int at = (int) (where * b.length);
                    return concat(concat(Arrays.copyOf(b, at), noise), Arrays.copyOfRange(b, at, b.length));
                });
        return Arbitraries.frequencyOf(Tuple.of(2, random), Tuple.of(3, afterHeader), Tuple.of(1, generatedAsUtf16),
                Tuple.of(3, generatedWithNoise));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * Any bytes at all (noise, noise after a header, a generated file in UTF-16 or with noise
     * inserted anywhere): the run ends either with rows, each kept inside the rules or rejected with
     * a reason, on increasing lines, or with an InputContractException naming the file.
     */
    @Property(tries = TRIES)
    void anyBytesEndInRowsOrInASentenceNamingTheFile(@ForAll("anyBytes") byte[] bytes,
            @ForAll("smallLimits") int limit) {
        write(bytes);
        List<Parsed<LabourForceRecord>> parsed;
        try {
            parsed = read(limit);
        } catch (InputContractException e) {
            assertThat(e.getMessage()).contains(FILE);
            Statistics.label("outcome").collect("InputContractException");
            return;
        }
        long previous = 1;
        for (Parsed<LabourForceRecord> p : parsed) {
            assertThat(p.line()).isGreaterThan(previous);
            previous = p.line();
            assertWellFormed(p);
        }
        Statistics.label("outcome").collect(parsed.isEmpty() ? "no rows" : "rows");
    }

    @Provide
    Arbitrary<Character> separators() {
        return Arbitraries.of(',', ';');
    }

    @Provide
    Arbitrary<Integer> smallLimits() {
        return Arbitraries.integers().between(13, 40); // 13: the longest header name, "underemployed"
    }

    record OracleRow(long line, List<String> values, String tooLong) {
    }

    /** Commons CSV alone, configured as CsvFile configures it, and CsvFile's rules on blank lines and limits. */
    record Oracle(List<OracleRow> rows, long failedAtLine) {

        static Oracle of(String text, char separator, int limit) {
            List<OracleRow> rows = new ArrayList<>();
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                    .setTrim(false).get();
            long consumed = 0;
            boolean header = true;
            try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
                var records = parser.iterator();
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    long line = consumed + 1;
                    consumed = parser.getCurrentLineNumber();
                    if (header) {
                        header = false;
                        continue;
                    }
                    List<String> values = record.toList();
                    long recordChars = values.size() - 1L;
                    String tooLong = null;
                    for (String v : values) {
                        recordChars += v.length();
                        if (tooLong == null && v.length() > limit) {
                            tooLong = "the field is too long: " + v.length() + " characters";
                        }
                    }
                    if (tooLong == null && recordChars > (long) limit * CsvFile.RECORD_TO_FIELD_RATIO) {
                        tooLong = "the line is too long: " + recordChars + " characters";
                    }
                    if (tooLong == null && values.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    rows.add(new OracleRow(line, values, tooLong));
                }
            } catch (UncheckedIOException e) {
                return new Oracle(rows, consumed + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Oracle(rows, 0);
        }
    }
}

package ma.observatory.csv;

import static ma.observatory.csv.CsvTestSupport.LABOUR_FORCE;
import static ma.observatory.csv.CsvTestSupport.LF_HEADER;
import static ma.observatory.csv.CsvTestSupport.labourForceReader;
import static ma.observatory.csv.CsvTestSupport.readAll;
import static ma.observatory.csv.CsvTestSupport.write;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ma.observatory.employment.LabourForceDataset;
import ma.observatory.employment.LabourForceRecord;
import ma.observatory.geo.GeoReference;

/**
 * Fields and lines are bounded: a field over the limit is a rejected row giving its length, and
 * reading it takes memory in proportion to the limit, not to the field.
 */
class BoundedFieldsTest {

    private static final String ROW = "2024,MA,total,total,15+,100,50,45,5,,";
    private static final int TEN_MB = 10 * 1024 * 1024;

    @TempDir
    Path dir;

    private CsvItemReader<LabourForceRecord> reader(int maxFieldChars) {
        GeoReference geo = CsvTestSupport.geo();
        return new CsvItemReader<>("bounded", dir, LabourForceDataset.INSTANCE,
                row -> LabourForceDataset.map(row, geo), maxFieldChars);
    }

    /** Writes the header, one row whose source is {@code chars} times 'x' (quoted, closed or not), then more. */
    private Path writeHugeField(int chars, boolean closed, String before, String after) throws IOException {
        Path p = dir.resolve(LABOUR_FORCE);
        Files.createDirectories(p.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
            out.write((LF_HEADER + "\n" + ROW.replace(",MA,", ",MA-01,") + "HCP\n" + ROW + "\"" + before)
                    .getBytes(StandardCharsets.UTF_8));
            byte[] block = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            int left = chars - before.length();
            while (left > 0) {
                int n = Math.min(left, block.length);
                out.write(block, 0, n);
                left -= n;
            }
            if (closed) {
                out.write(("\"\n" + after).getBytes(StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void defaultLimitIs64KiB() {
        assertThat(CsvFile.DEFAULT_MAX_FIELD_CHARS).isEqualTo(65_536);
        String atLimit = "s".repeat(65_536);
        writeUtf8(dir, LABOUR_FORCE, LF_HEADER + "\n" + ROW + atLimit + "\n"
                + ROW.replace(",MA,", ",MA-01,") + atLimit + "s\n");

        List<Parsed<LabourForceRecord>> parsed = readAll(labourForceReader(dir));

        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0).rejected()).isFalse();
        assertThat(parsed.get(0).item().source()).hasSize(65_536);
        assertThat(parsed.get(1).rejects()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("source");
            assertThat(p.reason()).contains("too long").contains("65537 characters").contains("65536");
            assertThat(p.value()).hasSize(41).endsWith("…");
        });
    }

    /**
     * A 10 MB quoted field, closed, under a 1 KiB limit: the row is rejected with the field's real
     * length, the next row reads normally, and reading allocates a few megabytes at most where Commons
     * CSV alone allocates several times the field.
     */
    @Test
    void tenMegabyteFieldIsARejectedRowAndMemoryStaysBounded() throws IOException {
        Path file = writeHugeField(TEN_MB, true, "line one\r\nline two\n", "2024,MA-02,total,total,15+,100,50,45,5,,HCP\n");

        long before = allocatedBytes();
        List<Parsed<LabourForceRecord>> parsed = readAll(reader(1024));
        long bounded = allocatedBytes() - before;

        assertThat(parsed).extracting(Parsed::line).containsExactly(2L, 3L, 6L);
        assertThat(parsed.get(0).rejected()).isFalse();
        assertThat(parsed.get(1).rejects()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(LABOUR_FORCE);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("source");
            assertThat(p.reason()).contains("the field is too long: " + TEN_MB + " characters").contains("1024");
        });
        assertThat(parsed.get(2).rejected()).isFalse();
        assertThat(parsed.get(2).item().geo()).isEqualTo("MA-02");

        long unbounded = allocatedByCommonsCsvAlone(file);
        System.out.printf("10 MB field: %,d bytes allocated with a 1 KiB limit, %,d by Commons CSV alone%n",
                bounded, unbounded);
        assertThat(bounded).isLessThan(8L * 1024 * 1024);
        assertThat(unbounded).isGreaterThan(3L * bounded);
    }

    private static long allocatedByCommonsCsvAlone(Path file) throws IOException {
        long before = allocatedBytes();
        try (CSVParser parser = CSVParser.builder().setPath(file).setCharset(StandardCharsets.UTF_8)
                .setFormat(CSVFormat.DEFAULT).get()) {
            for (CSVRecord record : parser) {
                record.size();
            }
        }
        return allocatedBytes() - before;
    }

    /** The same field never closed: the file is damaged, named with the line where the quote opens. */
    @Test
    void tenMegabyteFieldNeverClosedIsADamagedFileNamingTheLine() throws IOException {
        writeHugeField(TEN_MB, false, "", "");

        var reader = reader(1024);
        reader.open(new org.springframework.batch.infrastructure.item.ExecutionContext());
        try {
            assertThat(reader.read().line()).isEqualTo(2);
            long before = allocatedBytes();
            assertThatThrownBy(reader::read).isInstanceOf(InputContractException.class)
                    .hasMessageContaining(LABOUR_FORCE)
                    .hasMessageContaining("at line 3 ")
                    .hasMessageContaining("quoted field that opens on line 3 is never closed")
                    .hasMessageContaining(TEN_MB + " characters");
            assertThat(allocatedBytes() - before).isLessThan(8L * 1024 * 1024);
        } finally {
            reader.close();
        }
    }

    @Test
    void lineBreaksInsideADroppedFieldStillCount() {
        // the source spans lines 3 to 7; the next row is on line 8
        writeUtf8(dir, LABOUR_FORCE, LF_HEADER + "\n" + ROW + "HCP\n"
                + ROW.replace(",MA,", ",MA-01,") + "\"a long\nsource\r\nwith\rline breaks\nthat goes on\"\n"
                + ROW.replace(",MA,", ",MA-02,") + "HCP\n");

        List<Parsed<LabourForceRecord>> parsed = readAll(reader(16));

        assertThat(parsed).extracting(Parsed::line).containsExactly(2L, 3L, 8L);
        assertThat(parsed.get(1).rejects()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("too long: 44 characters"));
        assertThat(parsed.get(2).rejected()).isFalse();
    }

    @Test
    void unquotedFieldOverTheLimitToo() {
        writeUtf8(dir, LABOUR_FORCE, LF_HEADER + "\n" + ROW.replace(",100,", "," + "1".repeat(30) + ",") + "HCP\n"
                + ROW + "HCP\n");

        List<Parsed<LabourForceRecord>> parsed = readAll(reader(16));

        assertThat(parsed.get(0).rejects()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("population");
            assertThat(p.reason()).contains("too long: 30 characters, more than the 16");
            assertThat(p.value()).isEqualTo("1".repeat(16));
        });
        assertThat(parsed.get(1).rejected()).isFalse();
    }

    @Test
    void fieldOfAnUnknownColumnIsNamedByItsPosition() {
        writeUtf8(dir, LABOUR_FORCE, LF_HEADER + ",comment\n" + ROW + "HCP," + "c".repeat(20) + "\n");

        assertThat(readAll(reader(16))).singleElement().satisfies(p -> assertThat(p.rejects()).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.column()).isEmpty();
                    assertThat(problem.reason()).startsWith("field 12 of the line: the field is too long: 20 characters");
                }));
    }

    /** A line of a hundred thousand separators (a limit of 16 per field allows 256 per line). */
    @Test
    void lineWithTooManySeparatorsIsRejectedAsTooLong() {
        writeUtf8(dir, LABOUR_FORCE, LF_HEADER + "\n" + ROW + "HCP" + ",".repeat(100_000) + "x\n"
                + ROW.replace(",MA,", ",MA-01,") + "HCP\n");

        List<Parsed<LabourForceRecord>> parsed = readAll(reader(16));

        assertThat(parsed).extracting(Parsed::line).containsExactly(2L, 3L);
        assertThat(parsed.get(0).rejects()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEmpty();
            assertThat(p.reason()).contains("the line is too long: " + (ROW.length() + 3 + 100_001) + " characters");
        });
        assertThat(parsed.get(1).rejected()).isFalse();
    }

    @Test
    void headerLineOverTheLimitIsNotAHeader() {
        write(dir, LABOUR_FORCE, ("PK" + "\u0001".repeat(200)).getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> CsvFile.open(dir, LabourForceDataset.INSTANCE, 64))
                .isInstanceOf(InputContractException.class)
                .hasMessageContaining(LABOUR_FORCE)
                .hasMessageContaining("does not start with a header line")
                .hasMessageContaining("holds a field of 202 characters, more than the 64 allowed");
    }

    /** Past the field limit (100) and past the line limit too (300), where the parser never sees the text. */
    @ParameterizedTest
    @ValueSource(ints = {100, 300})
    void textAfterAClosingQuoteInADroppedPartIsStillADamagedFile(int length) {
        writeUtf8(dir, LABOUR_FORCE, LF_HEADER + "\n" + ROW + "HCP\n" + ROW.replace(",MA,", ",MA-01,")
                + "\"" + "s".repeat(length) + "\" ENE\n" + ROW.replace(",MA,", ",MA-02,") + "HCP\n");

        var reader = reader(16);
        reader.open(new org.springframework.batch.infrastructure.item.ExecutionContext());
        try {
            assertThat(reader.read().line()).isEqualTo(2);
            assertThatThrownBy(reader::read).isInstanceOf(InputContractException.class)
                    .hasMessageContaining(LABOUR_FORCE)
                    .hasMessageContaining("at line 3 ")
                    .hasMessageContaining("text follows the closing quote");
        } finally {
            reader.close();
        }
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> reader(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvFile.open(dir, LabourForceDataset.INSTANCE, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Within the limits the bounded reader hands Commons CSV exactly the text it reads. */
    @Test
    void textWithinTheLimitsGoesThroughUnchanged() throws IOException {
        String text = "a,\"b\"\"c\",d\r\n\"e\r\nf\"  ,g\n\n,,\r\r\n\"h\"";
        try (Reader r = new BoundedCsvReader(new StringReader(text), ',', 100, 1600)) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[3];
            int n;
            while ((n = r.read(buffer, 0, buffer.length)) >= 0) {
                out.append(buffer, 0, n);
            }
            assertThat(out.toString()).isEqualTo(text);
        }
    }

    @Test
    void readerNamesTheRecordsItCut() throws IOException {
        String text = "h\nshort\n\"0123456789\n0123456789\"\nok\n" + "x,".repeat(10) + "\n";
        var bounded = new BoundedCsvReader(new StringReader(text), ',', 8, 16);
        List<List<String>> values = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(bounded)
                .setFormat(CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get()).get()) {
            for (CSVRecord record : parser) {
                values.add(record.toList());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        assertThat(values).containsExactly(List.of("h"), List.of("short"), List.of("01234567"), List.of("ok"),
                List.of("x", "x", "x", "x", "x", "x", "x", "x", ""));
        assertThat(bounded.overflowOf(0)).isNull();
        assertThat(bounded.overflowOf(2)).isEqualTo(new BoundedCsvReader.Overflow(2, 3, 0, 21, 21, true, 1, 13));
        assertThat(bounded.overflowOf(3)).isNull();
        assertThat(bounded.overflowOf(4)).isEqualTo(new BoundedCsvReader.Overflow(4, 6, -1, 0, 20, true, 0, 4));
    }
}

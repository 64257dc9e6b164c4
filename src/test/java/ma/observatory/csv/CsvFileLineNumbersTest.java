package ma.observatory.csv;

import static ma.observatory.csv.CsvTestSupport.LABOUR_FORCE;
import static ma.observatory.csv.CsvTestSupport.LF_HEADER;
import static ma.observatory.csv.CsvTestSupport.fixture;
import static ma.observatory.csv.CsvTestSupport.readLabourForce;
import static ma.observatory.csv.CsvTestSupport.write;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ma.observatory.employment.LabourForceDataset;
import ma.observatory.employment.LabourForceRecord;

/**
 * Line numbers as a user counts them in an editor: the header is line 1, blank lines count, and a
 * quoted value spanning lines counts every line it spans.
 */
class CsvFileLineNumbersTest {

    @TempDir
    Path dir;

    private List<Long> linesOf(Path dir) {
        List<Long> lines = new ArrayList<>();
        try (CsvFile file = CsvFile.open(dir, LabourForceDataset.INSTANCE)) {
            CsvRow row;
            while ((row = file.next()) != null) {
                lines.add(row.line());
            }
        }
        return lines;
    }

    /**
     * The fixture: 1 header, 2 row, 3 blank, 4 blank, 5 row with "12a", 6-7 a row whose quoted source
     * spans two lines, 8 row with a negative number, 9 spaces only, 10 row, no end of line at the end.
     */
    @Test
    void blankLinesAndAMultiLineQuotedFieldKeepLineNumbersRight() {
        fixture(dir, "labour_force_blank_lines_and_multiline_field.csv", LABOUR_FORCE);

        assertThat(linesOf(dir)).containsExactly(2L, 5L, 6L, 8L, 10L);

        List<Parsed<LabourForceRecord>> parsed = readLabourForce(dir);
        assertThat(parsed).extracting(Parsed::line).containsExactly(2L, 5L, 6L, 8L, 10L);
        assertThat(parsed.get(1).rejects()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo("population");
            assertThat(p.value()).isEqualTo("12a");
        });
        assertThat(parsed.get(2).rejected()).isFalse();
        assertThat(parsed.get(2).item().source()).isEqualTo("HCP\nENE 2024");
        assertThat(parsed.get(3).rejects()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.column()).isEqualTo("employed");
            assertThat(p.value()).isEqualTo("-3");
        });
        assertThat(parsed.get(4).rejected()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void sameWithEveryLineEnding(String eol) {
        String text = String.join(eol, LF_HEADER,
                "2024,MA,total,total,15+,100,50,45,5,,HCP",
                "",
                "2024,MA-01,total,total,15+,100,50,45,5,,\"first" + eol + "second" + eol + "third\"",
                "2024,MA-02,total,total,15+,100,50,45,5,,HCP",
                "",
                "2024,MA-03,total,total,15+,100,50,45,5,,HCP") + eol;
        writeUtf8(dir, LABOUR_FORCE, text);

        assertThat(linesOf(dir)).containsExactly(2L, 4L, 7L, 9L);
    }

    @Test
    void multiLineFieldOnTheLastLineWithoutEndOfLine() {
        writeUtf8(dir, LABOUR_FORCE, LF_HEADER + "\n2024,MA,total,total,15+,100,50,45,5,,\"a\nb\"\n"
                + "2024,MA-01,total,total,15+,100,50,45,5,,\"c\nd\"");

        assertThat(linesOf(dir)).containsExactly(2L, 4L);
    }

    @Test
    void bomDoesNotShiftLines() {
        write(dir, LABOUR_FORCE, ("\uFEFF" + LF_HEADER + "\n\n2024,MA,total,total,15+,100,50,45,5,,HCP\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(linesOf(dir)).containsExactly(3L);
    }

    @Test
    void linesOfSeparatorsOnlyAreBlankLines() {
        // French Excel saves formatted but empty rows as ";;;;": they are not data
        String semicolonHeader = LF_HEADER.replace(',', ';');
        writeUtf8(dir, LABOUR_FORCE, semicolonHeader + "\r\n"
                + "2024;MA;total;total;15+;100;50;45;5;;HCP\r\n"
                + ";;;;;;;;;;\r\n"
                + "2024;MA-01;total;total;15+;100;50;45;5;;HCP\r\n"
                + ";;;;;;;;;;\r\n"
                + " ; ;;;;;;;;;\r\n");

        List<Parsed<LabourForceRecord>> parsed = readLabourForce(dir);

        assertThat(parsed).extracting(Parsed::line).containsExactly(2L, 4L);
        assertThat(parsed).noneMatch(Parsed::rejected);
    }

    @Test
    void fileEndingInsideAQuotedFieldIsDamagedAndTheMessageSaysWhere() {
        writeUtf8(dir, LABOUR_FORCE, LF_HEADER + "\n"
                + "2024,MA,total,total,15+,100,50,45,5,,HCP\n"
                + "2024,MA-01,total,total,15+,100,50,45,5,,\"HCP\n"
                + "2024,MA-02,total,total,15+,100,50,45,5,,HCP\n");

        List<Long> seen = new ArrayList<>();
        try (CsvFile file = CsvFile.open(dir, LabourForceDataset.INSTANCE)) {
            seen.add(file.next().line());
            assertThatThrownBy(file::next).isInstanceOf(InputContractException.class)
                    .hasMessageContaining("employment/labour_force.csv")
                    .hasMessageContaining("at line 3 ")
                    .hasMessageContaining("quoted field");
        }
        assertThat(seen).containsExactly(2L);
    }

    @Test
    void headerEndingInsideAQuotedFieldIsDamagedToo() {
        writeUtf8(dir, LABOUR_FORCE, "\"period,geo\n");

        assertThatThrownBy(() -> CsvFile.open(dir, LabourForceDataset.INSTANCE))
                .isInstanceOf(InputContractException.class)
                .hasMessageContaining("employment/labour_force.csv")
                .hasMessageContaining("at line 1 ");
    }

    @Test
    void textAfterAClosingQuoteIsDamagedWithItsLine() {
        writeUtf8(dir, LABOUR_FORCE, LF_HEADER + "\n"
                + "2024,MA,total,total,15+,100,50,45,5,,HCP\n"
                + "2024,MA-01,total,total,15+,100,50,45,5,,\"HCP\" ENE\n");

        var reader = CsvTestSupport.labourForceReader(dir);
        reader.open(new org.springframework.batch.infrastructure.item.ExecutionContext());
        try {
            assertThat(reader.read().line()).isEqualTo(2);
            assertThatThrownBy(reader::read).isInstanceOf(InputContractException.class)
                    .hasMessageContaining("employment/labour_force.csv")
                    .hasMessageContaining("at line 3 ");
        } finally {
            reader.close();
        }
    }
}

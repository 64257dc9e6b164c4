package ma.observatory.csv;

import static ma.observatory.csv.CsvTestSupport.LABOUR_FORCE;
import static ma.observatory.csv.CsvTestSupport.LF_HEADER;
import static ma.observatory.csv.CsvTestSupport.fixture;
import static ma.observatory.csv.CsvTestSupport.geo;
import static ma.observatory.csv.CsvTestSupport.lines;
import static ma.observatory.csv.CsvTestSupport.readLabourForce;
import static ma.observatory.csv.CsvTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.employment.Area;
import ma.observatory.employment.LabourForceDataset;
import ma.observatory.employment.LabourForceRecord;
import ma.observatory.employment.Sex;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;

/** Each dialect the contract accepts, read end to end with the labour force rules. */
class CsvFileDialectsTest {

    private static final String SEMICOLON_HEADER = LF_HEADER.replace(',', ';');

    @TempDir
    Path dir;

    /** Reads every row through CsvFile and the labour force mapping; every row must be clean. */
    private List<LabourForceRecord> readClean(CsvDialect expected) {
        GeoReference geo = geo();
        List<LabourForceRecord> records = new ArrayList<>();
        try (CsvFile file = CsvFile.open(dir, LabourForceDataset.INSTANCE)) {
            assertThat(file.dialect()).isEqualTo(expected);
            assertThat(file.unknownColumns()).isEmpty();
            CsvRow row;
            while ((row = file.next()) != null) {
                LabourForceRecord r = LabourForceDataset.map(row, geo);
                assertThat(row.rejects()).as("rejects of line %d", row.line()).isEmpty();
                // a month of the survey is kept, with the warning that the survey gives quarters
                assertThat(row.warnings()).as("warnings of line %d", row.line())
                        .allMatch(w -> w.why().key().equals("period.month-of-survey")
                                && r.period().granularity() == Period.Granularity.MONTH);
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void commaUtf8() {
        fixture(dir, "labour_force_comma_utf8.csv", LABOUR_FORCE);

        List<LabourForceRecord> rows = readClean(new CsvDialect(',', StandardCharsets.UTF_8, false, false));

        assertThat(rows).containsExactly(
                new LabourForceRecord(Period.year(2024), "MA", Area.TOTAL, Sex.TOTAL, "15+", 27834.5, 12450.2,
                        10820.1, 1630.1, 1050.3, "HCP ENE 2024"),
                new LabourForceRecord(Period.quarter(2024, 1), "MA-01", Area.URBAN, Sex.FEMALE, "15-24", 1200.0,
                        300.0, 250.0, 50.0, null, "HCP, ENE"),
                // empty counts are "not available", not zero and not a reject
                new LabourForceRecord(Period.month(2024, 3), "MA-12", Area.RURAL, Sex.MALE, "45+", null, null,
                        null, null, null, ""));
    }

    @Test
    void sameFileThroughTheItemReaderGivesLineNumbers() {
        fixture(dir, "labour_force_comma_utf8.csv", LABOUR_FORCE);

        List<Parsed<LabourForceRecord>> parsed = readLabourForce(dir);

        assertThat(parsed).extracting(Parsed::line).containsExactly(2L, 3L, 4L);
        assertThat(parsed).noneMatch(Parsed::rejected);
        assertThat(parsed.get(1).item().source()).isEqualTo("HCP, ENE");
    }

    @Test
    void utf8WithBomStillMatchesTheFirstHeader() {
        write(dir, LABOUR_FORCE, ("\uFEFF" + lines(LF_HEADER,
                "2024,MA,total,total,15+,100,50,45,5,,HCP")).getBytes(StandardCharsets.UTF_8));

        List<LabourForceRecord> rows = readClean(new CsvDialect(',', StandardCharsets.UTF_8, true, false));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.period()).isEqualTo(Period.year(2024)); // "period" is the first header, right after the BOM
            assertThat(r.labourForce()).isEqualTo(50.0);
        });
    }

    @Test
    void semicolonWithDecimalCommaAndEveryKindOfThousandsSpace() {
        String text = lines(SEMICOLON_HEADER,
                "2024;MA;total;total;15+;27 834,5;12 450,2;10 820,1;1 630,1;;HCP",       // normal space
                "2024;MA-01;total;total;15+;1\u00A0234,5;1\u00A0000;900;100;12,5;HCP",    // no-break space
                "2024;MA-02;total;total;15+;2\u202F000;1\u202F000,5;900,5;100;;HCP");   // narrow no-break space
        write(dir, LABOUR_FORCE, text.getBytes(StandardCharsets.UTF_8));

        List<LabourForceRecord> rows = readClean(new CsvDialect(';', StandardCharsets.UTF_8, false, true));

        assertThat(rows).extracting(LabourForceRecord::population).containsExactly(27834.5, 1234.5, 2000.0);
        assertThat(rows).extracting(LabourForceRecord::labourForce).containsExactly(12450.2, 1000.0, 1000.5);
        assertThat(rows).extracting(LabourForceRecord::employed).containsExactly(10820.1, 900.0, 900.5);
        assertThat(rows).extracting(LabourForceRecord::underemployed).containsExactly(null, 12.5, null);
    }

    @Test
    void semicolonUtf8WithBomAsExcelCsvUtf8Saves() {
        write(dir, LABOUR_FORCE, ("\uFEFF" + SEMICOLON_HEADER + "\r\n"
                + "2024;MA;urban;female;15-24;12,5;10;9,5;0,5;;Enquête nationale\r\n").getBytes(StandardCharsets.UTF_8));

        List<LabourForceRecord> rows = readClean(new CsvDialect(';', StandardCharsets.UTF_8, true, true));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.population()).isEqualTo(12.5);
            assertThat(r.employed()).isEqualTo(9.5);
            assertThat(r.source()).isEqualTo("Enquête nationale");
        });
    }

    @Test
    void windows1252WithAccents() {
        String text = SEMICOLON_HEADER + "\r\n"
                + "2024;MA;total;total;15+;27 834,5;12 450,2;10 820,1;1 630,1;;Enquête nationale sur l'emploi, été 2024\r\n"
                + "2024;MA-03;rural;male;15+;1\u00A0000;500;450;50;;HCP – Fès-Meknès\r\n";
        byte[] bytes = text.getBytes(CsvDialect.WINDOWS_1252);
        assertThat(bytes).contains((byte) 0xE9, (byte) 0xEA, (byte) 0xA0, (byte) 0x96); // é, ê, NBSP, en dash
        write(dir, LABOUR_FORCE, bytes);

        List<LabourForceRecord> rows = readClean(new CsvDialect(';', CsvDialect.WINDOWS_1252, false, true));

        assertThat(rows).extracting(LabourForceRecord::source)
                .containsExactly("Enquête nationale sur l'emploi, été 2024", "HCP – Fès-Meknès");
        assertThat(rows).extracting(LabourForceRecord::population).containsExactly(27834.5, 1000.0);
    }

    @Test
    void commaFileDoesNotAcceptADecimalComma() {
        // in a comma file "12,5" can only come quoted, and it is then not a number
        write(dir, LABOUR_FORCE, lines(LF_HEADER, "2024,MA,total,total,15+,\"12,5\",10,9,1,,HCP")
                .getBytes(StandardCharsets.UTF_8));

        List<Parsed<LabourForceRecord>> parsed = readLabourForce(dir);

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isTrue();
            assertThat(p.rejects()).singleElement().satisfies(problem -> {
                assertThat(problem.column()).isEqualTo("population");
                assertThat(problem.value()).isEqualTo("12,5");
            });
        });
    }
}

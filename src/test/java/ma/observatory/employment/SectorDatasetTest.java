package ma.observatory.employment;

import static ma.observatory.csv.CsvTestSupport.SECTOR;
import static ma.observatory.csv.CsvTestSupport.fixture;
import static ma.observatory.csv.CsvTestSupport.lines;
import static ma.observatory.csv.CsvTestSupport.readAll;
import static ma.observatory.csv.CsvTestSupport.sectorReader;
import static ma.observatory.csv.CsvTestSupport.write;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.csv.CsvDialect;
import ma.observatory.csv.InputContractException;
import ma.observatory.csv.Parsed;
import ma.observatory.csv.RowProblem;
import ma.observatory.period.Period;

/** The row rules of {@code employment/employment_by_sector.csv}. */
class SectorDatasetTest {

    private static final String HEADER = "period,geo,sector,employed,source";

    @TempDir
    Path dir;

    private List<Parsed<SectorRecord>> read(String... rows) {
        String[] all = new String[rows.length + 1];
        all[0] = HEADER;
        System.arraycopy(rows, 0, all, 1, rows.length);
        writeUtf8(dir, SECTOR, lines(all));
        return readAll(sectorReader(dir));
    }

    @Test
    void checkedInFixtureReadsClean() {
        fixture(dir, "employment_by_sector_semicolon_decimal_comma.csv", SECTOR);

        List<Parsed<SectorRecord>> parsed = readAll(sectorReader(dir));

        assertThat(parsed).noneMatch(Parsed::rejected);
        assertThat(parsed).extracting(Parsed::item).containsExactly(
                new SectorRecord(Period.year(2024), "MA", Sector.AGRICULTURE, 2945.3, "HCP"),
                new SectorRecord(Period.year(2024), "MA", Sector.INDUSTRY, 1245.0, "HCP"),
                new SectorRecord(Period.year(2024), "MA", Sector.SERVICES, 4812.75, "HCP"),
                new SectorRecord(Period.quarter(2024, 2), "MA-06", Sector.CONSTRUCTION, 180.0, ""));
    }

    @Test
    void goodRows() {
        List<Parsed<SectorRecord>> parsed = read("2024,MA,agriculture,2945.3,HCP", "2024-Q1,MA-01,Services,12,",
                "2024-07,MA,total,,HCP");

        assertThat(parsed).noneMatch(Parsed::rejected).extracting(Parsed::line).containsExactly(2L, 3L, 4L);
        assertThat(parsed.get(1).item().sector()).isEqualTo(Sector.SERVICES);
        assertThat(parsed.get(2).item().employed()).isNull(); // empty = not available
        // the survey has no months: July is kept, with a warning naming its quarter
        assertThat(parsed.get(2).warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("(2024-Q3)"));
        assertThat(parsed.get(0).warnings()).isEmpty();
    }

    @Test
    void aControlCharacterAWorkbookCannotShowIsWarnedOfOnItsRow() {
        // a bell and an escape pasted from a terminal: the workbook shows "?" for each, and says why
        List<Parsed<SectorRecord>> parsed = read("2024,MA,agriculture,2945.3,HCP\u0007 note\u001b", "2024,MA,industry,12,HCP");

        assertThat(parsed).noneMatch(Parsed::rejected);
        assertThat(parsed.get(0).warnings()).singleElement().satisfies(w -> {
            assertThat(w.column()).isEqualTo("source");
            assertThat(w.value()).isEqualTo("HCP? note?");
            assertThat(w.reason()).isEqualTo("holds a control character (U+0007) that a workbook cannot show: it is"
                    + " written as \"?\"; the row is kept");
        });
        assertThat(parsed.get(1).warnings()).isEmpty();

        // the two non-characters XML cannot hold either: shown "?" in the workbook, so warned of too
        List<Parsed<SectorRecord>> nonCharacter = read("2024,MA,agriculture,2945.3,Min\uFFFFistry");
        assertThat(nonCharacter.get(0).warnings()).singleElement().satisfies(w -> {
            assertThat(w.value()).isEqualTo("Min?istry");
            assertThat(w.reason()).startsWith("holds a control character (U+FFFF)");
        });
    }

    @Test
    void aPlaceCodeIsReadWhateverItsCaseAsTheReferenceSpellsIt() {
        // "ma" was rejected as "not a code of reference/geo.csv" beside MA in that file
        List<Parsed<SectorRecord>> parsed = read("2024,ma,agriculture,2945.3,HCP", "2024,Ma-01,industry,12,HCP");

        assertThat(parsed).noneMatch(Parsed::rejected).extracting(p -> p.item().geo()).containsExactly("MA", "MA-01");
    }

    @Test
    void unknownSectorIsRejected() {
        List<Parsed<SectorRecord>> parsed = read("2024,MA,agriculture,10,HCP", "2024,MA,mining,10,HCP");

        assertThat(parsed.get(1).rejects()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("sector");
            assertThat(p.value()).isEqualTo("mining");
        });
    }

    @Test
    void badNumbersAreRejected() {
        List<Parsed<SectorRecord>> parsed = read("2024,MA,agriculture,-1,HCP", "2024,MA,industry,1e3,HCP",
                "2024,MA,services,12a,HCP");

        assertThat(parsed).allMatch(Parsed::rejected);
        assertThat(parsed).flatExtracting(Parsed::rejects).extracting(RowProblem::line, RowProblem::column,
                RowProblem::value).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "employed", "-1"),
                        org.assertj.core.groups.Tuple.tuple(3L, "employed", "1e3"),
                        org.assertj.core.groups.Tuple.tuple(4L, "employed", "12a"));
    }

    @Test
    void badPeriodAndUnknownGeoAreRejected() {
        List<Parsed<SectorRecord>> parsed = read("2024-Q5,MA,industry,1,HCP", "2024,XX,industry,1,HCP");

        assertThat(parsed.get(0).rejects()).extracting(RowProblem::column).containsExactly("period");
        assertThat(parsed.get(1).rejects()).extracting(RowProblem::column, RowProblem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("geo", "XX"));
    }

    @Test
    void duplicateKeyIsRejectedOnItsSecondOccurrence() {
        List<Parsed<SectorRecord>> parsed = read("2024,MA,industry,1,HCP", "2024,MA-01,industry,1,HCP",
                "2024,MA,Industry,2,other");

        assertThat(parsed.get(0).rejected()).isFalse();
        assertThat(parsed.get(1).rejected()).isFalse();
        assertThat(parsed.get(2).rejects()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.value()).isEqualTo("period=2024, geo=MA, sector=Industry");
        });
    }

    @Test
    void missingRequiredColumn() {
        writeUtf8(dir, SECTOR, lines("period,geo,employed,source", "2024,MA,1,HCP"));

        assertThatThrownBy(() -> readAll(sectorReader(dir))).isInstanceOf(InputContractException.class)
                .hasMessageContaining("employment/employment_by_sector.csv")
                .hasMessageContaining("'sector'");
    }

    @Test
    void windows1252Source() {
        write(dir, SECTOR, "period;geo;sector;employed;source\r\n2024;MA;services;4 812,75;Enquête emploi\r\n"
                .getBytes(CsvDialect.WINDOWS_1252));

        List<Parsed<SectorRecord>> parsed = readAll(sectorReader(dir));

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.item().employed()).isEqualTo(4812.75);
            assertThat(p.item().source()).isEqualTo("Enquête emploi");
        });
    }
}

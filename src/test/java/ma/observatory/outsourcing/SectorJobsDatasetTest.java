package ma.observatory.outsourcing;

import static ma.observatory.csv.CsvTestSupport.geo;
import static ma.observatory.csv.CsvTestSupport.lines;
import static ma.observatory.csv.CsvTestSupport.readAll;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.csv.CsvItemReader;
import ma.observatory.csv.Parsed;
import ma.observatory.csv.RowProblem;
import ma.observatory.cube.Breakdown;
import ma.observatory.period.Period;

/** The row rules of {@code outsourcing/sector_jobs.csv}. */
class SectorJobsDatasetTest {

    private static final String HEADER = "period,country,segment,client_country,activity,jobs,source";

    @TempDir
    Path dir;

    private List<Parsed<SectorJobsRecord>> read(String... rows) {
        String[] all = new String[rows.length + 1];
        all[0] = HEADER;
        System.arraycopy(rows, 0, all, 1, rows.length);
        writeUtf8(dir, SectorJobsDataset.INSTANCE.file(), lines(all));
        var g = geo();
        return readAll(new CsvItemReader<>("sectorJobsReader", dir, SectorJobsDataset.INSTANCE,
                row -> SectorJobsDataset.map(row, g)));
    }

    @Test
    void goodRowsAreKeptWithCountriesInUpperCase() {
        List<Parsed<SectorJobsRecord>> parsed = read("2025,MA,crm,total,total,100000,RFI",
                "2024-Q3,ma,BPO,fr,outbound,1 200,", "2024,FR,ito,total,back_office,,AMRC");

        assertThat(parsed).noneMatch(Parsed::rejected);
        assertThat(parsed.get(0).item()).isEqualTo(new SectorJobsRecord(Period.year(2025), "MA", Segment.CRM, "total",
                Activity.TOTAL, 100000.0, "RFI"));
        assertThat(parsed.get(1).item().country()).isEqualTo("MA");
        assertThat(parsed.get(1).item().clientCountry()).isEqualTo("FR");
        assertThat(parsed.get(1).item().jobs()).isEqualTo(1200.0);
        assertThat(parsed.get(2).item().jobs()).isNull(); // empty = not available, never 0
        assertThat(parsed.get(1).item().staged().breakdown())
                .isEqualTo(Breakdown.of("segment", "bpo", "client_country", "FR", "activity", "outbound"));
    }

    @Test
    void countryMustBeAnIsoCodeNotAPlaceOfTheReference() {
        List<Parsed<SectorJobsRecord>> parsed = read("2025,MA-06,crm,total,total,10,x", "2025,MA,crm,XX,total,10,x",
                "2025,total,crm,total,total,10,x", "2025,,crm,total,total,10,x");

        assertThat(parsed).allMatch(Parsed::rejected);
        assertThat(parsed).flatExtracting(Parsed::rejects).extracting(RowProblem::line, RowProblem::column,
                RowProblem::value).containsExactly(tuple(2L, "country", "MA-06"), tuple(3L, "client_country", "XX"),
                tuple(4L, "country", "total"), tuple(5L, "country", ""));
    }

    @Test
    void aBadPeriodOrJobsThatAreNotANumberAreRejected() {
        List<Parsed<SectorJobsRecord>> parsed = read("2025-Q5,MA,crm,total,total,10,x", "2025,MA,crm,total,total,ten,x",
                "2025,MA,crm,total,total,1e5,x");

        assertThat(parsed).flatExtracting(Parsed::rejects).extracting(RowProblem::column, RowProblem::value)
                .containsExactly(tuple("period", "2025-Q5"), tuple("jobs", "ten"), tuple("jobs", "1e5"));
    }

    @Test
    void unknownSegmentOrActivityAndNegativeJobsAreRejected() {
        List<Parsed<SectorJobsRecord>> parsed = read("2025,MA,eso,total,total,10,x",
                "2025,MA,crm,total,chat,10,x", "2025,MA,crm,total,total,-5,x");

        assertThat(parsed).flatExtracting(Parsed::rejects).extracting(RowProblem::column, RowProblem::value)
                .containsExactly(tuple("segment", "eso"), tuple("activity", "chat"), tuple("jobs", "-5"));
    }

    @Test
    void duplicateKeyIsRejectedOnItsSecondOccurrence() {
        List<Parsed<SectorJobsRecord>> parsed = read("2025,MA,crm,total,total,100000,RFI",
                "2025,MA,crm,FR,total,60000,x", "2025,ma,CRM,Total,total,120000,Libération");

        assertThat(parsed.get(0).rejected()).isFalse();
        assertThat(parsed.get(1).rejected()).isFalse();
        assertThat(parsed.get(2).rejects()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.reason()).contains("already appears");
        });
    }
}

package ma.observatory.outsourcing;

import static ma.observatory.csv.CsvTestSupport.geo;
import static ma.observatory.csv.CsvTestSupport.lines;
import static ma.observatory.csv.CsvTestSupport.readAll;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.csv.CsvItemReader;
import ma.observatory.csv.Parsed;
import ma.observatory.csv.RowProblem;

/** The row rules of {@code outsourcing/relocations.csv}. */
class RelocationDatasetTest {

    private static final String HEADER = "announced_on,effective_on,client,provider,origin_country,destination_country,"
            + "jobs,status,origin_city,destination_city,language,source";

    @TempDir
    Path dir;

    private List<Parsed<RelocationEvent>> read(String... rows) {
        String[] all = new String[rows.length + 1];
        all[0] = HEADER;
        System.arraycopy(rows, 0, all, 1, rows.length);
        writeUtf8(dir, RelocationDataset.INSTANCE.file(), lines(all));
        var g = geo();
        return readAll(new CsvItemReader<>("relocationsReader", dir, RelocationDataset.INSTANCE,
                row -> RelocationDataset.map(row, g)));
    }

    private static List<Object> problem(Parsed<RelocationEvent> p) {
        assertThat(p.rejects()).as("rejects of line " + p.line()).hasSize(1);
        RowProblem r = p.rejects().get(0);
        return List.of(r.column(), r.value());
    }

    @Test
    void goodRowsAreKept() {
        List<Parsed<RelocationEvent>> parsed = read(
                "2025-08-25,2026-01-01,TotalEnergies,IKANBI Belgium,BE,MA,163,announced,Liège,,fr,RTBF",
                "2010-07-01,,Orange; SFR,Teleperformance,fr,ma,1200,Announced,,,,Bladi",
                "2001-07-26,2001-07-26,Telefónica,Atento,ES,MA,,effective,,Tangier,es,El País");

        assertThat(parsed).noneMatch(Parsed::rejected);
        assertThat(parsed.get(0).item()).isEqualTo(new RelocationEvent(2, LocalDate.of(2025, 8, 25),
                LocalDate.of(2026, 1, 1), "TotalEnergies", "IKANBI Belgium", "BE", "MA", 163.0,
                RelocationStatus.ANNOUNCED, "Liège", "", "fr", "RTBF"));
        // Announced with its date not yet published: kept, effective_on not available.
        assertThat(parsed.get(1).item().effectiveOn()).isNull();
        assertThat(parsed.get(1).item().originCountry()).isEqualTo("FR");
        // Same day announced and effective is allowed; empty jobs = not published, never 0.
        assertThat(parsed.get(2).item().jobs()).isNull();
    }

    @Test
    void effectiveOnMayBeEmptyOnlyWhileAnnounced() {
        List<Parsed<RelocationEvent>> parsed = read("2017-05-03,,Engie,,FR,MA,800,effective,,,,x",
                "2017-05-03,,Engie,,FR,MA,800,cancelled,,,,x");

        assertThat(problem(parsed.get(0))).containsExactly("effective_on", "");
        assertThat(parsed.get(0).rejects().get(0).reason()).contains("only while status is announced");
        assertThat(problem(parsed.get(1))).containsExactly("effective_on", "");
    }

    @Test
    void announcedOnIsRequiredAndMustBeADate() {
        List<Parsed<RelocationEvent>> parsed = read(",2026-01-01,A,B,BE,MA,1,effective,,,,x",
                "2025-02-30,2026-01-01,A,B,BE,MA,1,effective,,,,x", "25/08/2025,2026-01-01,A,B,BE,MA,1,effective,,,,x");

        assertThat(problem(parsed.get(0))).containsExactly("announced_on", "");
        assertThat(problem(parsed.get(1))).containsExactly("announced_on", "2025-02-30");
        assertThat(problem(parsed.get(2))).containsExactly("announced_on", "25/08/2025");
    }

    @Test
    void aGivenEffectiveOnMustBeADate() {
        List<Parsed<RelocationEvent>> parsed = read("2025-06-25,01/01/2026,A,B,BE,MA,1,effective,,,,x",
                "2025-06-25,2026-13-01,A,B,BE,MA,1,announced,,,,x");

        assertThat(problem(parsed.get(0))).containsExactly("effective_on", "01/01/2026");
        assertThat(parsed.get(0).rejects().get(0).reason()).contains("is not a date");
        assertThat(problem(parsed.get(1))).containsExactly("effective_on", "2026-13-01");
    }

    @Test
    void announcedOnAfterEffectiveOnIsRejected() {
        List<Parsed<RelocationEvent>> parsed = read("2026-02-01,2026-01-01,A,B,BE,MA,10,effective,,,,x");

        assertThat(problem(parsed.get(0))).containsExactly("effective_on", "2026-01-01");
        assertThat(parsed.get(0).rejects().get(0).reason()).contains("before announced_on (2026-02-01)");
    }

    @Test
    void badCountriesAreRejected() {
        List<Parsed<RelocationEvent>> parsed = read("2025-01-01,2025-06-01,A,B,Belgium,MA,10,effective,,,,x",
                "2025-01-01,2025-06-01,A,B,BE,total,10,effective,,,,x", "2025-01-01,2025-06-01,A,B,MA,MA,10,effective,,,,x");

        assertThat(problem(parsed.get(0))).containsExactly("origin_country", "Belgium");
        assertThat(problem(parsed.get(1))).containsExactly("destination_country", "total");
        assertThat(problem(parsed.get(2))).containsExactly("destination_country", "MA");
    }

    @Test
    void badStatusAndBadJobsAreRejected() {
        List<Parsed<RelocationEvent>> parsed = read("2025-01-01,2025-06-01,A,B,BE,MA,10,rumoured,,,,x",
                "2025-01-01,2025-06-01,A,B,BE,MA,-3,effective,,,,x", "2025-01-01,2025-06-01,A,B,BE,MA,about 150,effective,,,,x");

        assertThat(problem(parsed.get(0))).containsExactly("status", "rumoured");
        assertThat(problem(parsed.get(1))).containsExactly("jobs", "-3");
        assertThat(problem(parsed.get(2))).containsExactly("jobs", "about 150");
    }

    @Test
    void theSameEventTwiceIsRejectedButTwoEventsOfOneClientAreNot() {
        List<Parsed<RelocationEvent>> parsed = read("2025-01-01,2025-06-01,Engie,X,FR,MA,800,effective,,,,first",
                "2025-01-01,2025-06-01,Engie,X,FR,MA,200,effective,,,,second source",
                "2025-01-01,2025-06-01,Engie,X,FR,PT,300,effective,,,,other destination",
                "2025-01-01,,Engie,X,FR,MA,100,announced,,,,no date",
                "2025-01-01,,engie,x,fr,ma,100,announced,,,,no date again");

        assertThat(parsed).extracting(Parsed::rejected).containsExactly(false, true, false, false, true);
        assertThat(parsed.get(1).rejects().get(0).reason()).contains("already appears");
        assertThat(parsed.get(1).rejects().get(0).line()).isEqualTo(3);
    }

    @Test
    void optionalColumnsMayBeAbsent() {
        writeUtf8(dir, RelocationDataset.INSTANCE.file(), lines(
                "announced_on,effective_on,client,provider,origin_country,destination_country,jobs,status",
                "2025-01-01,2025-06-01,A,B,BE,MA,10,effective"));
        var g = geo();

        List<Parsed<RelocationEvent>> parsed = readAll(new CsvItemReader<>("relocationsReader", dir,
                RelocationDataset.INSTANCE, row -> RelocationDataset.map(row, g)));

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.item().source()).isEmpty();
        });
        assertThat(parsed).extracting(p -> p.item().status()).containsExactly(RelocationStatus.EFFECTIVE);
    }
}

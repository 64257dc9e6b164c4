package ma.observatory.outsourcing;

import static ma.observatory.csv.CsvTestSupport.geo;
import static ma.observatory.csv.CsvTestSupport.lines;
import static ma.observatory.csv.CsvTestSupport.readAll;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.csv.CsvItemReader;
import ma.observatory.csv.Parsed;
import ma.observatory.csv.RowProblem;
import ma.observatory.cube.Breakdown;

/** The row rules of {@code outsourcing/regulations.csv}. */
class RegulationDatasetTest {

    private static final String HEADER = "id,country,title,effective_on,segment,client_country,activity,adopted_on,"
            + "loss_rate_low,loss_rate_central,loss_rate_high,source";

    @TempDir
    Path dir;

    private List<Parsed<Regulation>> read(String... rows) {
        String[] all = new String[rows.length + 1];
        all[0] = HEADER;
        System.arraycopy(rows, 0, all, 1, rows.length);
        writeUtf8(dir, RegulationDataset.INSTANCE.file(), lines(all));
        var g = geo();
        return readAll(new CsvItemReader<>("regulationsReader", dir, RegulationDataset.INSTANCE,
                row -> RegulationDataset.map(row, g)));
    }

    private static List<Object> problem(Parsed<Regulation> p) {
        assertThat(p.rejects()).as("rejects of line " + p.line()).hasSize(1);
        RowProblem r = p.rejects().get(0);
        return List.of(r.column(), r.value());
    }

    @Test
    void theShippedRegulationReads() {
        List<Parsed<Regulation>> parsed = read(
                "fr-2025-594,FR,Loi n° 2025-594,2026-08-11,crm,total,total,2025-05-21,0.10,0.125,0.15,Bladi.net");

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.warnings()).isEmpty();
            Regulation r = p.item();
            assertThat(r.id()).isEqualTo("fr-2025-594");
            assertThat(r.effectiveOn()).isEqualTo(LocalDate.of(2026, 8, 11));
            assertThat(r.adoptedOn()).isEqualTo(LocalDate.of(2025, 5, 21));
            assertThat(r.jobs()).isEqualTo(Breakdown.of("segment", "crm", "client_country", "total", "activity", "total"));
            assertThat(r.lossRates()).containsExactly(Map.entry("low", 0.10), Map.entry("central", 0.125),
                    Map.entry("high", 0.15));
            assertThat(r.line()).isEqualTo(2);
        });
    }

    @Test
    void lossRatesMayBeEmptyButNotAboveOne() {
        List<Parsed<Regulation>> parsed = read("a,FR,T,2026-08-11,crm,FR,outbound,,,0.2,,x",
                "b,FR,T,2026-08-11,crm,FR,outbound,,0.1,12.5,0.15,x", "c,FR,T,2026-08-11,crm,FR,outbound,,-0.1,,,x");

        assertThat(parsed.get(0).rejected()).isFalse();
        assertThat(parsed.get(0).item().lossRates()).containsExactly(Map.entry("central", 0.2));
        assertThat(problem(parsed.get(1))).containsExactly("loss_rate_central", "12.5");
        assertThat(parsed.get(1).rejects().get(0).reason()).contains("between 0 and 1");
        assertThat(problem(parsed.get(2))).containsExactly("loss_rate_low", "-0.1");
        // a loss rate is told what a loss rate is, not that "counts and amounts" must be 0 or more
        assertThat(parsed.get(2).rejects().get(0).reason()).startsWith("is negative; a loss rate is a share between 0"
                + " and 1");
    }

    @Test
    void swappedLossRatesAreAWarningAndTheRowIsKept() {
        List<Parsed<Regulation>> parsed = read("a,FR,T,2026-08-11,crm,total,total,,0.15,0.125,0.10,x");

        assertThat(parsed.get(0).rejected()).isFalse();
        assertThat(parsed.get(0).warnings()).singleElement()
                .satisfies(w -> assertThat(w.reason()).contains("low <= central <= high"));
    }

    @Test
    void effectiveOnIsRequiredAndMustBeADate() {
        List<Parsed<Regulation>> parsed = read("a,FR,T,,crm,total,total,,0.1,,,x", "b,FR,T,2026-13-01,crm,total,total,,,,,x");

        assertThat(problem(parsed.get(0))).containsExactly("effective_on", "");
        assertThat(problem(parsed.get(1))).containsExactly("effective_on", "2026-13-01");
    }

    @Test
    void aGivenAdoptedOnMustBeADate() {
        List<Parsed<Regulation>> parsed = read("a,FR,T,2026-08-11,crm,total,total,21/05/2025,0.1,,,x",
                "b,FR,T,2026-08-11,crm,total,total,,0.1,,,x");

        assertThat(problem(parsed.get(0))).containsExactly("adopted_on", "21/05/2025");
        assertThat(parsed.get(1).rejected()).as("adopted_on is optional").isFalse();
    }

    @Test
    void vocabulariesAndCountriesAreChecked() {
        List<Parsed<Regulation>> parsed = read("a,France,T,2026-08-11,crm,total,total,,,,,x",
                "b,FR,T,2026-08-11,telemarketing,total,total,,,,,x", "c,FR,T,2026-08-11,crm,EU,total,,,,,x",
                "d,FR,T,2026-08-11,crm,total,sales,,,,,x", "e,FR,,2026-08-11,crm,total,total,,,,,x");

        assertThat(problem(parsed.get(0))).containsExactly("country", "France");
        assertThat(problem(parsed.get(1))).containsExactly("segment", "telemarketing");
        assertThat(problem(parsed.get(2))).containsExactly("client_country", "EU");
        assertThat(problem(parsed.get(3))).containsExactly("activity", "sales");
        assertThat(problem(parsed.get(4))).containsExactly("title", "");
    }

    @Test
    void idIsUniqueAndUsableInABreakdown() {
        List<Parsed<Regulation>> parsed = read("fr-2025-594,FR,T,2026-08-11,crm,total,total,,,,,x",
                "FR-2025-594,FR,T2,2027-01-01,crm,total,total,,,,,x", "\"a, b\",FR,T,2026-08-11,crm,total,total,,,,,x",
                ",FR,T,2026-08-11,crm,total,total,,,,,x");

        assertThat(parsed.get(0).rejected()).isFalse();
        assertThat(parsed.get(1).rejects()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("already appears"));
        assertThat(problem(parsed.get(2))).containsExactly("id", "a, b");
        assertThat(problem(parsed.get(3))).containsExactly("id", "");
    }
}

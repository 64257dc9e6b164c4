package ma.observatory.tourism;

import static ma.observatory.csv.CsvTestSupport.geo;
import static ma.observatory.csv.CsvTestSupport.lines;
import static ma.observatory.csv.CsvTestSupport.readAll;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.csv.CsvItemReader;
import ma.observatory.csv.Parsed;
import ma.observatory.cube.Breakdown;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;

/** The row rules of {@code tourism/jobs.csv}. */
class TourismJobsDatasetTest {

    @TempDir
    Path dir;

    private List<Parsed<TourismJobsRecord>> read(String... rows) {
        String[] all = new String[rows.length + 1];
        all[0] = "period,direct_jobs,source";
        System.arraycopy(rows, 0, all, 1, rows.length);
        writeUtf8(dir, "tourism/jobs.csv", lines(all));
        GeoReference geo = geo();
        return readAll(new CsvItemReader<>("jobsReader", dir, TourismJobsDataset.INSTANCE,
                row -> TourismJobsDataset.map(row, geo)));
    }

    @Test
    void goodRowIsStagedForMoroccoWithoutBreakdown() {
        List<Parsed<TourismJobsRecord>> parsed = read("2023,827000,HCP");

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.item()).isEqualTo(new TourismJobsRecord(Period.year(2023), 827_000.0, "HCP"));
            assertThat(p.item().staged().geo()).isEqualTo("MA");
            assertThat(p.item().staged().breakdown()).isEqualTo(Breakdown.NONE);
        });
    }

    @Test
    void aBadPeriodOrJobsThatAreNotANumberAreRejected() {
        List<Parsed<TourismJobsRecord>> parsed = read("2023-13,827000,x", "2023,827 thousand,x");

        assertThat(parsed.get(0).rejects()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("period");
            assertThat(p.value()).isEqualTo("2023-13");
            assertThat(p.reason()).contains("is not a period");
        });
        assertThat(parsed.get(1).rejects()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("direct_jobs");
            assertThat(p.value()).isEqualTo("827 thousand");
        });
    }

    @Test
    void negativeJobsAndARepeatedPeriodAreRejected() {
        List<Parsed<TourismJobsRecord>> parsed = read("2022,-802000,x", "2023,827000,HCP", "2023,830000,other");

        assertThat(parsed.get(0).rejects()).singleElement()
                .satisfies(p -> assertThat(p.column()).isEqualTo("direct_jobs"));
        assertThat(parsed.get(1).rejected()).isFalse();
        assertThat(parsed.get(2).rejects()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("this key already appears on line 3 of the file"));
    }

    @Test
    void emptyDirectJobsIsNotAvailable() {
        List<Parsed<TourismJobsRecord>> parsed = read("2024,,not yet published");

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.item().directJobs()).isNull();
        });
    }
}

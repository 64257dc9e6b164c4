package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.bench.GenerateLabourForce;
import ma.observatory.run.InProcess.Outcome;

/**
 * The order of the rows changes nothing: a file in no order, whose sums the import holds over
 * several chunks and stores at the end of the file, gives the cells and the indicator values of the
 * same file grouped by period.
 */
class RowOrderTests {

    /** 6 years × 12 regions × 40 communes × 16 groups: 46,080 rows, three chunks, 1,152 region cells. */
    private static final List<Integer> YEARS = List.of(2019, 2020, 2021, 2022, 2023, 2024);
    private static final int COMMUNES_PER_REGION = 40;

    @TempDir
    Path work;

    @Test
    void rowsInNoOrderGiveTheCellsAndValuesOfTheSameRowsGroupedByPeriod() throws Exception {
        Path grouped = work.resolve("grouped");
        long rows = GeneratedInput.write(grouped, COMMUNES_PER_REGION, YEARS);
        Path shuffled = work.resolve("shuffled");
        GeneratedInput.write(shuffled, COMMUNES_PER_REGION, YEARS);
        GenerateLabourForce.shuffleRows(shuffled.resolve("employment/labour_force.csv"), 3);

        Path a = work.resolve("a");
        Path b = work.resolve("b");
        run(a, grouped);
        run(b, shuffled);
        for (Path w : List.of(a, b)) {
            assertThat(ChildJvm.lines(w, "SELECT rows_read, rows_rejected, rows_outside FROM input_file"
                    + " WHERE file = 'employment/labour_force.csv'")).containsExactly(rows + ",0,0");
        }
        // each read once: a query opens, reads and shuts down a whole database
        String cells = "SELECT period, geo, origin, dims, measure, total, missing FROM cell"
                + " WHERE dataset = 'labour_force' ORDER BY period, geo, origin, dims, measure";
        List<String> groupedCells = ChildJvm.lines(a, cells);
        assertThat(groupedCells).hasSize(YEARS.size() * 12 * 16 * 5);
        assertThat(ChildJvm.lines(b, cells)).isEqualTo(groupedCells);
        String values = "SELECT indicator, period, geo, breakdown, val FROM indicator_value"
                + " ORDER BY indicator, period, geo, breakdown";
        List<String> groupedValues = ChildJvm.lines(a, values);
        assertThat(groupedValues).hasSizeGreaterThan(10_000);
        assertThat(ChildJvm.lines(b, values)).isEqualTo(groupedValues);
    }

    private static void run(Path work, Path input) {
        InProcess app = new InProcess(work);
        Outcome outcome = app.run("--input-dir=" + input, "--output-dir=" + app.reports(), "--only=employment",
                "--from=2020", "--to=2024");
        assertThat(outcome.exitCode()).as(outcome.both()).isZero();
    }
}

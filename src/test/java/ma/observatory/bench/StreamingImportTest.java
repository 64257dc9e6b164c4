package ma.observatory.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import ma.observatory.csv.CsvItemReader;
import ma.observatory.csv.InputContractException;
import ma.observatory.csv.Parsed;
import ma.observatory.cube.Breakdown;
import ma.observatory.cube.CellTable;
import ma.observatory.cube.Cube;
import ma.observatory.employment.Area;
import ma.observatory.employment.LabourForceDataset;
import ma.observatory.employment.LabourForceRecord;
import ma.observatory.employment.Sex;
import ma.observatory.geo.GeoDataset;
import ma.observatory.geo.GeoReference;
import ma.observatory.geo.Place;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;
import ma.observatory.staging.CellStagingWriter;
import ma.observatory.staging.ReadAheadReader;
import ma.observatory.staging.RowBatch;
import ma.observatory.staging.StagingRepository;

/**
 * Correctness of the pieces the benchmark leans on: the generator keeps the row rules, the
 * read-ahead reader keeps the restart position and the reader's failures, and the cell writer sums
 * exactly what the rows hold, across chunks and across a restart. Nothing here is timed.
 */
class StreamingImportTest {

    @TempDir
    Path dir;

    @Test
    void generatedRowsKeepTheRowRulesAndAreDeterministic() throws Exception {
        GenerateLabourForce.Summary s = GenerateLabourForce.generate(30_000, dir.resolve("a"), 7);
        GenerateLabourForce.generate(30_000, dir.resolve("b"), 7);
        assertThat(s.rows()).isEqualTo(30_000);
        assertThat(s.firstPeriod()).isEqualTo("2000-Q1");
        assertThat(s.lastPeriod()).isEqualTo("2000-Q2");
        assertThat(Files.mismatch(dir.resolve("a/employment/labour_force.csv"),
                dir.resolve("b/employment/labour_force.csv"))).isEqualTo(-1L);

        List<Parsed<LabourForceRecord>> rows = readAll(dir.resolve("a"), geo(dir.resolve("a")));
        assertThat(rows).hasSize(30_000);
        assertThat(rows).allSatisfy(p -> {
            assertThat(p.rejects()).isEmpty();
            assertThat(p.warnings()).isEmpty(); // labour_force = employed + unemployed exactly
            LabourForceRecord r = p.item();
            assertThat(r.employed()).isLessThanOrEqualTo(r.labourForce());
            assertThat(r.labourForce()).isLessThanOrEqualTo(r.population());
            assertThat(r.unemployed()).isLessThanOrEqualTo(r.labourForce());
        });
        List<String> geoLines = Files.readAllLines(dir.resolve("a/reference/geo.csv"), StandardCharsets.UTF_8);
        assertThat(geoLines).hasSize(1 + 1 + GenerateLabourForce.REGIONS + GenerateLabourForce.COMMUNES);
        assertThat(geoLines.get(14)).isEqualTo("MA-01-0000,Commune MA-01-0000,Commune MA-01-0000,commune,MA-01");
    }

    @Test
    void moreCommunesFillFewerQuartersWithTheSameRows() throws Exception {
        // the benchmark's --quarters: 40 communes x 16 rows a quarter, 3,200 rows fill five quarters
        GenerateLabourForce.Summary s = GenerateLabourForce.generate(3_200, dir, 1, 40);
        assertThat(s.rows()).isEqualTo(3_200);
        assertThat(s.lastPeriod()).isEqualTo("2001-Q1");
        assertThat(Files.readAllLines(dir.resolve("reference/geo.csv"), StandardCharsets.UTF_8))
                .hasSize(1 + 1 + GenerateLabourForce.REGIONS + 40);
        List<Parsed<LabourForceRecord>> rows = readAll(dir, geo(dir));
        assertThat(rows).hasSize(3_200).allSatisfy(p -> assertThat(p.rejects()).isEmpty());
        assertThat(rows.stream().map(p -> p.item().period().toString()).distinct())
                .containsExactly("2000-Q1", "2000-Q2", "2000-Q3", "2000-Q4", "2001-Q1");
    }

    @Test
    void readAheadBatchesCarryTheirPositionAndARestartGoesOnFromTheOneStored() throws Exception {
        GenerateLabourForce.generate(5_000, dir, 1);
        GeoReference geo = geo(dir);
        List<Long> oneRun = new ArrayList<>();
        for (Parsed<LabourForceRecord> p : readAll(dir, geo)) {
            oneRun.add(p.line());
        }

        ExecutionContext context = new ExecutionContext();
        ReadAheadReader<LabourForceRecord> first = new ReadAheadReader<>(reader(dir, geo), "first");
        first.open(context);
        List<Long> lines = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            RowBatch<LabourForceRecord> batch = first.read();
            assertThat(batch.rows()).hasSize(ReadAheadReader.BATCH_ITEMS);
            assertThat(batch.position()).isEqualTo((long) i * ReadAheadReader.BATCH_ITEMS);
            assertThat(batch.endOfFile()).isFalse();
            batch.rows().forEach(p -> lines.add(p.line()));
        }
        first.update(context); // the reader ran ahead of what was stored: it saves nothing
        assertThat(context.containsKey(CsvItemReader.POSITION_KEY)).isFalse();
        context.putLong(CsvItemReader.POSITION_KEY, 2L * ReadAheadReader.BATCH_ITEMS); // as the writer does
        first.read();          // read after the commit, then the step fails
        first.close();

        ReadAheadReader<LabourForceRecord> second = new ReadAheadReader<>(reader(dir, geo), "second");
        second.open(context);
        List<RowBatch<LabourForceRecord>> batches = new ArrayList<>();
        RowBatch<LabourForceRecord> batch;
        while ((batch = second.read()) != null) {
            batch.rows().forEach(p -> lines.add(p.line()));
            batches.add(batch);
        }
        assertThat(second.read()).isNull();
        second.close();
        assertThat(lines).isEqualTo(oneRun);
        assertThat(batches).extracting(RowBatch::position).containsExactly(3_072L, 4_096L, 5_000L);
        assertThat(batches).extracting(RowBatch::endOfFile).containsExactly(false, false, true);
    }

    @Test
    void theLastBatchSaysTheFileEndsEvenWhenItIsFull() throws Exception {
        GenerateLabourForce.generate(2L * ReadAheadReader.BATCH_ITEMS, dir, 1);
        ReadAheadReader<LabourForceRecord> r = new ReadAheadReader<>(reader(dir, geo(dir)), "full");
        r.open(new ExecutionContext());
        RowBatch<LabourForceRecord> first = r.read();
        RowBatch<LabourForceRecord> last = r.read();
        assertThat(first.endOfFile()).isFalse();
        assertThat(last.rows()).hasSize(ReadAheadReader.BATCH_ITEMS);
        assertThat(last.endOfFile()).isTrue();
        assertThat(r.read()).isNull();
        r.close();
    }

    @Test
    void aDamagedFileFailsTheReadThatReachesIt() throws Exception {
        GenerateLabourForce.generate(3_000, dir, 1);
        Files.writeString(dir.resolve("employment/labour_force.csv"),
                "2001-Q1,MA-01,urban,male,15-24,1,1,1,0,0,\"never closed\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        ReadAheadReader<LabourForceRecord> r = new ReadAheadReader<>(reader(dir, geo(dir)), "damaged");
        r.open(new ExecutionContext());
        int rows = 0;
        for (int i = 0; i < 3; i++) { // 1,024 + 1,024 + 952: the rows before the damage come first
            RowBatch<LabourForceRecord> batch = r.read();
            assertThat(batch.endOfFile()).isFalse(); // the file does not end well: nothing says it is all read
            rows += batch.rows().size();
        }
        assertThat(rows).isEqualTo(3_000);
        assertThatThrownBy(r::read).isInstanceOf(InputContractException.class).hasMessageContaining("damaged");
        r.close();
    }

    @Test
    void cellsHoldTheSumsOfTheirRowsAcrossChunksAndARestart() {
        GeoReference geo = new GeoReference(List.of(
                new Place("MA", "Maroc", "Morocco", "country", ""),
                new Place("MA-01", "R1", "R1", "region", "MA"),
                new Place("MA-01-0001", "C1", "C1", "commune", "MA-01"),
                new Place("MA-01-0002", "C2", "C2", "commune", "MA-01")), Set.of("country", "region"));
        PeriodRange range = new PeriodRange(Period.year(2024), Period.year(2024));
        try (CellTable table = new CellTable()) {
            StagingRepository staging = new StagingRepository(table.jdbc(), () -> { });
            long run = CellTable.RUN;
            CellStagingWriter<LabourForceRecord> w =
                    new CellStagingWriter<>(run, LabourForceDataset.INSTANCE, geo, range, staging);
            ExecutionContext context = new ExecutionContext();
            w.open(context);
            w.write(chunk(4, false, row("2024-Q1", "MA-01-0001", 10.0, "s1"), row("2024-Q1", "MA-01-0002", 5.0, "s1"),
                    row("2024-Q1", "MA-01", 20.0, "s1"), row("2022-Q1", "MA-01-0001", 99.0, "s1")));
            w.update(context);
            assertThat(context.getLong(CsvItemReader.POSITION_KEY)).isEqualTo(4); // new cells: stored at once
            // Two rows for a stored cell and a new one: too few rows per update, held.
            w.write(chunk(6, false, row("2024-Q1", "MA-01-0001", 1.0, "s2"), row("2024-Q2", "MA-01-0002", null, "s1")));
            w.update(context);
            assertThat(context.getLong(CsvItemReader.POSITION_KEY)).isEqualTo(4);
            assertThat(table.jdbc().queryForObject("SELECT COUNT(*) FROM cell WHERE period = '2024-Q2'", Long.class))
                    .isZero();
            w.close(); // the step fails here

            // The restart goes on after the rows stored: the held ones are read again.
            CellStagingWriter<LabourForceRecord> again =
                    new CellStagingWriter<>(run, LabourForceDataset.INSTANCE, geo, range, staging);
            again.open(context);
            again.write(chunk(6, false, row("2024-Q1", "MA-01-0001", 1.0, "s2"),
                    row("2024-Q2", "MA-01-0002", null, "s1")));
            again.write(chunk(7, true, row("2024-Q2", "MA-01-0001", 4.0, "s1")));
            again.update(context);
            again.close();
            assertThat(context.getLong(CsvItemReader.POSITION_KEY)).isEqualTo(7); // the end of the file stores all

            Map<String, Object> q1 = cell(table, "2024-Q1", "MA-01", "rollup", "population");
            assertThat((Double) q1.get("TOTAL")).isCloseTo(16.0, within(1e-9));
            assertThat(q1.get("MISSING")).isEqualTo(0L);
            assertThat(q1.get("SOURCE")).isEqualTo("s1 (and other sources)");
            Map<String, Object> direct = cell(table, "2024-Q1", "MA-01", "direct", "population");
            assertThat((Double) direct.get("TOTAL")).isCloseTo(20.0, within(1e-9));
            Map<String, Object> q2 = cell(table, "2024-Q2", "MA-01", "rollup", "population");
            assertThat((Double) q2.get("TOTAL")).isCloseTo(4.0, within(1e-9));
            assertThat(q2.get("MISSING")).isEqualTo(1L); // an empty population stays "not available"
            assertThat(table.jdbc().queryForObject("SELECT COUNT(*) FROM cell WHERE period = '2022-Q1'", Long.class))
                    .isZero(); // before the staged range (one year of history)

            Cube cube = Cube.load(table.jdbc(), run, LabourForceDataset.INSTANCE, geo);
            Breakdown b = Breakdown.of("area", "urban", "sex", "male", "age_group", "15-24");
            assertThat(cube.get(new Cube.Key(Period.quarter(2024, 1), "MA-01", b), "population")).isEqualTo(20.0);
            assertThat(cube.get(new Cube.Key(Period.quarter(2024, 2), "MA-01", b), "population")).isNull();
            assertThat(cube.get(new Cube.Key(Period.quarter(2024, 2), "MA-01", b), "labour_force")).isEqualTo(2.0);
        }
    }

    @Test
    void aRowThatGivesNoSourceIsSourcedToItsFile() {
        GeoReference geo = new GeoReference(List.of(new Place("MA", "Maroc", "Morocco", "country", ""),
                new Place("MA-01", "R1", "R1", "region", "MA")), Set.of("country", "region"));
        try (CellTable table = new CellTable()) {
            CellStagingWriter<LabourForceRecord> w = new CellStagingWriter<>(CellTable.RUN, LabourForceDataset.INSTANCE,
                    geo, new PeriodRange(Period.year(2024), Period.year(2024)),
                    new StagingRepository(table.jdbc(), () -> { }));
            ExecutionContext context = new ExecutionContext();
            w.open(context);
            w.write(chunk(3, true, row("2024-Q1", "MA-01", 10.0, ""), row("2024-Q2", "MA-01", 10.0, null)));
            w.update(context);
            w.close();

            assertThat(cell(table, "2024-Q1", "MA-01", "direct", "population").get("SOURCE"))
                    .isEqualTo("employment/labour_force.csv");
            assertThat(cell(table, "2024-Q2", "MA-01", "direct", "population").get("SOURCE"))
                    .isEqualTo("employment/labour_force.csv");
        }
    }

    private static Map<String, Object> cell(CellTable table, String period, String geo, String origin, String measure) {
        return table.jdbc().queryForMap("SELECT total, missing, source FROM cell WHERE period = ? AND geo = ?"
                + " AND origin = ? AND measure = ?", period, geo, origin, measure);
    }

    private static Parsed<LabourForceRecord> row(String period, String geo, Double population, String source) {
        return new Parsed<>(1, new LabourForceRecord(Period.parse(period), geo, Area.URBAN, Sex.MALE, "15-24",
                population, 1.0, 1.0, 0.0, null, source), List.of(), List.of());
    }

    /** One chunk, its rows in two batches as the read-ahead reader hands them over, ending at {@code position}. */
    @SafeVarargs
    private static Chunk<RowBatch<LabourForceRecord>> chunk(long position, boolean endOfFile,
                                                            Parsed<LabourForceRecord>... items) {
        List<Parsed<LabourForceRecord>> rows = List.of(items);
        int half = rows.size() / 2;
        return new Chunk<>(List.of(new RowBatch<>(rows.subList(0, half), position - (rows.size() - half), false),
                new RowBatch<>(rows.subList(half, rows.size()), position, endOfFile)));
    }

    private static CsvItemReader<LabourForceRecord> reader(Path in, GeoReference geo) {
        return new CsvItemReader<>("lf", in, LabourForceDataset.INSTANCE, row -> LabourForceDataset.map(row, geo));
    }

    private static List<Parsed<LabourForceRecord>> readAll(Path in, GeoReference geo) throws Exception {
        CsvItemReader<LabourForceRecord> r = reader(in, geo);
        r.open(new ExecutionContext());
        List<Parsed<LabourForceRecord>> all = new ArrayList<>();
        Parsed<LabourForceRecord> p;
        while ((p = r.read()) != null) {
            all.add(p);
        }
        r.close();
        return all;
    }

    private static GeoReference geo(Path in) {
        CsvItemReader<Place> r = new CsvItemReader<>("geo", in, GeoDataset.INSTANCE, GeoDataset::map);
        r.open(new ExecutionContext());
        List<Place> places = new ArrayList<>();
        Parsed<Place> p;
        while ((p = r.read()) != null) {
            places.add(p.item());
        }
        r.close();
        return new GeoReference(places, Set.of("country", "region"));
    }
}

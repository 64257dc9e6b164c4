package ma.observatory.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import ma.observatory.csv.CsvItemReader;
import ma.observatory.csv.Parsed;
import ma.observatory.csv.Reason;
import ma.observatory.csv.RowProblem;
import ma.observatory.cube.CellTable;
import ma.observatory.employment.Area;
import ma.observatory.employment.LabourForceDataset;
import ma.observatory.employment.LabourForceRecord;
import ma.observatory.employment.Sex;
import ma.observatory.geo.GeoReference;
import ma.observatory.geo.Place;
import ma.observatory.outsourcing.Activity;
import ma.observatory.outsourcing.SectorJobsDataset;
import ma.observatory.outsourcing.SectorJobsRecord;
import ma.observatory.outsourcing.Segment;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;
import ma.observatory.staging.StagingRepository.CellKey;
import ma.observatory.staging.StagingRepository.CellSum;

/**
 * Rows in no order: every chunk changes every cell. The writer holds the sums until enough rows
 * were read per cell to update, saves the position of the rows it stored, and ends with the sums
 * of every row.
 */
class CellStagingWriterTest {

    private static final GeoReference GEO = new GeoReference(List.of(
            new Place("MA", "Maroc", "Morocco", "country", ""),
            new Place("MA-01", "R1", "R1", "region", "MA"),
            new Place("MA-01-0001", "C1", "C1", "commune", "MA-01")), Set.of("country", "region"));
    /** 2020 to 2024, with the year of history before it: 24 quarters, 24 cells of MA-01. */
    private static final PeriodRange RANGE = new PeriodRange(Period.year(2020), Period.year(2024));
    private static final int CELLS = 24;

    /** The real repository, counting the cells each store updates rather than inserts. */
    private static final class CountingStaging extends StagingRepository {
        final List<Integer> updatesPerStore = new ArrayList<>();

        CountingStaging(CellTable table) {
            super(table.jdbc(), () -> { });
        }

        @Override
        public void storeCells(long runId, String dataset, List<String> measures, Map<CellKey, CellSum> changed,
                               Set<CellKey> added) {
            updatesPerStore.add(changed.size() - added.size());
            super.storeCells(runId, dataset, measures, changed, added);
        }
    }

    @Test
    void rowsInNoOrderAreStoredEverySoManyRowsPerCellAndAllAtTheEnd() {
        try (CellTable table = new CellTable()) {
            CountingStaging staging = new CountingStaging(table);
            CellStagingWriter<LabourForceRecord> w =
                    new CellStagingWriter<>(CellTable.RUN, LabourForceDataset.INSTANCE, GEO, RANGE, staging);
            ExecutionContext context = new ExecutionContext();
            w.open(context);
            // Chunk n holds one row per quarter, n persons each: every chunk changes every cell.
            int chunks = 2 * CellStagingWriter.ROWS_PER_UPDATE + 3;
            List<Long> saved = new ArrayList<>();
            for (int n = 1; n <= chunks; n++) {
                w.write(chunkOfEveryQuarter(n, n == chunks));
                w.update(context);
                saved.add(context.getLong(CsvItemReader.POSITION_KEY));
            }
            w.close();

            // The first chunk only inserts, and is stored at once; then a store every
            // ROWS_PER_UPDATE chunks (as many rows per cell updated), and the last chunk stores
            // what is left.
            long first = CELLS;
            long second = first + (long) CellStagingWriter.ROWS_PER_UPDATE * CELLS;
            long third = second + (long) CellStagingWriter.ROWS_PER_UPDATE * CELLS;
            long end = (long) chunks * CELLS;
            assertThat(saved).containsOnly(first, second, third, end);
            assertThat(saved.get(0)).isEqualTo(first);
            assertThat(saved.get(1)).isEqualTo(first);
            assertThat(saved.get(CellStagingWriter.ROWS_PER_UPDATE)).isEqualTo(second);
            assertThat(saved.get(chunks - 1)).isEqualTo(end);
            assertThat(staging.updatesPerStore).containsExactly(0, CELLS, CELLS, CELLS);

            long expected = (long) chunks * (chunks + 1) / 2; // 1 + 2 + … + chunks
            for (int q = 0; q < CELLS; q++) {
                Double total = table.jdbc().queryForObject("SELECT total FROM cell WHERE period = ? AND geo = 'MA-01'"
                        + " AND origin = 'rollup' AND measure = 'population'", Double.class, quarter(q).toString());
                assertThat(total).isCloseTo((double) expected, within(1e-9));
            }
            assertThat(table.jdbc().queryForObject("SELECT COUNT(*) FROM staged_cell", Long.class)).isEqualTo(CELLS);
        }
    }

    @Test
    void rejectedRowsAreStoredWithTheRowsTheyCameWith() {
        try (CellTable table = new CellTable()) {
            ExecutionContext context = new ExecutionContext();
            CellStagingWriter<LabourForceRecord> w = afterFirstChunk(table, context);
            List<Parsed<LabourForceRecord>> rows = rowsOfEveryQuarter(2);
            rows.addAll(rejected(2L * CELLS, 1, 1));
            w.write(new Chunk<>(List.of(new RowBatch<>(rows, 2L * CELLS + 1, false))));
            w.update(context);
            assertThat(context.getLong(CsvItemReader.POSITION_KEY)).isEqualTo(CELLS); // the second chunk is held…
            assertThat(table.jdbc().queryForObject("SELECT COUNT(*) FROM row_problem", Long.class))
                    .isZero(); // …and its rejected row with it: a restart reads it again
            w.write(chunkOfEveryQuarter(3, true));
            w.update(context);
            w.close();
            assertThat(context.getLong(CsvItemReader.POSITION_KEY)).isEqualTo(3L * CELLS);
            assertThat(table.jdbc().queryForObject("SELECT COUNT(*) FROM row_problem WHERE kind = 'rejected'",
                    Long.class)).isEqualTo(1L);
        }
    }

    @Test
    void rejectedRowsAreNotHeldBeyondTenThousandProblems() {
        try (CellTable table = new CellTable()) {
            ExecutionContext context = new ExecutionContext();
            CellStagingWriter<LabourForceRecord> w = afterFirstChunk(table, context);
            // Ten problems per rejected row: far too few rows for the cells to update, so the
            // sums would be held; the problems, at 9,990, are held with them...
            int rejectedRows = ImportWriter.MAX_PENDING_PROBLEMS / 10 - 1;
            List<Parsed<LabourForceRecord>> rows = rowsOfEveryQuarter(2);
            rows.addAll(rejected(2L * CELLS, rejectedRows, 10));
            long end = 2L * CELLS + rejectedRows;
            w.write(new Chunk<>(List.of(new RowBatch<>(rows, end, false))));
            w.update(context);
            assertThat(context.getLong(CsvItemReader.POSITION_KEY)).isEqualTo(CELLS);
            assertThat(table.jdbc().queryForObject("SELECT COUNT(*) FROM row_problem", Long.class)).isZero();
            // ...and one more such row makes 10,000: everything is stored, sums and problems.
            w.write(new Chunk<>(List.of(new RowBatch<>(rejected(end, 1, 10), end + 1, false))));
            w.update(context);
            w.close();
            assertThat(context.getLong(CsvItemReader.POSITION_KEY)).isEqualTo(end + 1);
            assertThat(table.jdbc().queryForObject("SELECT total FROM cell WHERE period = ? AND geo = 'MA-01'"
                    + " AND origin = 'rollup' AND measure = 'population'", Double.class, quarter(0).toString()))
                    .isCloseTo(3.0, within(1e-9)); // 1 + 2: the held sums went with the problems
            assertThat(table.jdbc().queryForObject("SELECT COUNT(*) FROM row_problem WHERE kind = 'rejected'",
                    Long.class)).isEqualTo((long) ImportWriter.MAX_PENDING_PROBLEMS);
        }
    }

    @Test
    void aChunkIsNotStoredOnceTheDatabasesDiskIsNearlyFull() {
        try (CellTable table = new CellTable()) {
            java.util.concurrent.atomic.AtomicBoolean full = new java.util.concurrent.atomic.AtomicBoolean();
            CellStagingWriter<LabourForceRecord> w = new CellStagingWriter<>(CellTable.RUN, LabourForceDataset.INSTANCE,
                    GEO, RANGE, new StagingRepository(table.jdbc(), () -> {
                        if (full.get()) {
                            throw new IllegalStateException("disk nearly full");
                        }
                    }));
            ExecutionContext context = new ExecutionContext();
            w.open(context);
            w.write(chunkOfEveryQuarter(1, true));
            w.update(context);
            long stored = table.jdbc().queryForObject("SELECT COUNT(*) FROM staged_cell", Long.class);

            full.set(true);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.write(chunkOfEveryQuarter(2, true)))
                    .hasMessage("disk nearly full");
            assertThat(table.jdbc().queryForObject("SELECT COUNT(*) FROM staged_cell", Long.class)).isEqualTo(stored);
            assertThat(context.getLong(CsvItemReader.POSITION_KEY)).isEqualTo(CELLS);
        }
    }

    @Test
    void aPeriodNotOverInTheMonthTheRunStartedInIsWarnedOfOnceOnItsFirstRow() {
        try (CellTable table = new CellTable()) {
            // started in November 2023: 2023-Q4 is not over, nor are the four quarters of 2024; 2023-Q3 is
            CellStagingWriter<LabourForceRecord> w = new CellStagingWriter<LabourForceRecord>(CellTable.RUN,
                    LabourForceDataset.INSTANCE, GEO, RANGE, new StagingRepository(table.jdbc(), () -> { }))
                    .warningOfPeriodsNotOver(java.time.YearMonth.of(2023, 11));
            w.open(new ExecutionContext());
            w.write(chunkOfEveryQuarter(1, false));
            w.write(chunkOfEveryQuarter(2, true));

            List<Map<String, Object>> warnings = table.jdbc().queryForList(
                    "SELECT line, col, val, reason FROM row_problem WHERE kind = 'warning' ORDER BY val");
            assertThat(warnings).extracting(r -> r.get("VAL")).containsExactly("2023-Q4", "2024-Q1", "2024-Q2",
                    "2024-Q3", "2024-Q4");
            // 2024-Q1 is quarter 20, the row of q with q * 7 % 24 = 20: q = 20, line 22 of the first chunk
            assertThat(warnings.get(1)).containsEntry("LINE", 22L).containsEntry("COL", "period")
                    .containsEntry("REASON", "is not over in 2023-11, the month the run was started in: a forecast, or"
                            + " a typo for an earlier period? (said once per period, on its first row)");
        }
    }

    @Test
    void aHeadCountStatedDuringItsYearIsNotWarnedOfOnlyOneOfAYearNotBegun() {
        try (CellTable table = new CellTable()) {
            // outsourcing jobs "in 2023", said in May 2023, and a 2024 row: the run started in November 2023
            CellStagingWriter<SectorJobsRecord> w = new CellStagingWriter<SectorJobsRecord>(CellTable.RUN,
                    SectorJobsDataset.INSTANCE, GEO, RANGE, new StagingRepository(table.jdbc(), () -> { }))
                    .warningOfPeriodsNotOver(java.time.YearMonth.of(2023, 11));
            w.open(new ExecutionContext());
            List<Parsed<SectorJobsRecord>> rows = new ArrayList<>();
            long line = 2;
            for (int year = 2022; year <= 2024; year++) {
                rows.add(new Parsed<>(line++, new SectorJobsRecord(Period.year(year), "MA", Segment.CRM, "total",
                        Activity.TOTAL, 100_000.0, "s"), List.of(), List.of()));
            }
            w.write(new Chunk<>(List.of(new RowBatch<>(rows, line, true))));

            assertThat(table.jdbc().queryForList("SELECT val FROM row_problem WHERE reason_key = 'period.not-begun'",
                    String.class)).containsExactly("2024");
            assertThat(table.jdbc().queryForList("SELECT reason FROM row_problem", String.class))
                    .containsExactly("has not begun in 2023-11, the month the run was started in: a forecast, or a typo"
                            + " for an earlier period? (said once per period, on its first row)");
        }
        // the tourism head counts are such too; the survey's and the arrivals' figures come once over
        assertThat(ma.observatory.tourism.TourismJobsDataset.INSTANCE.knownOnceOver()).isFalse();
        assertThat(LabourForceDataset.INSTANCE.knownOnceOver()).isTrue();
        assertThat(ma.observatory.tourism.ArrivalsDataset.INSTANCE.knownOnceOver()).isTrue();
    }

    @Test
    void aRestartDoesNotWarnAgainOfAPeriodAnEarlierAttemptWarnedOf() {
        try (CellTable table = new CellTable()) {
            StagingRepository staging = new StagingRepository(table.jdbc(), () -> { });
            ExecutionContext context = new ExecutionContext();
            CellStagingWriter<LabourForceRecord> first = new CellStagingWriter<LabourForceRecord>(CellTable.RUN,
                    LabourForceDataset.INSTANCE, GEO, RANGE, staging).warningOfPeriodsNotOver(java.time.YearMonth.of(2023, 11));
            first.open(context);
            first.write(chunkOfEveryQuarter(1, false));
            first.update(context);
            assertThat(context.getLong(CsvItemReader.POSITION_KEY)).as("the first chunk is stored").isPositive();

            // the process dies; the restart goes on from the stored position with the same periods again
            CellStagingWriter<LabourForceRecord> restarted = new CellStagingWriter<LabourForceRecord>(CellTable.RUN,
                    LabourForceDataset.INSTANCE, GEO, RANGE, staging).warningOfPeriodsNotOver(java.time.YearMonth.of(2023, 11));
            restarted.open(context);
            restarted.write(chunkOfEveryQuarter(2, true));

            assertThat(table.jdbc().queryForList("SELECT val FROM row_problem WHERE reason_key = 'period.future'"
                    + " ORDER BY val", String.class)).containsExactly("2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3",
                    "2024-Q4");
        }
    }

    @Test
    void aLabourForceARowLeavesEmptyCountsAsItsEmployedPlusUnemployedInTheCell() {
        try (CellTable table = new CellTable()) {
            CellStagingWriter<LabourForceRecord> w = new CellStagingWriter<>(CellTable.RUN, LabourForceDataset.INSTANCE,
                    GEO, RANGE, new StagingRepository(table.jdbc(), () -> { }));
            w.open(new ExecutionContext());
            // two rows summed into one cell of MA-01: one gives its labour force (50.4, not quite
            // 45 + 5), the other leaves it empty beside 60 employed and 12 unemployed; a third leaves
            // the unemployed empty too, in another cell
            List<Parsed<LabourForceRecord>> rows = List.of(
                    new Parsed<>(2L, new LabourForceRecord(quarter(4), "MA-01-0001", Area.URBAN, Sex.MALE, "15-24",
                            100.0, 50.4, 45.0, 5.0, null, "s"), List.of(), List.of()),
                    new Parsed<>(3L, new LabourForceRecord(quarter(4), "MA-01-0001", Area.URBAN, Sex.MALE, "15-24",
                            100.0, null, 60.0, 12.0, null, "s"), List.of(), List.of()),
                    new Parsed<>(4L, new LabourForceRecord(quarter(4), "MA-01-0001", Area.URBAN, Sex.FEMALE, "15-24",
                            100.0, null, 60.0, null, null, "s"), List.of(), List.of()));
            w.write(new Chunk<>(List.of(new RowBatch<>(rows, 5, true))));

            Map<String, Object> men = table.jdbc().queryForMap("SELECT total, missing FROM cell WHERE measure ="
                    + " 'labour_force' AND dims LIKE '%sex=male%'");
            // 50.4 + 60 + 12, one row having left it empty: the cube knows it was made in part
            assertThat((Double) men.get("TOTAL")).isCloseTo(122.4, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(men.get("MISSING")).isEqualTo(1L);
            Map<String, Object> women = table.jdbc().queryForMap("SELECT total, missing FROM cell WHERE measure ="
                    + " 'labour_force' AND dims LIKE '%sex=female%'");
            assertThat(women.get("TOTAL")).as("no sum without the unemployed").isEqualTo(0.0);
            assertThat(women.get("MISSING")).isEqualTo(1L);
        }
    }

    @Test
    void warningsPastTheFilesLimitAreCountedInOneLastWarning() {
        try (CellTable table = new CellTable()) {
            StagingRepository staging = new StagingRepository(table.jdbc(), () -> { });
            CellStagingWriter<LabourForceRecord> w = new CellStagingWriter<>(CellTable.RUN, LabourForceDataset.INSTANCE,
                    GEO, RANGE, staging);
            w.open(new ExecutionContext());
            List<Parsed<LabourForceRecord>> rows = new ArrayList<>();
            for (int i = 0; i < StagingRepository.MAX_WARNINGS_PER_FILE + 5; i++) {
                rows.add(new Parsed<>(i + 2L, new LabourForceRecord(quarter(4), "MA-01-0001", Area.URBAN, Sex.MALE,
                        "15-24", 1.0, 1.0, 1.0, 0.0, null, "s"), List.of(), List.of(new RowProblem(
                        "employment/labour_force.csv", i + 2L, "labour_force", "1", Reason.of("labour-force.not-sum", "2")))));
            }
            w.write(new Chunk<>(List.of(new RowBatch<>(rows, rows.size(), true))));
            // the indicators step then replaces the file's warnings about sums (line 0): not this one
            staging.replaceDerivedWarnings(CellTable.RUN, "employment/labour_force.csv", List.of());

            List<String> reasons = table.jdbc().queryForList("SELECT reason FROM row_problem WHERE kind = 'warning'"
                    + " ORDER BY line", String.class);
            assertThat(reasons).hasSize(StagingRepository.MAX_WARNINGS_PER_FILE + 1)
                    .first().isEqualTo("5 more warnings on rows of this file are not listed: only the first 1000 are (those on"
                            + " sums, line [z], are all listed)");
        }
    }

    /** A writer on a fresh table that has stored the first chunk (every cell new). */
    private static CellStagingWriter<LabourForceRecord> afterFirstChunk(CellTable table, ExecutionContext context) {
        CellStagingWriter<LabourForceRecord> w = new CellStagingWriter<>(CellTable.RUN, LabourForceDataset.INSTANCE,
                GEO, RANGE, new StagingRepository(table.jdbc(), () -> { }));
        w.open(context);
        w.write(chunkOfEveryQuarter(1, false));
        return w;
    }

    /** Rejected rows after {@code before} rows of the file, each with {@code problemsPerRow} problems. */
    private static List<Parsed<LabourForceRecord>> rejected(long before, int count, int problemsPerRow) {
        List<Parsed<LabourForceRecord>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long line = before + i + 2;
            List<RowProblem> problems = new ArrayList<>();
            for (int p = 0; p < problemsPerRow; p++) {
                problems.add(new RowProblem("employment/labour_force.csv", line, "population", "-" + p,
                        Reason.of("number.negative")));
            }
            rows.add(new Parsed<>(line, null, problems, List.of()));
        }
        return rows;
    }

    private static Chunk<RowBatch<LabourForceRecord>> chunkOfEveryQuarter(int n, boolean endOfFile) {
        return new Chunk<>(List.of(new RowBatch<>(rowsOfEveryQuarter(n), (long) n * CELLS, endOfFile)));
    }

    /** The rows of chunk {@code n}: one per quarter, {@code n} persons each. */
    private static List<Parsed<LabourForceRecord>> rowsOfEveryQuarter(int n) {
        List<Parsed<LabourForceRecord>> rows = new ArrayList<>();
        for (int q = 0; q < CELLS; q++) {
            long line = (long) (n - 1) * CELLS + q + 2;
            rows.add(new Parsed<>(line, new LabourForceRecord(quarter((q * 7) % CELLS), "MA-01-0001", Area.URBAN,
                    Sex.MALE, "15-24", (double) n, 1.0, 1.0, 0.0, null, "s"), List.of(), List.of()));
        }
        return rows;
    }

    private static Period quarter(int q) {
        return Period.quarter(2019 + q / 4, q % 4 + 1);
    }
}

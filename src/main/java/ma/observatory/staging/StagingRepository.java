package ma.observatory.staging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.csv.FileStamp;
import ma.observatory.csv.Reason;
import ma.observatory.csv.RowProblem;
import ma.observatory.cube.CountDataset;
import ma.observatory.cube.Cube;
import ma.observatory.cube.StagedCells;

/** SQL for what the import steps stage: counters per file, rejected rows and warnings, cells. */
public class StagingRepository {

    /** A Data quality sheet with millions of identical warnings helps nobody; the count is kept. */
    public static final int MAX_WARNINGS_PER_FILE = 1000;

    private final JdbcTemplate jdbc;
    private final Runnable roomCheck;

    /**
     * @param roomCheck throws when the database's disk is too full to go on (a full disk loses
     *                  what HSQLDB cannot write, without an error)
     */
    public StagingRepository(JdbcTemplate jdbc, Runnable roomCheck) {
        this.jdbc = jdbc;
        this.roomCheck = roomCheck;
    }

    /** Before a chunk's work is stored: stops the step while the disk still has room to record it. */
    public void ensureRoom() {
        roomCheck.run();
    }

    /** Forgets what an earlier attempt of the same step staged for this file. */
    public void purge(long runId, String file, String dataset) {
        // The rows' problems only: the header's (line 1) are the input check's, the sums' (line 0)
        // the indicator step's.
        jdbc.update("DELETE FROM row_problem WHERE run_id = ? AND file = ? AND line > 1", runId, file);
        jdbc.update("UPDATE input_file SET rows_read = 0, rows_rejected = 0, rows_outside = 0"
                + " WHERE run_id = ? AND file = ?", runId, file);
        if (dataset != null) {
            jdbc.update("DELETE FROM staged_cell WHERE run_id = ? AND dataset = ?", runId, dataset);
        }
    }

    /** The file as the run recorded it when it started, or null (absent, or a run recorded before stamps). */
    public FileStamp stamp(long runId, String file) {
        List<FileStamp> stamps = jdbc.query("SELECT size_bytes, modified_ns, file_key FROM input_file"
                + " WHERE run_id = ? AND file = ? AND present AND file_key IS NOT NULL",
                (rs, i) -> new FileStamp(rs.getLong(1), rs.getLong(2), rs.getString(3)), runId, file);
        return stamps.isEmpty() ? null : stamps.get(0);
    }

    /**
     * Records a file's stamp anew: a restart has found its content unchanged (the same checksum),
     * though it may have been copied back or touched since.
     */
    public void restamp(long runId, String file, FileStamp stamp) {
        jdbc.update("UPDATE input_file SET size_bytes = ?, modified_ns = ?, file_key = ? WHERE run_id = ? AND file = ?",
                stamp.size(), stamp.modifiedNanos(), stamp.key(), runId, file);
    }

    public void addCounts(long runId, String file, long read, long rejected, long outside) {
        jdbc.update("UPDATE input_file SET rows_read = rows_read + ?, rows_rejected = rows_rejected + ?,"
                + " rows_outside = rows_outside + ? WHERE run_id = ? AND file = ?", read, rejected, outside, runId, file);
    }

    public void addProblems(long runId, String kind, List<RowProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO row_problem (run_id, kind, file, line, col, val, reason, reason_key, reason_args)"
                + " VALUES (?,?,?,?,?,?,?,?,?)", problems, problems.size(), (ps, p) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, kind);
                    ps.setString(3, p.file());
                    ps.setLong(4, p.line());
                    ps.setString(5, clip(p.column(), 200)); // a header of any length may name it
                    ps.setString(6, clip(p.value(), 1000));
                    ps.setString(7, clip(p.reason(), 2000));
                    ps.setString(8, p.why().key());
                    ps.setArray(9, ps.getConnection().createArrayOf("VARCHAR",
                            p.why().args().stream().map(a -> clip(a, 1000)).toArray()));
                });
    }

    /**
     * Warnings found while completing the cube (line 0: they concern sums, not one line) replace
     * those of an earlier attempt of the same step.
     */
    public void replaceDerivedWarnings(long runId, String file, List<RowProblem> warnings) {
        jdbc.update("DELETE FROM row_problem WHERE run_id = ? AND kind = 'warning' AND line = 0 AND file = ?"
                + " AND (reason_key IS NULL OR reason_key <> '" + MORE_WARNINGS + "')", runId, file);
        addProblems(runId, "warning", warnings);
    }

    /** The reason of the warning counting a file's rows' warnings past {@link #MAX_WARNINGS_PER_FILE}. */
    public static final String MORE_WARNINGS = "warnings.more";

    /** How many of a file's rows' warnings were past the limit, as stored with the rows read so far. */
    public long droppedWarnings(long runId, String file) {
        List<String> said = jdbc.queryForList("SELECT val FROM row_problem WHERE run_id = ? AND file = ?"
                + " AND reason_key = '" + MORE_WARNINGS + "'", String.class, runId, file);
        return said.isEmpty() ? 0 : Long.parseLong(said.get(0));
    }

    /** Says, in one warning replacing the last, how many of a file's rows' warnings are not listed. */
    public void noteDroppedWarnings(long runId, String file, long dropped) {
        jdbc.update("DELETE FROM row_problem WHERE run_id = ? AND file = ? AND reason_key = '" + MORE_WARNINGS + "'",
                runId, file);
        addProblems(runId, "warning", List.of(new RowProblem(file, 0, "", Long.toString(dropped),
                Reason.of(MORE_WARNINGS, Long.toString(dropped), Integer.toString(MAX_WARNINGS_PER_FILE)))));
    }

    /** The values of a file's problems of one reason, as stored: what a restarted step has already said. */
    public List<String> problemValues(long runId, String file, String reasonKey) {
        return jdbc.queryForList("SELECT val FROM row_problem WHERE run_id = ? AND file = ? AND reason_key = ?",
                String.class, runId, file, reasonKey);
    }

    public long countProblems(long runId, String kind, String file) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM row_problem WHERE run_id = ? AND kind = ? AND file = ?"
                + " AND (reason_key IS NULL OR reason_key <> '" + MORE_WARNINGS + "')", Long.class, runId, kind, file);
        return n == null ? 0 : n;
    }

    /**
     * The cells of a dataset already stored for the run, with their sums: what a restarted import
     * step goes on from. One entry per output cell.
     */
    public Map<CellKey, CellSum> storedCells(long runId, CountDataset dataset) {
        Map<CellKey, CellSum> cells = new HashMap<>();
        StagedCells.forEach(jdbc, runId, dataset, (period, geo, origin, dims, total, missing, source, cover) ->
                cells.put(new CellKey(period, geo, origin, dims), new CellSum(total, missing, source, cover)));
        return cells;
    }

    /**
     * Stores the cells a chunk changed, with their sums so far: those in {@code added} are
     * inserted, the others updated by their key (cheaper than a MERGE, which HSQLDB runs as a join
     * with a derived table). All measures of a cell go in one row.
     */
    public void storeCells(long runId, String dataset, List<String> measures, Map<CellKey, CellSum> changed,
                           Set<CellKey> added) {
        // The loops are in methods of their own: run once per chunk, this method then stays with
        // the quick compiler, where compiling it with its loops and the JDBC calls it inlined took
        // C2 over half a second of a 2-million-row run.
        Object[] names = measures.toArray();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<CellKey> updated = new ArrayList<>();
        sortOut(runId, dataset, names, changed, added, inserts, updates, updated);
        if (!updates.isEmpty()) {
            int[] counts = jdbc.batchUpdate("UPDATE staged_cell SET totals = ?, missing = ?, source = ?, cover = ?"
                    + " WHERE run_id = ? AND dataset = ? AND period = ? AND geo = ? AND origin = ? AND dims = ?",
                    updates);
            insertMissing(runId, dataset, names, changed, updated, counts, inserts);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO staged_cell (run_id, dataset, period, geo, origin, dims, measures, totals,"
                    + " missing, source, cover) VALUES (?,?,?,?,?,?,?,?,?,?,?)", inserts);
        }
    }

    /** The arguments of the inserts (cells in {@code added}) and of the updates (the others). */
    private static void sortOut(long runId, String dataset, Object[] names, Map<CellKey, CellSum> changed,
                                Set<CellKey> added, List<Object[]> inserts, List<Object[]> updates,
                                List<CellKey> updated) {
        for (var e : changed.entrySet()) {
            CellKey k = e.getKey();
            CellSum s = e.getValue();
            if (added.contains(k)) {
                inserts.add(insertArgs(runId, dataset, k, names, s));
            } else {
                updates.add(new Object[] {boxed(s.total), boxed(s.missing), clip(s.source, 4000), s.cover(), runId,
                        dataset, k.period(), k.geo(), k.origin(), k.dims()});
                updated.add(k);
            }
        }
    }

    /** Cells an update did not find after all: inserted instead. */
    private static void insertMissing(long runId, String dataset, Object[] names, Map<CellKey, CellSum> changed,
                                      List<CellKey> updated, int[] counts, List<Object[]> inserts) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                inserts.add(insertArgs(runId, dataset, updated.get(i), names, changed.get(updated.get(i))));
            }
        }
    }

    private static Object[] insertArgs(long runId, String dataset, CellKey k, Object[] names, CellSum s) {
        return new Object[] {runId, dataset, k.period(), k.geo(), k.origin(), k.dims(), names, boxed(s.total),
            boxed(s.missing), clip(s.source, 4000), s.cover()};
    }

    private static Double[] boxed(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static Long[] boxed(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Key of a staged cell. {@code origin} is "direct" for rows of the place itself, "rollup" for finer rows. */
    public record CellKey(String period, String geo, String origin, String dims) {
    }

    /** The sums of a cell: per measure, the total of the values given and how many rows left it empty. */
    public static final class CellSum {
        final double[] total;
        final long[] missing;
        String source;
        /** The places the rows came from ({@link ma.observatory.geo.GeoReference#coverOf}), summed. */
        long cover;
        /** False for a cell staged before covers were kept: what it covers is not known. */
        boolean coverKnown;

        public CellSum(int measures) {
            this(new double[measures], new long[measures], null, 0L);
        }

        CellSum(double[] total, long[] missing, String source, Long cover) {
            this.total = total;
            this.missing = missing;
            this.source = source;
            this.cover = cover == null ? 0 : cover;
            this.coverKnown = cover != null;
        }

        /**
         * Adds a row's values ({@code null}: left empty).
         *
         * @param placeCover what the row's place covers
         * @param sumOf      a measure the row's others make when it leaves it empty: counted as
         *                   missing (the cell then knows some rows did not give it) and summed as
         *                   their sum; {@code null} when the file has none
         */
        void add(Double[] values, String rowSource, long placeCover, CountDataset.SumOf sumOf) {
            for (int m = 0; m < total.length; m++) {
                Double v = m < values.length ? values[m] : null;
                if (v == null) {
                    missing[m]++;
                    Double made = sumOf != null && sumOf.measure() == m ? sumOf.of(values) : null;
                    if (made != null) {
                        total[m] += made;
                    }
                } else {
                    total[m] += v;
                }
            }
            addSource(rowSource);
            cover += placeCover;
        }

        /** Adds another partial sum of the same cell. */
        void add(CellSum other) {
            for (int m = 0; m < total.length; m++) {
                total[m] += other.total[m];
                missing[m] += other.missing[m];
            }
            addSource(other.source);
            cover += other.cover;
            coverKnown &= other.coverKnown;
        }

        /** As stored: {@code null} when not known. */
        Long cover() {
            return coverKnown ? cover : null;
        }

        private void addSource(String more) {
            source = source == null ? more : combine(source, more);
        }

        /** The source of a cell that already has one, once another row's is added. */
        static String combine(String source, String more) {
            if (more == null || more.equals(source) || source.endsWith(Cube.OTHER_SOURCES)) {
                return source;
            }
            return source + Cube.OTHER_SOURCES;
        }
    }

}

package ma.observatory.staging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.csv.RowProblem;

/** SQL for what the import steps stage: counters per file, rejected rows and warnings, cells. */
public class StagingRepository {

    /** A Data quality sheet with millions of identical warnings helps nobody; the count is kept. */
    public static final int MAX_WARNINGS_PER_FILE = 1000;

    private final JdbcTemplate jdbc;

    public StagingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets what an earlier attempt of the same step staged for this file. */
    public void purge(long runId, String file, String dataset) {
        jdbc.update("DELETE FROM row_problem WHERE run_id = ? AND file = ?", runId, file);
        jdbc.update("UPDATE input_file SET rows_read = 0, rows_rejected = 0, rows_outside = 0"
                + " WHERE run_id = ? AND file = ?", runId, file);
        if (dataset != null) {
            jdbc.update("DELETE FROM cell WHERE run_id = ? AND dataset = ?", runId, dataset);
        }
    }

    public void addCounts(long runId, String file, long read, long rejected, long outside) {
        jdbc.update("UPDATE input_file SET rows_read = rows_read + ?, rows_rejected = rows_rejected + ?,"
                + " rows_outside = rows_outside + ? WHERE run_id = ? AND file = ?", read, rejected, outside, runId, file);
    }

    public void addProblems(long runId, String kind, List<RowProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(problems.size());
        for (RowProblem p : problems) {
            args.add(new Object[] {runId, kind, p.file(), p.line(), p.column(), clip(p.value(), 1000), clip(p.reason(), 2000)});
        }
        jdbc.batchUpdate("INSERT INTO row_problem (run_id, kind, file, line, col, val, reason) VALUES (?,?,?,?,?,?,?)", args);
    }

    /**
     * Warnings found while completing the cube (line 0: they concern sums, not one line) replace
     * those of an earlier attempt of the same step.
     */
    public void replaceDerivedWarnings(long runId, String file, List<RowProblem> warnings) {
        jdbc.update("DELETE FROM row_problem WHERE run_id = ? AND kind = 'warning' AND line = 0 AND file = ?",
                runId, file);
        addProblems(runId, "warning", warnings);
    }

    public long countProblems(long runId, String kind, String file) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM row_problem WHERE run_id = ? AND kind = ? AND file = ?",
                Long.class, runId, kind, file);
        return n == null ? 0 : n;
    }

    /**
     * The cells of a dataset already stored for the run, with their source: what a restarted
     * import step goes on from. One entry per output cell.
     */
    public Map<CellKey, String> storedCells(long runId, String dataset) {
        Map<CellKey, String> cells = new HashMap<>();
        jdbc.query("SELECT period, geo, origin, dims, measure, source FROM cell WHERE run_id = ? AND dataset = ?",
                rs -> {
                    cells.put(new CellKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)), rs.getString(6));
                }, runId, dataset);
        return cells;
    }

    /**
     * Adds partial sums into the cells: a cell not in {@code stored} is inserted, one in it is
     * updated by its key (cheaper than a MERGE, which HSQLDB runs as a join with a derived table).
     * {@code stored} is updated to match, with each cell's source as now stored.
     */
    public void storeCells(long runId, String dataset, Map<CellKey, CellSum> sums, Map<CellKey, String> stored) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<CellKey> updated = new ArrayList<>();
        for (var e : sums.entrySet()) {
            CellKey k = e.getKey();
            CellSum s = e.getValue();
            if (!stored.containsKey(k)) {
                String source = clip(s.source, 4000);
                inserts.add(insertArgs(runId, dataset, k, s.total, s.missing, source));
                stored.put(k, source);
            } else {
                String before = stored.get(k);
                String source = clip(before == null ? s.source : CellSum.combine(before, s.source), 4000);
                updates.add(new Object[] {s.total, s.missing, source, runId, dataset, k.period(), k.geo(), k.origin(),
                        k.dims(), k.measure()});
                updated.add(k);
                stored.put(k, source);
            }
        }
        if (!updates.isEmpty()) {
            int[] counts = jdbc.batchUpdate("UPDATE cell SET total = total + ?, missing = missing + ?, source = ?"
                    + " WHERE run_id = ? AND dataset = ? AND period = ? AND geo = ? AND origin = ? AND dims = ?"
                    + " AND measure = ?", updates);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) { // not there after all (an earlier chunk rolled back): insert it
                    Object[] u = updates.get(i);
                    inserts.add(insertArgs(runId, dataset, updated.get(i), (Double) u[0], (Long) u[1], (String) u[2]));
                }
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO cell (run_id, dataset, period, geo, origin, dims, measure, total, missing,"
                    + " source) VALUES (?,?,?,?,?,?,?,?,?,?)", inserts);
        }
    }

    private static Object[] insertArgs(long runId, String dataset, CellKey k, double total, long missing,
                                       String source) {
        return new Object[] {runId, dataset, k.period(), k.geo(), k.origin(), k.dims(), k.measure(), total, missing,
                source};
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Key of a staged cell. {@code origin} is "direct" for rows of the place itself, "rollup" for finer rows. */
    public record CellKey(String period, String geo, String origin, String dims, String measure) {
    }

    /** A partial sum: the total of the values given and how many rows left the measure empty. */
    public static final class CellSum {
        double total;
        long missing;
        String source;

        public CellSum() {
        }

        public CellSum(double total, long missing, String source) {
            this.total = total;
            this.missing = missing;
            this.source = source;
        }

        public void add(Double value, String rowSource) {
            if (value == null) {
                missing++;
            } else {
                total += value;
            }
            source = source == null ? rowSource : combine(source, rowSource);
        }

        /** The source of a cell that already has one, once another row's is added. */
        static String combine(String source, String more) {
            if (more == null || more.equals(source) || source.endsWith(OTHER_SOURCES)) {
                return source;
            }
            return source + OTHER_SOURCES;
        }
    }

    private static final String OTHER_SOURCES = " (and other sources)";
}

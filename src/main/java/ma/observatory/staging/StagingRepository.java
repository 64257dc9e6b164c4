package ma.observatory.staging;

import java.util.ArrayList;
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

    /** Adds partial sums into the cells, creating the ones not seen yet. */
    public void mergeCells(long runId, String dataset, Map<CellKey, CellSum> sums) {
        if (sums.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(sums.size());
        for (var e : sums.entrySet()) {
            CellKey k = e.getKey();
            CellSum s = e.getValue();
            args.add(new Object[] {runId, dataset, k.period(), k.geo(), k.origin(), k.dims(), k.measure(),
                    s.total, s.missing, clip(s.source, 4000)});
        }
        jdbc.batchUpdate("""
                MERGE INTO cell c USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(60)), CAST(? AS VARCHAR(10)),
                      CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(10)), CAST(? AS VARCHAR(400)), CAST(? AS VARCHAR(60)),
                      CAST(? AS DOUBLE), CAST(? AS BIGINT), CAST(? AS VARCHAR(4000))))
                  AS v (run_id, dataset, period, geo, origin, dims, measure, total, missing, source)
                ON c.run_id = v.run_id AND c.dataset = v.dataset AND c.period = v.period AND c.geo = v.geo
                   AND c.origin = v.origin AND c.dims = v.dims AND c.measure = v.measure
                WHEN MATCHED THEN UPDATE SET c.total = c.total + v.total, c.missing = c.missing + v.missing,
                   c.source = CASE WHEN c.source = v.source OR v.source IS NULL THEN c.source
                                   WHEN c.source IS NULL THEN v.source
                                   WHEN c.source LIKE '% (and other sources)' THEN c.source
                                   ELSE c.source || ' (and other sources)' END
                WHEN NOT MATCHED THEN INSERT (run_id, dataset, period, geo, origin, dims, measure, total, missing, source)
                   VALUES (v.run_id, v.dataset, v.period, v.geo, v.origin, v.dims, v.measure, v.total, v.missing, v.source)
                """, args);
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

        void add(Double value, String rowSource) {
            if (value == null) {
                missing++;
            } else {
                total += value;
            }
            if (source == null) {
                source = rowSource;
            } else if (rowSource != null && !rowSource.equals(source) && !source.endsWith(" (and other sources)")) {
                source = source + " (and other sources)";
            }
        }
    }
}

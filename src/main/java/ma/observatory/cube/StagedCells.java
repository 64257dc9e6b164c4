package ma.observatory.cube;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the {@code staged_cell} rows of a dataset: what the import summed, one row per cell with
 * all its measures. Used by the cube the indicators are computed from and by a restarted import,
 * which goes on from these sums.
 */
public final class StagedCells {

    private StagedCells() {
    }

    /**
     * One staged cell; {@code total} and {@code missing} are in the order of the dataset's measures;
     * {@code cover} is what its rows' places cover, {@code null} for a cell staged before it was kept.
     */
    public interface Visitor {
        void cell(String period, String geo, String origin, String dims, double[] total, long[] missing,
                  String source, Long cover);
    }

    public static void forEach(JdbcTemplate jdbc, long runId, CountDataset dataset, Visitor visitor) {
        List<String> measures = dataset.measures();
        jdbc.query("SELECT period, geo, origin, dims, measures, totals, missing, source, cover FROM staged_cell"
                + " WHERE run_id = ? AND dataset = ?", rs -> {
            Object[] names = (Object[]) rs.getArray(5).getArray();
            Object[] totals = (Object[]) rs.getArray(6).getArray();
            Object[] missings = (Object[]) rs.getArray(7).getArray();
            double[] total = new double[measures.size()];
            long[] missing = new long[measures.size()];
            // by name: a measure stored by a version that had it is simply not read
            for (int i = 0; i < names.length; i++) {
                int m = measures.indexOf((String) names[i]);
                if (m >= 0) {
                    total[m] = ((Number) totals[i]).doubleValue();
                    missing[m] = ((Number) missings[i]).longValue();
                }
            }
            long read = rs.getLong(9);
            Long cover = rs.wasNull() ? null : read;
            visitor.cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), total, missing,
                    rs.getString(8), cover);
        }, runId, dataset.key());
    }
}

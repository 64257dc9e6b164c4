package ma.observatory.indicator;

import java.util.Locale;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.cube.Breakdown;
import ma.observatory.period.Period;

/** Indicator values, published figures and reconciliations of a run, in the database. */
public class IndicatorRepository {

    private static final int INSERT_BATCH = 10_000;

    private record Row(String indicator, String period, String geo, String breakdown, IndicatorValue value) {
    }

    private final JdbcTemplate jdbc;

    public IndicatorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the values of one domain for a run: rerunning a step gives the same rows, not more. */
    public void replace(long runId, String domain, List<IndicatorValue> values, List<Reconciliation> checks) {
        jdbc.update("DELETE FROM indicator_value WHERE run_id = ? AND domain = ?", runId, domain);
        jdbc.update("DELETE FROM reconciliation WHERE run_id = ? AND domain = ?", runId, domain);
        // In the order of the primary key, so that each row lands next to the previous one in the
        // index (in the cube's hash order HSQLDB spends 3-4 times longer), and in batches: a million
        // values as one JDBC batch would hold every row's parameters at once.
        Map<Object, String> text = new HashMap<>();
        List<Row> rows = new ArrayList<>(values.size());
        for (IndicatorValue v : values) {
            rows.add(new Row(v.indicator().id(), text.computeIfAbsent(v.period(), Object::toString), v.geo(),
                    text.computeIfAbsent(v.breakdown(), Object::toString), v));
        }
        rows.sort(Comparator.comparing(Row::indicator).thenComparing(Row::period).thenComparing(Row::geo)
                .thenComparing(Row::breakdown));
        for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
            List<Row> part = rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH));
            jdbc.batchUpdate("INSERT INTO indicator_value (run_id, domain, indicator, period, geo, breakdown, val,"
                    + " unit, basis, source) VALUES (?,?,?,?,?,?,?,?,?,?)", new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Row r = part.get(i);
                    IndicatorValue v = r.value();
                    ps.setLong(1, runId);
                    ps.setString(2, domain);
                    ps.setString(3, r.indicator());
                    ps.setString(4, r.period());
                    ps.setString(5, r.geo());
                    ps.setString(6, r.breakdown());
                    if (v.value() == null) {
                        ps.setNull(7, Types.DOUBLE);
                    } else {
                        ps.setDouble(7, v.value());
                    }
                    ps.setString(8, v.unit().text());
                    ps.setString(9, v.basis().code());
                    ps.setString(10, v.source());
                }

                @Override
                public int getBatchSize() {
                    return part.size();
                }
            });
        }
        List<Object[]> recs = new ArrayList<>(checks.size());
        for (Reconciliation r : checks) {
            recs.add(new Object[] {runId, domain, r.indicator().id(), r.period().toString(), r.geo(),
                    r.breakdown().toString(), r.computed(), r.published(), r.indicator().unit().text(), r.flagged(),
                    r.line()});
        }
        jdbc.batchUpdate("INSERT INTO reconciliation (run_id, domain, indicator, period, geo, breakdown, computed,"
                + " published, unit, flagged, line) VALUES (?,?,?,?,?,?,?,?,?,?,?)", recs);
    }

    public void savePublished(long runId, List<PublishedFigure> figures) {
        List<Object[]> rows = new ArrayList<>(figures.size());
        for (PublishedFigure f : figures) {
            rows.add(new Object[] {runId, f.indicator().id(), f.period().toString(), f.geo(), f.breakdown().toString(),
                    f.value(), f.indicator().unit().text(), f.source(), f.line()});
        }
        jdbc.batchUpdate("INSERT INTO published (run_id, indicator, period, geo, breakdown, val, unit, source, line)"
                + " VALUES (?,?,?,?,?,?,?,?,?)", rows);
    }

    public void deletePublished(long runId) {
        jdbc.update("DELETE FROM published WHERE run_id = ?", runId);
    }

    /** Published figures whose indicator belongs to the domain. */
    public List<PublishedFigure> published(long runId, String domain) {
        return jdbc.query("SELECT indicator, period, geo, breakdown, val, source, line FROM published"
                        + " WHERE run_id = ? AND indicator LIKE ? ORDER BY line",
                (rs, i) -> new PublishedFigure(Indicator.byId(rs.getString(1)), Period.parse(rs.getString(2)),
                        rs.getString(3), Breakdown.parse(rs.getString(4)), (Double) rs.getObject(5),
                        rs.getString(6), rs.getLong(7)),
                runId, domain + ".%");
    }

    /** All values of a run, in the order of the Indicators table. */
    public List<IndicatorValue> values(long runId) {
        // Hundreds of thousands of values share a few hundred periods, places, breakdowns and
        // sources: each is parsed once and shared, so the list costs little more than its values.
        Map<String, Period> periods = new HashMap<>();
        Map<String, Breakdown> breakdowns = new HashMap<>();
        Map<String, String> strings = new HashMap<>();
        return jdbc.query("SELECT indicator, period, geo, breakdown, val, basis, source, unit"
                        + " FROM indicator_value WHERE run_id = ?",
                (rs, i) -> new IndicatorValue(Indicator.byId(rs.getString(1)),
                        periods.computeIfAbsent(rs.getString(2), Period::parse),
                        shared(strings, rs.getString(3)), breakdowns.computeIfAbsent(rs.getString(4), Breakdown::parse),
                        (Double) rs.getObject(5), Basis.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
                        shared(strings, rs.getString(7)), Unit.fromText(rs.getString(8))),
                runId);
    }

    private static String shared(Map<String, String> strings, String s) {
        return s == null ? null : strings.computeIfAbsent(s, x -> x);
    }

    public List<Reconciliation> reconciliations(long runId) {
        return jdbc.query("SELECT indicator, period, geo, breakdown, computed, published, flagged, line"
                        + " FROM reconciliation WHERE run_id = ? ORDER BY indicator, period, geo, breakdown",
                (rs, i) -> new Reconciliation(Indicator.byId(rs.getString(1)), Period.parse(rs.getString(2)),
                        rs.getString(3), Breakdown.parse(rs.getString(4)), rs.getDouble(5), rs.getDouble(6),
                        rs.getBoolean(7), rs.getLong(8)),
                runId);
    }
}

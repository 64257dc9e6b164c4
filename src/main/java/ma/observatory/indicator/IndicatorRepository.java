package ma.observatory.indicator;

import java.util.Locale;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.cube.Breakdown;
import ma.observatory.period.Period;

/** Indicator values, published figures and reconciliations of a run, in the database. */
public class IndicatorRepository {

    private final JdbcTemplate jdbc;

    public IndicatorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the values of one domain for a run: rerunning a step gives the same rows, not more. */
    public void replace(long runId, String domain, List<IndicatorValue> values, List<Reconciliation> checks) {
        jdbc.update("DELETE FROM indicator_value WHERE run_id = ? AND domain = ?", runId, domain);
        jdbc.update("DELETE FROM reconciliation WHERE run_id = ? AND domain = ?", runId, domain);
        List<Object[]> rows = new ArrayList<>(values.size());
        for (IndicatorValue v : values) {
            rows.add(new Object[] {runId, domain, v.indicator().id(), v.period().toString(), v.geo(),
                    v.breakdown().toString(), v.value(), v.unit().text(), v.basis().code(), v.source()});
        }
        jdbc.batchUpdate("INSERT INTO indicator_value (run_id, domain, indicator, period, geo, breakdown, val, unit,"
                + " basis, source) VALUES (?,?,?,?,?,?,?,?,?,?)", rows);
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
        return jdbc.query("SELECT indicator, period, geo, breakdown, val, basis, source, unit"
                        + " FROM indicator_value WHERE run_id = ?",
                (rs, i) -> new IndicatorValue(Indicator.byId(rs.getString(1)), Period.parse(rs.getString(2)),
                        rs.getString(3), Breakdown.parse(rs.getString(4)), (Double) rs.getObject(5),
                        Basis.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)), rs.getString(7),
                        Unit.fromText(rs.getString(8))),
                runId);
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

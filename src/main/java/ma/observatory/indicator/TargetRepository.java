package ma.observatory.indicator;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ma.observatory.period.Period;

/** The targets of a run. */
@Repository
public class TargetRepository {

    private final JdbcTemplate jdbc;

    public TargetRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteRun(long runId) {
        jdbc.update("DELETE FROM target WHERE run_id = ?", runId);
    }

    public void save(long runId, List<Target> targets) {
        List<Object[]> rows = new ArrayList<>(targets.size());
        for (Target t : targets) {
            rows.add(new Object[] {runId, t.indicator().id(), t.geo(), t.targetPeriod().toString(), t.targetValue(),
                    t.indicator().unit().text(), t.baselinePeriod() == null ? null : t.baselinePeriod().toString(),
                    t.baselineValue(), SourceText.capped(t.source()), t.line()});
        }
        jdbc.batchUpdate("INSERT INTO target (run_id, indicator, geo, target_period, target_value, unit,"
                + " baseline_period, baseline_value, source, line) VALUES (?,?,?,?,?,?,?,?,?,?)", rows);
    }

    /** Targets whose indicator belongs to the domain, in file order. */
    public List<Target> targets(long runId, String domain) {
        return jdbc.query("SELECT indicator, geo, target_period, target_value, baseline_period, baseline_value,"
                        + " source, line FROM target WHERE run_id = ? AND indicator LIKE ? ORDER BY line",
                (rs, i) -> new Target(Indicator.byId(rs.getString(1)), rs.getString(2), Period.parse(rs.getString(3)),
                        rs.getDouble(4), rs.getString(5) == null ? null : Period.parse(rs.getString(5)),
                        (Double) rs.getObject(6), rs.getString(7), rs.getLong(8)),
                runId, domain + ".%");
    }
}

package ma.observatory.outsourcing;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ma.observatory.indicator.SourceText;

/** The regulations of a run (table {@code regulation}), in file order. */
@Repository
public class RegulationRepository {

    private final JdbcTemplate jdbc;

    public RegulationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteRun(long runId) {
        jdbc.update("DELETE FROM regulation WHERE run_id = ?", runId);
    }

    public void save(long runId, List<Regulation> regulations) {
        List<Object[]> rows = new ArrayList<>(regulations.size());
        for (Regulation r : regulations) {
            rows.add(new Object[] {runId, r.id(), r.country(), Text.clip(r.title(), 1000), Date.valueOf(r.effectiveOn()),
                    r.segment().code(), r.clientCountry(), r.activity().code(),
                    r.adoptedOn() == null ? null : Date.valueOf(r.adoptedOn()), r.lossRateLow(), r.lossRateCentral(),
                    r.lossRateHigh(), SourceText.capped(r.source()), r.line()});
        }
        jdbc.batchUpdate("INSERT INTO regulation (run_id, id, country, title, effective_on, segment, client_country,"
                + " activity, adopted_on, loss_rate_low, loss_rate_central, loss_rate_high, source, line)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
    }

    public List<Regulation> regulations(long runId) {
        return jdbc.query("SELECT id, country, title, effective_on, segment, client_country, activity, adopted_on,"
                        + " loss_rate_low, loss_rate_central, loss_rate_high, source, line"
                        + " FROM regulation WHERE run_id = ? ORDER BY line",
                (rs, i) -> {
                    Date adopted = rs.getDate(8);
                    return new Regulation(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getDate(4).toLocalDate(), Segment.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                            rs.getString(6), Activity.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)),
                            adopted == null ? null : adopted.toLocalDate(), (Double) rs.getObject(9),
                            (Double) rs.getObject(10), (Double) rs.getObject(11), rs.getString(12), rs.getLong(13));
                }, runId);
    }
}

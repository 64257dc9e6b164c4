package ma.observatory.outsourcing;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ma.observatory.indicator.SourceText;

/** The relocation events of a run (table {@code relocation_event}), in file order. */
@Repository
public class RelocationRepository {

    private final JdbcTemplate jdbc;

    public RelocationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteRun(long runId) {
        jdbc.update("DELETE FROM relocation_event WHERE run_id = ?", runId);
    }

    public void save(long runId, List<RelocationEvent> events) {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (RelocationEvent e : events) {
            rows.add(new Object[] {runId, e.line(), Date.valueOf(e.announcedOn()),
                    e.effectiveOn() == null ? null : Date.valueOf(e.effectiveOn()), Text.clip(e.client(), 300),
                    Text.clip(e.provider(), 300), e.originCountry(), e.destinationCountry(), e.jobs(),
                    e.status().code(), Text.clip(e.originCity(), 200), Text.clip(e.destinationCity(), 200),
                    Text.clip(e.language(), 40), SourceText.capped(e.source())});
        }
        jdbc.batchUpdate("INSERT INTO relocation_event (run_id, line, announced_on, effective_on, client, provider,"
                + " origin_country, destination_country, jobs, status, origin_city, destination_city, language, source)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
    }

    public List<RelocationEvent> events(long runId) {
        return jdbc.query("SELECT line, announced_on, effective_on, client, provider, origin_country,"
                        + " destination_country, jobs, status, origin_city, destination_city, language, source"
                        + " FROM relocation_event WHERE run_id = ? ORDER BY line",
                (rs, i) -> {
                    Date effective = rs.getDate(3);
                    return new RelocationEvent(rs.getLong(1), rs.getDate(2).toLocalDate(),
                            effective == null ? null : effective.toLocalDate(), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), (Double) rs.getObject(8),
                            RelocationStatus.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
                }, runId);
    }
}

package ma.observatory.indicator;

import java.util.Locale;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.cube.Breakdown;
import ma.observatory.period.Period;

/** Indicator values, published figures and reconciliations of a run, in the database. */
public class IndicatorRepository {

    private static final int INSERT_BATCH = 500;
    /** Longer series (monthly data over a century) are split over several rows. */
    private static final int MAX_PERIODS_PER_ROW = 1000;

    /**
     * What the values of one stored series share. Made for every value: its hash and equality are
     * spelled out, comparing references first (the values of a series share their parts), which
     * is several times quicker than a record's generated ones.
     */
    private record SeriesKey(Indicator indicator, String geo, Breakdown breakdown, Unit unit, Basis basis,
                             String source) {

        @Override
        public int hashCode() {
            int h = indicator.hashCode();
            h = 31 * h + Objects.hashCode(geo);
            h = 31 * h + Objects.hashCode(breakdown);
            h = 31 * h + unit.hashCode();
            h = 31 * h + basis.hashCode();
            return 31 * h + Objects.hashCode(source);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SeriesKey k && indicator == k.indicator && unit == k.unit && basis == k.basis
                    && Objects.equals(geo, k.geo) && Objects.equals(breakdown, k.breakdown)
                    && Objects.equals(source, k.source);
        }
    }

    private final JdbcTemplate jdbc;
    private final Runnable roomCheck;

    /** @param roomCheck throws when the database's disk is too full to store a domain's values */
    public IndicatorRepository(JdbcTemplate jdbc, Runnable roomCheck) {
        this.jdbc = jdbc;
        this.roomCheck = roomCheck;
    }

    /**
     * Replaces the values of one domain for a run: rerunning a step gives the same rows, not more.
     *
     * <p>Values are stored as series: one row per indicator, place, breakdown, unit, basis and
     * source, holding the periods and their values as two arrays (the view {@code indicator_value}
     * shows them one value per row, for SQL). At commune grain a run has close to a million
     * values; one row each took HSQLDB about five seconds to store and two to read back, a row
     * per series (a hundred times fewer) a tenth of that.
     */
    public void replace(long runId, String domain, List<IndicatorValue> values, List<Reconciliation> checks) {
        roomCheck.run();
        jdbc.update("DELETE FROM indicator_series WHERE run_id = ? AND domain = ?", runId, domain);
        jdbc.update("DELETE FROM reconciliation WHERE run_id = ? AND domain = ?", runId, domain);
        Map<SeriesKey, List<IndicatorValue>> grouped = new HashMap<>();
        for (IndicatorValue v : values) {
            SeriesKey key = new SeriesKey(v.indicator(), v.geo(), v.breakdown(), v.unit(), v.basis(),
                    SourceText.capped(v.source()));
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
        }
        // Numbered in a stable order, so that the same values give the same rows.
        List<SeriesKey> keys = new ArrayList<>(grouped.keySet());
        Map<Breakdown, String> breakdowns = new HashMap<>();
        keys.sort(Comparator.comparing((SeriesKey k) -> k.indicator().id()).thenComparing(SeriesKey::geo)
                .thenComparing(k -> breakdowns.computeIfAbsent(k.breakdown(), Breakdown::toString))
                .thenComparing(k -> k.unit().text()).thenComparing(k -> k.basis().code())
                .thenComparing(SeriesKey::source, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Object[]> rows = new ArrayList<>();
        Map<Period, String> periodTexts = new HashMap<>();
        // Each series is laid out in a table by period order number: sorting every series with a
        // comparator took a quarter of a second for 800,000 values.
        int firstPeriod = Integer.MAX_VALUE;
        int lastPeriod = Integer.MIN_VALUE;
        for (IndicatorValue v : values) {
            firstPeriod = Math.min(firstPeriod, v.period().orderNumber());
            lastPeriod = Math.max(lastPeriod, v.period().orderNumber());
        }
        IndicatorValue[] slots = new IndicatorValue[values.isEmpty() ? 0 : lastPeriod - firstPeriod + 1];
        for (SeriesKey key : keys) {
            List<IndicatorValue> series = grouped.get(key);
            inPeriodOrder(series, firstPeriod, slots);
            for (int from = 0; from < series.size(); from += MAX_PERIODS_PER_ROW) {
                List<IndicatorValue> part = series.subList(from, Math.min(series.size(), from + MAX_PERIODS_PER_ROW));
                Object[] periods = new Object[part.size()];
                Object[] vals = new Object[part.size()];
                for (int i = 0; i < part.size(); i++) {
                    periods[i] = periodTexts.computeIfAbsent(part.get(i).period(), Period::toString);
                    vals[i] = part.get(i).value();
                }
                rows.add(new Object[] {key.indicator().id(), key.geo(), breakdowns.computeIfAbsent(key.breakdown(),
                        Breakdown::toString), key.unit().text(), key.basis().code(), key.source(), periods, vals});
            }
        }
        for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH));
            int first = from;
            jdbc.batchUpdate("INSERT INTO indicator_series (run_id, domain, series, indicator, geo, breakdown,"
                    + " unit, basis, source, periods, vals) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Object[] r = part.get(i);
                    ps.setLong(1, runId);
                    ps.setString(2, domain);
                    ps.setInt(3, first + i);
                    for (int c = 0; c < 6; c++) {
                        ps.setString(4 + c, (String) r[c]);
                    }
                    ps.setArray(10, ps.getConnection().createArrayOf("VARCHAR", (Object[]) r[6]));
                    ps.setArray(11, ps.getConnection().createArrayOf("DOUBLE", (Object[]) r[7]));
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

    /**
     * Puts a series in the order of its periods, using the slots (all empty, left empty) as a
     * table by {@link Period#orderNumber()} from {@code firstPeriod} on.
     *
     * @throws IllegalStateException for two values of one period: what the table's primary key
     *         refused when it held one row per value
     */
    private static void inPeriodOrder(List<IndicatorValue> series, int firstPeriod, IndicatorValue[] slots) {
        int first = slots.length;
        int last = -1;
        for (IndicatorValue v : series) {
            int r = v.period().orderNumber() - firstPeriod;
            if (slots[r] != null) {
                Arrays.fill(slots, null);
                throw new IllegalStateException("two values for " + v.key());
            }
            slots[r] = v;
            first = Math.min(first, r);
            last = Math.max(last, r);
        }
        series.clear();
        for (int r = first; r <= last; r++) {
            if (slots[r] != null) {
                series.add(slots[r]);
                slots[r] = null;
            }
        }
    }

    public void savePublished(long runId, List<PublishedFigure> figures) {
        List<Object[]> rows = new ArrayList<>(figures.size());
        for (PublishedFigure f : figures) {
            rows.add(new Object[] {runId, f.indicator().id(), f.period().toString(), f.geo(), f.breakdown().toString(),
                    f.value(), f.indicator().unit().text(), SourceText.capped(f.source()), f.line(),
                    f.decimals() < 0 ? null : f.decimals()});
        }
        jdbc.batchUpdate("INSERT INTO published (run_id, indicator, period, geo, breakdown, val, unit, source, line,"
                + " decimals) VALUES (?,?,?,?,?,?,?,?,?,?)", rows);
    }

    public void deletePublished(long runId) {
        jdbc.update("DELETE FROM published WHERE run_id = ?", runId);
    }

    /** Published figures whose indicator belongs to the domain. */
    public List<PublishedFigure> published(long runId, String domain) {
        return jdbc.query("SELECT indicator, period, geo, breakdown, val, source, line, decimals FROM published"
                        + " WHERE run_id = ? AND indicator LIKE ? ORDER BY line",
                (rs, i) -> new PublishedFigure(Indicator.byId(rs.getString(1)), Period.parse(rs.getString(2)),
                        rs.getString(3), Breakdown.parse(rs.getString(4)), (Double) rs.getObject(5),
                        rs.getString(6), rs.getLong(7),
                        rs.getObject(8) == null ? PublishedFigure.DECIMALS_UNKNOWN : rs.getInt(8)),
                runId, domain + ".%");
    }

    /** All values of a run, domain by domain, each series in the order of its periods. */
    public List<IndicatorValue> values(long runId) {
        List<IndicatorValue> values = new ArrayList<>();
        forEachValue(runId, values::add);
        return values;
    }

    /**
     * The values of a run, in the order of {@link #values(long)}, handed over one at a time: what
     * only compares them (the Changes sheet) keeps none of those that did not change.
     */
    public void forEachValue(long runId, Consumer<IndicatorValue> action) {
        // Hundreds of thousands of values share a few hundred periods, places, breakdowns and
        // sources: each is parsed once and shared, so a list of them costs little more than its values.
        Map<String, Period> periods = new HashMap<>();
        Map<String, Breakdown> breakdowns = new HashMap<>();
        Map<String, String> strings = new HashMap<>();
        jdbc.query("SELECT indicator, geo, breakdown, unit, basis, source, periods, vals FROM indicator_series"
                        + " WHERE run_id = ? ORDER BY domain, series",
                rs -> {
                    Indicator indicator = Indicator.byId(rs.getString(1));
                    if (indicator == null) {
                        return; // stored by a version whose catalogue had it
                    }
                    String geo = shared(strings, rs.getString(2));
                    Breakdown breakdown = breakdowns.computeIfAbsent(rs.getString(3), Breakdown::parse);
                    Unit unit = Unit.fromText(rs.getString(4));
                    Basis basis = Basis.valueOf(rs.getString(5).toUpperCase(Locale.ROOT));
                    String source = shared(strings, rs.getString(6));
                    Object[] ps = (Object[]) rs.getArray(7).getArray();
                    Object[] vs = (Object[]) rs.getArray(8).getArray();
                    for (int i = 0; i < ps.length; i++) {
                        action.accept(new IndicatorValue(indicator,
                                periods.computeIfAbsent((String) ps[i], Period::parse), geo, breakdown, (Double) vs[i],
                                basis, source, unit));
                    }
                },
                runId);
    }

    private static String shared(Map<String, String> strings, String s) {
        return s == null ? null : strings.computeIfAbsent(s, x -> x);
    }

    public List<Reconciliation> reconciliations(long runId) {
        // with the decimals its published figure was typed with, as staged
        return jdbc.query("SELECT r.indicator, r.period, r.geo, r.breakdown, r.computed, r.published, r.flagged,"
                        + " r.line, p.decimals FROM reconciliation r LEFT JOIN published p ON p.run_id = r.run_id"
                        + " AND p.indicator = r.indicator AND p.period = r.period AND p.geo = r.geo"
                        + " AND p.breakdown = r.breakdown"
                        + " WHERE r.run_id = ? ORDER BY r.indicator, r.period, r.geo, r.breakdown",
                (rs, i) -> new Reconciliation(Indicator.byId(rs.getString(1)), Period.parse(rs.getString(2)),
                        rs.getString(3), Breakdown.parse(rs.getString(4)), rs.getDouble(5), rs.getDouble(6),
                        rs.getBoolean(7), rs.getLong(8),
                        rs.getObject(9) == null ? PublishedFigure.DECIMALS_UNKNOWN : rs.getInt(9)),
                runId);
    }
}

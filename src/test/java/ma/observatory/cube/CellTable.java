package ma.observatory.cube;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import ma.observatory.geo.GeoReference;
import ma.observatory.geo.Place;

/**
 * The {@code cell} staging table in a private in-memory HSQLDB, created from the real
 * {@code db/hsqldb/schema.sql}, so that {@link Cube#load} and its place resolution run for real.
 */
public final class CellTable implements AutoCloseable {

    public static final long RUN = 7;

    private final JdbcTemplate jdbc;

    public CellTable() {
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:hsqldb:mem:cells-" + UUID.randomUUID(), "SA", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/hsqldb/schema.sql")).execute(ds);
        this.jdbc = new JdbcTemplate(ds);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Rows of the place itself. */
    public CellTable direct(CountDataset dataset, String period, String geo, Breakdown breakdown, String source,
                            Double... measures) {
        return cell(RUN, dataset, period, geo, "direct", breakdown, source, measures);
    }

    /** The sum of finer rows staged into their nearest reported ancestor {@code geo}. */
    public CellTable rollup(CountDataset dataset, String period, String geo, Breakdown breakdown, String source,
                            Double... measures) {
        return cell(RUN, dataset, period, geo, "rollup", breakdown, source, measures);
    }

    /**
     * The sum of the rows of finer {@code places}, staged into their nearest reported ancestor
     * {@code geo} with what they cover, as the staging writer leaves it. ({@link #rollup} leaves
     * the cover empty, as a cell staged before covers were kept.)
     */
    public CellTable rollupOf(GeoReference ref, List<String> places, CountDataset dataset, String period, String geo,
                              Breakdown breakdown, String source, Double... measures) {
        cell(RUN, dataset, period, geo, "rollup", breakdown, source, measures);
        long cover = 0;
        for (String p : places) {
            cover += ref.coverOf(p);
        }
        jdbc.update("UPDATE staged_cell SET cover = ? WHERE run_id = ? AND dataset = ? AND period = ? AND geo = ?"
                + " AND origin = 'rollup' AND dims = ?", cover, RUN, dataset.key(), period, geo, breakdown.toString());
        return this;
    }

    /**
     * One staged cell, all measures in one row as the staging writer leaves them: a null measure
     * counts one missing row (and a labour force left empty, the sum of its parts).
     */
    public CellTable cell(long run, CountDataset dataset, String period, String geo, String origin,
                          Breakdown breakdown, String source, Double... measures) {
        List<String> names = dataset.measures();
        if (measures.length != names.size()) {
            throw new IllegalArgumentException("expected " + names + ", got " + Arrays.toString(measures));
        }
        Double[] totals = new Double[names.size()];
        Long[] missing = new Long[names.size()];
        CountDataset.SumOf sumOf = dataset.sumOf();
        for (int m = 0; m < names.size(); m++) {
            totals[m] = Objects.requireNonNullElse(measures[m], 0.0);
            missing[m] = measures[m] == null ? 1L : 0L;
            if (measures[m] == null && sumOf != null && sumOf.measure() == m && sumOf.of(measures) != null) {
                totals[m] = sumOf.of(measures); // a labour force left empty counts as employed + unemployed
            }
        }
        jdbc.update("INSERT INTO staged_cell (run_id, dataset, period, geo, origin, dims, measures, totals, missing,"
                + " source) VALUES (?,?,?,?,?,?,?,?,?,?)", run, dataset.key(), period, geo, origin, breakdown.toString(),
                names.toArray(), totals, missing, source);
        return this;
    }

    public Cube load(CountDataset dataset, GeoReference geo) {
        return Cube.load(jdbc, RUN, dataset, geo);
    }

    /** Morocco and the given regions under it, reported at country and region level, plus finer places. */
    public static GeoReference morocco(String... regions) {
        List<Place> places = new java.util.ArrayList<>();
        places.add(new Place("MA", "Maroc", "Morocco", "country", ""));
        for (String r : regions) {
            places.add(new Place(r, r, r, "region", "MA"));
        }
        places.add(new Place("MA-01-01", "Tanger-Assilah", "Tangier-Assilah", "province", "MA-01"));
        places.add(new Place("MA-01-02", "Tétouan", "Tetouan", "province", "MA-01"));
        return new GeoReference(places, Set.of("country", "region"));
    }

    @Override
    public void close() {
        jdbc.execute("SHUTDOWN");
    }
}

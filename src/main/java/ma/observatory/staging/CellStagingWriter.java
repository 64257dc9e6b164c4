package ma.observatory.staging;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import ma.observatory.csv.Parsed;
import ma.observatory.cube.Breakdown;
import ma.observatory.cube.CountDataset;
import ma.observatory.cube.Stageable;
import ma.observatory.cube.StagedRow;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;
import ma.observatory.staging.StagingRepository.CellKey;
import ma.observatory.staging.StagingRepository.CellSum;

/**
 * Sums the rows of a count file into cells as they stream in: a chunk of thousands of rows
 * becomes a handful of cell updates, so the database and the heap grow with the number of output
 * cells, never with the number of input rows. Rows of a place finer than the reported levels are
 * summed into its nearest reported ancestor ("rollup"); rows of a reported place stay "direct",
 * so that a total given in the input wins over one summed from its parts.
 *
 * <p>Per row the work is one hash lookup: rows are summed on their key (period, place, origin,
 * breakdown) with all their measures at once, and only the chunk's distinct keys are turned into
 * the text keys of the {@code staged_cell} table. The writer keeps the sums of the cells it has
 * stored (one entry per output cell, all measures in one row), so each cell is inserted once and
 * then updated with its new sums, without a MERGE.
 */
public class CellStagingWriter<T extends Stageable> extends ImportWriter<T> {

    private final CountDataset dataset;
    private final GeoReference geo;
    private final PeriodRange staged;
    private final Map<String, String> targets = new HashMap<>();
    private final Map<Period, Boolean> inRange = new HashMap<>();
    private Period lastPeriod;
    private boolean lastInRange;
    private Map<CellKey, CellSum> stored = new HashMap<>();

    /**
     * @param range the run's range; {@link CountDataset#yearsOfHistory()} more years are staged
     *              before it, for the indicators that compare with the past
     */
    public CellStagingWriter(long runId, CountDataset dataset, GeoReference geo, PeriodRange range,
                             StagingRepository staging) {
        super(runId, dataset.file(), staging);
        this.dataset = dataset;
        this.geo = geo;
        this.staged = range.withYearsBefore(dataset.yearsOfHistory());
    }

    @Override
    protected String datasetKey() {
        return dataset.key();
    }

    @Override
    public void open(ExecutionContext context) {
        super.open(context);
        // After a purge there is nothing; on a restart, the cells the committed chunks left.
        stored = staging.storedCells(runId, dataset);
    }

    /** A row's place in the cube, before its measures are spelled out as cells. */
    private record RowKey(Period period, String geo, boolean direct, Breakdown breakdown) {

        // made for every row: spelled out for speed, as Period's
        @Override
        public int hashCode() {
            return ((period.hashCode() * 31 + geo.hashCode()) * 31 + Boolean.hashCode(direct)) * 31
                    + breakdown.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof RowKey k && k.direct == direct && k.period.equals(period)
                    && k.geo.equals(geo) && k.breakdown.equals(breakdown);
        }
    }

    // The per-row loop and the per-cell loop are methods of their own, and this one, run once per
    // chunk, has none: the optimising compiler then compiles the loops alone, not with the
    // database calls below them (the whole method took it over half a second).
    @Override
    protected long stage(List<Parsed<T>> kept) {
        Map<RowKey, CellSum> sums = new HashMap<>();
        long outside = sumRows(kept, sums);
        if (sums.isEmpty()) {
            return outside;
        }
        // Only the chunk's distinct keys are spelled out as the text keys of the cell table. The
        // sums are updated here before the chunk commits: a chunk that fails fails the step, and
        // the next attempt starts again from the sums its committed chunks stored (open()).
        Map<CellKey, CellSum> changed = new HashMap<>(sums.size() * 2);
        Set<CellKey> added = new HashSet<>();
        addToStored(sums, changed, added);
        staging.storeCells(runId, dataset.key(), dataset.measures(), changed, added);
        return outside;
    }

    /** Sums the rows by key; returns how many lie outside the reported places or the range. */
    private long sumRows(List<Parsed<T>> kept, Map<RowKey, CellSum> sums) {
        int measures = dataset.measures().size();
        long outside = 0;
        for (Parsed<T> parsed : kept) {
            StagedRow row = parsed.item().staged();
            String target = targetOf(row.geo());
            if (target.isEmpty() || !inRange(row.period())) {
                outside++;
                continue;
            }
            sums.computeIfAbsent(new RowKey(row.period(), target, target.equals(row.geo()), row.breakdown()),
                    k -> new CellSum(measures)).add(row.measures(), row.source());
        }
        return outside;
    }

    /** Adds a chunk's sums to the stored cells; the cells it changed, and those it added, for the table. */
    private void addToStored(Map<RowKey, CellSum> sums, Map<CellKey, CellSum> changed, Set<CellKey> added) {
        int measures = dataset.measures().size();
        for (var e : sums.entrySet()) {
            RowKey k = e.getKey();
            CellKey key = new CellKey(k.period().toString(), k.geo(), k.direct() ? "direct" : "rollup",
                    k.breakdown().toString());
            CellSum cell = stored.get(key);
            if (cell == null) {
                cell = new CellSum(measures);
                stored.put(key, cell);
                added.add(key);
            }
            cell.add(e.getValue());
            changed.put(key, cell);
        }
    }

    /** Where a row of this place is counted, or "" when it is outside the reported places. */
    private String targetOf(String place) {
        String t = targets.get(place);
        if (t == null) {
            t = dataset.placesFromReference() ? geo.reportedPlaceFor(place) : place;
            if (t == null) {
                t = "";
            }
            targets.put(place, t);
        }
        return t;
    }

    private boolean inRange(Period period) {
        if (period.equals(lastPeriod)) { // files come grouped by period
            return lastInRange;
        }
        Boolean in = inRange.get(period);
        if (in == null) {
            in = staged.contains(period);
            inRange.put(period, in);
        }
        lastPeriod = period;
        lastInRange = in;
        return in;
    }
}

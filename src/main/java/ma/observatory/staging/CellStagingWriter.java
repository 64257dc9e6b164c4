package ma.observatory.staging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * the text keys of the {@code cell} table. The writer remembers which cells it has already stored
 * (one entry per output cell), so each is inserted once and then updated, without a MERGE.
 */
public class CellStagingWriter<T extends Stageable> extends ImportWriter<T> {

    private final CountDataset dataset;
    private final GeoReference geo;
    private final PeriodRange staged;
    private final Map<String, String> targets = new HashMap<>();
    private final Map<Period, Boolean> inRange = new HashMap<>();
    private Map<CellKey, String> stored = new HashMap<>();

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
        stored = staging.storedCells(runId, dataset.key());
    }

    /** A row's place in the cube, before its measures are spelled out as cells. */
    private record RowKey(Period period, String geo, boolean direct, Breakdown breakdown) {
    }

    /** The partial sums of one row key over a chunk: every measure, and the rows' source. */
    private static final class RowSum {
        final double[] total;
        final long[] missing;
        String source;

        RowSum(int measures) {
            total = new double[measures];
            missing = new long[measures];
        }

        void add(Double[] values, String rowSource) {
            for (int m = 0; m < total.length; m++) {
                Double v = m < values.length ? values[m] : null;
                if (v == null) {
                    missing[m]++;
                } else {
                    total[m] += v;
                }
            }
            source = source == null ? rowSource : CellSum.combine(source, rowSource);
        }
    }

    @Override
    protected long stage(List<Parsed<T>> kept) {
        Map<RowKey, RowSum> sums = new HashMap<>();
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
                    k -> new RowSum(measures)).add(row.measures(), row.source());
        }
        if (sums.isEmpty()) {
            return outside;
        }
        List<String> names = dataset.measures();
        Map<CellKey, CellSum> cells = new HashMap<>(sums.size() * measures * 2);
        for (var e : sums.entrySet()) {
            RowKey k = e.getKey();
            RowSum s = e.getValue();
            String period = k.period().toString();
            String origin = k.direct() ? "direct" : "rollup";
            String dims = k.breakdown().toString();
            for (int m = 0; m < measures; m++) {
                cells.put(new CellKey(period, k.geo(), origin, dims, names.get(m)),
                        new CellSum(s.total[m], s.missing[m], s.source));
            }
        }
        staging.storeCells(runId, dataset.key(), cells, stored);
        return outside;
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
        Boolean in = inRange.get(period);
        if (in == null) {
            in = staged.contains(period);
            inRange.put(period, in);
        }
        return in;
    }
}

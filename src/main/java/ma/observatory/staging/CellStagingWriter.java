package ma.observatory.staging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ma.observatory.csv.Parsed;
import ma.observatory.cube.CountDataset;
import ma.observatory.cube.Stageable;
import ma.observatory.cube.StagedRow;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.PeriodRange;
import ma.observatory.staging.StagingRepository.CellKey;
import ma.observatory.staging.StagingRepository.CellSum;

/**
 * Sums the rows of a count file into cells as they stream in: a chunk of thousands of rows
 * becomes a handful of cell updates, so the database and the heap grow with the number of output
 * cells, never with the number of input rows. Rows of a place finer than the reported levels are
 * summed into its nearest reported ancestor ("rollup"); rows of a reported place stay "direct",
 * so that a total given in the input wins over one summed from its parts.
 */
public class CellStagingWriter<T extends Stageable> extends ImportWriter<T> {

    private final CountDataset dataset;
    private final GeoReference geo;
    private final PeriodRange staged;

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
    protected long stage(List<Parsed<T>> kept) {
        Map<CellKey, CellSum> sums = new HashMap<>();
        List<String> measures = dataset.measures();
        long outside = 0;
        for (Parsed<T> parsed : kept) {
            StagedRow row = parsed.item().staged();
            String target = dataset.placesFromReference() ? geo.reportedPlaceFor(row.geo()) : row.geo();
            if (!staged.contains(row.period()) || target.isEmpty()) {
                outside++;
                continue;
            }
            String origin = target.equals(row.geo()) ? "direct" : "rollup";
            String period = row.period().toString();
            String dims = row.breakdown().toString();
            for (int m = 0; m < measures.size(); m++) {
                sums.computeIfAbsent(new CellKey(period, target, origin, dims, measures.get(m)), k -> new CellSum())
                        .add(row.measures()[m], row.source());
            }
        }
        staging.mergeCells(runId, dataset.key(), sums);
        return outside;
    }
}

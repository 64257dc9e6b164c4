package ma.observatory.staging;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import ma.observatory.csv.Parsed;
import ma.observatory.csv.Reason;
import ma.observatory.csv.RowProblem;
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
 * breakdown) with all their measures at once, and only the keys of the cells changed are turned
 * into the text keys of the {@code staged_cell} table, when they are stored. The writer keeps the
 * sums of every cell (one entry per output cell, all measures in one row), so each cell is
 * inserted once and then updated with its new sums, without a MERGE; when the rows come in no
 * order it stores them every so many rows rather than with every chunk ({@link #readyToStore}).
 */
public class CellStagingWriter<T extends Stageable> extends ImportWriter<T> {

    /** Rows read per cell update, at least, before the sums held are stored ({@link #readyToStore}). */
    static final int ROWS_PER_UPDATE = 64;

    private final CountDataset dataset;
    private final GeoReference geo;
    private final PeriodRange staged;
    private final Map<String, CountedAt> countedAt = new HashMap<>();
    private final Map<Period, Boolean> inRange = new HashMap<>();
    /** The month the run was started in: a count after it is a typo (2027-Q3 for 2026-Q3). */
    private java.time.YearMonth startedIn;
    private final Set<Period> future = new HashSet<>();
    private static final String FUTURE = "period.future";
    /** A head count stated during its period is late only once the period has begun. */
    private static final String NOT_BEGUN = "period.not-begun";
    private Period lastPeriod;
    private boolean lastInRange;
    /** Every cell's sums so far, stored or held. */
    private Map<RowKey, CellSum> stored = new HashMap<>();
    /** The cells changed since the last store, and those of them not yet in the table. */
    private Map<RowKey, CellSum> changed = new HashMap<>();
    private Set<RowKey> added = new HashSet<>();
    /** Periods and breakdowns spelled out for the table, once each. */
    private final Map<Object, String> texts = new HashMap<>();

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

    /**
     * Warns, once per period, of rows of a period not over in the month the run was started in:
     * 2026-Q4 on 27 November 2026 can only be a forecast or a typo (for 2025-Q4). In a file of head
     * counts stated during their period ({@link CountDataset#knownOnceOver()} false), of rows of a
     * period not begun.
     */
    public CellStagingWriter<T> warningOfPeriodsNotOver(java.time.YearMonth month) {
        this.startedIn = month;
        return this;
    }

    @Override
    protected String datasetKey() {
        return dataset.key();
    }

    @Override
    public void open(ExecutionContext context) {
        super.open(context);
        // After a purge there is nothing; on a restart, the cells as the last store left them.
        stored = new HashMap<>();
        Map<String, Object> parsed = new HashMap<>();
        staging.storedCells(runId, dataset).forEach((k, sum) -> stored.put(new RowKey(
                (Period) parsed.computeIfAbsent(k.period(), Period::parse), k.geo(), "direct".equals(k.origin()),
                (Breakdown) parsed.computeIfAbsent(k.dims(), Breakdown::parse)), sum));
        changed = new HashMap<>();
        added = new HashSet<>();
        future.clear();
        if (startedIn != null) {
            // a restart goes on after rows already warned of: once per period means over the attempts
            for (String period : staging.problemValues(runId, file, futureReason())) {
                future.add(Period.parse(period));
            }
        }
    }

    /** A cell's key as the rows give it; spelled out as the table's text key only when the cell is stored. */
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

    @Override
    protected long stage(List<Parsed<T>> kept) {
        Map<RowKey, CellSum> sums = new HashMap<>();
        long outside = sumRows(kept, sums);
        addToStored(sums);
        return outside;
    }

    /**
     * Whether the cells changed since the last store are few enough for the rows read since: rows
     * grouped by period touch a few hundred cells per chunk, and are stored with every chunk; rows
     * in no order touch nearly every cell in every chunk, and storing them each time made the import
     * grow with rows × cells (22 s instead of 3 s for 2 million rows). Held until the rows read
     * number {@link #ROWS_PER_UPDATE} per cell to update, each cell is updated at most once per
     * that many rows: the import stays linear in the rows, whatever their order. New cells are
     * not counted: each is inserted once, whenever that is. What is held costs one key per cell
     * changed, and a restart reads again the rows read since the last store.
     */
    @Override
    protected boolean readyToStore(long pendingRows) {
        return pendingRows >= (long) ROWS_PER_UPDATE * (changed.size() - added.size());
    }

    /** Spells out the keys of the cells changed, and only those, as the text keys of the table. */
    @Override
    protected void storePending() {
        if (changed.isEmpty()) {
            return;
        }
        Map<CellKey, CellSum> cells = new HashMap<>(changed.size() * 2);
        Set<CellKey> inserts = new HashSet<>();
        for (var e : changed.entrySet()) {
            RowKey k = e.getKey();
            CellKey key = new CellKey(texts.computeIfAbsent(k.period(), Object::toString), k.geo(),
                    k.direct() ? "direct" : "rollup", texts.computeIfAbsent(k.breakdown(), Object::toString));
            cells.put(key, e.getValue());
            if (added.contains(k)) {
                inserts.add(key);
            }
        }
        staging.storeCells(runId, dataset.key(), dataset.measures(), cells, inserts);
        changed = new HashMap<>();
        added = new HashSet<>();
    }

    /** Sums the rows by key; returns how many lie outside the reported places or the range. */
    private long sumRows(List<Parsed<T>> kept, Map<RowKey, CellSum> sums) {
        int measures = dataset.measures().size();
        CountDataset.SumOf sumOf = dataset.sumOf();
        long outside = 0;
        for (Parsed<T> parsed : kept) {
            StagedRow row = parsed.item().staged();
            CountedAt target = countedAt(row.geo());
            if (startedIn != null && !row.period().equals(lastPeriod) && notYet(row.period())
                    && future.add(row.period())) {
                warn(new RowProblem(file, parsed.line(), "period", row.period().toString(),
                        Reason.of(futureReason(), startedIn.toString())));
            }
            if (target.place().isEmpty() || !inRange(row.period())) {
                outside++;
                continue;
            }
            // Every value names its source (SPEC §5): a row that gives none is the file's.
            String source = row.source() == null || row.source().isEmpty() ? dataset.file() : row.source();
            sums.computeIfAbsent(new RowKey(row.period(), target.place(), target.place().equals(row.geo()),
                    row.breakdown()), k -> new CellSum(measures)).add(row.measures(), source, target.cover(), sumOf);
        }
        return outside;
    }

    /** Adds a chunk's sums to the cells' sums, noting the cells it changed and those it added. */
    private void addToStored(Map<RowKey, CellSum> sums) {
        int measures = dataset.measures().size();
        for (var e : sums.entrySet()) {
            RowKey key = e.getKey();
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

    /**
     * Where a row of a place is counted ("" when outside the reported places), and what the row's
     * place covers there.
     */
    private record CountedAt(String place, long cover) {
    }

    private CountedAt countedAt(String place) {
        CountedAt t = countedAt.get(place);
        if (t == null) {
            t = dataset.placesFromReference() ? new CountedAt(geo.reportedPlaceFor(place), geo.coverOf(place))
                    : new CountedAt(place, 0L);
            countedAt.put(place, t);
        }
        return t;
    }

    private String futureReason() {
        return dataset.knownOnceOver() ? FUTURE : NOT_BEGUN;
    }

    /** Whether a row's period is too recent for a figure of this file when the run started. */
    private boolean notYet(Period period) {
        return dataset.knownOnceOver() ? !period.lastMonth().isBefore(startedIn)
                : period.firstMonth().isAfter(startedIn);
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

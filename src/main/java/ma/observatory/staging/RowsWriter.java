package ma.observatory.staging;

import java.util.List;
import java.util.function.LongConsumer;

import ma.observatory.csv.Parsed;

/**
 * The writer of the files whose kept rows are stored one by one (the geography, published figures,
 * targets, relocation events, regulations): what to purge before a step that starts from the top,
 * and how to save a chunk's rows, both keyed by the run.
 */
public class RowsWriter<T> extends ImportWriter<T> {

    /** Saves a chunk's kept rows, with their line numbers. */
    @FunctionalInterface
    public interface Store<T> {
        void save(long runId, List<Parsed<T>> rows);
    }

    /** Saves a chunk's kept items, when their line numbers are not needed. */
    @FunctionalInterface
    public interface ItemStore<T> {
        void save(long runId, List<T> items);
    }

    private final LongConsumer purge;
    private final Store<T> store;

    public RowsWriter(long runId, String file, StagingRepository staging, LongConsumer purge, Store<T> store) {
        super(runId, file, staging);
        this.purge = purge;
        this.store = store;
    }

    public static <T> RowsWriter<T> ofItems(long runId, String file, StagingRepository staging, LongConsumer purge,
                                            ItemStore<T> store) {
        return new RowsWriter<>(runId, file, staging, purge,
                (id, rows) -> store.save(id, rows.stream().map(Parsed::item).toList()));
    }

    @Override
    protected void purgeStaged() {
        purge.accept(runId);
    }

    @Override
    protected long stage(List<Parsed<T>> kept) {
        store.save(runId, kept);
        return 0;
    }
}

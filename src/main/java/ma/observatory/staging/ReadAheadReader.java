package ma.observatory.staging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import ma.observatory.csv.CsvItemReader;
import ma.observatory.csv.CsvRow;
import ma.observatory.csv.Parsed;

/**
 * Puts the second core to work on an import step: a thread of its own reads the file (the
 * {@link CsvItemReader}'s first half: decoding, Commons CSV, the shape of each line) while the
 * step's thread checks and maps each row (the second half: row rules, numbers, places, the
 * duplicate-key check) and sums the rows into cells. On 2 million commune rows that cut balances
 * the two threads (the reading thread used 2.7 s of CPU and the step's 3.1 s when the checks were
 * on the reading thread, which the step then waited for; now 1.7 s and 4.1 s, and the reading
 * thread waits for room in the queue); the import step took about 5 % less time. Rows come
 * through a bounded queue in batches, in file order, so memory holds at most
 * ({@link #QUEUE_BATCHES} + 1) × {@link #BATCH_ITEMS} rows ahead of the chunk (the one more: see
 * below).
 *
 * <p>Each batch is one item for Spring Batch: what it does per item (a flight-recorder event, an
 * observation with its scope, the listener lists) then runs a thousand times less often. Per row,
 * that was a tenth of everything a 2-million-row import allocated.
 *
 * <p>The reader runs ahead of the step, so the position a restart goes on from is not the inner
 * reader's own count: each batch carries the number of rows up to its end (rows skipped on open
 * included) and whether the file ends with it, and the writer saves as
 * {@link CsvItemReader#POSITION_KEY} the position of the last batch it has stored
 * ({@link ImportWriter}); this reader saves nothing. To say which batch is the last, the step's
 * thread takes the next batch from the queue before it hands one over. An exception of the inner
 * reader (a damaged file, an input contract broken) is rethrown, as it was, by the {@link #read()}
 * after the batch that holds the rows before it.
 */
public final class ReadAheadReader<T> implements ItemStreamReader<RowBatch<T>> {

    private static final Logger log = LoggerFactory.getLogger(ReadAheadReader.class);

    /** Rows per hand-over: enough that the queue's locking costs nothing per row. */
    public static final int BATCH_ITEMS = 1_024;
    /** Batches parsed ahead of the step. */
    static final int QUEUE_BATCHES = 16;

    private final CsvItemReader<T> reader;
    private final String name;
    private CsvItemReader<T> target;
    private BlockingQueue<Batch> queue;
    private Thread producer;
    private volatile boolean stopping;
    private Throwable failure;
    private boolean finished;
    private long position;
    /** Taken from the queue, not yet handed over: says whether the batch handed before it was the last. */
    private Batch next;

    /** One hand-over: rows, then possibly the end of the file or the failure that stopped the reading. */
    private record Batch(CsvRow[] rows, int size, boolean last, Throwable failure) {
    }

    /**
     * @param reader a {@link CsvItemReader}, or a step-scoped proxy of one (it is unwrapped on
     *               {@link #open}, on the step's thread, so the other thread never needs the step scope)
     * @param name   names the reading thread, e.g. the step's name
     */
    public ReadAheadReader(CsvItemReader<T> reader, String name) {
        this.reader = reader;
        this.name = name;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext context) throws ItemStreamException {
        target = reader instanceof ScopedObject scoped ? (CsvItemReader<T>) scoped.getTargetObject() : reader;
        target.open(context); // skips the rows a failed attempt committed, on this thread
        position = context.getLong(CsvItemReader.POSITION_KEY, 0L);
        queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
        failure = null;
        finished = false;
        next = null;
        stopping = false;
        CsvItemReader<T> source = target;
        producer = new Thread(() -> produce(source), name + "-reader");
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(CsvItemReader<T> target) {
        CsvRow[] rows = new CsvRow[0];
        int n = 0;
        try {
            while (!stopping) {
                rows = new CsvRow[BATCH_ITEMS];
                n = 0;
                CsvRow row;
                while (n < BATCH_ITEMS && (row = target.readRow()) != null) {
                    rows[n++] = row;
                }
                boolean last = n < BATCH_ITEMS;
                if (!offer(new Batch(rows, n, last, null)) || last) {
                    return;
                }
            }
        } catch (Throwable e) { // the rows read before it, then the failure, for the step's thread
            offer(new Batch(rows, n, true, e));
        }
    }

    /** Waits for room in the queue; {@code false} when the step is closing the reader. */
    private boolean offer(Batch batch) {
        try {
            while (!stopping) {
                if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The next batch of rows, in file order, checked and mapped; {@code null} at the end of the file. */
    @Override
    public RowBatch<T> read() throws Exception {
        while (!finished) {
            Batch b = next != null ? next : take();
            next = null;
            finished = b.last();
            failure = b.failure();
            if (b.size() > 0) {
                List<Parsed<T>> parsed = new ArrayList<>(b.size());
                for (int i = 0; i < b.size(); i++) {
                    parsed.add(target.parsed(b.rows()[i]));
                }
                position += b.size();
                boolean endOfFile;
                if (finished) {
                    endOfFile = failure == null;
                } else {
                    next = take();
                    endOfFile = next.size() == 0 && next.last() && next.failure() == null;
                }
                return new RowBatch<>(parsed, position, endOfFile);
            }
        }
        if (failure != null) {
            Throwable f = failure;
            failure = null;
            if (f instanceof Exception e) {
                throw e;
            }
            throw (Error) f;
        }
        return null;
    }

    private Batch take() throws InterruptedException {
        Batch b;
        while ((b = queue.poll(1, TimeUnit.SECONDS)) == null) {
            if (!producer.isAlive() && queue.isEmpty()) {
                throw new IllegalStateException("the reading thread of " + name + " stopped without a word");
            }
        }
        return b;
    }

    /** Saves nothing: the writer knows which rows are stored ({@link RowBatch#position()}). */
    @Override
    public void update(ExecutionContext context) {
    }

    @Override
    public void close() throws ItemStreamException {
        stopping = true;
        if (producer != null) {
            try {
                producer.join(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (producer.isAlive()) {
                log.warn("the reading thread of {} did not stop within a minute", name);
            }
            producer = null;
        }
        queue = null;
        next = null;
        if (target != null) {
            target.close();
            target = null;
        }
    }
}

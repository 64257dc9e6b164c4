package ma.observatory.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Deflates a stream on several threads into one raw deflate stream, as {@code pigz} does: the input
 * is cut into blocks, each block is compressed on its own, primed with the last 32 KiB of the block
 * before it (so the ratio barely suffers), and ends on a byte boundary (a sync flush), so the
 * compressed blocks can simply be written one after the other. Any inflater reads the result as one
 * stream. The output depends only on the input, the block size and the level, never on the number of
 * threads or their timing, so the same workbook still gives the same bytes.
 *
 * <p>Why: the Data sheet of a large run is a few hundred megabytes of XML, and deflating it on one
 * core was the last second of the run, with the other core idle.
 */
final class BlockDeflater {

    /** What was deflated: what a zip entry records. */
    record Result(long size, long compressedSize, long crc) {
    }

    /** Deflate's window: a block primed with this much of the previous one finds the same matches. */
    private static final int DICTIONARY_BYTES = 32 * 1024;

    private final ExecutorService pool;
    private final int blockSize;
    private final int level;
    /** Blocks being compressed at once; bounds the memory to about twice this many blocks. */
    private final int inFlight;

    BlockDeflater(ExecutorService pool, int threads, int blockSize, int level) {
        if (blockSize <= DICTIONARY_BYTES) {
            throw new IllegalArgumentException("block size must exceed 32 KiB: " + blockSize);
        }
        this.pool = pool;
        this.blockSize = blockSize;
        this.level = level;
        this.inFlight = 2 * Math.max(1, threads);
    }

    /** A block being compressed, and the buffer it was read into, reused once it is done. */
    private record Pending(Future<byte[]> compressed, byte[] input) {
    }

    /** Deflates everything {@code in} holds into {@code out}; closes neither. */
    Result deflate(InputStream in, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        // The blocks' buffers go round: a few hundred megabytes of sheet are read into the same
        // few blocks instead of as many new arrays, which the garbage collector had to clear.
        ArrayDeque<byte[]> free = new ArrayDeque<>();
        long size = 0;
        long compressed = 0;
        byte[] previous = null;
        byte[] block = readBlock(in, free);
        try {
            while (true) {
                byte[] next = block.length < blockSize ? null : readBlock(in, free);
                boolean last = next == null || next.length == 0;
                crc.update(block);
                size += block.length;
                byte[] dictionary = previous == null ? null : Arrays.copyOfRange(previous,
                        Math.max(0, previous.length - DICTIONARY_BYTES), previous.length);
                byte[] input = block;
                pending.add(new Pending(pool.submit(() -> compress(input, dictionary, last)), input));
                while (pending.size() >= inFlight || last && !pending.isEmpty()) {
                    Pending p = pending.poll();
                    byte[] done = await(p.compressed());
                    out.write(done);
                    compressed += done.length;
                    if (p.input().length == blockSize) {
                        free.push(p.input());
                    }
                }
                if (last) {
                    return new Result(size, compressed, crc.getValue());
                }
                previous = block;
                block = next;
            }
        } finally {
            for (Pending p : pending) {
                p.compressed().cancel(true);
            }
        }
    }

    /** Up to one block; shorter only at the end of the stream (empty when nothing is left). */
    private byte[] readBlock(InputStream in, ArrayDeque<byte[]> free) throws IOException {
        byte[] block = free.isEmpty() ? new byte[blockSize] : free.pop();
        int filled = in.readNBytes(block, 0, blockSize);
        return filled == blockSize ? block : Arrays.copyOf(block, filled);
    }

    /** Each compressing thread's output buffer, grown as needed: only the exact result is copied out. */
    private final ThreadLocal<byte[]> scratch = new ThreadLocal<>();

    private byte[] compress(byte[] input, byte[] dictionary, boolean last) {
        Deflater deflater = new Deflater(level, true);
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(input);
            byte[] out = scratch.get();
            if (out == null || out.length < input.length / 2 + 1024) {
                out = new byte[input.length / 2 + 1024];
            }
            int length = 0;
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    if (length == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    length += deflater.deflate(out, length, out.length - length);
                }
            } else {
                // A sync flush is done when it leaves room in the buffer (Deflater's contract).
                int n;
                do {
                    if (length == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    n = deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
                    length += n;
                } while (length == out.length || !deflater.needsInput());
            }
            scratch.set(out);
            return Arrays.copyOf(out, length);
        } finally {
            deflater.end();
        }
    }

    private static byte[] await(Future<byte[]> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing the workbook");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }
}

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
 * core was the last second of the run, with the other core idle. Blocks are compressed while the
 * sheet is still being written ({@link #stream}), so the writing and the compressing overlap.
 *
 * <p>A stream can also be one piece of a larger one: a piece that does not end the stream stops on
 * a sync flush without the final bit, and the next piece's bytes follow it ({@link #piece}), with
 * the checksums of the pieces put together by {@link #combineCrc}.
 */
final class BlockDeflater {

    /** What was deflated: what a zip entry records. */
    record Result(long size, long compressedSize, long crc) {
    }

    /** Deflate's window: a block primed with this much of the previous one finds the same matches. */
    private static final int DICTIONARY_BYTES = 32 * 1024;
    /** A stream's first buffer: a small sheet never needs a whole block. */
    private static final int FIRST_BUFFER_BYTES = 16 * 1024;

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

    /** Deflates everything {@code in} holds into {@code out}, ending the deflate stream; closes neither. */
    Result deflate(InputStream in, OutputStream out) throws IOException {
        Stream stream = stream(out, true);
        in.transferTo(stream);
        return stream.finish();
    }

    /**
     * A stream whose bytes are deflated into {@code out} as its blocks fill up.
     *
     * @param ends whether the last block ends the deflate stream (final bit set), or other pieces
     *             follow it
     */
    Stream stream(OutputStream out, boolean ends) {
        return new Stream(out, ends);
    }

    /** Deflates a few bytes on the calling thread, as one piece of a larger stream. */
    byte[] piece(byte[] input, boolean ends) {
        return compress(input, input.length, null, ends).bytes();
    }

    /** A block's deflated bytes and the CRC-32 of its input. */
    private record Compressed(byte[] bytes, long crc) {
    }

    /** A block being compressed, and the buffer it was read into, reused once it is done. */
    private record Pending(Future<Compressed> compressed, byte[] input, int length) {
    }

    /**
     * Bytes in, deflated blocks out, in order. Not thread-safe: one thread writes, the pool compresses.
     * {@link #finish} (or {@link #close}) compresses what is left and waits for every block.
     */
    final class Stream extends OutputStream {

        private final OutputStream out;
        private final boolean ends;
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        // Full-size buffers go round: a few hundred megabytes of sheet go through the same few
        // blocks instead of as many new arrays, which the garbage collector had to clear.
        private final ArrayDeque<byte[]> free = new ArrayDeque<>();
        private byte[] block;
        private int filled;
        private byte[] dictionary;
        private boolean anyBlock;
        private long size;
        private long compressedSize;
        private long crc;
        private Result result;

        private Stream(OutputStream out, boolean ends) {
            this.out = out;
            this.ends = ends;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (result != null && length > 0) {
                throw new IOException("write after the deflated stream was finished");
            }
            while (length > 0) {
                if (block == null) {
                    block = free.isEmpty() ? new byte[Math.min(blockSize, FIRST_BUFFER_BYTES)] : free.pop();
                } else if (filled == block.length) {
                    if (block.length < blockSize) {
                        block = Arrays.copyOf(block, Math.min(blockSize, 2 * block.length));
                    } else {
                        // Handed over only now that more bytes follow it: had the stream ended
                        // there, this block would have had to be the final one.
                        submit(false);
                        continue;
                    }
                }
                int n = Math.min(length, block.length - filled);
                System.arraycopy(bytes, offset, block, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        /** Blocks are cut by size alone, so that flushes cannot change the bytes. */
        @Override
        public void flush() {
        }

        /** Compresses the rest, writes every block and says what was written; the second call only says. */
        Result finish() throws IOException {
            if (result == null) {
                if (filled > 0 || ends && !anyBlock) {
                    if (block == null) {
                        block = new byte[0];
                    }
                    submit(ends);
                }
                while (!pending.isEmpty()) {
                    writeOldest();
                }
                free.clear(); // a workbook keeps its sheets' streams until it is written
                result = new Result(size, compressedSize, crc);
            }
            return result;
        }

        /** Finishes the stream and closes the output it was written to. */
        @Override
        public void close() throws IOException {
            try (out) {
                finish();
            } finally {
                for (Pending p : pending) {
                    p.compressed().cancel(true);
                }
            }
        }

        private void submit(boolean last) throws IOException {
            byte[] input = block;
            int length = filled;
            byte[] primer = dictionary;
            pending.add(new Pending(pool.submit(() -> compress(input, length, primer, last)), input, length));
            anyBlock = true;
            dictionary = Arrays.copyOfRange(input, Math.max(0, length - DICTIONARY_BYTES), length);
            block = null;
            filled = 0;
            while (pending.size() >= inFlight) {
                writeOldest();
            }
        }

        private void writeOldest() throws IOException {
            Pending p = pending.poll();
            Compressed done = await(p.compressed());
            out.write(done.bytes());
            compressedSize += done.bytes().length;
            crc = combineCrc(crc, done.crc(), p.length());
            size += p.length();
            if (p.input().length == blockSize) {
                free.push(p.input());
            }
        }
    }

    /** Each compressing thread's output buffer, grown as needed: only the exact result is copied out. */
    private final ThreadLocal<byte[]> scratch = new ThreadLocal<>();

    private Compressed compress(byte[] input, int inputLength, byte[] dictionary, boolean last) {
        CRC32 crc = new CRC32();
        crc.update(input, 0, inputLength);
        Deflater deflater = new Deflater(level, true);
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(input, 0, inputLength);
            byte[] out = scratch.get();
            if (out == null || out.length < inputLength / 2 + 1024) {
                out = new byte[inputLength / 2 + 1024];
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
            return new Compressed(Arrays.copyOf(out, length), crc.getValue());
        } finally {
            deflater.end();
        }
    }

    private static final int CRC_POLYNOMIAL = 0xEDB88320;

    /**
     * The CRC-32 of two byte sequences one after the other, from the CRC-32 of each and the length of
     * the second, without reading either again: the first's remainder is carried past the second's
     * bits by multiplying it by x^(8 * length) modulo the polynomial, and the two are added (the
     * method of zlib's {@code crc32_combine}; polynomials are kept bit-reversed, as CRC-32 keeps them,
     * with x^0 in the top bit).
     */
    static long combineCrc(long first, long second, long secondLength) {
        int carried = multiply(powerOfX(8 * secondLength), (int) first);
        return (carried ^ (int) second) & 0xFFFFFFFFL;
    }

    /** x^n modulo the CRC-32 polynomial, by squaring. */
    private static int powerOfX(long n) {
        int power = 1 << 31; // x^0
        int square = 1 << 30; // x^1, then x^2, x^4, ...
        for (long rest = n; rest != 0; rest >>>= 1) {
            if ((rest & 1) != 0) {
                power = multiply(square, power);
            }
            square = multiply(square, square);
        }
        return power;
    }

    /** a × b modulo the CRC-32 polynomial; {@code a} is never 0 here (x^n is not). */
    private static int multiply(int a, int b) {
        int product = 0;
        for (int bit = 1 << 31; ; bit >>>= 1) {
            if ((a & bit) != 0) {
                product ^= b;
                if ((a & (bit - 1)) == 0) {
                    return product;
                }
            }
            b = (b & 1) != 0 ? (b >>> 1) ^ CRC_POLYNOMIAL : b >>> 1;
        }
    }

    private static Compressed await(Future<Compressed> future) throws IOException {
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

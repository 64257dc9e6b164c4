package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockDeflaterTest {

    private static final int BLOCK = 40 * 1024;

    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, 3 * BLOCK + BLOCK / 2})
    void anyInflaterReadsTheBlocksAsOneStream(int size) throws Exception {
        byte[] input = sheetLikeBytes(size);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        BlockDeflater.Result result = new BlockDeflater(pool, 3, BLOCK, Deflater.BEST_SPEED)
                .deflate(new ByteArrayInputStream(input), out);

        byte[] compressed = out.toByteArray();
        assertThat(inflate(compressed, size)).isEqualTo(input);
        CRC32 crc = new CRC32();
        crc.update(input);
        assertThat(result).isEqualTo(new BlockDeflater.Result(size, compressed.length, crc.getValue()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void theBytesDoNotDependOnTheNumberOfThreads(int threads) throws IOException {
        byte[] input = sheetLikeBytes(5 * BLOCK + 123);
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        ExecutorService single = Executors.newSingleThreadExecutor();
        ExecutorService several = Executors.newFixedThreadPool(threads);
        try {
            new BlockDeflater(single, 1, BLOCK, Deflater.BEST_SPEED).deflate(new ByteArrayInputStream(input), one);
            new BlockDeflater(several, threads, BLOCK, Deflater.BEST_SPEED)
                    .deflate(new ByteArrayInputStream(input), many);
        } finally {
            single.shutdownNow();
            several.shutdownNow();
        }
        assertThat(many.toByteArray()).isEqualTo(one.toByteArray());
    }

    @Test
    void primingWithThePreviousBlockKeepsTheRatioOfOneStream() throws IOException {
        int level = Deflater.BEST_SPEED;
        byte[] input = sheetLikeBytes(8 * BLOCK);
        ByteArrayOutputStream blocks = new ByteArrayOutputStream();
        new BlockDeflater(pool, 3, BLOCK, level).deflate(new ByteArrayInputStream(input), blocks);

        Deflater whole = new Deflater(level, true);
        whole.setInput(input);
        whole.finish();
        byte[] buffer = new byte[input.length];
        int wholeLength = 0;
        while (!whole.finished()) {
            wholeLength += whole.deflate(buffer, wholeLength, buffer.length - wholeLength);
        }
        whole.end();
        assertThat((double) blocks.size()).isLessThan(wholeLength * 1.02);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, BLOCK, 3 * BLOCK + 5})
    void crcOfTwoPiecesIsPutTogetherFromTheirs(int secondLength) {
        byte[] first = sheetLikeBytes(1000 + secondLength % 13);
        byte[] second = sheetLikeBytes(secondLength);
        CRC32 whole = new CRC32();
        whole.update(first);
        whole.update(second);

        long combined = BlockDeflater.combineCrc(crc(first), crc(second), second.length);

        assertThat(combined).isEqualTo(whole.getValue());
        assertThat(BlockDeflater.combineCrc(0, crc(second), second.length)).isEqualTo(crc(second));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, BLOCK, 2 * BLOCK + 17})
    void aStreamThatDoesNotEndIsOnePieceOfALargerOne(int size) throws Exception {
        byte[] head = "<worksheet><sheetData>".getBytes(StandardCharsets.US_ASCII);
        byte[] rows = sheetLikeBytes(size);
        byte[] tail = "</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII);
        BlockDeflater deflater = new BlockDeflater(pool, 3, BLOCK, Deflater.BEST_SPEED);
        ByteArrayOutputStream middle = new ByteArrayOutputStream();

        BlockDeflater.Stream stream = deflater.stream(middle, false);
        // written in uneven pieces, with flushes between, as a sheet's writer does
        for (int at = 0, step = 1; at < rows.length; at += step, step = step * 3 + 1) {
            stream.write(rows, at, Math.min(step, rows.length - at));
            stream.flush();
        }
        BlockDeflater.Result result = stream.finish();

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(deflater.piece(head, false));
        all.write(middle.toByteArray());
        all.write(deflater.piece(tail, true));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(head);
        expected.write(rows);
        expected.write(tail);
        assertThat(inflate(all.toByteArray(), expected.size())).isEqualTo(expected.toByteArray());
        assertThat(result).isEqualTo(new BlockDeflater.Result(size, middle.size(), crc(rows)));
        assertThat(stream.finish()).as("finishing again only says").isEqualTo(result);
    }

    @Test
    void writingInPiecesGivesTheBytesOfOneWrite() throws IOException {
        byte[] input = sheetLikeBytes(4 * BLOCK + 999);
        BlockDeflater deflater = new BlockDeflater(pool, 3, BLOCK, Deflater.BEST_SPEED);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        deflater.deflate(new ByteArrayInputStream(input), whole);
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();

        try (BlockDeflater.Stream stream = deflater.stream(pieces, true)) {
            for (int at = 0; at < input.length; at += 1000) {
                stream.write(input, at, Math.min(1000, input.length - at));
                stream.flush();
            }
        }

        assertThat(pieces.toByteArray()).isEqualTo(whole.toByteArray());
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** Rows of XML with varying numbers, and a stretch of noise that deflate cannot shrink. */
    private static byte[] sheetLikeBytes(int size) {
        Random random = new Random(size);
        StringBuilder xml = new StringBuilder(size + 100);
        int row = 0;
        while (xml.length() < size) {
            row++;
            xml.append("<row r=\"").append(row).append("\"><c r=\"A").append(row).append("\" t=\"s\"><v>")
                    .append(random.nextInt(400)).append("</v></c><c r=\"B").append(row).append("\"><v>")
                    .append(random.nextDouble() * 1000).append("</v></c></row>\n");
            if (row % 500 == 0) {
                for (int i = 0; i < 2000; i++) {
                    xml.append((char) ('a' + random.nextInt(26)));
                }
            }
        }
        byte[] bytes = xml.toString().getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(bytes, size);
    }

    private static byte[] inflate(byte[] compressed, int size) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(compressed);
        byte[] out = new byte[size + 1];
        int length = 0;
        while (!inflater.finished()) {
            int n = inflater.inflate(out, length, out.length - length);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
            length += n;
        }
        assertThat(inflater.finished()).as("the stream ends with a final block").isTrue();
        assertThat(inflater.getRemaining()).as("nothing after the final block").isZero();
        inflater.end();
        return Arrays.copyOf(out, length);
    }
}

package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Utf8SinkTest {

    /** One way of handing text to a writer; the sink must give the bytes Java's own UTF-8 writer gives. */
    private interface Feed {
        void into(Writer writer) throws IOException;
    }

    private static void assertSameBytesAsJavasWriter(Feed feed) throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (Writer java = new OutputStreamWriter(expected, StandardCharsets.UTF_8)) {
            feed.into(java);
        }
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (Writer sink = new Utf8Sink(actual)) {
            feed.into(sink);
        }
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
    }

    private static final List<String> TEXTS = List.of(
            "", "plain ASCII <c r=\"A1\">", "accents: région, Taux d’activité, année",
            "Arabic and Tifinagh: المغرب ⵎⵓⵔⴰⴽⵓ", "emoji outside the BMP: 📈 and 𝔸",
            "a lone low surrogate \uDC00 here", "a lone high surrogate \uD83D then text",
            "ends on a high surrogate \uD83D", "\uDC00\uD83D\uD83D\uDCC8");

    @Test
    void textIsEncodedAsJavasWriterDoesItWhateverTheWrite() throws IOException {
        for (String text : TEXTS) {
            assertSameBytesAsJavasWriter(w -> w.write(text));
            assertSameBytesAsJavasWriter(w -> w.write(text.toCharArray(), 0, text.length()));
            assertSameBytesAsJavasWriter(w -> text.chars().forEach(c -> {
                try {
                    w.write(c);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }));
        }
    }

    @Test
    void aSurrogatePairSplitBetweenTwoWritesIsOneCharacter() throws IOException {
        String pair = "📈";
        assertSameBytesAsJavasWriter(w -> {
            w.write("rise " + pair.charAt(0));
            w.write(pair.charAt(1) + " after");
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer sink = new Utf8Sink(out)) {
            sink.write(pair.charAt(0));
            sink.flush(); // the first half waits for the second
            sink.write(pair.charAt(1));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(pair);
    }

    @Test
    void longRandomTextCrossesTheBufferUnchanged() throws IOException {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        while (text.length() < 300_000) {
            int kind = random.nextInt(10);
            text.append(kind < 7 ? (char) (' ' + random.nextInt(95))
                    : kind < 9 ? (char) (0xA0 + random.nextInt(0x2000)) : "📈");
        }
        assertSameBytesAsJavasWriter(w -> {
            for (int i = 0; i < text.length(); i += 777) {
                w.write(text.toString(), i, Math.min(777, text.length() - i));
            }
        });
    }

    @Test
    void markupAndNumbersAreWrittenAsTheirDigits() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Utf8Sink sink = new Utf8Sink(out)) {
            sink.ascii("<v>".getBytes(StandardCharsets.US_ASCII));
            for (int n : new int[] {0, 7, 10, 99, 1_048_576, -1, -120, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
                sink.decimal(n);
                sink.write(' ');
            }
            sink.write("é\uD83D");
            sink.decimal(5); // after a lone first half: '?' as Java's writer gives
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("<v>0 7 10 99 1048576 -1 -120 2147483647 -2147483648 é?5");
    }

    @Test
    void digitsFillTheBufferToItsLastByte() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder expected = new StringBuilder();
        try (Utf8Sink sink = new Utf8Sink(out)) {
            for (int i = 0; i < 50_000; i++) {
                sink.decimal(i * 7919);
                sink.write(',');
                expected.append(i * 7919).append(',');
            }
        }
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }
}

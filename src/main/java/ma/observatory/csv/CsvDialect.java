package ma.observatory.csv;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How one file is written. Files come either as the contract says (UTF-8, comma, decimal point) or
 * as a French-locale Excel saves them (semicolon, decimal comma, often Windows-1252), so each file
 * is sniffed on its own.
 *
 * @param delimiter    ',' or ';'
 * @param charset      UTF-8 or windows-1252
 * @param bom          the file starts with a UTF-8 byte order mark
 * @param decimalComma numbers may use a comma as decimal separator (semicolon files)
 */
public record CsvDialect(char delimiter, Charset charset, boolean bom, boolean decimalComma) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    /** A file's dialect as last detected, while the file keeps its size and modification time. */
    private record Detected(long size, FileTime modified, CsvDialect dialect) {
    }

    /**
     * The run checks every file before the import steps open it again; a big file that needs the
     * whole-file UTF-8 check is then read for it once.
     */
    private static final Map<Path, Detected> DETECTED = new ConcurrentHashMap<>();

    /**
     * Forgets every file's dialect, at the start of a run: under the scheduler, one process runs
     * night after night, and a file rewritten since with its size and time kept (a copy made with
     * {@code cp -p}) would be read in the dialect of the night it was first seen.
     */
    public static void forgetDetected() {
        DETECTED.clear();
    }

    public static CsvDialect detect(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        BasicFileAttributes attributes = Files.readAttributes(key, BasicFileAttributes.class);
        Detected known = DETECTED.get(key);
        if (known != null && known.size() == attributes.size()
                && known.modified().equals(attributes.lastModifiedTime())) {
            return known.dialect();
        }
        CsvDialect dialect = sniff(file);
        DETECTED.put(key, new Detected(attributes.size(), attributes.lastModifiedTime(), dialect));
        return dialect;
    }

    private static CsvDialect sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        boolean bom = head.length >= 3 && Arrays.equals(Arrays.copyOf(head, 3), UTF8_BOM);
        boolean truncated = head.length == SNIFF_BYTES;
        // A Windows-1252 accent may first appear far below the sniffed block: then the whole file is checked.
        Charset charset = bom || isUtf8(head, truncated) && (!truncated || isUtf8(file)) || mostlyUtf8(file)
                ? StandardCharsets.UTF_8 : WINDOWS_1252;
        String text = new String(head, charset);
        char delimiter = headerDelimiter(text);
        return new CsvDialect(delimiter, charset, bom, delimiter == ';');
    }

    /** Counts separators in the first line, outside quotes; a tie goes to the contract's comma. */
    static char headerDelimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static boolean isUtf8(byte[] bytes, boolean truncated) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int length = bytes.length;
        if (truncated) {
            // The sniffed block may end in the middle of a multi-byte character: drop its tail.
            int back = 0;
            while (back < 3 && length - back - 1 >= 0 && (bytes[length - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            length = Math.max(0, length - back - 1);
        } else {
            // A UTF-8 file cut short by a failed copy may end in the middle of a character: that
            // last character is lost, but the file is still UTF-8 when what comes before says so.
            int tail = incompleteTail(bytes, length);
            if (tail > 0 && hasNonAscii(bytes, length - tail)) {
                length -= tail;
            }
        }
        try {
            decoder.decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Length of the incomplete UTF-8 sequence that ends {@code bytes[0..length)} (a lead byte
     * followed by fewer continuation bytes than it announces), or 0.
     */
    static int incompleteTail(byte[] bytes, int length) {
        for (int back = 1; back <= 3 && length - back >= 0; back++) {
            int b = bytes[length - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: the lead byte is further back
            }
            int needed = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            return needed > back ? back : 0;
        }
        return 0;
    }

    private static boolean hasNonAscii(byte[] bytes, int length) {
        return hasNonAscii(bytes, 0, length);
    }

    private static boolean hasNonAscii(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) { // eight bytes at a time: a file is read whole
            if (((long) LONGS.get(bytes, i) & 0x8080808080808080L) != 0) {
                return true;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes the whole file as UTF-8, streaming: {@code false} at the first malformed byte. An
     * incomplete character at the very end (a file cut short) does not count against it.
     */
    private static boolean isUtf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        boolean nonAscii = false;
        try (InputStream stream = Files.newInputStream(file)) {
            while (true) {
                int start = in.position();
                int n = stream.read(in.array(), start, in.remaining());
                if (n > 0 && start == 0 && !hasNonAscii(in.array(), 0, n)) {
                    // plain ASCII with nothing left over from the block before: valid as it is, and
                    // most files are mostly such blocks (decoding them was most of the check)
                    in.clear();
                    continue;
                }
                if (n > 0) {
                    nonAscii = nonAscii || hasNonAscii(in.array(), start, start + n);
                    in.position(start + n);
                }
                in.flip();
                CoderResult result;
                do {
                    result = decoder.decode(in, out, false);
                    out.clear();
                } while (result.isOverflow());
                if (result.isError()) {
                    return false;
                }
                in.compact();
                if (n < 0) {
                    // what the decoder left is an incomplete character, if anything
                    return in.position() == 0
                            || nonAscii && incompleteTail(in.array(), in.position()) == in.position();
                }
            }
        }
    }

    /**
     * A UTF-8 file with a few stray bytes of another encoding (a line pasted from a Windows-1252
     * file): read as Windows-1252, every accent of the file would be garbled ("Ã©") without a
     * word; read as UTF-8, only the stray bytes are, each row holding one kept with a warning. It
     * is told by its well-formed multi-byte characters that a French or Arabic text holds (Latin
     * accents, Arabic letters, typographic punctuation, €), at least four for each byte that breaks
     * UTF-8 or decodes to something else. Windows-1252 text makes such characters only by chance:
     * "É€" reads as U+0240, "é’–" as a CJK ideograph; "Ã©" is the rare exception.
     */
    static boolean mostlyUtf8(Path file) throws IOException {
        long[] counts = utf8Counts(file);
        return counts[0] > 0 && counts[0] >= 4 * counts[1];
    }

    /**
     * How many characters a file read as Windows-1252 holds in UTF-8 (’ — é written by an editor
     * set to UTF-8, beside a few bytes of Windows-1252): read so, each shows garbled (â€”).
     */
    public static long utf8CharactersIn(Path file) throws IOException {
        return utf8Counts(file)[0];
    }

    /** The file's well-formed UTF-8 characters of the texts, and its bytes that are not UTF-8. */
    private static long[] utf8Counts(Path file) throws IOException {
        long likely = 0;
        long unlikely = 0;
        int needed = 0;
        int codePoint = 0;
        byte[] block = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                for (int i = 0; i < n; i++) {
                    int b = block[i] & 0xFF;
                    if (needed > 0) {
                        if ((b & 0xC0) == 0x80) {
                            codePoint = codePoint << 6 | b & 0x3F;
                            if (--needed == 0) {
                                if (inText(codePoint)) {
                                    likely++;
                                } else {
                                    unlikely++;
                                }
                            }
                            continue;
                        }
                        unlikely++; // a lead byte without its continuation: not UTF-8 there
                        needed = 0;
                    }
                    if (b >= 0xC2 && b <= 0xDF) {
                        needed = 1;
                        codePoint = b & 0x1F;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        needed = 2;
                        codePoint = b & 0x0F;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        needed = 3;
                        codePoint = b & 0x07;
                    } else if (b >= 0x80) {
                        unlikely++;
                    }
                }
            }
        }
        return new long[] {likely, unlikely};
    }

    /** Characters outside ASCII that the files' French, English and Arabic texts hold. */
    private static boolean inText(int codePoint) {
        return codePoint >= 0x00A0 && codePoint <= 0x017F // Latin-1 accents, Latin Extended-A, « », °
                || codePoint >= 0x0600 && codePoint <= 0x06FF // Arabic
                || codePoint >= 0x2000 && codePoint <= 0x206F // ’ “ ” – — … and the narrow spaces
                || codePoint == 0x20AC // €
                || codePoint >= 0x2100 && codePoint <= 0x214F // № ™
                || codePoint >= 0x2190 && codePoint <= 0x22FF // → ≈ − ≤ ≥, written in sources ("≈100 000")
                || codePoint >= 0x2D30 && codePoint <= 0x2D7F; // Tifinagh (Amazigh names)
    }

    /** For the About sheet and logs: "UTF-8 with BOM, ';' separated, decimal comma". */
    public String describe() {
        return charset.name() + (bom ? " with BOM" : "") + ", '" + delimiter + "' separated"
                + (decimalComma ? ", decimal comma" : "");
    }
}

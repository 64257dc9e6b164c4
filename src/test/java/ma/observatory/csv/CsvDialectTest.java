package ma.observatory.csv;

import static ma.observatory.csv.CsvTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDialectTest {

    @TempDir
    Path dir;

    private CsvDialect detect(byte[] bytes) throws IOException {
        return CsvDialect.detect(write(dir, "f.csv", bytes));
    }

    private CsvDialect detect(String text) throws IOException {
        return detect(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileRewrittenSinceItWasDetectedIsDetectedAgain() throws IOException {
        Path file = write(dir, "f.csv", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(CsvDialect.detect(file).delimiter()).isEqualTo(';');
        FileTime before = Files.getLastModifiedTime(file);

        Files.write(file, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)); // same size
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 1_000));

        assertThat(CsvDialect.detect(file).delimiter()).isEqualTo(',');
        assertThat(CsvDialect.detect(file)).as("detected once per version of the file")
                .isSameAs(CsvDialect.detect(file));
    }

    @Test
    void aRunForgetsTheDialectsAnEarlierRunDetected() throws IOException {
        Path file = write(dir, "f.csv", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(CsvDialect.detect(file).delimiter()).isEqualTo(';');
        FileTime before = Files.getLastModifiedTime(file);
        // rewritten keeping its size and time (cp -p, touch -r), as the scheduler's process runs on
        Files.write(file, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(file, before);

        CsvDialect.forgetDetected();

        assertThat(CsvDialect.detect(file).delimiter()).isEqualTo(',');
    }

    @Test
    void commaUtf8AsTheContractSays() throws IOException {
        CsvDialect d = detect("period,geo,employed\n2024,MA,1,5\n");
        assertThat(d).isEqualTo(new CsvDialect(',', StandardCharsets.UTF_8, false, false));
        assertThat(d.describe()).isEqualTo("UTF-8, ',' separated");
    }

    @Test
    void utf8WithBom() throws IOException {
        CsvDialect d = detect("\uFEFFperiod,geo\n2024,MA\n");
        assertThat(d).isEqualTo(new CsvDialect(',', StandardCharsets.UTF_8, true, false));
        assertThat(d.describe()).isEqualTo("UTF-8 with BOM, ',' separated");
    }

    @Test
    void semicolonMeansFrenchExcelWithDecimalComma() throws IOException {
        CsvDialect d = detect("period;geo;employed\n2024;MA;1,5\n");
        assertThat(d).isEqualTo(new CsvDialect(';', StandardCharsets.UTF_8, false, true));
        assertThat(d.describe()).isEqualTo("UTF-8, ';' separated, decimal comma");
        assertThat(detect("\uFEFFperiod;geo\n")).isEqualTo(new CsvDialect(';', StandardCharsets.UTF_8, true, true));
    }

    @Test
    void windows1252WhenNotValidUtf8() throws IOException {
        byte[] bytes = "période;géo;source\n2024;MA;Enquête\n".getBytes(CsvDialect.WINDOWS_1252);
        CsvDialect d = detect(bytes);
        assertThat(d).isEqualTo(new CsvDialect(';', CsvDialect.WINDOWS_1252, false, true));
        assertThat(d.describe()).isEqualTo("windows-1252, ';' separated, decimal comma");
    }

    @Test
    void aUtf8FileWithAStrayWindows1252ByteStaysUtf8() throws IOException {
        // a line pasted from a Windows-1252 file: read as Windows-1252, every accent would be garbled
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("code,name_fr\nMA-01,Tanger-Tétouan-Al Hoceïma\nMA-03,Fès-Meknès\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("P1,Région test\n".getBytes(CsvDialect.WINDOWS_1252));

        assertThat(detect(bytes.toByteArray()).charset()).isEqualTo(StandardCharsets.UTF_8);
        // the other way round, Windows-1252 with one "Ã©" in it, stays Windows-1252
        assertThat(detect("code;nom\nMA;Région, Enquête, Fès, Ã©\n".getBytes(CsvDialect.WINDOWS_1252)).charset())
                .isEqualTo(CsvDialect.WINDOWS_1252);
        // and so does Windows-1252 whose bytes happen to form UTF-8, but not characters of a text:
        // "É€" is U+0240, "é€€" U+9000 (found by CsvReaderPropertiesTest)
        assertThat(detect("a;b\nx;É€aéé€€\n".getBytes(CsvDialect.WINDOWS_1252)).charset())
                .isEqualTo(CsvDialect.WINDOWS_1252);
    }

    @Test
    void signsOfSourcesCountForUtf8AgainstAStrayWindows1252Byte() throws IOException {
        // as the shipped sector_jobs.csv writes its approximate figures: ≈ and − are UTF-8, not noise
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("period,jobs,source\n2018,80000,≈80 000 − rounded\n2024,148500,≈148 500\n2022,1,≈130 000\n"
                .getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("2026,1000,Café\n".getBytes(CsvDialect.WINDOWS_1252));

        assertThat(detect(bytes.toByteArray()).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void accentsInUtf8StayUtf8() throws IOException {
        assertThat(detect("période,géo\n2024,Fès-Meknès\n").charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void separatorInsideAQuotedHeaderFieldDoesNotCount() throws IOException {
        assertThat(detect("\"a;b;c\",d,e\n1,2,3\n").delimiter()).isEqualTo(',');
        assertThat(detect("\"a,b,c\";d;e\n1;2;3\n").delimiter()).isEqualTo(';');
        // an escaped quote inside the quoted name does not end it
        assertThat(detect("\"say \"\"a;b;c\"\"\",d,e\n").delimiter()).isEqualTo(',');
    }

    @Test
    void onlyTheHeaderLineCounts() throws IOException {
        // data lines full of semicolons and decimal commas do not outvote the header
        assertThat(detect("period,geo\n\"1;2;3;4\";x;y;z;w\n").delimiter()).isEqualTo(',');
        assertThat(detect("period;geo\r\n1,2,3,4,5\r\n").delimiter()).isEqualTo(';');
        // a quoted header field spanning two lines: the separators after it still belong to the header
        assertThat(detect("\"per\niod\";geo;area\n").delimiter()).isEqualTo(';');
    }

    @Test
    void tieOrSingleColumnGoesToTheComma() throws IOException {
        assertThat(detect("period\n2024\n").delimiter()).isEqualTo(',');
        assertThat(detect("a,b;c\n").delimiter()).isEqualTo(',');
    }

    @Test
    void emptyFileAndBomOnly() throws IOException {
        assertThat(detect(new byte[0])).isEqualTo(new CsvDialect(',', StandardCharsets.UTF_8, false, false));
        assertThat(detect(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}))
                .isEqualTo(new CsvDialect(',', StandardCharsets.UTF_8, true, false));
    }

    @Test
    void aMultiByteCharacterCutByTheSniffedBlockIsStillUtf8() throws IOException {
        // 'é' (C3 A9) placed so that its first byte is the last one of the 64 KiB sniffed block
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("period,source\n".getBytes(StandardCharsets.UTF_8));
        while (out.size() < 64 * 1024 - 1) {
            out.write('x');
        }
        out.writeBytes("é\n".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = out.toByteArray();
        assertThat(bytes[64 * 1024 - 1]).isEqualTo((byte) 0xC3);
        assertThat(detect(bytes).charset()).isEqualTo(StandardCharsets.UTF_8);

        // and a three-byte '€' (E2 82 AC) cut after its second byte
        out.reset();
        out.writeBytes("period,source\n".getBytes(StandardCharsets.UTF_8));
        while (out.size() < 64 * 1024 - 2) {
            out.write('x');
        }
        out.writeBytes("€\n".getBytes(StandardCharsets.UTF_8));
        assertThat(detect(out.toByteArray()).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void windows1252AccentAfterTheSniffedBlockIsStillDetected() throws IOException {
        // A big French Excel export: plain ASCII for the first rows, an accent only further down.
        StringBuilder text = new StringBuilder("period;geo;source\n");
        while (text.length() < 200 * 1024) {
            text.append("2024;MA;HCP\n");
        }
        text.append("2025;MA;Enquête\n");
        CsvDialect d = detect(text.toString().getBytes(CsvDialect.WINDOWS_1252));
        assertThat(d.charset()).isEqualTo(CsvDialect.WINDOWS_1252);
    }

    @Test
    void theWholeFileCheckSeesCharactersAcrossItsReadBlocks() throws IOException {
        // Far below the sniffed block, where the check reads the file in 64 KiB blocks and skips
        // plain ASCII ones: 'é' split across two blocks is UTF-8 ...
        int boundary = 3 * 64 * 1024;
        byte[] split = asciiThen(boundary - 1, "é\n".getBytes(StandardCharsets.UTF_8));
        assertThat(split[boundary - 1]).isEqualTo((byte) 0xC3);
        assertThat(detect(split).charset()).isEqualTo(StandardCharsets.UTF_8);

        // ... a lead byte with plain ASCII after it is not ...
        byte[] lone = asciiThen(boundary - 1, new byte[] {(byte) 0xC3, 'x', 'x', '\n'});
        assertThat(detect(lone).charset()).isEqualTo(CsvDialect.WINDOWS_1252);

        // ... nor is a Windows-1252 accent as the last byte of a block
        byte[] last = asciiThen(boundary - 1, new byte[] {(byte) 0xE9, '\n'});
        assertThat(detect(last).charset()).isEqualTo(CsvDialect.WINDOWS_1252);
    }

    private static byte[] asciiThen(int asciiBytes, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("period,source\n".getBytes(StandardCharsets.UTF_8));
        while (out.size() < asciiBytes) {
            out.write(out.size() % 50 == 49 ? '\n' : 'x');
        }
        out.writeBytes(tail);
        return out.toByteArray();
    }
}

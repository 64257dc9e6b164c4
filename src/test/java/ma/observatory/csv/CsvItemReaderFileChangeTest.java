package ma.observatory.csv;

import static ma.observatory.csv.CsvTestSupport.LABOUR_FORCE;
import static ma.observatory.csv.CsvTestSupport.LF_HEADER;
import static ma.observatory.csv.CsvTestSupport.labourForceReader;
import static ma.observatory.csv.CsvTestSupport.lines;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import ma.observatory.employment.LabourForceRecord;

/** An import reads the very file the run hashed as it started, or stops saying the file changed. */
class CsvItemReaderFileChangeTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(LABOUR_FORCE);
    }

    private void write(String... rows) {
        String[] all = new String[rows.length + 1];
        all[0] = LF_HEADER;
        System.arraycopy(rows, 0, all, 1, rows.length);
        writeUtf8(dir, LABOUR_FORCE, lines(all));
    }

    @Test
    void aFileWrittenToWhileItIsReadStopsTheImportAtItsEnd() throws IOException {
        write("2024,MA,total,total,15+,100,50,45,5,,row1", "2024,MA-01,total,total,15+,100,50,45,5,,row2");
        CsvItemReader<LabourForceRecord> reader = labourForceReader(dir).expecting(FileStamp.of(file()));
        reader.open(new ExecutionContext());
        assertThat(reader.read().line()).isEqualTo(2);

        // still being copied: more rows arrive after the run hashed the file
        Files.writeString(file(), "2024,MA-02,total,total,15+,100,50,45,5,,row3\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> {
            while (reader.read() != null) {
                // read on to the end
            }
        }).isInstanceOf(InputContractException.class)
                .hasMessage("The file employment/labour_force.csv changed while the run was reading it (it was still"
                        + " being written or copied, or was replaced): nothing was written. Run again once the file"
                        + " is complete.");
        reader.close();
    }

    @Test
    void aFileReplacedAfterTheRunStartedIsNotRead() throws IOException {
        write("2024,MA,total,total,15+,100,50,45,5,,row1");
        FileStamp hashed = FileStamp.of(file());
        // delivered the proper way (a new file moved into place), but after the run hashed the old one
        Path next = dir.resolve("next.csv");
        Files.writeString(next, LF_HEADER + "\n2024,MA,total,total,15+,200,50,45,5,,row1\n");
        Files.move(next, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        CsvItemReader<LabourForceRecord> reader = labourForceReader(dir).expecting(hashed);
        assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(InputContractException.class)
                .hasMessageStartingWith("The file employment/labour_force.csv changed after the run started");
    }

    @Test
    void theFileTheRunHashedIsReadToItsEnd() throws IOException {
        write("2024,MA,total,total,15+,100,50,45,5,,row1", "2024,MA-01,total,total,15+,100,50,45,5,,row2");
        CsvItemReader<LabourForceRecord> reader = labourForceReader(dir).expecting(FileStamp.of(file()));
        reader.open(new ExecutionContext());
        int rows = 0;
        while (reader.read() != null) {
            rows++;
        }
        reader.close();
        assertThat(rows).isEqualTo(2);
    }
}

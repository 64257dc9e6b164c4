package ma.observatory.csv;

import static ma.observatory.csv.CsvTestSupport.LABOUR_FORCE;
import static ma.observatory.csv.CsvTestSupport.LF_HEADER;
import static ma.observatory.csv.CsvTestSupport.labourForceReader;
import static ma.observatory.csv.CsvTestSupport.lines;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import ma.observatory.employment.LabourForceRecord;

class CsvItemReaderRestartTest {

    @TempDir
    Path dir;

    @Test
    void restartContinuesAfterTheCommittedRowsAndRemembersTheirKeys() {
        writeUtf8(dir, LABOUR_FORCE, lines(LF_HEADER,
                "2024,MA,total,total,15+,100,50,45,5,,row1",
                "",                                                   // line 3: blank
                "2024,MA-01,total,total,15+,100,50,45,5,,row2",
                "2024,MA-02,total,total,15+,100,50,-1,5,,row3",       // rejected: negative
                "2024,MA-03,total,total,15+,100,50,45,5,,row4",
                "2024,MA-01,TOTAL,total,15+,100,50,45,5,,row5 duplicates row2"));

        ExecutionContext context = new ExecutionContext();
        CsvItemReader<LabourForceRecord> first = labourForceReader(dir);
        first.open(context);
        assertThat(first.read().line()).isEqualTo(2);
        assertThat(first.read().line()).isEqualTo(4);
        assertThat(first.read().rejected()).isTrue();
        first.update(context);            // the chunk of three rows commits
        assertThat(first.read().line()).isEqualTo(6); // read but never committed: the step fails here
        first.close();
        assertThat(context.getLong(CsvItemReader.POSITION_KEY)).isEqualTo(3);

        CsvItemReader<LabourForceRecord> second = labourForceReader(dir);
        second.open(context);
        List<Parsed<LabourForceRecord>> rest = new ArrayList<>();
        Parsed<LabourForceRecord> p;
        while ((p = second.read()) != null) {
            rest.add(p);
        }
        second.update(context);
        second.close();

        assertThat(rest).extracting(Parsed::line).containsExactly(6L, 7L);
        assertThat(rest.get(0).rejected()).isFalse();
        assertThat(rest.get(0).item().source()).isEqualTo("row4");
        assertThat(rest.get(1).rejects()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(7);
            // row2's key was re-learnt on restart with its line
            assertThat(problem.reason()).isEqualTo("this key already appears on line 4 of the file");
            assertThat(problem.value()).contains("geo=MA-01");
        });
        assertThat(context.getLong(CsvItemReader.POSITION_KEY)).isEqualTo(5);
    }

    @Test
    void restartGivesTheSameResultAsOneRun() {
        StringBuilder text = new StringBuilder(LF_HEADER).append('\n');
        for (int i = 0; i < 50; i++) {
            int region = i % 13; // keys repeat after 13 rows: rows 14.. are duplicates
            String geo = region == 0 ? "MA" : String.format(Locale.ROOT, "MA-%02d", region);
            text.append("2024,").append(geo).append(",total,total,15+,100,50,45,5,,r").append(i).append('\n');
            if (i % 7 == 0) {
                text.append('\n');
            }
        }
        writeUtf8(dir, LABOUR_FORCE, text.toString());
        List<Parsed<LabourForceRecord>> oneRun = CsvTestSupport.readLabourForce(dir);

        for (int committed : new int[] {1, 12, 13, 14, 49, 50}) {
            ExecutionContext context = new ExecutionContext();
            context.putLong(CsvItemReader.POSITION_KEY, committed);
            List<Parsed<LabourForceRecord>> resumed = CsvTestSupport.readAll(labourForceReader(dir), context);
            assertThat(resumed).as("resumed after %d rows", committed)
                    .isEqualTo(oneRun.subList(committed, oneRun.size()));
        }
        assertThat(oneRun).filteredOn(Parsed::rejected).hasSize(50 - 13);
    }
}

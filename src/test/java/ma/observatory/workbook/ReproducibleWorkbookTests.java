package ma.observatory.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The same inputs and parameters give the same cells and structure; only the run's own stamps differ. */
class ReproducibleWorkbookTests {

    /**
     * About-sheet items that belong to the run itself: its ids and its clock; and its database,
     * the one parameter these two runs must not share (each its own history, see below).
     */
    private static final Set<String> RUN_ITEMS = Set.of("Run id (job instance)", "Execution id", "Started at",
            "Workbook writing began at", "--db");

    @TempDir
    Path work;

    @Test
    void twoRunsGiveTheSameCellsOutsideTheRunsOwnStamps() throws IOException {
        // Same inputs, same parameters, same output folder; each run with a fresh history, so that
        // neither has a previous run to compare with on its Changes sheet.
        List<String> a = dump(ShippedWorkbooks.build(work, "en", "first-db"));
        List<String> b = dump(ShippedWorkbooks.build(work, "en", "second-db"));

        assertThat(b).hasSameSizeAs(a);
        assertThat(b).containsExactlyElementsOf(a);
        assertThat(a).anyMatch(line -> line.startsWith("Data!"));
    }

    /** Every cell as "sheet!A1=text", tables and charts counted, the run's own stamps left out. */
    private static List<String> dump(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        DataFormatter format = new DataFormatter(java.util.Locale.ROOT);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
            for (var s : book) {
                XSSFSheet sheet = (XSSFSheet) s;
                lines.add(sheet.getSheetName() + " tables=" + sheet.getTables().stream().map(t -> t.getName()
                        + "@" + t.getArea().formatAsString()).toList() + " charts="
                        + (sheet.getDrawingPatriarch() == null ? 0 : sheet.getDrawingPatriarch().getCharts().size()));
                for (Row row : sheet) {
                    Cell first = row.getCell(0);
                    String label = first == null ? "" : first.toString();
                    if (RUN_ITEMS.contains(label) || label.startsWith("Made on ")) {
                        continue;
                    }
                    for (Cell cell : row) {
                        lines.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + format.formatCellValue(cell)
                                + " [" + cell.getCellType() + "]");
                    }
                }
            }
        }
        return lines;
    }
}

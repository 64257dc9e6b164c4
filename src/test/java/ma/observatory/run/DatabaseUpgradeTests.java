package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.WorkbookReader;
import ma.observatory.run.InProcess.Outcome;

/** A database made by an earlier version of the program is brought up to date by the next run. */
class DatabaseUpgradeTests {

    @TempDir
    Path work;

    @Test
    void aDatabaseWithoutReasonKeysOrFormatPartsGetsThemAndTheWorkbookSaysBothInItsLanguage() throws Exception {
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        String[] args = {"--input-dir=" + input, "--output-dir=" + app.reports(), "--from=2023", "--to=2024",
            "--max-reject-rate=0.2"};
        assertThat(app.run(args).exitCode()).isZero();
        // As the version before reasons had keys left it.
        ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE row_problem DROP COLUMN reason_args");
                s.execute("ALTER TABLE row_problem DROP COLUMN reason_key");
                for (String column : new String[] {"charset", "bom", "separator", "decimal_comma"}) {
                    s.execute("ALTER TABLE input_file DROP COLUMN " + column);
                }
            }
            return null;
        });
        Files.writeString(input.resolve("employment/labour_force.csv"), "2024,MA-01,suburban,total,15+,10,5,4,1,,bad\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Outcome outcome = app.run(args);

        assertThat(outcome.exitCode()).as(outcome.both()).isZero();
        try (WorkbookReader book = new WorkbookReader(app.reports().resolve("labour-market-report_2023_2024.xlsx"))) {
            assertThat(book.rows("DataQuality")).anySatisfy(r -> {
                assertThat(r.get("Colonne")).isEqualTo("area");
                assertThat(r.get("Motif ou chiffre")).isEqualTo("n’est pas l’une des valeurs total, urban, rural");
            });
            assertThat(book.rows("InputFiles")).anySatisfy(r -> {
                assertThat(r.get("Fichier")).isEqualTo("employment/labour_force.csv");
                assertThat(r.get("Format")).isEqualTo("UTF-8, séparateur « , »");
            });
        }
        // The database keeps the English words, for the console and for queries.
        assertThat(ChildJvm.lines(work, "SELECT reason, reason_key FROM row_problem WHERE col = 'area'"))
                .containsExactly("is not one of total, urban, rural,code.not-one-of");
    }

    @Test
    void aRunRecordedBeforeAParameterExistedRanWithItsDefaultAndIsComparedWith() throws Exception {
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        String[] args = {"--input-dir=" + input, "--output-dir=" + app.reports(), "--from=2023", "--to=2024",
            "--lang=en"};
        assertThat(app.run(args).exitCode()).isZero();
        // As a version before --geo-levels and --only left its runs
        ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME IN ('geo-levels', 'only')");
            }
            return null;
        });

        Outcome outcome = app.run(args);

        assertThat(outcome.exitCode()).as(outcome.both()).isZero();
        try (WorkbookReader book = new WorkbookReader(app.reports().resolve("labour-market-report_2023_2024_en.xlsx"))) {
            assertThat(book.workbook().getSheet("Changes").getRow(1).getCell(0).getStringCellValue())
                    .startsWith("Nothing changed since run 0, the previous completed run over 2023–2024, which completed"
                            + " on ");
        }
    }

    @Test
    void aDatabaseWithoutTheDecimalsOfPublishedFiguresGetsThemAtTheNextRun() throws Exception {
        InProcess app = new InProcess(work);
        String[] args = {"--input-dir=" + InProcess.FIXTURES, "--output-dir=" + app.reports(), "--from=2023",
            "--to=2024"};
        assertThat(app.run(args).exitCode()).isZero();
        // as the version before them left it
        ChildJvm.query(work, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE published DROP COLUMN decimals");
            }
            return null;
        });

        Outcome outcome = app.run(args);

        assertThat(outcome.exitCode()).as(outcome.both()).isZero();
        assertThat(ChildJvm.lines(work, "SELECT COUNT(*) FROM published WHERE run_id = 1 AND decimals IS NOT NULL"))
                .singleElement().isNotEqualTo("0");
    }
}

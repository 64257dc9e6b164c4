package ma.observatory.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.WorkbookReader;
import ma.observatory.run.InProcess.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Changes sheet: what the night brought, against the previous completed run over the same range. */
class ChangesSheetTests {

    @TempDir
    Path work;

    private static final String URBAN = "area=urban, sex=total, age_group=15+";

    private Outcome run(InProcess app, Path input, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "--input-dir=" + input;
        args[1] = "--output-dir=" + app.reports();
        args[2] = "--from=2023";
        args[3] = "--to=2024";
        System.arraycopy(extra, 0, args, 4, extra.length);
        Outcome outcome = app.run(args);
        assertThat(outcome.exitCode()).as(outcome.both()).isZero();
        return outcome;
    }

    /** Between two runs, one line of the fixture edited: a line no longer there would leave nothing changed. */
    private static void editLabourForce(Path input, String line, String edited) throws java.io.IOException {
        Path file = input.resolve("employment/labour_force.csv");
        String text = Files.readString(file);
        assertThat(text).as("the fixture's line to edit").contains(line);
        Files.writeString(file, text.replace(line, edited));
    }

    private static String sentence(WorkbookReader book, String sheet) {
        return book.workbook().getSheet(sheet).getRow(1).getCell(0).getStringCellValue();
    }

    private static Map<String, Object> change(List<Map<String, Object>> rows, String indicator, String period, String geo,
                                              String breakdown) {
        return rows.stream().filter(r -> r.get("indicator").equals(indicator) && r.get("period").equals(period)
                        && r.get("geo").equals(geo) && r.get("breakdown").equals(breakdown))
                .findFirst().orElseThrow(() -> new AssertionError("no change " + indicator + " " + period + " " + geo
                        + " " + breakdown + " in " + rows));
    }

    @Test
    void listsWhatIsNewGoneOrRevisedSinceThePreviousRunOfTheSameRange() throws Exception {
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        Path workbook = app.reports().resolve("labour-market-report_2023_2024_en.xlsx");

        run(app, input, "--lang=en");
        try (WorkbookReader book = new WorkbookReader(workbook)) {
            List<String> sheets = book.sheetNames();
            assertThat(sheets.get(sheets.indexOf("Summary") + 1)).isEqualTo("Changes");
            assertThat(book.headers("Changes")).containsExactly("Indicator", "Period", "Geo code", "Breakdown", "Change",
                    "Before", "After", "Unit", "Difference (in points for a %)", "indicator (Data sheet)",
                    "breakdown (Data sheet)");
            assertThat(book.rows("Changes")).singleElement()
                    .satisfies(r -> assertThat(r.get("Indicator")).isEqualTo("[z]"));
            assertThat(sentence(book, "Changes")).startsWith("There is no earlier completed run over 2023–2024 to compare with");
        }
        // another range does not count as a previous run, nor a run of other domains
        run(app, input, "--lang=en", "--to=2024-06");
        run(app, input, "--lang=en", "--only=employment");

        run(app, input, "--lang=en");
        try (WorkbookReader book = new WorkbookReader(workbook)) {
            assertThat(book.rows("Changes")).singleElement()
                    .satisfies(r -> assertThat(r.get("Indicator")).isEqualTo("[z]"));
            assertThat(sentence(book, "Changes")).startsWith("Nothing changed since run 0, the previous completed run"
                    + " over 2023–2024, which completed on ");
        }

        editLabourForce(input, "2024,MA-01,urban,total,15+,1010,510,455,55", "2024,MA-01,urban,total,15+,1010,520,455,65");
        Path labourForce = input.resolve("employment/labour_force.csv");
        Files.writeString(labourForce, Files.readString(labourForce) + "2024,MA-01,urban,female,15+,500,250,220,30,25,fixture\n");
        Path sectors = input.resolve("employment/employment_by_sector.csv");
        Files.write(sectors, Files.readAllLines(sectors).stream().filter(l -> !l.contains("construction")).toList());

        run(app, input); // in French this time: the comparison is of values, whatever the language
        try (WorkbookReader book = new WorkbookReader(app.reports().resolve("labour-market-report_2023_2024.xlsx"))) {
            assertThat(sentence(book, "Changements")).startsWith("Valeurs qui diffèrent du traitement 3, le traitement"
                    + " complet précédent sur la période 2023–2024, terminé le");
            List<Map<String, Object>> rows = book.rows("Changes").stream()
                    .map(r -> Map.ofEntries(Map.entry("indicator", r.get("indicator (feuille Données)")),
                            Map.entry("period", r.get("Période")), Map.entry("geo", r.get("Code géographique")),
                            Map.entry("breakdown", r.get("breakdown (feuille Données)")),
                            Map.entry("change", r.get("Changement")), Map.entry("before", r.get("Avant")),
                            Map.entry("after", r.get("Après")), Map.entry("difference", r.get("Différence (en points pour un %)")),
                            Map.entry("label", r.get("Indicateur")), Map.entry("words", r.get("Ventilation")),
                            Map.entry("unit", r.get("Unité"))))
                    .toList();

            Map<String, Object> revised = change(rows, "employment.unemployment_rate", "2024", "MA-01", URBAN);
            assertThat(revised.get("change")).isEqualTo("révisée");
            // in words for the reader, coded as on the Data sheet to find it there
            assertThat(revised).containsEntry("label", "Taux de chômage").containsEntry("words", "urbain");
            assertThat((Double) revised.get("before")).isCloseTo(100.0 * 55 / 510, within(1e-9));
            assertThat((Double) revised.get("after")).isCloseTo(100.0 * 65 / 520, within(1e-9));
            assertThat((Double) revised.get("difference")).isCloseTo(100.0 * 65 / 520 - 100.0 * 55 / 510, within(1e-9));
            assertThat(revised).containsEntry("unit", "%");

            Map<String, Object> added = change(rows, "employment.unemployment_rate", "2024", "MA-01",
                    "area=urban, sex=female, age_group=15+");
            assertThat(added.get("change")).isEqualTo("nouvelle");
            assertThat(added.get("before")).isEqualTo("[x]"); // no figure then
            assertThat((Double) added.get("after")).isCloseTo(100.0 * 30 / 250, within(1e-9));
            assertThat(added.get("difference")).isEqualTo("[z]");

            Map<String, Object> gone = change(rows, "employment.sector_share", "2024", "MA", "sector=construction");
            assertThat(gone.get("change")).isEqualTo("disparue");
            assertThat((Double) gone.get("before")).isCloseTo(100.0 * 105 / 1125, within(1e-9));
            assertThat(gone.get("after")).isEqualTo("[x]"); // no figure now

            // unchanged values are not listed: 2023 in MA-01 is as it was
            assertThat(rows).noneMatch(r -> r.get("indicator").equals("employment.unemployment_rate")
                    && r.get("period").equals("2023") && r.get("geo").equals("MA-01"));
        }
    }

    @Test
    void whenTheRangeHasMovedOnTheNightBeforeIsComparedOnThePeriodsBothCover() throws Exception {
        // As on the first of every month, when the nightly range moves on: no run covered the new range.
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        run(app, input, "--lang=en");
        editLabourForce(input, "2024,MA-01,urban,total,15+,1010,510,455,55", "2024,MA-01,urban,total,15+,1010,520,455,65");

        run(app, input, "--lang=en", "--from=2024-01", "--to=2024-12");

        try (WorkbookReader book = new WorkbookReader(app.reports().resolve(
                "labour-market-report_2024-01_2024-12_en.xlsx"))) {
            assertThat(book.intro("Changes")).startsWith("There is no earlier completed run over 2024: compared with run 0,"
                    + " over 2023–2024, which completed on ")
                    .contains("on the periods both cover (2024): 28 values revised.");
            List<Map<String, Object>> rows = book.rows("Changes");
            Map<String, Object> revised = rows.stream().filter(r -> r.get("indicator (Data sheet)")
                    .equals("employment.unemployment_rate") && r.get("Geo code").equals("MA-01")
                    && r.get("breakdown (Data sheet)").equals(URBAN)).findFirst().orElseThrow();
            assertThat(revised.get("Period")).isEqualTo("2024");
            assertThat(revised.get("Change")).isEqualTo("revised");
            assertThat((Double) revised.get("After")).isCloseTo(100.0 * 65 / 520, within(1e-9));
            // 2023 lies outside the new range: not "gone"
            assertThat(rows).noneMatch(r -> "2023".equals(r.get("Period")));
        }
    }

    @Test
    void aRevisionByADecimalIsThatDecimalNotTheNoiseOfBinaryArithmetic() throws Exception {
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        run(app, input, "--lang=en");
        editLabourForce(input, "2024,MA-01,urban,total,15+,1010,510,455,55,50,", "2024,MA-01,urban,total,15+,1010,510,455,55,50.7,");

        run(app, input, "--lang=en");

        try (WorkbookReader book = new WorkbookReader(app.reports().resolve("labour-market-report_2023_2024_en.xlsx"))) {
            List<Map<String, Object>> rows = book.rows("Changes").stream()
                    .map(r -> Map.of("indicator", r.get("indicator (Data sheet)"), "period", r.get("Period"),
                            "geo", r.get("Geo code"), "breakdown", r.get("breakdown (Data sheet)"),
                            "before", r.get("Before"), "after", r.get("After"),
                            "difference", r.get("Difference (in points for a %)"), "unit", r.get("Unit")))
                    .toList();
            // 50.7 - 50 is 0.7000000000000028 and 140.7 - 140 is 0.6999999999999886 in plain doubles:
            // the formula bar would show that, where the reader typed one decimal
            Map<String, Object> region = change(rows, "employment.underemployed", "2024", "MA-01", URBAN);
            assertThat(region).containsEntry("before", 50.0).containsEntry("after", 50.7).containsEntry("difference", 0.7)
                    .containsEntry("unit", "thousand persons");
            Map<String, Object> country = change(rows, "employment.underemployed", "2024", "MA",
                    "area=total, sex=total, age_group=15+");
            assertThat(country).containsEntry("before", 140.0).containsEntry("after", 140.7)
                    .containsEntry("difference", 0.7);
        }
    }

    @Test
    void aRangeSpeltInMonthsIsTheSameRangeAsTheYearItCovers() throws Exception {
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        run(app, input, "--lang=en", "--from=2024", "--to=2024");

        run(app, input, "--lang=en", "--from=2024-01", "--to=2024-12");

        try (WorkbookReader book = new WorkbookReader(app.reports().resolve(
                "labour-market-report_2024-01_2024-12_en.xlsx"))) {
            // the same months, named alike however each run spelt them
            assertThat(book.intro("Changes")).startsWith("Nothing changed since run 0, the previous completed run"
                    + " over 2024, which completed on ");
            assertThat(book.rows("Changes")).singleElement()
                    .satisfies(r -> assertThat(r.get("Indicator")).isEqualTo("[z]"));
        }
    }

    @Test
    void thePreviousRunsEndIsGivenInTheZoneOfTheWorkbook() throws Exception {
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        run(app, input, "--lang=en", "--zone=Pacific/Kiritimati"); // UTC+14: never the machine's clock
        LocalDateTime end = LocalDateTime.parse(ChildJvm.lines(work,
                "SELECT TO_CHAR(END_TIME, 'YYYY-MM-DD\"T\"HH24:MI:SS') FROM BATCH_JOB_EXECUTION").get(0));

        run(app, input, "--lang=en", "--zone=Pacific/Kiritimati");

        String inZone = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", java.util.Locale.ENGLISH).format(end.atZone(ZoneId.systemDefault())
                .withZoneSameInstant(ZoneId.of("Pacific/Kiritimati")));
        try (WorkbookReader book = new WorkbookReader(app.reports().resolve("labour-market-report_2023_2024_en.xlsx"))) {
            var sheet = book.workbook().getSheet("Changes");
            StringBuilder intro = new StringBuilder(sentence(book, "Changes"));
            for (int r = 2; sheet.getRow(r) != null && sheet.getRow(r).getCell(0) != null
                    && !sheet.getRow(r).getCell(0).getStringCellValue().isEmpty(); r++) {
                intro.append(' ').append(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(intro.toString()).contains(", which completed on " + inZone + " (Pacific/Kiritimati): ");
        }
    }
}

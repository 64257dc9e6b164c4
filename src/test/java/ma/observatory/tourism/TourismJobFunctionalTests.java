package ma.observatory.tourism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.ObservatoryApplication;
import ma.observatory.WorkbookReader;

/**
 * Runs the whole job on {@code src/test/resources/fixtures/tourism} with {@code --only=tourism}
 * over 2021–2024 and reads the workbook back. Every expected number is worked out by hand from
 * those files in the comment next to it.
 */
class TourismJobFunctionalTests {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/tourism");
    private static final String ALL = "visitor_type=total, market=total";

    @TempDir
    Path work;

    private record Outcome(int exitCode, String stderr) {
    }

    private Outcome run(Path input, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--input-dir=" + input, "--output-dir=" + work.resolve("reports"), "--db=" + work.resolve("db/obs"),
                "--logging.file.name=" + work.resolve("logs/observatory.log"), "--from=2021", "--to=2024",
                "--only=tourism", "--max-reject-rate=0.1"));
        args.addAll(List.of(extra));
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = ObservatoryApplication.run(args.toArray(String[]::new));
            return new Outcome(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private Path workbook() {
        return work.resolve("reports/labour-market-report_2021_2024_tourism.xlsx");
    }

    private static Map<String, Object> find(List<Map<String, Object>> rows, String indicator, String period,
                                            String breakdown) {
        return rows.stream()
                .filter(r -> r.get("indicator").equals(indicator) && r.get("period").equals(period)
                        && r.get("geo").equals("MA") && r.get("breakdown").equals(breakdown))
                .findFirst().orElseThrow(() -> new AssertionError("no value " + indicator + " " + period + " "
                        + breakdown));
    }

    private static boolean has(List<Map<String, Object>> rows, String indicator, String period, String breakdown) {
        return rows.stream().anyMatch(r -> r.get("indicator").equals(indicator) && r.get("period").equals(period)
                && r.get("breakdown").equals(breakdown));
    }

    /** The display format of a column's cell on the Tourism arrivals sheet's all-markets row of a period. */
    private static String formatOf(WorkbookReader book, String period, String visitors, String column) {
        List<Map<String, Object>> rows = book.rows("TourismArrivals");
        Map<String, Object> row = rows.stream().filter(r -> period.equals(r.get("Period"))
                && r.get("Visitor type").equals(visitors) && r.get("Market").equals("all markets"))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + period + ": " + rows));
        var table = book.table("TourismArrivals");
        return table.getXSSFSheet().getRow(table.getStartRowIndex() + 1 + rows.indexOf(row))
                .getCell(table.getStartColIndex() + book.headers("TourismArrivals").indexOf(column)).getCellStyle()
                .getDataFormatString();
    }

    private static double number(Map<String, Object> row) {
        return (Double) row.get("value");
    }

    @Test
    void importsTheTourismFilesComputesIndicatorsAndTargetsAndWritesTheirSheets() throws IOException {
        Outcome outcome = run(FIXTURES, "--lang=en");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        try (WorkbookReader book = new WorkbookReader(
                work.resolve("reports/labour-market-report_2021_2024_tourism_en.xlsx"))) {
            assertThat(book.sheetNames()).contains("Tourism arrivals", "Tourism targets", "Arrivals and targets chart")
                    .doesNotContain("Employment");
            List<Map<String, Object>> values = book.rows("Indicators");

            // 2023 has receipts on its total row and arrivals only by visitor type: 6 + 7 = 13 million.
            Map<String, Object> arrivals2023 = find(values, "tourism.arrivals", "2023", ALL);
            assertThat(number(arrivals2023)).isEqualTo(13_000_000.0);
            assertThat(arrivals2023.get("basis")).isEqualTo("computed");
            assertThat(arrivals2023.get("unit")).isEqualTo("persons");
            // 2024: (16 - 13) / 13 = +23.08 % from the totals, against the published 23: agrees within
            // 0.1 point, and the published change is the one reported (the totals may be rounded).
            Map<String, Object> change2024 = find(values, "tourism.arrivals_change_pct", "2024", ALL);
            assertThat(number(change2024)).isEqualTo(23.0);
            assertThat(change2024.get("basis")).isEqualTo("published");
            assertThat(book.rows("DataQuality")).anySatisfy(r -> {
                assertThat(r.get("Kind")).isEqualTo("matches publication (publication shown)");
                assertThat((Double) r.get("Computed")).isCloseTo(300.0 / 13, within(1e-9));
                assertThat(r.get("Published")).isEqualTo(23.0);
                assertThat(r.get("Value")).isEqualTo("23.0"); // as typed, with its tenth
            });
            // Foreign arrivals 6 to 8 million: +33.33 %, against 33 published without decimals, which
            // may stand for anything from 32.5 to 33.5: beyond a tenth, within the publication's rounding.
            assertThat(book.rows("DataQuality")).anySatisfy(r -> {
                assertThat(r.get("Kind")).isEqualTo("differs, within the publication’s rounding (publication shown)");
                assertThat((Double) r.get("Computed")).isCloseTo(100.0 / 3, within(1e-9));
                assertThat(r.get("Published")).isEqualTo(33.0);
                assertThat(r.get("Value")).isEqualTo("33"); // as typed, without decimals
            });
            // and the Published figure beside it shown so too: 33, not 33.0
            List<Map<String, Object>> checks = book.rows("DataQuality");
            int row = book.table("DataQuality").getStartRowIndex() + 1
                    + checks.indexOf(checks.stream().filter(r -> "33".equals(r.get("Value"))).findFirst().orElseThrow());
            int published = book.table("DataQuality").getStartColIndex() + book.headers("DataQuality").indexOf("Published");
            assertThat(book.table("DataQuality").getXSSFSheet().getRow(row).getCell(published).getCellStyle()
                    .getDataFormatString()).isEqualTo("#,##0");
            // 112,000 MAD million / 16 million arrivals = 7,000 MAD
            assertThat(number(find(values, "tourism.receipts_per_arrival", "2024", ALL))).isCloseTo(7_000, within(1e-9));
            // MRE 8 of 16 million: 50 %; 2022 only as published (48 %).
            assertThat(number(find(values, "tourism.mre_share", "2024", "market=total"))).isCloseTo(50, within(1e-9));
            Map<String, Object> mre2022 = find(values, "tourism.mre_share", "2022", "market=total");
            assertThat(number(mre2022)).isEqualTo(48.0);
            assertThat(mre2022.get("basis")).isEqualTo("published");
            // shown as published, in whole percent: 48, not 48.0, which would claim a tenth it does not
            // have; the computed 50 beside it keeps its decimal
            assertThat(formatOf(book, "2022", "all visitors", "Share of MRE in arrivals (%)")).isEqualTo("#,##0");
            assertThat(formatOf(book, "2024", "all visitors", "Share of MRE in arrivals (%)")).isEqualTo("#,##0.0");
            // a change keeps its sign: +33 as published for foreign tourists, +23.0 typed with its tenth,
            // and the computed receipts change to a tenth
            assertThat(formatOf(book, "2024", "foreign tourists", "Tourist arrivals, change (%)")).isEqualTo("+0;-0;0");
            assertThat(formatOf(book, "2024", "all visitors", "Tourist arrivals, change (%)"))
                    .isEqualTo("+0.0;-0.0;0.0");
            assertThat(formatOf(book, "2024", "all visitors", "Tourism receipts, change (%)"))
                    .isEqualTo("+0.0;-0.0;0.0");
            // France: 4 of 16 million = 25 %
            assertThat(number(find(values, "tourism.market_share", "2024", "visitor_type=total, market=FR")))
                    .isCloseTo(25, within(1e-9));
            // Year to date: 1.0 + 1.1 + 1.2 = 3.3 million to March; April missing, so none for May.
            assertThat(number(find(values, "tourism.arrivals_ytd", "2024-03", ALL))).isEqualTo(3_300_000.0);
            assertThat(has(values, "tourism.arrivals_ytd", "2024-05", ALL)).isFalse();
            // Direct jobs created since 2023: 840,000 - 800,000 = 40,000.
            assertThat(number(find(values, "tourism.direct_jobs_created", "2024", "baseline=2023")))
                    .isEqualTo(40_000.0);
            // 2019 is neither in the range nor the year before it; 2020 is not reported.
            assertThat(values).noneMatch(r -> r.get("period").equals("2019") || r.get("period").equals("2020"));

            // The 2026 target: latest actual 16 million (2024), 4 million in 2021.
            String target = "target=tourism.arrivals 2026";
            // 16 / 17.5 = 91.43 %
            assertThat(number(find(values, "tourism.target_progress_pct", "2024", target)))
                    .isCloseTo(100 * 16 / 17.5, within(1e-9));
            // (17.5 / 16)^(1/2) - 1 = 4.5825 %
            assertThat(number(find(values, "tourism.target_required_cagr_pct", "2024", target)))
                    .isCloseTo(100 * (Math.sqrt(17.5 / 16) - 1), within(1e-9));
            // trend (16 / 4)^(1/3) = 4^(1/3) a year; 16 million x 4^(2/3) = 40.317 million, in persons
            Map<String, Object> projection = find(values, "tourism.target_projection", "2024", target);
            assertThat(number(projection)).isCloseTo(16e6 * Math.pow(4, 2.0 / 3), within(1e-3));
            assertThat(projection.get("unit")).isEqualTo("persons");
            assertThat(number(find(values, "tourism.target_on_track", "2024", target))).isEqualTo(1.0);

            List<Map<String, Object>> targets = book.rows("TourismTargets");
            assertThat(targets).hasSize(3);
            assertThat(targets.get(0).get("Growth per year needed (%)")).isEqualTo("[z]");
            assertThat(targets.get(0).get("On track")).isEqualTo("reached"); // the 2023 milestone, judged on 2023
            assertThat(targets.get(1).get("Latest actual value")).isEqualTo(16_000_000.0);
            assertThat(targets.get(1).get("Period of the latest actual")).isEqualTo("2024");
            // Jobs: 40,000 of 80,000 = 50 %; created in the one year since 2023, so at that pace
            // 40,000 + 2 x 40,000 = 120,000 in 2026: on track. No growth rate for a running total.
            assertThat((Double) targets.get(2).get("Share of the target reached (%)")).isCloseTo(50, within(1e-9));
            assertThat((Double) targets.get(2).get("Projection for the target year")).isCloseTo(120_000, within(1e-9));
            assertThat(targets.get(2).get("On track")).isEqualTo("yes");
            assertThat(targets.get(2).get("Growth per year needed (%)")).isEqualTo("[z]");

            List<Map<String, Object>> arrivals = book.rows("TourismArrivals");
            assertThat(arrivals).anySatisfy(r -> {
                assertThat(r.get("Period")).isEqualTo("2024");
                assertThat(r.get("Market")).isEqualTo("France");
                assertThat(r.get("Tourist arrivals (persons)")).isEqualTo(4_000_000.0);
            });
            // Receipts' change sits beside them: 112,000 against 104,000 MAD million in 2023.
            assertThat(arrivals).anySatisfy(r -> {
                assertThat(r.get("Period")).isEqualTo("2024");
                assertThat(r.get("Market code")).isEqualTo("total");
                assertThat(r.get("Visitor type")).isEqualTo("all visitors");
                assertThat((Double) r.get("Tourism receipts, change (%)")).isCloseTo(100.0 * (112.0 / 104 - 1), within(1e-9));
                assertThat(r.get("Tourism receipts, year to date (MAD million)")).isEqualTo("[z]");
            });

            // The bad visitor type is a rejected row, listed with its file and line (header = line 1).
            List<Map<String, Object>> quality = book.rows("DataQuality");
            assertThat(quality).anySatisfy(r -> {
                assertThat(r.get("File")).isEqualTo("tourism/arrivals.csv");
                assertThat(r.get("Line")).isEqualTo(15.0);
                assertThat(r.get("Column")).isEqualTo("visitor_type");
                assertThat(r.get("Value")).isEqualTo("tourists");
            });
        }
    }

    @Test
    void aTargetWhoseYearIsOverButNotKnownWaitsForItsOwnFigure() throws IOException {
        // 2022 lies inside the range and has no arrivals in the fixture: its milestone cannot be
        // judged on 2024's 16 million; it shows as not available, waiting, on every sheet.
        try (WorkbookReader book = englishWorkbookWithTarget("tourism.arrivals,MA,2022,9000000,persons,,,Fixture 2022")) {
            String target = "target=tourism.arrivals 2022";
            Map<String, Object> progress = find(book.rows("Indicators"), "tourism.target_progress_pct", "2022", target);
            assertThat((String) progress.get("source")).endsWith("Fixture 2022 | no annual figure for 2022 in the data");
            // an empty cell, not text: a pivot table sums the column
            int row = book.rows("Indicators").indexOf(progress) + book.table("Indicators").getStartRowIndex() + 1;
            int valueColumn = book.table("Indicators").getStartColIndex() + book.headers("Indicators").indexOf("value");
            Cell value = book.table("Indicators").getXSSFSheet().getRow(row).getCell(valueColumn);
            assertThat(value == null || value.getCellType() == CellType.BLANK).as("value cell %s", value).isTrue();
            // no figure, no basis: not "computed"
            assertThat(progress.get("basis")).isEqualTo("[z]");
            assertThat(book.rows("Indicators")).noneMatch(r -> r.get("breakdown").equals(target)
                    && !r.get("indicator").equals("tourism.target_progress_pct"));

            assertThat(book.rows("TourismTargets")).filteredOn(r -> r.get("Target year").equals("2022")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.get("Latest actual value")).isEqualTo("[x]");
                        assertThat(r.get("Period of the latest actual")).isEqualTo("[x]");
                        assertThat(r.get("Share of the target reached (%)")).isEqualTo("[x]");
                        assertThat(r.get("Growth per year needed (%)")).isEqualTo("[z]");
                        assertThat(r.get("On track")).isEqualTo("[x]");
                    });
            assertThat(book.rows("Summary")).filteredOn(r -> r.get("Breakdown").equals("target: tourist arrivals, 2022"))
                    .singleElement().satisfies(r -> assertThat(r.get("Value")).isEqualTo("[x]"));
            assertThat(book.intro("Summary")).contains("A target whose year is over is judged on that year’s own"
                    + " figure, not on an earlier year’s: [x] until that figure is in the data (2022).");
        }
    }

    @Test
    void aTargetThatNothingMeasuresYetStaysOnTheSummaryNotAvailable() throws IOException {
        // The 200,000 jobs of the roadmap: no figure of jobs created since 2023 in the data.
        try (WorkbookReader book = englishWorkbookWithTarget(
                "tourism.jobs_created,MA,2026,200000,persons,2023,,Fixture 200000 jobs")) {
            String target = "target=tourism.jobs_created 2026";
            // as of the range's last year, not available, saying why
            Map<String, Object> progress = find(book.rows("Indicators"), "tourism.target_progress_pct", "2024", target);
            assertThat((String) progress.get("source")).endsWith("Fixture 200000 jobs | no figure in the data to"
                    + " measure it by, up to the end of 2024");
            assertThat(book.rows("Summary")).filteredOn(r -> r.get("Breakdown").equals(
                    "target: tourism jobs created (direct and indirect), 2026")).singleElement().satisfies(r -> {
                        assertThat(r.get("Period")).isEqualTo("2024");
                        assertThat(r.get("Value")).isEqualTo("[x]");
                        assertThat(r.get("Basis")).isEqualTo("[z]");
                    });
            assertThat(book.intro("Summary")).contains("A target for a year not over at the end of the range (2026)"
                    + " is shown [x] when the data, to the end of 2024, give no figure to measure it by.")
                    .doesNotContain("A target whose year is over");
            // its row on the targets sheet: nothing measured, so nothing projected either
            assertThat(book.rows("TourismTargets")).filteredOn(r -> r.get("Indicator id").equals("tourism.jobs_created"))
                    .singleElement().satisfies(r -> {
                        assertThat(r.get("Period of the latest actual")).isEqualTo("[x]");
                        assertThat(r.get("Basis of the latest actual")).isEqualTo("[z]");
                        assertThat(r.get("Share of the target reached (%)")).isEqualTo("[x]");
                        assertThat(r.get("Projection for the target year")).isEqualTo("[x]");
                        assertThat(r.get("On track")).isEqualTo("[x]");
                    });
        }
    }

    /** The English workbook of a run on the fixtures with one more line in targets.csv. */
    private WorkbookReader englishWorkbookWithTarget(String targetLine) throws IOException {
        Path input = fixturesWithout("none");
        Files.writeString(input.resolve("targets.csv"), targetLine + "\n", java.nio.file.StandardOpenOption.APPEND);

        Outcome outcome = run(input, "--lang=en");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        return new WorkbookReader(work.resolve("reports/labour-market-report_2021_2024_tourism_en.xlsx"));
    }

    /** A copy of the fixtures, without the file named. */
    private Path fixturesWithout(String fileName) throws IOException {
        Path input = work.resolve("input");
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path p : files.toList()) {
                Path target = input.resolve(FIXTURES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.endsWith(fileName)) {
                    Files.copy(p, target);
                }
            }
        }
        return input;
    }

    @Test
    void aMissingTourismFileStopsTheRunWithExitCode3() throws IOException {
        Path input = fixturesWithout("jobs.csv");

        Outcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("tourism/jobs.csv");
        assertThat(workbook()).doesNotExist();
    }
}

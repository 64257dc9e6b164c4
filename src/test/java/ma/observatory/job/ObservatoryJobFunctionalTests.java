package ma.observatory.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.ObservatoryApplication;
import ma.observatory.WorkbookReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs the whole job, as the command line does, on the small fixture files and reads the workbook
 * back. Every expected number is worked out by hand in a comment from
 * {@code src/test/resources/fixtures/small}.
 */
class ObservatoryJobFunctionalTests {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/small");
    private static final String TOTAL = "area=total, sex=total, age_group=15+";

    @TempDir
    Path work;

    private record Outcome(int exitCode, String stderr) {
    }

    private Outcome run(Path input, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--input-dir=" + input, "--output-dir=" + work.resolve("reports"), "--db=" + work.resolve("db/observatory"),
                "--logging.file.name=" + work.resolve("logs/observatory.log"), "--from=2023", "--to=2024"));
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
        return work.resolve("reports/labour-market-report_2023_2024.xlsx");
    }

    /** A --lang=en run's: its name says so, beside the French one. */
    private Path englishWorkbook() {
        return work.resolve("reports/labour-market-report_2023_2024_en.xlsx");
    }

    private Path copyOfFixtures() throws IOException {
        Path copy = work.resolve("input");
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(FIXTURES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    /** A copy of the fixtures whose published.csv ends with these lines. */
    private Path fixturesPublishing(String lines) throws IOException {
        Path input = copyOfFixtures();
        Files.writeString(input.resolve("published.csv"), lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return input;
    }

    private static Map<String, Object> find(List<Map<String, Object>> rows, String indicator, String period, String geo,
                                            String breakdown) {
        return rows.stream()
                .filter(r -> r.get("indicator").equals(indicator) && r.get("period").equals(period)
                        && r.get("geo").equals(geo) && r.get("breakdown").equals(breakdown))
                .findFirst().orElseThrow(() -> new AssertionError("no value " + indicator + " " + period + " " + geo
                        + " " + breakdown));
    }

    @Test
    void computesIndicatorsFromCountsAndWritesTheWorkbook() throws IOException {
        Outcome outcome = run(FIXTURES);

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        try (WorkbookReader book = new WorkbookReader(workbook())) {
            assertThat(book.sheetNames()).startsWith("Couverture", "Sommaire", "Synthèse", "Changements", "Notes")
                    .contains("Emploi", "Écarts", "Emploi par secteur", "Données", "Qualité des données", "À propos de ce traitement");
            assertThat(book.headers("Indicators"))
                    .containsExactly("indicator", "period", "geo", "breakdown", "value", "unit", "basis", "source");
            List<Map<String, Object>> values = book.rows("Indicators");

            // 2024, Morocco: unemployed 55+20+(30+35)+15 = 155 over labour force 510+395+(150+155)+200 = 1410.
            // MA-02's urban row is the sum of its two communes. The mean of the regional rates,
            // (75/905 + 80/505)/2 = 12.07 %, would be wrong.
            Map<String, Object> rate2024 = find(values, "employment.unemployment_rate", "2024", "MA", TOTAL);
            assertThat((Double) rate2024.get("value")).isCloseTo(100.0 * 155 / 1410, within(1e-9));
            assertThat(rate2024.get("basis")).isEqualTo("computed");
            assertThat(rate2024.get("unit")).isEqualTo("%");

            // Region MA-02 in 2024: unemployed 30+35+15 = 80 over 150+155+200 = 505.
            assertThat((Double) find(values, "employment.unemployment_rate", "2024", "MA-02", TOTAL).get("value"))
                    .isCloseTo(100.0 * 80 / 505, within(1e-9));

            // 2023: 140 / 1400 = 10 %; its change uses the published 2022 rate of 9.5: +0.5 point.
            Map<String, Object> change2023 = find(values, "employment.unemployment_rate_change_pp", "2023", "MA", TOTAL);
            assertThat((Double) change2023.get("value")).isCloseTo(0.5, within(1e-9));
            // Its source says so in the workbook's language, quoting the files' sources as written.
            assertThat(change2023.get("source").toString()).startsWith("différence entre 2023 (calculé : ")
                    .contains(") et 2022 (publié : ");
            // 2024 change: 155/1410 - 10 % = 0.99290780... points.
            assertThat((Double) find(values, "employment.unemployment_rate_change_pp", "2024", "MA", TOTAL).get("value"))
                    .isCloseTo(100.0 * 155 / 1410 - 10.0, within(1e-9));

            // No count by sex: the published women's activity rate is used and marked so.
            Map<String, Object> women = find(values, "employment.activity_rate", "2024", "MA",
                    "area=total, sex=female, age_group=15+");
            assertThat(women.get("value")).isEqualTo(20.0);
            assertThat(women.get("basis")).isEqualTo("published");

            // 2022 is outside the range: used for the change, not shown.
            assertThat(values).noneMatch(r -> r.get("period").equals("2022"));

            // Sectors: total 2024 = 290+210+105+520 = 1125, 2023 = 1100: +25; services share 520/1125.
            assertThat((Double) find(values, "employment.net_job_creation", "2024", "MA", "sector=total").get("value"))
                    .isCloseTo(25.0, within(1e-9));
            assertThat((Double) find(values, "employment.net_job_creation", "2024", "MA", "sector=agriculture")
                    .get("value")).isCloseTo(-10.0, within(1e-9));
            assertThat((Double) find(values, "employment.sector_share", "2024", "MA", "sector=services").get("value"))
                    .isCloseTo(100.0 * 520 / 1125, within(1e-9));

            // The chart's table gives its unit in every heading.
            assertThat(book.headers("ChartNetJobCreation")).contains("Services, en milliers", "Tous secteurs, en milliers");

            // The sector sheet shows the employed of each sector beside its net job creation.
            Map<String, Object> agriculture2024 = book.rows("Sectors").stream()
                    .filter(r -> r.get("Période").equals("2024") && r.get("Code géographique").equals("MA")
                            && r.get("Secteur").equals("agriculture, forêt et pêche"))
                    .findFirst().orElseThrow();
            assertThat(agriculture2024).containsEntry("Actifs occupés (milliers de personnes)", 290.0)
                    .containsEntry("Création nette d’emplois (milliers de personnes)", -10.0);

            // Urban and rural net job creation, which the sector file cannot give, sit under all sectors',
            // before the sectors: computed from labour_force.csv's employed of both years.
            List<Map<String, Object>> sectors = book.rows("Sectors");
            List<Map<String, Object>> ma2024 = sectors.stream()
                    .filter(r -> r.get("Période").equals("2024") && r.get("Code géographique").equals("MA")).toList();
            assertThat(ma2024).extracting(r -> r.get("Milieu") + " / " + r.get("Secteur")).containsExactly(
                    "ensemble / tous secteurs", "urbain / tous secteurs", "rural / tous secteurs",
                    "ensemble / agriculture, forêt et pêche", "ensemble / industrie (y compris l’artisanat)",
                    "ensemble / bâtiment et travaux publics", "ensemble / services");
            // rural: (375 + 185) - (380 + 190) = -10; its employed are labour_force.csv's rural employed
            assertThat(ma2024.get(2)).containsEntry("Création nette d’emplois (milliers de personnes)", -10.0)
                    .containsEntry("Actifs occupés (milliers de personnes)", 375.0 + 185)
                    .containsEntry("Origine", "calculé");
            assertThat(find(values, "employment.net_job_creation", "2024", "MA", "area=rural, sector=total")
                    .get("source").toString()).startsWith("actifs occupés de 15 ans et plus, 2024 moins 2023, d’après"
                    + " employment/labour_force.csv : ");
            // urban: (455 + 120 + 120) - (450 + 240) = 5
            assertThat(ma2024.get(1)).containsEntry("Création nette d’emplois (milliers de personnes)", 5.0);
            // and the fixture's published -80 for rural is set against it on Data quality
            assertThat(book.rows("DataQuality")).anySatisfy(q -> {
                assertThat(q.get("Motif ou chiffre").toString()).startsWith("Création nette d’emplois, 2024, Maroc, rural (");
                assertThat(q).containsEntry("Calculé", -10.0).containsEntry("Publié", -80.0)
                        .containsEntry("Unité", "milliers de personnes")
                        // a level's difference set against the published figure: 70 of 80 thousand
                        .containsEntry("Écart d’un niveau (% du publié)", 87.5);
            });

            // The employment sheet shows the same national rate on its 2024 / Morocco / all row.
            List<Map<String, Object>> employment = book.rows("Employment");
            Map<String, Object> national = employment.stream()
                    .filter(r -> r.get("Période").equals("2024") && r.get("Code géographique").equals("MA")
                            && r.get("Milieu").equals("ensemble") && r.get("Sexe").equals("ensemble")
                            && r.get("Tranche d’âge").equals("15 ans et plus"))
                    .findFirst().orElseThrow();
            assertThat((Double) national.get("Taux de chômage (%)")).isCloseTo(100.0 * 155 / 1410, within(1e-9));
            assertThat(national.get("Population de 15 ans et plus (milliers de personnes)"))
                    .isEqualTo(1010.0 + 790 + 300 + 310 + 400);
            // Each rate's change on a year sits beside it: activity 1410/2810 against 1400/2800 in 2023.
            assertThat((Double) national.get("Taux d’activité, variation (points)"))
                    .isCloseTo(100.0 * (1410.0 / 2810 - 1400.0 / 2800), within(1e-9));

            // The gaps sheet says which groups it compares: 2024 urban 120/815 against rural 35/595,
            // activity 815/1620 against 595/1190, in points.
            Map<String, Object> urbanRural = book.rows("Gaps").stream()
                    .filter(r -> r.get("Période").equals("2024") && r.get("Code géographique").equals("MA")
                            && r.get("Milieu").equals("urbain moins rural"))
                    .findFirst().orElseThrow();
            assertThat(urbanRural).containsEntry("Sexe", "ensemble").containsEntry("Tranche d’âge", "15 ans et plus");
            assertThat((Double) urbanRural.get("Taux de chômage, écart (points)"))
                    .isCloseTo(100.0 * (120.0 / 815 - 35.0 / 595), within(1e-9));
            assertThat((Double) urbanRural.get("Taux d’activité, écart (points)"))
                    .isCloseTo(100.0 * (815.0 / 1620 - 595.0 / 1190), within(1e-9));

            // Computed against published: 10.99 vs 11.0 agrees; urban 120/815 = 14.72 vs 12.0 is flagged.
            List<Map<String, Object>> quality = book.rows("DataQuality");
            // The two files' employed disagree in 2024: 290+210+105+520 = 1125 by sector, 1410-155 = 1255.
            assertThat(quality).anySatisfy(r -> {
                assertThat(r.get("Type")).isEqualTo("avertissement");
                assertThat(r.get("Fichier")).isEqualTo("employment/employment_by_sector.csv");
                assertThat(r.get("Valeur")).isEqualTo("1125");
                assertThat(r.get("Motif ou chiffre")).isEqualTo("2024, MA : les actifs occupés de tous les secteurs"
                        + " (1125) diffèrent de ceux de labour_force.csv (1255) de plus de 0,5 millier et de 0,2 % ;"
                        + " les deux fichiers sont utilisés tels quels");
            });
            assertThat(quality).anySatisfy(r -> {
                assertThat(r.get("Type")).isEqualTo("conforme à la publication");
                // in words, then coded as on the Data sheet
                assertThat(r.get("Motif ou chiffre")).isEqualTo("Taux de chômage, 2024, Maroc, ensemble"
                        + " (employment.unemployment_rate, MA, " + TOTAL + ")");
            });
            assertThat(quality).anySatisfy(r -> {
                assertThat(r.get("Type")).isEqualTo("écart avec la publication");
                assertThat((Double) r.get("Calculé")).isCloseTo(100.0 * 120 / 815, within(1e-9));
                assertThat((Double) r.get("Publié")).isEqualTo(12.0);
                assertThat(r.get("Valeur")).isEqualTo("12.0"); // as the file gives it, with its tenth
                // a rate's difference is in points already
                assertThat(r).containsEntry("Unité", "%").containsEntry("Écart d’un niveau (% du publié)", "[z]");
            });
        }
    }

    @Test
    void outsourcingAndTourismComeOutOfTheSameRun() throws IOException {
        Outcome outcome = run(FIXTURES);

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        try (WorkbookReader book = new WorkbookReader(workbook())) {
            List<Map<String, Object>> values = book.rows("Indicators");
            String all = "segment=total, client_country=total, activity=total";
            // 100 * (148,500 / 130,000 - 1) = 14.2307... %
            assertThat((Double) find(values, "outsourcing.jobs_change_pct", "2024", "MA", all).get("value"))
                    .isCloseTo(100.0 * (148_500.0 / 130_000.0 - 1), within(1e-9));
            // The Belgian move effective 2024-01-01 counts in 2024; the cancelled one never does.
            assertThat(find(values, "outsourcing.relocated_jobs_in", "2024", "MA", "origin_country=BE").get("value"))
                    .isEqualTo(163.0);
            assertThat(values).filteredOn(r -> r.get("indicator").equals("outsourcing.relocated_jobs_in")
                    && r.get("period").equals("2023")).singleElement().satisfies(r -> {
                        assertThat(r.get("breakdown")).isEqualTo("origin_country=total");
                        assertThat(r.get("value")).isEqualTo(0.0);
                    });
            // Announced in 2024, effective 2025: pending at the end of the range.
            assertThat(find(values, "outsourcing.pipeline_jobs", "2024", "MA", "direction=in").get("value"))
                    .isEqualTo(50.0);
            // The opt-in law: 100,000 call-centre jobs in 2024 at 10 / 12.5 / 15 %.
            for (var scenario : Map.of("low", 10_000.0, "central", 12_500.0, "high", 15_000.0).entrySet()) {
                assertThat((Double) find(values, "outsourcing.jobs_at_risk", "2024", "MA",
                        "regulation=fr-2025-594, scenario=" + scenario.getKey()).get("value"))
                        .isCloseTo(scenario.getValue(), within(1e-6));
            }

            String arrivals = "visitor_type=total, market=total";
            // 2024 total = foreign 8.8 M + MRE 8.6 M = 17.4 M, +20 % on 14.5 M.
            assertThat(find(values, "tourism.arrivals", "2024", "MA", arrivals).get("value")).isEqualTo(17_400_000.0);
            assertThat((Double) find(values, "tourism.arrivals_change_pct", "2024", "MA", arrivals).get("value"))
                    .isCloseTo(20.0, within(1e-9));
            assertThat((Double) find(values, "tourism.mre_share", "2024", "MA", "market=total").get("value"))
                    .isCloseTo(100.0 * 8.6 / 17.4, within(1e-9));
            // 112,500 MAD million / 17.4 M arrivals = 6,465.52 MAD
            assertThat((Double) find(values, "tourism.receipts_per_arrival", "2024", "MA", arrivals).get("value"))
                    .isCloseTo(112_500e6 / 17_400_000, within(1e-6));
            // Target 17.5 M in 2026 from 17.4 M in 2024: 99.43 % reached, (17.5/17.4)^(1/2) - 1 a year needed;
            // trend 2021-2024 (17.4/3.7)^(1/3) - 1 = 67.5 % a year: projected far above, on track.
            String target = "target=tourism.arrivals 2026";
            assertThat((Double) find(values, "tourism.target_progress_pct", "2024", "MA", target).get("value"))
                    .isCloseTo(100.0 * 17.4 / 17.5, within(1e-9));
            assertThat((Double) find(values, "tourism.target_required_cagr_pct", "2024", "MA", target).get("value"))
                    .isCloseTo(100.0 * (Math.sqrt(17.5 / 17.4) - 1), within(1e-9));
            double trend = Math.pow(17.4 / 3.7, 1.0 / 3) - 1;
            Map<String, Object> projection = find(values, "tourism.target_projection", "2024", "MA", target);
            assertThat((Double) projection.get("value")).isCloseTo(17_400_000 * Math.pow(1 + trend, 2), within(1e-3));
            assertThat(projection.get("unit")).isEqualTo("persons");
            assertThat(find(values, "tourism.target_on_track", "2024", "MA", target).get("value")).isEqualTo(1.0);
            // On the Data sheet whole things show no decimals, the rest up to three.
            Map<String, String> formats = new java.util.HashMap<>();
            var data = book.table("Indicators");
            for (int r = data.getStartRowIndex() + 1; r <= data.getEndRowIndex(); r++) {
                var row = data.getXSSFSheet().getRow(r);
                formats.put(row.getCell(0).getStringCellValue(), row.getCell(4).getCellStyle().getDataFormatString());
            }
            assertThat(formats).containsEntry("tourism.target_on_track", "#,##0")
                    .containsEntry("outsourcing.relocation_events", "#,##0").containsEntry("tourism.arrivals", "#,##0")
                    .containsEntry("employment.unemployment_rate", "#,##0.0##")
                    .containsEntry("tourism.receipts_per_arrival", "#,##0.0##");

            // The Summary puts the headline figures of all three domains on one page.
            assertThat(book.rows("Summary")).extracting(r -> r.get("Indicateur"))
                    .contains("Taux de chômage", "Emplois de l’externalisation", "Emplois menacés",
                            "Arrivées touristiques", "Taux de réalisation de l’objectif");
        }
    }

    @Test
    void aRegionOneOfWhoseCommunesLacksARowIsNotTheSumOfTheOthers() throws IOException {
        Path input = copyOfFixtures();
        Path counts = input.resolve("employment/labour_force.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(counts, StandardCharsets.UTF_8));
        assertThat(lines.removeIf(l -> l.startsWith("2024,MA-02-B,"))).isTrue();
        Files.write(counts, lines, StandardCharsets.UTF_8);

        assertThat(run(input).exitCode()).isZero();

        try (WorkbookReader book = new WorkbookReader(workbook())) {
            List<Map<String, Object>> values = book.rows("Indicators");
            // Commune A alone (150) would pass for MA-02's urban labour force, and 510 + 395 + 150 + 200
            // for Morocco's: neither is given in 2024, urban or in all; rural areas, whole, are
            // (395 + 200 = 595), and so is 2023.
            java.util.function.Predicate<Map<String, Object>> labourForce2024 = r -> r.get("indicator")
                    .equals("employment.labour_force") && r.get("period").equals("2024");
            assertThat(values).filteredOn(labourForce2024).extracting(r -> r.get("geo") + " " + r.get("breakdown"))
                    .containsExactlyInAnyOrder("MA-01 " + TOTAL, "MA-01 area=urban, sex=total, age_group=15+",
                            "MA-01 area=rural, sex=total, age_group=15+", "MA-02 area=rural, sex=total, age_group=15+",
                            "MA area=rural, sex=total, age_group=15+");
            assertThat((Double) find(values, "employment.labour_force", "2024", "MA",
                    "area=rural, sex=total, age_group=15+").get("value")).isEqualTo(595.0);
            assertThat((Double) find(values, "employment.labour_force", "2023", "MA", TOTAL).get("value"))
                    .isEqualTo(1400.0);
            assertThat(book.rows("DataQuality")).filteredOn(r -> "MA-02".equals(r.get("Valeur"))).singleElement()
                    .satisfies(r -> {
                        assertThat(r.get("Type")).isEqualTo("avertissement");
                        assertThat(r.get("Fichier")).isEqualTo("employment/labour_force.csv");
                        assertThat(r.get("Colonne")).isEqualTo("geo");
                        assertThat(r.get("Motif ou chiffre").toString()).startsWith("MA-02 : pour 1 chiffre(s), le"
                                + " premier 2024, area=urban, sex=total, age_group=15+, les lignes des lieux qu’il"
                                + " contient ne le couvrent pas tout entier");
                    });
        }
    }

    @Test
    void aColumnOutsideTheContractIsIgnoredWithAWarningOnDataQuality() throws IOException {
        Path input = copyOfFixtures();
        Path sectors = input.resolve("employment/employment_by_sector.csv");
        List<String> lines = Files.readAllLines(sectors, StandardCharsets.UTF_8);
        List<String> withComment = new java.util.ArrayList<>();
        withComment.add(lines.get(0) + ",comment");
        lines.subList(1, lines.size()).forEach(l -> withComment.add(l + ",checked"));
        Files.write(sectors, withComment, StandardCharsets.UTF_8);

        assertThat(run(input).exitCode()).isZero();

        try (WorkbookReader book = new WorkbookReader(workbook())) {
            assertThat(book.rows("DataQuality")).anySatisfy(r -> {
                assertThat(r.get("Type")).isEqualTo("avertissement");
                assertThat(r.get("Fichier")).isEqualTo("employment/employment_by_sector.csv");
                assertThat(r.get("Ligne")).isEqualTo(1.0);
                assertThat(r.get("Colonne")).isEqualTo("comment");
                assertThat(r.get("Motif ou chiffre").toString()).contains("ne fait pas partie du contrat");
            });
        }
    }

    @Test
    void aFileReadAsWindows1252ThatHoldsUtf8CharactersSaysSo() throws IOException {
        Path input = copyOfFixtures();
        Path sectors = input.resolve("employment/employment_by_sector.csv");
        // one source with an em dash typed in UTF-8, another with an é pasted from a Windows-1252 file
        String text = Files.readString(sectors, StandardCharsets.UTF_8)
                .replaceFirst("fixture sectors 2023", "fixture sectors 2023 \u2014 HCP")
                .replaceFirst("fixture sectors 2024", "fixture sectors 2024 MINISTRY");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String s = new String(bytes, StandardCharsets.ISO_8859_1).replace("MINISTRY", "Minist\u00e9ry");
        Files.write(sectors, s.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(run(input).exitCode()).isZero();

        try (WorkbookReader book = new WorkbookReader(workbook())) {
            // read as Windows-1252, the em dash shows as "â€”": said, with what to do
            assertThat(book.rows("DataQuality")).anySatisfy(r -> {
                assertThat(r.get("Type")).isEqualTo("avertissement");
                assertThat(r.get("Fichier")).isEqualTo("employment/employment_by_sector.csv");
                assertThat(r.get("Motif ou chiffre").toString()).startsWith("contient 1 caractère(s) écrit(s) en UTF-8")
                        .endsWith("enregistrez le fichier en CSV UTF-8");
            });
        }
    }

    @Test
    void aGeoLevelTheReferenceDoesNotHaveStopsTheRunWithASentence() throws IOException {
        Outcome outcome = run(FIXTURES, "--geo-levels=country,planet");

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("--geo-levels names planet, which reference/geo.csv does not have")
                .contains("its levels: commune, country, region").doesNotContain("Exception");
        assertThat(workbook()).doesNotExist();
    }

    @Test
    void anOutputFolderThatIsAFileStopsTheRunBeforeAnyWork() throws IOException {
        Path file = work.resolve("not-a-folder");
        Files.writeString(file, "x");

        Outcome outcome = run(FIXTURES, "--output-dir=" + file);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("The output folder " + file.toAbsolutePath() + " cannot be made (it is a file)")
                .contains("Nothing was started: give a folder with --output-dir").doesNotContain(".part");

        // a file further up the path is named, not "FileSystemException: …: Not a directory"
        Outcome below = run(FIXTURES, "--output-dir=" + file.resolve("sub"));
        assertThat(below.exitCode()).isEqualTo(2);
        assertThat(below.stderr()).contains("The output folder " + file.resolve("sub").toAbsolutePath()
                + " cannot be made (" + file.toAbsolutePath() + " is a file, not a folder)")
                .doesNotContain("Exception").doesNotContain("Not a directory");

        // a link to nothing is named as such, not "FileAlreadyExistsException"
        Path dangling = Files.createSymbolicLink(work.resolve("dangling"), work.resolve("nowhere"));
        Outcome linked = run(FIXTURES, "--output-dir=" + dangling);
        assertThat(linked.exitCode()).isEqualTo(2);
        assertThat(linked.stderr()).contains("cannot be made (it is a link to something that does not exist)")
                .doesNotContain("Exception");
    }

    @Test
    void seriesOnlyAPublicationRefinesFollowTheirRowsInAColumnShownOnlyWhenThereAreSome() throws IOException {
        Outcome outcome = run(FIXTURES);

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        try (WorkbookReader book = new WorkbookReader(workbook())) {
            List<Map<String, Object>> ma2024 = book.rows("Employment").stream()
                    .filter(r -> r.get("Période").equals("2024") && r.get("Code géographique").equals("MA")).toList();
            // under everyone's row, which it refines
            assertThat(ma2024.get(0)).containsEntry("Diplôme", "ensemble").containsEntry("Milieu", "ensemble")
                    .containsEntry("Sexe", "ensemble").containsEntry("Tranche d’âge", "15 ans et plus");
            assertThat(ma2024.get(1)).containsEntry("Diplôme", "diplômés").containsEntry("Milieu", "ensemble")
                    .containsEntry("Taux de chômage (%)", 19.6);
            assertThat(ma2024).hasSizeGreaterThan(2);
            assertThat(ma2024.subList(2, ma2024.size())).allSatisfy(r -> assertThat(r).containsEntry("Diplôme", "ensemble"));
            // and the sheet says what "diplômés" means
            assertThat(book.intro("Emploi")).contains("« diplômés » désigne, comme dans les notes du HCP");
        }

        Path input = copyOfFixtures();
        Path published = input.resolve("published.csv");
        Files.writeString(published, Files.readAllLines(published, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.contains("education=") && !line.contains("sector=total"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);

        assertThat(run(input).exitCode()).isZero();
        try (WorkbookReader book = new WorkbookReader(workbook())) {
            assertThat(book.headers("Employment")).doesNotContain("Diplôme").contains("Tranche d’âge");
            assertThat(book.intro("Emploi")).doesNotContain("diplômés");
            // the urban and rural net job creation computed from labour_force.csv keep their column
            assertThat(book.headers("Sectors")).contains("Milieu", "Secteur");
        }
    }

    @Test
    void theNoteOnTheOldSampleFrameIsCitedOnlyWhereASheetHasFiguresBefore2017() throws IOException {
        assertThat(run(FIXTURES).exitCode()).isZero();
        try (WorkbookReader book = new WorkbookReader(workbook())) {
            assertThat(book.intro("Emploi")).doesNotContain("[note 4]").doesNotContain("2017");
            assertThat(book.intro("Écarts")).doesNotContain("[note 4]");
        }

        Path input = fixturesPublishing("employment.unemployment_rate,2016,MA,\"" + TOTAL
                + "\",9.4,%,fixture note 2016\n");
        assertThat(run(input, "--from=2016").exitCode()).isZero();
        try (WorkbookReader book = new WorkbookReader(work.resolve("reports/labour-market-report_2016_2024.xlsx"))) {
            assertThat(book.intro("Emploi")).contains("antérieurs à 2017 relèvent de l’ancienne base de sondage")
                    .contains("[note 4]");
            // and on the chart drawn from it, which shows 2016; not on the sectors, which do not
            assertThat(book.intro("Graphique chômage")).contains("[note 4]");
            assertThat(book.intro("Emploi par secteur")).doesNotContain("[note 4]");
        }
    }

    @Test
    void halfWrittenWorkbooksAKilledRunLeftAreRemovedByTheNextRunWhateverTheirRange() throws IOException {
        Path reports = Files.createDirectories(work.resolve("reports"));
        FileTime twoHoursAgo = FileTime.from(java.time.Instant.now().minusSeconds(7200));
        Path otherRange = Files.writeString(reports.resolve(".labour-market-report_2019_2020_en.xlsx.333.part"), "x");
        Files.setLastModifiedTime(otherRange, twoHoursAgo);
        Path recent = Files.writeString(reports.resolve(".labour-market-report_2019_2020.xlsx.444.part"), "being written");
        Path notOurs = Files.writeString(reports.resolve(".notes.txt.555.part"), "y");
        Files.setLastModifiedTime(notOurs, twoHoursAgo);

        assertThat(run(FIXTURES).exitCode()).isZero();

        assertThat(otherRange).doesNotExist();
        assertThat(recent).exists();
        assertThat(notOurs).exists();
    }

    @Test
    void graduatesGapsAreOnTheGapsSheetUnderEveryonesGap() throws IOException {
        Path input = fixturesPublishing(
                "employment.unemployment_rate,2024,MA,\"area=total, sex=female, age_group=15+, education=graduate\","
                + "27,%,graduate women\n"
                + "employment.unemployment_rate,2024,MA,\"area=total, sex=male, age_group=15+, education=graduate\","
                + "15,%,graduate men\n");

        assertThat(run(input).exitCode()).isZero();
        try (WorkbookReader book = new WorkbookReader(workbook())) {
            List<Map<String, Object>> gaps = book.rows("Gaps").stream()
                    .filter(r -> r.get("Période").equals("2024") && r.get("Sexe").equals("femmes moins hommes")).toList();
            // 27 - 15 = 12 points, under everyone's women-minus-men gap of 2024
            assertThat(gaps).extracting(r -> r.get("Diplôme")).containsExactly("ensemble", "diplômés");
            assertThat(gaps.get(1)).containsEntry("Taux de chômage, écart (points)", 12.0);
            // everyone's gap is not known (no counts by sex): its row is there, empty, above the graduates'
            assertThat(gaps.get(0)).containsEntry("Taux de chômage, écart (points)", "[x]").containsEntry("Origine", "[z]");
        }
    }

    @Test
    void aPublishedFigureRepeatedWithItsBreakdownSpacedDifferentlyIsADuplicateNotACrash() throws IOException {
        Path input = fixturesPublishing(
                "employment.unemployment_rate,2024,MA,\"area=urban,sex=total , age_group = 15+\",5,%,respaced\n");

        Outcome outcome = run(input, "--max-reject-rate=0.5");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        try (WorkbookReader book = new WorkbookReader(workbook())) {
            assertThat(book.rows("DataQuality")).anySatisfy(r -> {
                assertThat(r.get("Type")).isEqualTo("ligne rejetée");
                assertThat(r.get("Fichier")).isEqualTo("published.csv");
                assertThat(r.get("Motif ou chiffre")).isEqualTo("cette clé figure déjà à la ligne 5 du fichier");
            });
        }
    }

    @Test
    void aHeaderColumnLongerThanTheDatabaseColumnIsWarnedAboutNotACrash() throws IOException {
        Path input = copyOfFixtures();
        Path sectors = input.resolve("employment/employment_by_sector.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(sectors, StandardCharsets.UTF_8));
        lines.set(0, lines.get(0) + "," + "z".repeat(300));
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + ","); // the column is there, empty
        }
        Files.write(sectors, lines, StandardCharsets.UTF_8);

        Outcome outcome = run(input);

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        try (WorkbookReader book = new WorkbookReader(workbook())) {
            assertThat(book.rows("DataQuality")).anySatisfy(r -> {
                assertThat(r.get("Fichier")).isEqualTo("employment/employment_by_sector.csv");
                assertThat(r.get("Colonne").toString()).startsWith("zzz").hasSize(200).endsWith("…");
            });
        }
    }

    @Test
    void aWrongOptionInAPropertiesFileIsRefusedLikeOneOnTheCommandLine() throws IOException {
        Path properties = work.resolve("application.properties");
        Files.writeString(properties, "observatory.only=employment,housing\n");

        Outcome outcome = run(FIXTURES, "--spring.config.additional-location=file:" + properties);

        assertThat(outcome.exitCode()).isEqualTo(2);
        // the file named: a machine may have several application.properties
        assertThat(outcome.stderr()).contains("In the configuration (" + properties + "): --only takes"
                + " employment, outsourcing and/or tourism, not 'housing'.").doesNotContain("Exception");
        assertThat(workbook()).doesNotExist();

        Files.writeString(properties, "observatory.lang=en \n");
        Outcome spaced = run(FIXTURES, "--spring.config.additional-location=file:" + properties);
        assertThat(spaced.exitCode()).isEqualTo(2);
        assertThat(spaced.stderr()).contains("observatory.lang='en ' has spaces around its value: remove them.");

        Files.writeString(properties, "observatory.max-reject-rat=0.5\n");
        Outcome misspelt = run(FIXTURES, "--spring.config.additional-location=file:" + properties);
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.stderr()).contains("In the configuration (" + properties + "): observatory.max-reject-rat"
                + " is not a setting of this program, so it"
                + " would be ignored (did you mean observatory.max-reject-rate?)").doesNotContain("Exception");
        assertThat(workbook()).doesNotExist();

        Files.writeString(properties, "observatory.from=2020\n");
        Outcome range = run(FIXTURES, "--spring.config.additional-location=file:" + properties);
        assertThat(range.exitCode()).isEqualTo(2);
        assertThat(range.stderr()).contains("observatory.from would be ignored: the range is given on the command line"
                + " only");
    }

    @Test
    void aDatabaseFolderThatCannotBeMadeStopsTheRunWithASentence() throws IOException {
        Path file = work.resolve("not-a-folder");
        Files.writeString(file, "x");

        Outcome outcome = run(FIXTURES, "--db=" + file.resolve("observatory"));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("The database folder " + file.toAbsolutePath()
                + " cannot be made (a file of that name is in the way). Nothing was started")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aRunDoesNotStartWithoutRoomForTheDatabase() throws IOException {
        // More than any disk has: as a full disk would be.
        Outcome outcome = run(FIXTURES, "--observatory.db-min-free-mb=" + Long.MAX_VALUE / (1024 * 1024));

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("MB are free on the disk holding the database")
                .contains("Nothing was started: free some space, or move the database with --db");
        assertThat(workbook()).doesNotExist();
    }

    @Test
    void aPublishedBreakdownOutsideTheVocabularyIsRejectedAndAPublicationsOwnDimensionIsKept() throws IOException {
        Path input = fixturesPublishing(
                "employment.unemployment_rate,2024,MA,\"area=purple, sex=total, age_group=15+\",5,%,typo\n"
                + "employment.unemployment_rate,2024,MA,\"area=Urban, sex=total, age_group=15+\",5,%,case\n"
                + "employment.unemployment_rate,2024,MA,\"area=total, sex=total, age_group=015-24\",5,%,zeros\n"
                + "employment.unemployment_rate,2023,MA,\"area=total, sex=total, age_group=15+, education=graduate\","
                + "20,%,own dimension\n"
                + "outsourcing.jobs,2024,MA,\"segment=crm, client_country=fr, activity=total\",5,persons,lower case\n"
                + "outsourcing.jobs_at_risk,2024,MA,\"regulation=fr-2025-594, scenario=medium\",5,persons,not a scenario\n");

        // five bad rows of a short file: more than the 1 % allowed by default
        assertThat(run(input, "--max-reject-rate=0.5").exitCode()).isZero();

        try (WorkbookReader book = new WorkbookReader(workbook())) {
            List<Map<String, Object>> rejected = book.rows("DataQuality").stream()
                    .filter(r -> r.get("Type").equals("ligne rejetée") && r.get("Fichier").equals("published.csv"))
                    .toList();
            assertThat(rejected).extracting(r -> r.get("Motif ou chiffre").toString()).containsExactly(
                    "area=purple : « purple » n’est pas l’une des valeurs total, urban, rural, telles que les écrivent"
                            + " les fichiers d’effectifs",
                    "area=Urban : « Urban » n’est pas l’une des valeurs total, urban, rural, telles que les écrivent"
                            + " les fichiers d’effectifs",
                    "age_group=015-24 : « 015-24 » n’est pas une tranche d’âge écrite 15+ ou 15-24, comme l’écrivent"
                            + " les fichiers d’effectifs",
                    "client_country=fr : « fr » n’est ni total ni un code pays en majuscules comme FR (ISO 3166-1"
                            + " alpha-2), comme sur la feuille Données",
                    "scenario=medium : « medium » n’est pas l’une des valeurs low, central, high, comme sur la"
                            + " feuille Données");
            assertThat(book.rows("Indicators")).anySatisfy(r -> assertThat(r.get("breakdown"))
                    .isEqualTo("area=total, sex=total, age_group=15+, education=graduate"));
            // Rejected breakdowns make Data quality too wide for the page: split across pages, each
            // repeats what its rows are about, the kind and the reason or figure
            org.apache.poi.xssf.usermodel.XSSFSheet quality = book.workbook().getSheet("Qualité des données");
            assertThat(quality.getFitToPage()).isFalse();
            assertThat(quality.getRepeatingColumns().getFirstColumn()).isZero();
            assertThat(quality.getRepeatingColumns().getLastColumn()).isGreaterThanOrEqualTo(1);
            // The Notes fit the page's width, their label and files wrapped: split, LibreOffice printed
            // a page of the columns naming the notes alone before each page of definitions
            org.apache.poi.xssf.usermodel.XSSFSheet notes = book.workbook().getSheet("Notes");
            assertThat(notes.getFitToPage()).isTrue();
            assertThat(notes.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(notes.getRepeatingColumns()).isNull();
        }
    }

    @Test
    void onlyRunsTheDomainsAskedFor() throws IOException {
        Path input = copyOfFixtures();
        Files.delete(input.resolve("tourism/arrivals.csv")); // not needed when tourism is left out

        Outcome outcome = run(input, "--only=employment,outsourcing");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        // A part of the range's workbook: it goes beside the whole one, never in its place.
        assertThat(workbook()).doesNotExist();
        Path part = work.resolve("reports/labour-market-report_2023_2024_employment-outsourcing.xlsx");
        try (WorkbookReader book = new WorkbookReader(part)) {
            assertThat(book.rows("Indicators")).noneMatch(r -> r.get("indicator").toString().startsWith("tourism."))
                    .anyMatch(r -> r.get("indicator").toString().startsWith("outsourcing."));
            // The Cover and the Notes speak of the domains run, and of no other.
            var cover = book.workbook().getSheetAt(0);
            assertThat(cover.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Observatoire du marché du travail — Maroc\u202f: emploi et externalisation");
            StringBuilder coverText = new StringBuilder();
            cover.forEach(row -> row.forEach(cell -> coverText.append(cell.getStringCellValue()).append(' ')));
            assertThat(coverText.toString()).contains("population active", "délocalisations")
                    .doesNotContain("touristiques");
            assertThat(book.rows("Notes")).extracting(r -> r.get("Identifiant"))
                    .contains("employment.unemployment_rate", "outsourcing.jobs")
                    .noneMatch(id -> id.toString().startsWith("tourism."));
        }
    }

    @Test
    void timesAreGivenInTheZoneAskedForAndNamed() throws IOException {
        java.time.ZonedDateTime before = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Tokyo"))
                .withNano(0).minusSeconds(1);
        assertThat(run(FIXTURES, "--lang=en", "--zone=Asia/Tokyo").exitCode()).isZero();
        java.time.ZonedDateTime after = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Tokyo"));

        try (WorkbookReader book = new WorkbookReader(englishWorkbook())) {
            Map<Object, Object> about = new java.util.HashMap<>();
            book.rows("AboutThisRun").forEach(r -> about.put(r.get("Item"), r.get("Value")));
            assertThat(about).containsEntry("--zone", "Asia/Tokyo").containsEntry("--db",
                    work.resolve("db/observatory").toString());
            for (String item : List.of("Started at", "Workbook writing began at")) {
                String stamp = (String) about.get(item);
                assertThat(stamp).as(item).endsWith(" (Asia/Tokyo)");
                java.time.ZonedDateTime at = java.time.LocalDateTime.parse(stamp.substring(0, 19).replace(' ', 'T'))
                        .atZone(java.time.ZoneId.of("Asia/Tokyo"));
                assertThat(at).as(item).isBetween(before, after);
            }
        }
    }

    @Test
    void englishWorkbookKeepsTheIndicatorsTableAsItIs() throws IOException {
        assertThat(run(FIXTURES, "--lang=en").exitCode()).isZero();

        try (WorkbookReader book = new WorkbookReader(englishWorkbook())) {
            assertThat(book.sheetNames()).startsWith("Cover", "Contents", "Summary", "Changes", "Notes")
                    .contains("Employment", "Data", "Data quality", "About this run")
                    // English word order: "Chart unemployment" read as a French calque
                    .contains("Unemployment chart", "Women and youth chart", "Net job creation chart");
            assertThat(book.headers("Indicators"))
                    .containsExactly("indicator", "period", "geo", "breakdown", "value", "unit", "basis", "source");
            assertThat(book.rows("Employment")).anySatisfy(r -> assertThat(r.get("Area")).isEqualTo("urban"));
        }
    }

    @Test
    void aMissingColumnStopsTheRunWithExitCode3AndKeepsThePreviousWorkbook() throws IOException {
        Path input = copyOfFixtures();
        assertThat(run(input).exitCode()).isZero();
        byte[] before = Files.readAllBytes(workbook());

        Path file = input.resolve("employment/labour_force.csv");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList()); // drop "source"
        Files.write(file, Files.readAllLines(file).stream()
                .map(l -> l.replaceFirst("unemployed,underemployed", "underemployed")).toList());
        Outcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("employment/labour_force.csv").contains("'unemployed'");
        assertThat(Files.readAllBytes(workbook())).isEqualTo(before);
        try (Stream<Path> left = Files.list(workbook().getParent())) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly(workbook().getFileName().toString());
        }
    }

    @Test
    void theOnlyRowOfAFileRejectedIsNamedAsSuch() throws IOException {
        Path input = copyOfFixtures();
        Path regulations = input.resolve("outsourcing/regulations.csv");
        Files.writeString(regulations, Files.readString(regulations).replace(",0.10,", ",abc,"));

        Outcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("The only row of outsourcing/regulations.csv was rejected (100.0 %)")
                .contains("It is outsourcing/regulations.csv line 2, column loss_rate_low, value 'abc':")
                .doesNotContain("1 of the 1 rows").doesNotContain("The first:");
        assertThat(workbook()).doesNotExist();
    }

    @Test
    void tooManyRejectedRowsStopTheRunBeforeAnythingIsWritten() throws IOException {
        Path input = copyOfFixtures();
        Files.writeString(input.resolve("employment/labour_force.csv"),
                "2024,MA-01,suburban,total,15+,10,5,4,1,,bad area\n", java.nio.file.StandardOpenOption.APPEND);

        Outcome outcome = run(input);

        // One rejected row of ten is 10 %, over the default 1 % (the shipped application.properties')
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("1 of the 10 rows of employment/labour_force.csv was rejected"
                        + " (10.0 %), more than the 1.0 % allowed by --max-reject-rate")
                // named in the sentence itself: the list goes to standard output, which cron may keep apart
                .contains("It is employment/labour_force.csv line 11, column area, value 'suburban': is not"
                        + " one of total, urban, rural; correct it and run again.");
        assertThat(workbook()).doesNotExist();
    }

    @Test
    void aParentSpeltInAnotherCaseIsThatPlace() throws IOException {
        Path input = copyOfFixtures();
        Path geo = input.resolve("reference/geo.csv");
        Files.writeString(geo, Files.readString(geo).replace("MA-02-A,Commune A,Commune A,commune,MA-02",
                "MA-02-A,Commune A,Commune A,commune,ma-02"));

        Outcome outcome = run(input);

        // "the parent ma-02, which is not a code of the file" stopped the run
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    }

    @Test
    void aPlaceWhoseParentIsNotInTheReferenceStopsTheRun() throws IOException {
        Path input = copyOfFixtures();
        Path geo = input.resolve("reference/geo.csv");
        Files.writeString(geo, "MA-99,Région Orpheline,Orphan Region,region,ZZ\n", java.nio.file.StandardOpenOption.APPEND);
        int line = Files.readAllLines(geo).size();

        Outcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("reference/geo.csv line " + line + " gives MA-99 the parent ZZ, which is"
                + " not a code of the file");
        assertThat(workbook()).doesNotExist();
    }

    @Test
    void aPlaceLeftWithoutItsParentStopsTheRun() throws IOException {
        Path input = copyOfFixtures();
        Path geo = input.resolve("reference/geo.csv");
        String reference = Files.readString(geo);
        Files.writeString(input.resolve("employment/labour_force.csv"), "2024,P1,total,total,15+,500,200,180,20,,s\n",
                StandardOpenOption.APPEND);

        // A province without its region: its row had been left out of every figure without a word.
        Files.writeString(geo, reference + "P1,Province,Province,province,\n");
        Outcome outcome = run(input);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("reference/geo.csv line 7 gives P1 no parent, and neither it, at the"
                + " level province, nor any place under it is of a level the workbook reports (country, region), so its"
                + " figures would count in no place. Nothing was written; give its parent");
        assertThat(workbook()).doesNotExist();

        // A region without its country: it would be missing from the national total of the regions.
        Files.writeString(geo, reference + "P1,Province,Province,province,MA-03\nMA-03,Région Trois,Region Three,region,\n");
        outcome = run(input);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("reference/geo.csv line 8 gives MA-03 no parent, and the other places of"
                + " its level, region, have one: it would be missing from the totals above them.");

        // Given their parents, both count where they lie; a second country stands on its own.
        Files.writeString(geo, reference + "P1,Province,Province,province,MA-03\nMA-03,Région Trois,Region Three,region,MA\n"
                + "FR,France,France,country,\n");
        outcome = run(input);
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        try (WorkbookReader book = new WorkbookReader(workbook())) {
            assertThat((Double) find(book.rows("Indicators"), "employment.employed", "2024", "MA-03", TOTAL)
                    .get("value")).isEqualTo(180.0);
        }
        // nor is it lost where the workbook reports the regions only: it is a country, as Morocco is
        outcome = run(input, "--geo-levels=region");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    }

    @Test
    void placesWhoseParentsLoopStopTheRun() throws IOException {
        Path input = copyOfFixtures();
        Path geo = input.resolve("reference/geo.csv");
        // Morocco under its own region: the region's figures would have been reported as the country's.
        Files.writeString(geo, Files.readString(geo).replace("MA,Maroc,Morocco,country,\n", "MA,Maroc,Morocco,country,MA-01\n"));

        Outcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("reference/geo.csv line 2: the parents of MA lead back to it"
                + " (MA → MA-01 → MA)");
        assertThat(workbook()).doesNotExist();

        // A place its own parent, below a good reference, is caught the same way.
        Files.writeString(geo, Files.readString(geo).replace("MA,Maroc,Morocco,country,MA-01\n", "MA,Maroc,Morocco,country,\n")
                + "P1,Province,Province,province,P1\n");
        outcome = run(input);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("the parents of P1 lead back to it (P1 → P1)");
    }

    @Test
    void aReferenceWithoutPlacesStopsTheRunWithoutBlamingTheLevels() throws IOException {
        Path input = copyOfFixtures();
        Path geo = input.resolve("reference/geo.csv");
        Files.writeString(geo, Files.readAllLines(geo).get(0) + "\n");

        Outcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("reference/geo.csv holds no place, only its header")
                .doesNotContain("--geo-levels");
    }

    @Test
    void aRejectedReferenceLineThatLeavesALevelEmptyIsNamedNotTheLevelsOption() throws IOException {
        Path input = copyOfFixtures();
        Path geo = input.resolve("reference/geo.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(geo));
        int country = java.util.stream.IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(",country,"))
                .findFirst().orElseThrow();
        lines.set(country, lines.get(country) + ",x"); // a field too many: Morocco's line rejected
        Files.write(geo, lines);

        Outcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("reference/geo.csv has no place of the level country the workbook"
                + " reports, and a line of it was rejected (line " + (country + 1) + ": the line has")
                .doesNotContain("--geo-levels");
    }

    @Test
    void whenSeveralFilesHaveTooManyRejectedRowsTheWorstIsNamedAndTheOthersListed() throws IOException {
        Path input = copyOfFixtures();
        Files.writeString(input.resolve("employment/labour_force.csv"),
                "2024,MA-01,suburban,total,15+,10,5,4,1,,bad area\n", java.nio.file.StandardOpenOption.APPEND);
        Path sectors = input.resolve("employment/employment_by_sector.csv");
        Files.writeString(sectors, "2024,MA,mining,5,bad sector\n2024,MA,fishing,5,bad sector\n",
                java.nio.file.StandardOpenOption.APPEND);

        Outcome outcome = run(input);

        // labour force: 1 of 10 (10 %); sectors, checked after it: 2 of 10 (20 %), the worse
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("2 of the 10 rows of employment/employment_by_sector.csv were rejected")
                .contains("Over the rate as well: employment/labour_force.csv (10.0 %).");
    }

    @Test
    void rejectedRowsWithinTheAllowedRateAreListedWithTheirLine() throws IOException {
        Path input = copyOfFixtures();
        Files.writeString(input.resolve("employment/labour_force.csv"),
                "2024,MA-01,suburban,total,15+,10,5,4,1,,bad area\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(run(input, "--max-reject-rate=0.2").exitCode()).isZero();

        // Whoever reads the night's log, not the workbook, learns of it too, in English.
        assertThat(Files.readString(work.resolve("logs/observatory.log"))).contains("WARN", "employment/labour_force.csv:"
                + " 1 of the 10 rows was rejected; the run goes on without it. The workbook's Data quality sheet lists it:",
                "employment/labour_force.csv line 11, column area, value 'suburban': is not one of total, urban, rural");
        try (WorkbookReader book = new WorkbookReader(workbook())) {
            assertThat(book.rows("DataQuality")).anySatisfy(r -> {
                assertThat(r.get("Type")).isEqualTo("ligne rejetée");
                assertThat(r.get("Fichier")).isEqualTo("employment/labour_force.csv");
                assertThat(r.get("Ligne")).isEqualTo(11.0);
                assertThat(r.get("Colonne")).isEqualTo("area");
                assertThat(r.get("Valeur")).isEqualTo("suburban");
                assertThat(r.get("Motif ou chiffre")).isEqualTo("n’est pas l’une des valeurs total, urban, rural");
            });
            // The rejected row adds nothing: the national 2024 rate is unchanged.
            assertThat((Double) find(book.rows("Indicators"), "employment.unemployment_rate", "2024", "MA", TOTAL)
                    .get("value")).isCloseTo(100.0 * 155 / 1410, within(1e-9));
        }

        // The reason is in the workbook's language.
        assertThat(run(input, "--max-reject-rate=0.2", "--lang=en").exitCode()).isZero();
        try (WorkbookReader book = new WorkbookReader(englishWorkbook())) {
            assertThat(book.rows("DataQuality")).anySatisfy(r -> {
                assertThat(r.get("Column")).isEqualTo("area");
                assertThat(r.get("Reason or figure")).isEqualTo("is not one of total, urban, rural");
            });
        }
    }

    @Test
    void aBadCommandLineIsRefusedWithExitCode2() {
        Outcome outcome = run(FIXTURES, "--lang=de");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("--lang must be fr or en");
        assertThat(workbook()).doesNotExist();
    }

    @Test
    void aMissingRequiredFileIsNamed() throws IOException {
        Path input = copyOfFixtures();
        Files.delete(input.resolve("employment/employment_by_sector.csv"));

        Outcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("employment/employment_by_sector.csv is missing")
                .contains("or leave its domain out with --only");
    }

    @Test
    void aMissingReferenceFileIsNamedWithoutTheHintOfLeavingADomainOut() throws IOException {
        Path input = copyOfFixtures();
        Files.delete(input.resolve("reference/geo.csv"));

        Outcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr()).contains("reference/geo.csv is missing").doesNotContain("--only");
    }
}

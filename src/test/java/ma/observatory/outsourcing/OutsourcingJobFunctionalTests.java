package ma.observatory.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.ObservatoryApplication;
import ma.observatory.WorkbookReader;

/**
 * Runs the whole job for the outsourcing domain, as the command line does, on
 * {@code src/test/resources/fixtures/outsourcing}, over the nightly window of a run in November
 * 2026 (2021-01 to 2026-10), and reads the workbook back. Expected numbers are worked out by hand
 * from the fixture files in the comments.
 */
class OutsourcingJobFunctionalTests {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/outsourcing");
    private static final String X = "[x]";
    private static final String Z = "[z]";

    @TempDir
    Path work;

    private record Outcome(int exitCode, String stderr) {
    }

    private Outcome run(String... extra) {
        return runOn(FIXTURES, extra);
    }

    private Outcome runOn(Path input, String... extra) {
        List<String> args = new ArrayList<>(List.of("--input-dir=" + input,
                "--output-dir=" + work.resolve("reports"), "--db=" + work.resolve("db/observatory"),
                "--logging.file.name=" + work.resolve("logs/observatory.log"), "--from=2021-01", "--to=2026-10",
                "--only=outsourcing"));
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
        return work.resolve("reports/labour-market-report_2021-01_2026-10_outsourcing.xlsx");
    }

    private static Optional<Map<String, Object>> find(List<Map<String, Object>> rows, String indicator, String period,
                                                      String geo, String breakdown) {
        return rows.stream().filter(r -> r.get("indicator").equals(indicator) && r.get("period").equals(period)
                && r.get("geo").equals(geo) && r.get("breakdown").equals(breakdown)).findFirst();
    }

    private static Object value(List<Map<String, Object>> rows, String indicator, String period, String geo,
                                String breakdown) {
        return find(rows, indicator, period, geo, breakdown).orElseThrow(() -> new AssertionError("no value "
                + indicator + " " + period + " " + geo + " " + breakdown)).get("value");
    }

    @Test
    void computesTheOutsourcingIndicatorsAndWritesTheirSheets() throws IOException {
        Outcome outcome = run();

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        try (WorkbookReader book = new WorkbookReader(workbook())) {
            assertThat(book.sheetNames()).contains("Emplois de l’externalisation", "Délocalisations",
                    "Délocalisations par année", "Exposition réglementaire").doesNotContain("Emploi");
            // the introduction names the column that says the slice by its heading
            assertThat(book.intro("Exposition réglementaire")).contains("la colonne Emplois visés le nomme");
            assertThat(book.headers("RegulationExposure")).contains("Emplois visés");
            // the segments as the sheet spells them (CRM, BPO…), not as the file's codes
            assertThat(book.intro("Emplois de l’externalisation")).contains("la somme CRM + BPO + ITO + KPO quand");
            // the Summary's moves include announced ones whose date has come: said, lest they read as done
            assertThat(book.rows("Summary")).filteredOn(r -> r.get("Indicateur").equals("Emplois délocalisés vers le Maroc"))
                    .isNotEmpty().allSatisfy(r -> assertThat(r.get("Origine")).isEqualTo(
                            "calculé ; opérations annoncées comprises (voir Délocalisations)"));
            assertThat(book.rows("Summary")).filteredOn(r -> r.get("Indicateur").equals("Emplois exposés"))
                    .allSatisfy(r -> assertThat((String) r.get("Origine")).doesNotContain("annoncées"));
            List<Map<String, Object>> values = book.rows("Indicators");

            // Jobs: 2025 all segments = 100,000 + 20,000 + 25,000 + 5,000 = 150,000 (derived);
            // change on 2024's 148,500: 100 * (150,000 / 148,500 - 1) = 1.0101 %.
            assertThat(value(values, "outsourcing.jobs", "2025", "MA",
                    "segment=total, client_country=total, activity=total")).isEqualTo(150_000.0);
            assertThat((Double) value(values, "outsourcing.jobs_change_pct", "2025", "MA",
                    "segment=total, client_country=total, activity=total"))
                    .isCloseTo(100.0 * (150_000.0 / 148_500.0 - 1), within(1e-9));
            assertThat(value(values, "outsourcing.jobs", "2025", "MA",
                    "segment=total, client_country=total, activity=total")).isEqualTo(150_000.0);
            // against the fixture's published 151,234: set against it on Data quality in persons, whole,
            // and in % of the published level, which its flag is set by: -1,234 / 151,234 = -0.816 %
            List<Map<String, Object>> quality = book.rows("DataQuality");
            Map<String, Object> jobsCheck = quality.stream().filter(r -> Double.valueOf(151_234).equals(r.get("Publié")))
                    .findFirst().orElseThrow();
            assertThat(jobsCheck).containsEntry("Type", "écart avec la publication").containsEntry("Calculé", 150_000.0)
                    .containsEntry("Unité", "personnes");
            assertThat((Double) jobsCheck.get("Écart d’un niveau (% du publié)"))
                    .isCloseTo(-100.0 * 1_234 / 151_234, within(1e-9));
            int row = book.table("DataQuality").getStartRowIndex() + 1 + quality.indexOf(jobsCheck);
            int computed = book.table("DataQuality").getStartColIndex() + book.headers("DataQuality").indexOf("Calculé");
            assertThat(book.table("DataQuality").getXSSFSheet().getRow(row).getCell(computed).getCellStyle()
                    .getDataFormatString()).isEqualTo("#,##0");
            // the headline figure says so beside its basis, where the reader who quotes it looks
            assertThat(book.rows("Summary")).filteredOn(r -> Double.valueOf(150_000).equals(r.get("Valeur")))
                    .singleElement().satisfies(r -> assertThat(r.get("Origine"))
                            .isEqualTo("calculé ; une publication diffère (voir Qualité des données)"));
            // a figure that matches its publication says nothing more
            assertThat(book.rows("Summary")).filteredOn(r -> r.get("Origine").toString().startsWith("calculé"))
                    .filteredOn(r -> r.get("Origine").toString().contains("diffère")).hasSize(1);
            assertThat(value(values, "outsourcing.jobs", "2025", "TN",
                    "segment=crm, client_country=FR, activity=outbound")).isEqualTo(8_000.0);
            // 2004 is before the range and 2027 after it: neither is shown.
            assertThat(values).noneMatch(r -> r.get("indicator").equals("outsourcing.jobs")
                    && (r.get("period").equals("2004") || r.get("period").equals("2027")));

            // TotalEnergies, effective 1 Jan 2026: counted in 2026 in a run to 2026-10.
            assertThat(value(values, "outsourcing.relocated_jobs_in", "2026", "MA", "origin_country=BE"))
                    .isEqualTo(163.0);
            assertThat(value(values, "outsourcing.relocated_jobs_net", "2026", "MA", "counterpart_country=total"))
                    .isEqualTo(163.0);
            // the range ends in October: "2026" is its first ten months, which the source says
            assertThat(find(values, "outsourcing.relocated_jobs_in", "2026", "MA", "origin_country=BE"))
                    .hasValueSatisfying(r -> assertThat((String) r.get("source"))
                            .startsWith("outsourcing/relocations.csv (janvier – octobre 2026 seulement), ligne "));
            // Orange/SFR, announced in 2010 and never dated since: listed, not pending.
            assertThat(find(values, "outsourcing.pipeline_jobs", "2026", "MA", "direction=in")).isEmpty();
            // 2024: the ES event has no jobs: counted as an event, its jobs not available (an empty
            // value, the source naming the event's line).
            assertThat(value(values, "outsourcing.relocation_events", "2024", "MA", "direction=in")).isEqualTo(1.0);
            assertThat(find(values, "outsourcing.relocated_jobs_in", "2024", "MA", "origin_country=total"))
                    .hasValueSatisfying(r -> {
                        assertThat(r.get("value")).isEqualTo("");
                        assertThat(r.get("source")).isEqualTo("outsourcing/relocations.csv, ligne 5 : test: jobs not published");
                    });
            assertThat(value(values, "outsourcing.relocated_jobs_out", "2024", "MA", "destination_country=SN"))
                    .isEqualTo(70.0);
            assertThat(value(values, "outsourcing.relocated_jobs_net", "2024", "MA", "counterpart_country=SN"))
                    .isEqualTo(-70.0);
            // The cancelled event (FR, 400 jobs) and the FR -> TN move are never counted.
            assertThat(find(values, "outsourcing.relocated_jobs_in", "2024", "MA", "origin_country=FR")).isEmpty();

            // The opt-in law: 2025 call-centre jobs 100,000 x 0.10 / 0.125 / 0.15.
            String law = "regulation=fr-2025-594";
            assertThat(value(values, "outsourcing.jobs_exposed", "2025", "MA", law)).isEqualTo(100_000.0);
            assertThat(value(values, "outsourcing.jobs_at_risk", "2025", "MA", law + ", scenario=low"))
                    .isEqualTo(10_000.0);
            assertThat(value(values, "outsourcing.jobs_at_risk", "2025", "MA", law + ", scenario=central"))
                    .isEqualTo(12_500.0);
            assertThat(value(values, "outsourcing.jobs_at_risk", "2025", "MA", law + ", scenario=high"))
                    .isEqualTo(15_000.0);
            // On the Summary, dated 2025 by the jobs, the law says since when it applies (passed by 2026-10).
            assertThat(book.rows("Summary")).filteredOn(r -> r.get("Indicateur").equals("Emplois menacés"))
                    .extracting(r -> r.get("Ventilation")).containsExactly(
                            "fr-2025-594 (en vigueur depuis le 11 août 2026), scénario bas",
                            "fr-2025-594 (en vigueur depuis le 11 août 2026), scénario central",
                            "fr-2025-594 (en vigueur depuis le 11 août 2026), scénario haut");

            List<Map<String, Object>> jobs = book.rows("OutsourcingJobs");
            assertThat(jobs).anySatisfy(r -> {
                assertThat(r.get("Période")).isEqualTo("2025");
                assertThat(r.get("Code pays")).isEqualTo("MA");
                assertThat(r.get("Pays")).isEqualTo("Maroc");
                assertThat(r.get("Segment")).isEqualTo("tous segments");
                assertThat(r.get("Emplois de l’externalisation (personnes)")).isEqualTo(150_000.0);
            });
            assertThat(jobs).anySatisfy(r -> {
                assertThat(r.get("Pays")).isEqualTo("TN"); // not in geo.csv: its code
                assertThat(r.get("Pays client")).isEqualTo("FR");
                assertThat(r.get("Activité")).isEqualTo("appels sortants");
                assertThat(r.get("Emplois de l’externalisation, variation (%)")).isEqualTo(X);
            });

            // Exports sit beside the jobs of their row; a figure on another scope follows it, its segment saying so.
            List<Map<String, Object>> ma2024 = jobs.stream()
                    .filter(r -> r.get("Période").equals("2024") && r.get("Code pays").equals("MA")
                            && r.get("Pays client").equals("tous pays clients") && r.get("Activité").equals("toutes activités"))
                    .toList();
            assertThat(ma2024).extracting(r -> r.get("Segment")).startsWith("tous segments",
                    "tous segments — ancienne mesure ministérielle (non comparable)");
            assertThat(ma2024.get(0)).containsEntry("Exportations de l’externalisation (millions de MAD)", 26_220.0);
            assertThat(ma2024.get(1)).containsEntry("Exportations de l’externalisation (millions de MAD)", 17_900.0)
                    .containsEntry("Emplois de l’externalisation (personnes)", X);
            assertThat(book.headers("OutsourcingJobs")).doesNotContain("Champ");

            List<Map<String, Object>> events = book.rows("Relocations");
            assertThat(events).extracting(r -> r.get("Client (donneur d’ordre)")).containsExactly("TotalEnergies",
                    "Engie", "Orange; SFR", "Client ES", "Client C", "Client N", "Client O");
            assertThat(events).extracting(r -> r.get("Prise en compte (ou motif d’exclusion)")).containsExactly("comptée",
                    "hors de la période couverte",
                    "annoncée avant la période, date d’effet jamais publiée : ni comptée, ni en attente", "comptée",
                    "annulée",
                    "ne concerne pas le Maroc", "comptée");
            // the year counted as the by-year sheet says it: 2026 is to October
            assertThat(events).extracting(r -> r.get("Année de prise en compte")).containsExactly(
                    "2026 (à fin octobre)", Z, Z, "2024", Z, Z, "2024");
            // each event with its line in the file, which the sources of the sums name
            assertThat(events).extracting(r -> r.get("Ligne")).containsExactly(2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0);
            assertThat(events.get(2).get("Date d’effet")).isEqualTo(X);
            assertThat(events.get(1).get("Prestataire")).isEqualTo(X); // Engie's provider is not given
            assertThat(events.get(3).get("Emplois (personnes)")).isEqualTo(X);
            assertThat(events.get(0).get("Emplois (personnes)")).isEqualTo(163.0);
            // countries named as a reader names them, with the files' code
            assertThat(events.get(0)).containsEntry("Pays d’origine", "Belgique (BE)")
                    .containsEntry("Pays de destination", "Maroc (MA)");
            // and the chart's table says its unit in every heading
            // Spain's 2024 move gives no jobs: no bar, so no column of empty cells either
            assertThat(book.headers("ChartRelocations")).contains("Belgique (BE), personnes")
                    .noneMatch(h -> h.startsWith("Espagne"));
            // its bars are labelled by their table's first column: 2026's says it counts to October only;
            // every year of the range is there, a year without a move a true 0, as on Relocations by year;
            // but 2024, whose Spanish move has no number of jobs (and no bar), is not known to be 0: a gap
            List<Map<String, Object>> chart = book.rows("ChartRelocations");
            assertThat(chart).extracting(r -> r.get("Période")).containsExactly("2021", "2022", "2023", "2024",
                    "2025", "2026 (à fin octobre)");
            assertThat(chart).extracting(r -> r.get("Belgique (BE), personnes"))
                    .containsExactly(0.0, 0.0, 0.0, "", 0.0, 163.0);

            List<Map<String, Object>> byYear = book.rows("RelocationsByYear");
            // every year of the range, one with no move listed a true 0 for all countries
            assertThat(byYear).extracting(r -> r.get("Année de prise d’effet") + " " + r.get("Pays partenaire"))
                    .containsExactly("2021 tous pays", "2022 tous pays", "2023 tous pays", "2024 tous pays",
                            "2024 Espagne (ES)", "2024 Sénégal (SN)", "2025 tous pays",
                            "2026 (à fin octobre) tous pays", "2026 (à fin octobre) Belgique (BE)");
            assertThat(byYear.get(0)).containsValues("2021", 0.0, 0.0, 0.0, 0.0);
            // 2024: in [x] (the ES event has no jobs), out 70 (SN), net [x]; 2 events.
            assertThat(byYear.get(3)).containsValues("2024", "tous pays", X, 70.0, 2.0);
            Map<String, Object> sn = byYear.get(5);
            assertThat(sn.get("Emplois entrants (personnes)")).isEqualTo(0.0); // no event that way: a true 0
            assertThat(sn.get("Solde entrants − sortants (personnes)")).isEqualTo(-70.0);
            // the range ends in October: 2026's moves are those of its first ten months, and it says so
            assertThat(byYear.get(7)).containsValues("2026 (à fin octobre)", 163.0, 0.0, 1.0);

            List<Map<String, Object>> exposure = book.rows("RegulationExposure");
            assertThat(exposure).extracting(r -> r.get("Scénario")).containsExactly("bas", "central", "haut");
            assertThat(exposure).extracting(r -> r.get("Emplois menacés (personnes)"))
                    .containsExactly(10_000.0, 12_500.0, 15_000.0);
            assertThat(exposure).extracting(r -> r.get("Taux de perte (%)")).containsExactly(10.0, 12.5, 15.0);
            assertThat(exposure).allSatisfy(r -> {
                assertThat(r.get("Période des emplois utilisés")).isEqualTo("2025");
                assertThat(r.get("Emplois exposés (personnes)")).isEqualTo(100_000.0);
                assertThat(r.get("Entrée en vigueur")).isEqualTo(LocalDate.of(2026, 8, 11));
            });

            // 2027 is after the range: read, not kept.
            assertThat(book.rows("InputFiles")).anySatisfy(r -> {
                assertThat(r.get("Fichier")).isEqualTo("outsourcing/sector_jobs.csv");
                assertThat(r.get("Format")).isEqualTo("UTF-8, séparateur « , »");
                // 2004 to 2025 kept (2004 for the exposure to a regulation), 2027 outside the range
                assertThat(r).containsEntry("Lignes lues", 9.0).containsEntry("Lignes conservées", 8.0)
                        .containsEntry("Lignes rejetées", 0.0).containsEntry("Lignes hors période", 1.0);
            });
        }
    }

    @Test
    void englishLabels() throws IOException {
        Outcome outcome = run("--lang=en");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        try (WorkbookReader book = new WorkbookReader(
                work.resolve("reports/labour-market-report_2021-01_2026-10_outsourcing_en.xlsx"))) {
            assertThat(book.sheetNames()).contains("Outsourcing jobs", "Relocations", "Relocations by year",
                    "Exposure to regulations");
            // a source's count of jobs moved is often the employees concerned at the origin: said, so that
            // "jobs moved into Morocco" is not read as jobs created there
            assertThat(book.intro("Relocations by year")).contains("sometimes the employees concerned at the origin,"
                    + " sometimes the jobs in Morocco");
            // sparse press figures as bars: lines broken by the years without one were lone markers
            var jobsChart = book.workbook().getSheet("Outsourcing jobs chart").getDrawingPatriarch().getCharts().get(0)
                    .getCTChart().getPlotArea();
            assertThat(jobsChart.getBarChartList()).hasSize(1);
            assertThat(jobsChart.getLineChartList()).isEmpty();
            // bars between the ticks: "midCat" (on tick marks) makes Excel cut the first and last years'
            // clusters in half, which with two series hides the whole of 2022's total bar and 2025's CRM bar
            assertThat(jobsChart.getValAxArray(0).getCrossBetween().getVal().toString()).isEqualTo("between");
            // jobs exposed are the whole slice the loss rates apply to, not the jobs doing the restricted work
            assertThat(book.intro("Exposure to regulations")).contains("They are all the jobs of that slice, not only"
                    + " those doing the work the regulation restricts");
            // the delivery the workbook was made from, in the reader's zone
            LocalDateTime modified = java.nio.file.Files.getLastModifiedTime(
                    FIXTURES.resolve("outsourcing/sector_jobs.csv")).toInstant().atZone(ZoneId.of("Africa/Casablanca"))
                    .toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
            assertThat(book.rows("InputFiles")).anySatisfy(r -> {
                assertThat(r.get("File")).isEqualTo("outsourcing/sector_jobs.csv");
                assertThat(r.get("Format")).isEqualTo("UTF-8, ',' separated");
                assertThat(r.get("Last modified (Africa/Casablanca)")).isEqualTo(modified);
            });
            assertThat(book.rows("InputFiles")).anySatisfy(r -> {
                assertThat(r.get("File")).isEqualTo("targets.csv");
                assertThat(r.get("State")).isEqualTo("absent (optional)");
                assertThat(r.get("Last modified (Africa/Casablanca)")).isEqualTo("[z]");
            });
            assertThat(book.rows("Relocations")).extracting(r -> r.get("Counted, or why not")).contains("counted",
                    "announced before the range, effective date never published: neither counted nor in the pipeline", "cancelled",
                    "outside the range",
                    "not involving Morocco");
            assertThat(book.rows("RegulationExposure")).extracting(r -> r.get("Scenario"))
                    .containsExactly("low", "central", "high");
            // the figures follow what names the row, as their formula reads; what they come from after
            assertThat(book.headers("RegulationExposure")).containsExactly("Regulation id", "Title",
                    "Takes effect on", "Scenario", "Jobs exposed (persons)", "Loss rate (%)", "Jobs at risk (persons)",
                    "Country of the jobs (code)", "Period of the jobs used", "Jobs covered", "Source of the jobs exposed",
                    "Source of the loss rates");
            // the jobs exposed cite where they come from, as the loss rates do
            assertThat(book.rows("RegulationExposure")).allSatisfy(r -> assertThat((String) r.get(
                    "Source of the jobs exposed")).startsWith("outsourcing/sector_jobs.csv 2025"));
        }
    }

    @Test
    void aScenarioWhoseLossRateTheSourceLeavesOutIsShownNotAvailable() throws IOException {
        Path input = copyOfFixturesWith("outsourcing/regulations.csv", ",0.10,0.125,0.15,", ",0.10,,0.15,");

        assertThat(runOn(input, "--lang=en").exitCode()).isZero();

        try (WorkbookReader book = new WorkbookReader(
                work.resolve("reports/labour-market-report_2021-01_2026-10_outsourcing_en.xlsx"))) {
            List<Map<String, Object>> exposure = book.rows("RegulationExposure");
            assertThat(exposure).extracting(r -> r.get("Scenario")).containsExactly("low", "central", "high");
            assertThat(exposure.get(1)).containsEntry("Loss rate (%)", "[x]").containsEntry("Jobs at risk (persons)", "[x]")
                    .containsEntry("Jobs exposed (persons)", 100_000.0);
            assertThat(exposure.get(2)).containsEntry("Jobs at risk (persons)", 15_000.0);
            assertThat(book.intro("Exposure to regulations")).contains("A scenario whose loss rate the regulation leaves"
                    + " empty shows [x] (not stated by its source).");
        }
    }

    @Test
    void thePipelineAtTheEndOfTheRangeIsSaidInWords() throws IOException {
        // To 2025-12, TotalEnergies' 163 jobs (effective 2026-01-01) are announced, not yet effective.
        assertThat(run("--to=2025-12").exitCode()).isZero();

        try (WorkbookReader book = new WorkbookReader(
                work.resolve("reports/labour-market-report_2021-01_2025-12_outsourcing.xlsx"))) {
            assertThat(book.intro("Délocalisations par année")).contains("En attente à fin 2025 (opérations"
                    + " annoncées, pas encore effectives) : vers le Maroc, une opération, 163 emplois ; hors du Maroc,"
                    + " aucune opération.");
            // the Line column, in words an economist reads without stumbling (« telle que la citent les sources des sommes »)
            assertThat(book.intro("Délocalisations")).contains("Ligne : le numéro de la ligne dans le fichier, que citent les"
                    + " sources des totaux par année.");
            // the range said once, in years, as it runs from a January to a December
            assertThat(book.intro("Délocalisations")).contains("quand celle-ci tombe dans la période couverte"
                    + " (2021–2025) ; une année").contains("dont la date d’effet tombe après 2025 ou");
        }
    }

    @Test
    void aYearOfRelocationsKnownOnlyFromAPublishedTotalIsNoTrueZeroOnTheChart() throws IOException {
        // 500 jobs moved in during 2022, all countries, as a publication gives them; no event listed
        Path input = copyOfFixturesWith("published.csv", "indicator,period,geo,breakdown,value,unit,source\n",
                "indicator,period,geo,breakdown,value,unit,source\n"
                        + "outsourcing.relocated_jobs_in,2022,MA,origin_country=total,500,persons,fixture report 2022\n");

        assertThat(runOn(input, "--lang=en").exitCode()).isZero();

        try (WorkbookReader book = new WorkbookReader(
                work.resolve("reports/labour-market-report_2021-01_2026-10_outsourcing_en.xlsx"))) {
            assertThat(book.rows("RelocationsByYear")).anySatisfy(r -> assertThat(r)
                    .containsEntry("Year of effective date", "2022").containsEntry("Jobs moved in (persons)", 500.0));
            // Belgium's share of the 500 is not known: a gap, not the 0 of a year counted from the events
            List<Map<String, Object>> chart = book.rows("ChartRelocations");
            assertThat(chart).extracting(r -> r.get("Period")).startsWith("2021", "2022", "2023");
            assertThat(chart).extracting(r -> r.get("Belgium (BE), persons")).startsWith(0.0, "", 0.0);
        }
    }

    @Test
    void aPendingMoveWithoutAPublishedNumberOfJobsIsNotAvailableNotNone() throws IOException {
        Path input = copyOfFixturesWith("outsourcing/relocations.csv", ",BE,MA,163,announced,", ",BE,MA,,announced,");

        assertThat(runOn(input, "--to=2025-12").exitCode()).isZero();

        try (WorkbookReader book = new WorkbookReader(
                work.resolve("reports/labour-market-report_2021-01_2025-12_outsourcing.xlsx"))) {
            assertThat(book.intro("Délocalisations par année")).contains("vers le Maroc, une opération, [x] emplois ;"
                    + " hors du Maroc, aucune opération.");
        }
    }

    /**
     * An economist's request: the dates of Relocations, Exposure to regulations and Input files were
     * text ("2026-01-01"), which sorts but neither filters by year and month nor reads as the
     * reader's language writes a date. They are Excel dates, in the workbook's language's format,
     * in columns as wide as the date shown; a date the file leaves out stays [x], never day 0.
     */
    @Test
    void datesAreExcelDatesShownAsTheWorkbooksLanguageWritesThem() throws IOException {
        LocalDateTime delivered = java.nio.file.Files.getLastModifiedTime(
                FIXTURES.resolve("outsourcing/sector_jobs.csv")).toInstant().atZone(ZoneId.of("Africa/Casablanca"))
                .toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
        DataFormatter shown = new DataFormatter(Locale.ROOT);
        for (String language : List.of("fr", "en")) {
            boolean french = language.equals("fr");
            Outcome outcome = run("--lang=" + language);
            assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
            try (WorkbookReader book = new WorkbookReader(work.resolve("reports/labour-market-report_2021-01_2026-10_"
                    + "outsourcing" + (french ? "" : "_en") + ".xlsx"))) {
                String format = french ? "dd/mm/yyyy" : "[$-809]d mmm yyyy";
                // relocations.csv, line 2: TotalEnergies, announced 2025-08-25, effective 2026-01-01
                Cell announced = cell(book, "Relocations", 0, french ? "Annoncée le" : "Announced on");
                assertDate(announced, LocalDate.of(2025, 8, 25), format);
                assertThat(shown.formatCellValue(announced)).isEqualTo(french ? "25/08/2025" : "25 Aug 2025");
                Cell effective = cell(book, "Relocations", 0, french ? "Date d’effet" : "Effective on");
                assertDate(effective, LocalDate.of(2026, 1, 1), format);
                assertThat(shown.formatCellValue(effective)).isEqualTo(french ? "01/01/2026" : "1 Jan 2026");
                assertWideEnough(effective, shown.formatCellValue(effective));
                // line 4: Orange; SFR's move, whose effective date was never published
                Cell unknown = cell(book, "Relocations", 2, french ? "Date d’effet" : "Effective on");
                assertThat(unknown.getCellType()).isEqualTo(CellType.STRING);
                assertThat(unknown.getStringCellValue()).isEqualTo(X);

                Cell inForce = cell(book, "RegulationExposure", 0, french ? "Entrée en vigueur" : "Takes effect on");
                assertDate(inForce, LocalDate.of(2026, 8, 11), format);
                assertThat(shown.formatCellValue(inForce)).isEqualTo(french ? "11/08/2026" : "11 Aug 2026");
                assertWideEnough(inForce, shown.formatCellValue(inForce));

                // the delivery a workbook was made from, in the reader's zone, to the second
                String modifiedHeading = (french ? "Dernière modification" : "Last modified") + " (Africa/Casablanca)";
                List<Map<String, Object>> files = book.rows("InputFiles");
                int sectorJobs = files.indexOf(files.stream().filter(r -> r.get(french ? "Fichier" : "File")
                        .equals("outsourcing/sector_jobs.csv")).findFirst().orElseThrow());
                Cell modified = cell(book, "InputFiles", sectorJobs, modifiedHeading);
                assertThat(modified.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(modified)).isTrue();
                assertThat(modified.getLocalDateTimeCellValue()).isEqualTo(delivered);
                assertThat(modified.getCellStyle().getDataFormatString()).isEqualTo(format + " hh:mm:ss");
                assertWideEnough(modified, shown.formatCellValue(modified));
            }
        }
    }

    /** A table's cell, by data row (from 0) and heading. */
    private static Cell cell(WorkbookReader book, String table, int row, String heading) {
        XSSFTable t = book.table(table);
        int column = book.headers(table).indexOf(heading);
        assertThat(column).as(table + " has a column " + heading).isNotNegative();
        return t.getXSSFSheet().getRow(t.getStartRowIndex() + 1 + row).getCell(t.getStartColIndex() + column);
    }

    private static void assertDate(Cell cell, LocalDate day, String format) {
        assertThat(cell.getCellType()).as(cell.getAddress() + " is a number").isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).as(cell.getAddress() + " is a date").isTrue();
        assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(day);
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(format);
    }

    /** Wide enough for the date shown (Excel shows ### in a column too narrow for a date). */
    private static void assertWideEnough(Cell cell, String shown) {
        assertThat(cell.getSheet().getColumnWidth(cell.getColumnIndex()) / 256.0)
                .as(cell.getAddress() + " shows " + shown).isGreaterThanOrEqualTo(shown.length() + 1.0);
    }

    /**
     * A copy of the fixtures under the test's folder with one text of one file replaced; the text
     * must be there, or the test would run on the fixtures unchanged and prove nothing.
     */
    private Path copyOfFixturesWith(String file, String text, String replacement) throws IOException {
        Path input = work.resolve("input");
        try (var files = java.nio.file.Files.walk(FIXTURES)) {
            for (Path from : files.toList()) {
                java.nio.file.Files.copy(from, input.resolve(FIXTURES.relativize(from).toString()));
            }
        }
        Path edited = input.resolve(file);
        String content = java.nio.file.Files.readString(edited);
        assertThat(content).as(file).contains(text);
        java.nio.file.Files.writeString(edited, content.replace(text, replacement));
        return input;
    }
}

package ma.observatory.tourism;

import static ma.observatory.indicator.Indicator.*;
import static ma.observatory.tourism.TourismIndicatorsTest.ALL;
import static ma.observatory.tourism.TourismIndicatorsTest.GEO;
import static ma.observatory.tourism.TourismIndicatorsTest.arrivals;
import static ma.observatory.tourism.TourismIndicatorsTest.arrivalsOf;
import static ma.observatory.tourism.TourismIndicatorsTest.jobs;
import static ma.observatory.tourism.TourismIndicatorsTest.put;
import static ma.observatory.tourism.TourismIndicatorsTest.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ma.observatory.cube.Cube;
import ma.observatory.indicator.Target;
import ma.observatory.job.RunParameters;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;
import ma.observatory.report.CellValue;
import ma.observatory.report.Messages;
import ma.observatory.report.ReportContext;
import ma.observatory.report.ReportSheet;

/** The two tourism sheets, laid out from computed values: labels, [x] and [z], never 0 for missing. */
class TourismSheetsTest {

    private static final PeriodRange RANGE = range("2020", "2024");
    private static final Target T2023 = new Target(TOURISM_ARRIVALS, "MA", Period.year(2023), 13_500_000, null, null,
            "milestone", 2);
    private static final Target T2026 = new Target(TOURISM_ARRIVALS, "MA", Period.year(2026), 17_500_000, null, null,
            "roadmap", 3);
    private static final Target JOBS = new Target(TOURISM_DIRECT_JOBS_CREATED, "MA", Period.year(2026), 80_000,
            Period.year(2023), null, "roadmap jobs", 4);
    private static final List<Target> TARGETS = List.of(T2023, T2026, JOBS);

    private final TourismSheets sheets = new TourismSheets(null);

    /** 2020: 10 million; 2023: 14.5; 2024: 17.4 (8.6 MRE), receipts 112,500; February 2024 by market. */
    private static ReportContext context(String language) {
        Cube cube = arrivals();
        put(cube, "2020", ALL, 10_000_000.0, null, null);
        put(cube, "2021", ALL, 12_000_000.0, null, null);
        put(cube, "2023", ALL, 14_500_000.0, null, null);
        put(cube, "2024", ALL, 17_400_000.0, null, 112_500.0);
        put(cube, "2024", arrivalsOf("mre", "total"), 8_600_000.0, null, null);
        put(cube, "2024-01", arrivalsOf("foreign", "FR"), 122_330.0, null, null);
        put(cube, "2024-02", arrivalsOf("foreign", "FR"), 184_556.0, null, null);
        var result = TourismIndicatorsTest.compute(cube, jobs(), RANGE, TARGETS);
        RunParameters run = new RunParameters(RANGE, Path.of("data"), Path.of("reports"), language, Set.of("tourism"),
                0.01, Set.of("country", "region"), LocalDateTime.of(2025, 1, 1, 2, 0));
        return new ReportContext(1, run, new Messages(language), GEO, result.values(), null);
    }

    /** The table's rows as heading → cell maps. */
    private static List<Map<String, CellValue>> rows(ReportSheet sheet) {
        List<Map<String, CellValue>> rows = new ArrayList<>();
        for (List<CellValue> row : sheet.table().rows()) {
            assertThat(row).hasSameSizeAs(sheet.table().columns());
            Map<String, CellValue> map = new LinkedHashMap<>();
            for (int c = 0; c < row.size(); c++) {
                map.put(sheet.table().columns().get(c).heading(), row.get(c));
            }
            rows.add(map);
        }
        return rows;
    }

    private static double number(CellValue v) {
        assertThat(v).isInstanceOf(CellValue.Number.class);
        return ((CellValue.Number) v).value();
    }

    private static CellValue text(String s) {
        return CellValue.text(s);
    }

    @Test
    void arrivalsSheetInEnglish() {
        ReportSheet sheet = sheets.arrivals(context("en"));

        assertThat(sheet.name()).isEqualTo("Tourism arrivals").hasSizeLessThanOrEqualTo(31);
        assertThat(sheet.table().name()).isEqualTo("TourismArrivals");
        List<Map<String, CellValue>> rows = rows(sheet);
        Map<String, CellValue> all2024 = rows.stream().filter(r -> r.get("Period").equals(text("2024"))
                && r.get("Visitor type").equals(text("all visitors"))).findFirst().orElseThrow();
        assertThat(all2024.get("Market")).isEqualTo(text("all markets"));
        assertThat(all2024.get("Market code")).isEqualTo(text("total"));
        assertThat(number(all2024.get("Tourist arrivals (persons)"))).isEqualTo(17_400_000.0);
        // (17.4 - 14.5) / 14.5 = +20 %
        assertThat(number(all2024.get("Tourist arrivals, change (%)"))).isCloseTo(20.0, within(1e-9));
        assertThat(all2024.get("Tourist arrivals, year to date (persons)")).isEqualTo(CellValue.NOT_APPLICABLE);
        assertThat(all2024.get("Overnight stays (nights)")).isEqualTo(CellValue.NOT_AVAILABLE);
        // 112,500e6 / 17.4e6 = 6,465.5 MAD
        assertThat(number(all2024.get("Receipts per arrival (MAD)"))).isCloseTo(112_500e6 / 17.4e6, within(1e-6));
        // 8.6 / 17.4 = 49.43 %, on the all-visitors row of all markets
        assertThat(number(all2024.get("Share of MRE in arrivals (%)"))).isCloseTo(100 * 8.6 / 17.4,
                within(1e-9));
        assertThat(all2024.get("Market share (%)")).isEqualTo(CellValue.NOT_APPLICABLE);
        assertThat(all2024.get("Basis")).isEqualTo(text("computed"));

        Map<String, CellValue> france = rows.stream().filter(r -> r.get("Period").equals(text("2024-02"))
                && r.get("Market code").equals(text("FR"))).findFirst().orElseThrow();
        assertThat(france.get("Market")).isEqualTo(text("France"));
        assertThat(france.get("Visitor type")).isEqualTo(text("foreign tourists"));
        // 122,330 + 184,556 = 306,886
        assertThat(number(france.get("Tourist arrivals, year to date (persons)"))).isEqualTo(306_886.0);
        assertThat(france.get("Receipts per arrival (MAD)")).isEqualTo(CellValue.NOT_APPLICABLE);
        assertThat(france.get("Share of MRE in arrivals (%)")).isEqualTo(CellValue.NOT_APPLICABLE);
        // no count of all foreign tourists for February: not available, never 0
        assertThat(france.get("Market share (%)")).isEqualTo(CellValue.NOT_AVAILABLE);
        assertThat(france.get("Tourist arrivals, change (%)")).isEqualTo(CellValue.NOT_AVAILABLE);
    }

    @Test
    void arrivalsSheetInFrenchNamesMarketsInFrench() {
        ReportSheet sheet = sheets.arrivals(context("fr"));

        assertThat(sheet.name()).isEqualTo("Arrivées touristiques");
        assertThat(sheet.title()).doesNotContain("'");
        assertThat(rows(sheet)).anySatisfy(r -> {
            assertThat(r.get("Marché émetteur")).isEqualTo(text("France"));
            assertThat(r.get("Type de visiteurs")).isEqualTo(text("touristes étrangers"));
        });
        assertThat(rows(sheet)).anySatisfy(r -> assertThat(r.get("Marché émetteur")).isEqualTo(text("tous marchés")));
    }

    @Test
    void targetsSheetInEnglish() {
        ReportSheet sheet = sheets.targets(context("en"), TARGETS);

        assertThat(sheet.name()).isEqualTo("Tourism targets");
        assertThat(sheet.table().name()).isEqualTo("TourismTargets");
        // a jobs-created target shows [x] while no later figure measures it: the sheet says what would
        assertThat(String.join(" ", sheet.lines()))
                .contains("(jobs created since a baseline year need a jobs figure for that year and for a later one)");
        List<Map<String, CellValue>> rows = rows(sheet);
        assertThat(rows).hasSize(3);

        // 2026: latest actual 17.4 million in 2024; trend from 2021 (12 million): (17.4 / 12)^(1/3) = 1.45^(1/3)
        Map<String, CellValue> ahead = rows.get(1);
        assertThat(ahead.get("Indicator")).isEqualTo(text("Tourist arrivals"));
        assertThat(ahead.get("Target year")).isEqualTo(text("2026"));
        assertThat(number(ahead.get("Target value"))).isEqualTo(17_500_000.0);
        assertThat(ahead.get("Unit")).isEqualTo(text("persons"));
        assertThat(ahead.get("Baseline year")).isEqualTo(CellValue.NOT_AVAILABLE);
        assertThat(number(ahead.get("Latest actual value"))).isEqualTo(17_400_000.0);
        assertThat(ahead.get("Period of the latest actual")).isEqualTo(text("2024"));
        assertThat(ahead.get("Basis of the latest actual")).isEqualTo(text("computed"));
        // 17.4 / 17.5 = 99.43 %
        assertThat(number(ahead.get("Share of the target reached (%)"))).isCloseTo(100 * 17.4 / 17.5, within(1e-9));
        // (17.5 / 17.4)^(1/2) - 1 = 0.2869 %
        assertThat(number(ahead.get("Growth per year needed (%)")))
                .isCloseTo(100 * (Math.sqrt(17.5 / 17.4) - 1), within(1e-9));
        // 1.45^(1/3) - 1 = 13.185 %
        assertThat(number(ahead.get("Growth per year over the last three years (%)")))
                .isCloseTo(100 * (Math.cbrt(1.45) - 1), within(1e-9));
        // 17.4 x 1.45^(2/3) = 22.313 million
        assertThat(number(ahead.get("Projection for the target year")))
                .isCloseTo(17.4e6 * Math.pow(1.45, 2.0 / 3), within(1e-3));
        assertThat(ahead.get("On track")).isEqualTo(text("yes"));
        assertThat(number(ahead.get("On track (1 or 0)"))).isEqualTo(1.0);
        assertThat(ahead.get("Source of the target")).isEqualTo(text("roadmap"));

        // 2023: the target year is past: nothing needed, nothing projected ([z]); reached.
        Map<String, CellValue> past = rows.get(0);
        assertThat(past.get("Growth per year needed (%)")).isEqualTo(CellValue.NOT_APPLICABLE);
        assertThat(past.get("Growth per year over the last three years (%)")).isEqualTo(CellValue.NOT_APPLICABLE);
        assertThat(past.get("Projection for the target year")).isEqualTo(CellValue.NOT_APPLICABLE);
        // its year is behind us: reached or not, "on track" would look forward
        assertThat(past.get("On track")).isEqualTo(text("reached"));
        assertThat(number(past.get("On track (1 or 0)"))).isEqualTo(1.0);

        // Jobs created since 2023: no jobs file figures at all, so everything is [x], never 0; a growth
        // rate never applies to such a running total: [z].
        Map<String, CellValue> jobs = rows.get(2);
        assertThat(jobs.get("Baseline year")).isEqualTo(text("2023"));
        for (String h : List.of("Latest actual value", "Period of the latest actual", "Share of the target reached (%)",
                "Projection for the target year", "On track", "On track (1 or 0)")) {
            assertThat(jobs.get(h)).as(h).isEqualTo(CellValue.NOT_AVAILABLE);
        }
        for (String h : List.of("Growth per year needed (%)", "Growth per year over the last three years (%)")) {
            assertThat(jobs.get(h)).as(h).isEqualTo(CellValue.NOT_APPLICABLE);
        }
    }

    @Test
    void aTargetWhoseYearEndsBeforeTheRangeIsNotListed() {
        Target old = new Target(TOURISM_ARRIVALS, "MA", Period.year(2019), 14_000_000, null, null, "vision 2020", 6);

        List<Map<String, CellValue>> rows = rows(sheets.targets(context("en"), List.of(old, T2023, T2026)));

        // the range starts in 2020: 2019's arrivals are not read, so the target would show [x] throughout
        assertThat(rows).extracting(r -> r.get("Target year")).containsExactly(text("2023"), text("2026"));
        // nor is it a point of the chart: its years start with the range's arrivals, 2020
        ReportSheet chart = sheets.arrivalsAgainstTargets(context("en"), List.of(old, T2023, T2026));
        assertThat(chart.table().rows().iterator().next().get(0)).isEqualTo(CellValue.number(2020.0,
                ma.observatory.report.NumberStyle.YEAR));
    }

    @Test
    void targetsSheetInFrenchSaysOuiOrNon() {
        Target far = new Target(TOURISM_ARRIVALS, "MA", Period.year(2030), 60_000_000, null, null, "ambition", 5);
        ReportSheet sheet = sheets.targets(contextWith(far), List.of(T2026, far));

        assertThat(sheet.name()).isEqualTo("Objectifs touristiques");
        List<Map<String, CellValue>> rows = rows(sheet);
        assertThat(rows.get(0).get("En bonne voie")).isEqualTo(text("oui"));
        // 17.4 x 1.45^(6/3) = 36.58 million < 60: off track
        assertThat(rows.get(1).get("En bonne voie")).isEqualTo(text("non"));
        assertThat(number(rows.get(1).get("En bonne voie (1 ou 0)"))).isEqualTo(0.0);
        assertThat(rows.get(1).get("Unité")).isEqualTo(text("personnes"));
    }

    @Test
    void aTotalSoFarReachingATargetIsItsLatestActualAsOnTheSummary() {
        // 2024: 17.4 million, short of 17.5 for 2026; January to March 2025: 3 x 6 million = 18 million
        PeriodRange range = range("2020-01", "2025-03");
        Cube cube = arrivals();
        put(cube, "2021", ALL, 12_000_000.0, null, null);
        put(cube, "2024", ALL, 17_400_000.0, null, null);
        for (String month : List.of("2025-01", "2025-02", "2025-03")) {
            put(cube, month, ALL, 6_000_000.0, null, null);
        }
        var result = TourismIndicatorsTest.compute(cube, jobs(), range, List.of(T2026));
        RunParameters run = new RunParameters(range, Path.of("data"), Path.of("reports"), "en", Set.of("tourism"),
                0.01, Set.of("country", "region"), LocalDateTime.of(2025, 4, 1, 2, 0));

        Map<String, CellValue> row = rows(sheets.targets(new ReportContext(1, run, new Messages("en"), GEO,
                result.values(), null), List.of(T2026))).get(0);

        assertThat(number(row.get("Latest actual value"))).isEqualTo(18_000_000.0);
        // the months it adds up, as on the Summary: "2025-03" read as March alone
        assertThat(row.get("Period of the latest actual")).isEqualTo(text("2025\u00a0(to\u00a0March)"));
        // 18 / 17.5 = 102.86 %: reached in 2025, so nothing is needed and nothing projected
        assertThat(number(row.get("Share of the target reached (%)"))).isCloseTo(100 * 18 / 17.5, within(1e-9));
        for (String h : List.of("Growth per year needed (%)", "Growth per year over the last three years (%)",
                "Projection for the target year")) {
            assertThat(row.get(h)).as(h).isEqualTo(CellValue.NOT_APPLICABLE);
        }
        assertThat(row.get("On track")).isEqualTo(text("reached"));
        assertThat(number(row.get("On track (1 or 0)"))).isEqualTo(1.0);
    }

    @Test
    void aFullYearReachingATargetBeforeItsYearReadsReachedAsOnTheSummary() {
        // 2025: 19.8 million, above the 17.5 million of 2026 a year ahead
        PeriodRange range = range("2022", "2025");
        Cube cube = arrivals();
        put(cube, "2022", ALL, 10_900_000.0, null, null);
        put(cube, "2025", ALL, 19_800_000.0, null, null);
        var result = TourismIndicatorsTest.compute(cube, jobs(), range, List.of(T2026));
        RunParameters run = new RunParameters(range, Path.of("data"), Path.of("reports"), "en", Set.of("tourism"),
                0.01, Set.of("country", "region"), LocalDateTime.of(2026, 2, 1, 2, 0));

        Map<String, CellValue> row = rows(sheets.targets(new ReportContext(1, run, new Messages("en"), GEO,
                result.values(), null), List.of(T2026))).get(0);

        assertThat(row.get("Period of the latest actual")).isEqualTo(text("2025"));
        // 19.8 / 17.5 = 113.14 %; no "growth needed" of -11.6 %, no projection from the 2022 rebound
        assertThat(number(row.get("Share of the target reached (%)"))).isCloseTo(100 * 19.8 / 17.5, within(1e-9));
        for (String h : List.of("Growth per year needed (%)", "Growth per year over the last three years (%)",
                "Projection for the target year")) {
            assertThat(row.get(h)).as(h).isEqualTo(CellValue.NOT_APPLICABLE);
        }
        assertThat(row.get("On track")).isEqualTo(text("reached"));
        assertThat(number(row.get("On track (1 or 0)"))).isEqualTo(1.0);
    }

    private static ReportContext contextWith(Target extra) {
        Cube cube = arrivals();
        put(cube, "2021", ALL, 12_000_000.0, null, null);
        put(cube, "2024", ALL, 17_400_000.0, null, null);
        var result = TourismIndicatorsTest.compute(cube, jobs(), RANGE, List.of(T2026, extra));
        RunParameters run = new RunParameters(RANGE, Path.of("data"), Path.of("reports"), "fr", Set.of("tourism"),
                0.01, Set.of("country", "region"), LocalDateTime.of(2025, 1, 1, 2, 0));
        return new ReportContext(1, run, new Messages("fr"), GEO, result.values(), null);
    }
}

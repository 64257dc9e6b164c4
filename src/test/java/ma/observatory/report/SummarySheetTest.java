package ma.observatory.report;

import static ma.observatory.indicator.Indicator.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.CellTable;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.job.RunParameters;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

/** The Summary's breakdowns are said in words; the Data sheet keeps the codes. */
class SummarySheetTest {

    private final Messages en = new Messages("en");
    private final Messages fr = new Messages("fr");

    private static String words(Messages m, String breakdown) {
        CellValue cell = SummarySheet.inWords(m, Breakdown.parse(breakdown), (dimension, code, said) -> said);
        return cell instanceof CellValue.Text text ? text.text() : ((CellValue.Symbol) cell).shorthand();
    }

    @Test
    void aYearTheRangeEndsInsideSaysHowFarItGoes() {
        PeriodRange toJanuary = new PeriodRange(Period.month(2022, 1), Period.month(2027, 1));
        // the jobs moved in by moves effective in January 2027 only
        assertThat(WideTables.periodSaid(en, Period.year(2027), toJanuary)).isEqualTo("2027\u00a0(to\u00a0January)");
        assertThat(WideTables.periodSaid(fr, Period.year(2027), toJanuary)).isEqualTo("2027\u00a0(à\u00a0fin\u00a0janvier)");
        assertThat(WideTables.periodSaid(en, Period.year(2026), toJanuary)).isEqualTo("2026");
        assertThat(WideTables.periodSaid(en, Period.month(2027, 1), toJanuary)).isEqualTo("2027-01");
        // a range starting inside the year leaves its first months out too
        PeriodRange marchToOctober = new PeriodRange(Period.month(2026, 3), Period.month(2026, 10));
        assertThat(WideTables.periodSaid(en, Period.year(2026), marchToOctober)).isEqualTo("2026\u00a0(March\u00a0to\u00a0October)");
        assertThat(WideTables.periodSaid(fr, Period.year(2026), new PeriodRange(Period.month(2026, 3),
                Period.month(2027, 6)))).isEqualTo("2026\u00a0(depuis\u00a0mars)");
        // a range of one month names it once (found by a re-check: "July to July")
        PeriodRange july = new PeriodRange(Period.month(2026, 7), Period.month(2026, 7));
        assertThat(WideTables.periodSaid(en, Period.year(2026), july)).isEqualTo("2026\u00a0(July)");
        assertThat(WideTables.periodSaid(fr, Period.year(2026), july)).isEqualTo("2026\u00a0(juillet)");
        // and so does a range of the year's first month, or of its last (found by a second re-check)
        assertThat(WideTables.periodSaid(en, Period.year(2026), new PeriodRange(Period.month(2026, 1),
                Period.month(2026, 1)))).isEqualTo("2026\u00a0(January)");
        assertThat(WideTables.periodSaid(en, Period.year(2025), new PeriodRange(Period.month(2025, 12),
                Period.month(2025, 12)))).isEqualTo("2025\u00a0(December)");
    }

    @Test
    void aYearSaidWithItsMonthsIsKeptOnOneLineOfAnIntroductionAndHeldInACellWithOrdinarySpaces() {
        String said = WideTables.periodSaid(fr, Period.year(2026),
                new PeriodRange(Period.month(2021, 1), Period.month(2026, 10)));
        String sentence = "Une année que la période ne couvre qu’en partie ne compte que ses mois dans la période : "
                + said + ".";
        // the width at which the line used to end on « 2026 », its months on the next
        int width = sentence.indexOf(said) + 4;
        assertThat(XlsxRenderer.wrap(sentence, width)).last().isEqualTo(said + ".");
        // a reader's search, typed with ordinary spaces, finds it in the cell
        assertThat(XlsxRenderer.clip(said)).isEqualTo("2026 (à fin octobre)");
    }

    @Test
    void onlyTheMovesCountedInTheRangesMonthsSayHowFarTheirYearGoes() {
        // from 2025-03: the moves of 2025 in the range are from March on; the jobs at risk are 2025's whole
        Breakdown in = Breakdown.of("origin_country", "total");
        Breakdown low = Breakdown.parse("regulation=fr-2025-594, scenario=low");
        List<IndicatorValue> values = List.of(
                new IndicatorValue(OUTSOURCING_RELOCATED_IN, Period.year(2025), "MA", in, 50.0, Basis.COMPUTED, "r"),
                new IndicatorValue(OUTSOURCING_JOBS_AT_RISK, Period.year(2025), "MA", low, 10_000.0, Basis.COMPUTED,
                        "e"));
        RunParameters run = new RunParameters(new PeriodRange(Period.month(2025, 3), Period.month(2025, 12)),
                Path.of("data"), Path.of("reports"), "en", Set.of("outsourcing"), 0.01, Set.of("country", "region"),
                LocalDateTime.of(2026, 1, 1, 2, 0));

        List<List<CellValue>> rows = rows(SummarySheet.build(new ReportContext(1, run, en, CellTable.morocco("MA-01"),
                values, null), "MA"));

        assertThat(rows).extracting(r -> r.get(3)).containsExactly(CellValue.text("2025\u00a0(from\u00a0March)"),
                CellValue.text("2025"));
    }

    @Test
    void totalsGoWithoutSaying() {
        assertThat(words(en, "area=total, sex=female, age_group=15+")).isEqualTo("women");
        assertThat(words(fr, "area=total, sex=female, age_group=15+")).isEqualTo("femmes");
        assertThat(words(en, "area=total, sex=total, age_group=15-24")).isEqualTo("15-24");
        assertThat(words(fr, "area=total, sex=total, age_group=15-24")).isEqualTo("15-24 ans");
        assertThat(words(fr, "area=urban, sex=total, age_group=45+")).isEqualTo("urbain, 45 ans et plus");
        assertThat(words(en, "area=total, sex=total, age_group=45+")).isEqualTo("45 and over");
        assertThat(words(en, "segment=crm, client_country=total, activity=total"))
                .isEqualTo("CRM (customer relations, call centres)");
    }

    @Test
    void theGroupsAGapComparesAreSaidInWords() {
        assertThat(words(fr, "area=urban minus rural, sex=total, age_group=15+")).isEqualTo("urbain moins rural");
        assertThat(words(fr, "area=total, sex=female minus male, age_group=15+")).isEqualTo("femmes moins hommes");
        assertThat(words(fr, "area=total, sex=total, age_group=15-24 minus 15+"))
                .isEqualTo("15-24 ans moins 15 ans et plus");
        assertThat(words(en, "area=total, sex=female minus male, age_group=15+")).isEqualTo("women minus men");
    }

    @Test
    void onlyTotalsSayTheFirstDimensionsTotal() {
        assertThat(words(en, "sector=total")).isEqualTo("all sectors");
        assertThat(words(fr, "area=total, sex=total, age_group=15+")).isEqualTo("ensemble");
        assertThat(words(en, "origin_country=total")).isEqualTo("all"); // no word of its own
        // direct tourism jobs have no breakdown: "all" as well, not [z] among the totals' words
        assertThat(words(fr, "")).isEqualTo("ensemble");
    }

    @Test
    void scenariosAndTargetsAreSpelledOut() {
        assertThat(words(en, "regulation=fr-2025-594, scenario=low")).isEqualTo("fr-2025-594, low scenario");
        assertThat(words(fr, "regulation=fr-2025-594, scenario=high")).isEqualTo("fr-2025-594, scénario haut");
        assertThat(words(en, "target=tourism.arrivals 2026")).isEqualTo("target: tourist arrivals, 2026");
        assertThat(words(en, "target=tourism.unknown 2026")).isEqualTo("tourism.unknown 2026");
    }

    @Test
    void aFigureWithoutBreakdownIsAllAsTheTotalsAre() {
        assertThat(words(en, "")).isEqualTo("all");
    }

    @Test
    void onTrackReadsAsYesOrNoAndKeepsItsNumber() {
        Period y2025 = Period.year(2025);
        List<IndicatorValue> values = List.of(new IndicatorValue(TOURISM_TARGET_ON_TRACK, y2025, "MA",
                Breakdown.parse("target=tourism.arrivals 2026"), 1.0, Basis.COMPUTED, "targets.csv"));
        RunParameters run = new RunParameters(new PeriodRange(y2025, y2025), Path.of("data"), Path.of("reports"), "fr",
                Set.of("tourism"), 0.01, Set.of("country", "region"), LocalDateTime.of(2026, 1, 1, 2, 0));
        ReportContext context = new ReportContext(1, run, fr, CellTable.morocco("MA-01"), values, null);

        List<List<CellValue>> rows = new java.util.ArrayList<>();
        SummarySheet.build(context, "MA").table().rows().forEach(rows::add);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get(4)).isEqualTo(CellValue.number(1.0, NumberStyle.YES_NO));
            assertThat(r.get(5)).isEqualTo(CellValue.text("oui (1) ou non (0)"));
        });
    }

    @Test
    void theYearSoFarIsAHeadlineWithItsChange() {
        Breakdown all = Breakdown.of("visitor_type", "total", "market", "total");
        List<IndicatorValue> values = List.of(
                new IndicatorValue(TOURISM_RECEIPTS_YTD, Period.month(2025, 8), "MA", all, 87_600.0, Basis.PUBLISHED, "OC"),
                new IndicatorValue(TOURISM_RECEIPTS_YTD, Period.month(2025, 10), "MA", all, 113_260.0, Basis.PUBLISHED, "OC"),
                new IndicatorValue(TOURISM_RECEIPTS_YTD_CHANGE, Period.month(2025, 10), "MA", all, 16.7, Basis.COMPUTED,
                        "OC"));
        RunParameters run = new RunParameters(new PeriodRange(Period.month(2025, 1), Period.month(2025, 10)),
                Path.of("data"), Path.of("reports"), "en", Set.of("tourism"), 0.01, Set.of("country", "region"),
                LocalDateTime.of(2025, 11, 1, 2, 0));
        ReportContext context = new ReportContext(1, run, en, CellTable.morocco("MA-01"), values, null);

        List<List<CellValue>> rows = new java.util.ArrayList<>();
        SummarySheet.build(context, "MA").table().rows().forEach(rows::add);

        // the latest month, with its change against the same months of 2024
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get(0)).isEqualTo(CellValue.text("Tourism receipts, year to date"));
            // the months it adds up, as the relocations' "2026 (to October)" says them
            assertThat(r.get(3)).isEqualTo(CellValue.text("2025\u00a0(to\u00a0October)"));
            assertThat(r.get(4)).isEqualTo(CellValue.number(113_260.0, NumberStyle.INTEGER));
            assertThat(r.get(6)).isEqualTo(CellValue.number(16.7, NumberStyle.CHANGE));
        });
    }

    @Test
    void theYearSoFarIsLeftOutWhenTheFullYearIsThere() {
        Breakdown all = Breakdown.of("visitor_type", "total", "market", "total");
        List<IndicatorValue> values = List.of(
                new IndicatorValue(TOURISM_ARRIVALS, Period.year(2025), "MA", all, 19_800_000.0, Basis.COMPUTED, "a"),
                new IndicatorValue(TOURISM_ARRIVALS_YTD, Period.month(2025, 11), "MA", all, 18_000_000.0,
                        Basis.PUBLISHED, "b"),
                new IndicatorValue(TOURISM_RECEIPTS, Period.year(2024), "MA", all, 112_500.0, Basis.COMPUTED, "c"),
                new IndicatorValue(TOURISM_RECEIPTS_YTD, Period.month(2025, 11), "MA", all, 124_000.0, Basis.PUBLISHED,
                        "d"));
        RunParameters run = new RunParameters(new PeriodRange(Period.year(2024), Period.month(2025, 11)),
                Path.of("data"), Path.of("reports"), "en", Set.of("tourism"), 0.01, Set.of("country", "region"),
                LocalDateTime.of(2025, 12, 1, 2, 0));
        ReportContext context = new ReportContext(1, run, en, CellTable.morocco("MA-01"), values, null);

        List<List<CellValue>> rows = new java.util.ArrayList<>();
        SummarySheet.build(context, "MA").table().rows().forEach(rows::add);

        // arrivals to November 2025 are inside the full year 2025 shown above them; receipts' are not
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(CellValue.text("Tourist arrivals"),
                CellValue.text("Tourism receipts"), CellValue.text("Tourism receipts, year to date"));
    }

    @Test
    void aTargetAlreadyReachedSaysSoBesideEachOfItsFigures() {
        Breakdown target2026 = Breakdown.parse("target=tourism.arrivals 2026");
        Breakdown target2030 = Breakdown.parse("target=tourism.arrivals 2030");
        Period y2025 = Period.year(2025);
        List<IndicatorValue> values = List.of(
                new IndicatorValue(TOURISM_TARGET_PROGRESS, y2025, "MA", target2026, 113.1, Basis.COMPUTED, "t"),
                new IndicatorValue(TOURISM_TARGET_ON_TRACK, y2025, "MA", target2026, 1.0, Basis.COMPUTED, "t"),
                new IndicatorValue(TOURISM_TARGET_PROGRESS, y2025, "MA", target2030, 76.2, Basis.COMPUTED, "t"),
                new IndicatorValue(TOURISM_TARGET_ON_TRACK, y2025, "MA", target2030, 1.0, Basis.COMPUTED, "t"));
        RunParameters run = new RunParameters(new PeriodRange(y2025, y2025), Path.of("data"), Path.of("reports"), "fr",
                Set.of("tourism"), 0.01, Set.of("country", "region"), LocalDateTime.of(2026, 1, 1, 2, 0));
        ReportContext context = new ReportContext(1, run, fr, CellTable.morocco("MA-01"), values, null);

        List<List<CellValue>> rows = new java.util.ArrayList<>();
        SummarySheet.build(context, "MA").table().rows().forEach(rows::add);

        // the target behind us says so, and has no "on track": that is for a target still to reach
        assertThat(rows).extracting(r -> r.get(1)).containsExactly(
                CellValue.text("objectif\u202f: arrivées touristiques, 2026 (atteint en 2025)"),
                CellValue.text("objectif\u202f: arrivées touristiques, 2030"),
                CellValue.text("objectif\u202f: arrivées touristiques, 2030"));
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(
                CellValue.text("Taux de réalisation de l’objectif"), CellValue.text("Taux de réalisation de l’objectif"),
                CellValue.text("En bonne voie"));
    }

    @Test
    void aShareOfATargetAtOneHundredPercentButForRoundingIsReached() {
        // twelve months of receipts adding up to 119,999.99999999999 for a target of 120,000: reached,
        // as the Tourism targets sheet says, not "on track"
        Breakdown receipts2026 = Breakdown.parse("target=tourism.receipts_mad_million 2026");
        List<IndicatorValue> values = List.of(
                new IndicatorValue(TOURISM_TARGET_PROGRESS, Period.year(2025), "MA", receipts2026,
                        100.0 * 119_999.99999999999 / 120_000, Basis.COMPUTED, "t"),
                new IndicatorValue(TOURISM_TARGET_ON_TRACK, Period.year(2025), "MA", receipts2026, 1.0,
                        Basis.COMPUTED, "t"));

        assertThat(rows(englishSummary(values, Period.month(2026, 10), "tourism"))).singleElement().satisfies(r ->
                assertThat(r.get(1)).isEqualTo(CellValue.text("target: tourism receipts, 2026 (reached in 2025)")));
    }

    @Test
    void aTargetWhoseYearFellShortSaysNotReached() {
        Breakdown target2024 = Breakdown.parse("target=tourism.arrivals 2024");
        List<IndicatorValue> values = List.of(new IndicatorValue(TOURISM_TARGET_PROGRESS, Period.year(2024), "MA",
                target2024, 96.7, Basis.COMPUTED, "t"));

        assertThat(rows(englishSummary(values, Period.month(2026, 10), "tourism"))).singleElement().satisfies(r ->
                assertThat(r.get(1)).isEqualTo(CellValue.text("target: tourist arrivals, 2024 (not reached)")));
    }

    @Test
    void aTargetJudgedOnItsOwnYearHasNoOnTrackRowOnlyOneAheadDoes() {
        Breakdown target2023 = Breakdown.parse("target=tourism.arrivals 2023");
        Breakdown target2030 = Breakdown.parse("target=tourism.arrivals 2030");
        List<IndicatorValue> values = List.of(
                new IndicatorValue(TOURISM_TARGET_PROGRESS, Period.year(2023), "MA", target2023, 107.4, Basis.COMPUTED,
                        "t"),
                new IndicatorValue(TOURISM_TARGET_ON_TRACK, Period.year(2023), "MA", target2023, 1.0, Basis.COMPUTED,
                        "t"),
                new IndicatorValue(TOURISM_TARGET_ON_TRACK, Period.year(2025), "MA", target2030, 1.0, Basis.COMPUTED,
                        "t"));
        List<List<CellValue>> rows = rows(englishSummary(values, Period.month(2026, 10), "tourism"));

        // 2023's milestone: "reached in 2023" beside its share says it; "on track" looks forward, to 2030 only
        assertThat(rows).extracting(r -> r.get(0), r -> r.get(1)).containsExactly(
                tuple(CellValue.text("Share of the target reached"),
                        CellValue.text("target: tourist arrivals, 2023 (reached in 2023)")),
                tuple(CellValue.text("On track"), CellValue.text("target: tourist arrivals, 2030")));
    }

    @Test
    void aTargetReachedByALaterYearsTotalSoFarSaysSoRatherThanTheLastFullYearsShare() {
        Breakdown receipts2026 = Breakdown.parse("target=tourism.receipts_mad_million 2026");
        List<IndicatorValue> values = List.of(
                new IndicatorValue(TOURISM_TARGET_PROGRESS, Period.year(2024), "MA", receipts2026, 93.75,
                        Basis.COMPUTED, "t"),
                new IndicatorValue(TOURISM_TARGET_REQUIRED_CAGR, Period.year(2024), "MA", receipts2026, 3.3,
                        Basis.COMPUTED, "t"),
                // judged from 2024: reached since, it would read "no" beside "reached in 2025"
                new IndicatorValue(TOURISM_TARGET_ON_TRACK, Period.year(2024), "MA", receipts2026, 0.0,
                        Basis.COMPUTED, "t"),
                // MAD 124 bn to November 2025 for 120 bn: 103.3 %
                new IndicatorValue(TOURISM_TARGET_PROGRESS, Period.month(2025, 11), "MA", receipts2026, 103.3,
                        Basis.COMPUTED, "t | year to date 2025-11"));
        List<List<CellValue>> rows = rows(englishSummary(values, Period.month(2026, 10), "tourism"));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get(1)).isEqualTo(CellValue.text("target: tourism receipts, 2026 (reached in 2025)"));
            // the months it adds up, not "2025-11", read as November alone
            assertThat(r.get(3)).isEqualTo(CellValue.text("2025\u00a0(to\u00a0November)"));
            assertThat(r.get(4)).isEqualTo(CellValue.number(103.3, NumberStyle.DECIMAL));
        });
    }

    @Test
    void theUrbanAndRuralUnemploymentRatesFollowTheNationalOneAsInTheHcpsNotes() {
        List<IndicatorValue> values = List.of(
                new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.year(2025), "MA",
                        Breakdown.parse("area=rural, sex=total, age_group=15+"), 6.6, Basis.PUBLISHED, "HCP"),
                new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.year(2025), "MA",
                        Breakdown.parse("area=urban, sex=total, age_group=15+"), 16.4, Basis.PUBLISHED, "HCP"),
                new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.year(2025), "MA",
                        Breakdown.parse("area=total, sex=total, age_group=15+"), 13.0, Basis.PUBLISHED, "HCP"),
                new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.year(2025), "MA",
                        Breakdown.parse("area=total, sex=female, age_group=15+"), 20.5, Basis.PUBLISHED, "HCP"));

        List<List<CellValue>> rows = rows(englishSummary(values, Period.month(2026, 10), "employment"));

        assertThat(rows).extracting(r -> r.get(1), r -> r.get(4)).containsExactly(
                tuple(CellValue.text("total"), CellValue.number(13.0, NumberStyle.DECIMAL)),
                tuple(CellValue.text("urban"), CellValue.number(16.4, NumberStyle.DECIMAL)),
                tuple(CellValue.text("rural"), CellValue.number(6.6, NumberStyle.DECIMAL)),
                tuple(CellValue.text("women"), CellValue.number(20.5, NumberStyle.DECIMAL)));
    }

    /** The English Summary of a run of one domain from January 2022 to {@code to}, made the night after. */
    @Test
    void theLatestQuarterAfterTheLatestYearHasARowUnderTheYears() {
        // autumn 2026: 2025's rate (published) and the survey's quarters of 2026, the latest 2026-Q3
        Breakdown all = Breakdown.parse("area=total, sex=total, age_group=15+");
        Breakdown graduates = Breakdown.parse("area=total, sex=total, age_group=15+, education=graduate");
        List<IndicatorValue> values = List.of(
                new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.year(2025), "MA", all, 13.0, Basis.PUBLISHED,
                        "HCP annual note"),
                new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.quarter(2025, 4), "MA", all, 12.9,
                        Basis.COMPUTED, "lfs"),
                new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.quarter(2026, 2), "MA", all, 12.8,
                        Basis.COMPUTED, "lfs"),
                new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.quarter(2026, 3), "MA", all, 12.56,
                        Basis.COMPUTED, "lfs Q3"),
                new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, Period.quarter(2026, 3), "MA", all, -0.37,
                        Basis.COMPUTED, "lfs Q3"),
                // the activity rate has no quarter after its year: its year alone
                new IndicatorValue(EMPLOYMENT_ACTIVITY_RATE, Period.year(2025), "MA", all, 43.5, Basis.PUBLISHED, "HCP"),
                new IndicatorValue(EMPLOYMENT_ACTIVITY_RATE, Period.quarter(2025, 3), "MA", all, 43.2, Basis.COMPUTED,
                        "lfs"),
                // underemployment and the graduates' unemployment, whose latest year is older, as in the
                // shipped data: 2024, then 2025-Q3
                new IndicatorValue(EMPLOYMENT_UNDEREMPLOYMENT_RATE, Period.year(2024), "MA", all, 10.1,
                        Basis.PUBLISHED, "HCP"),
                new IndicatorValue(EMPLOYMENT_UNDEREMPLOYMENT_RATE, Period.quarter(2025, 3), "MA", all, 11.1,
                        Basis.PUBLISHED, "HCP T3"),
                new IndicatorValue(EMPLOYMENT_UNDEREMPLOYMENT_RATE_CHANGE, Period.quarter(2025, 3), "MA", all, 1.1,
                        Basis.PUBLISHED, "HCP T3"),
                new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.year(2024), "MA", graduates, 19.6,
                        Basis.PUBLISHED, "HCP"),
                new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE, Period.quarter(2025, 3), "MA", graduates, 19.0,
                        Basis.PUBLISHED, "HCP T3"));

        List<List<CellValue>> rows = rows(englishSummary(values, Period.month(2026, 10), "employment"));

        assertThat(rows).extracting(r -> r.get(0), r -> r.get(3), r -> r.get(4), r -> r.get(6)).containsExactly(
                tuple(CellValue.text("Unemployment rate"), CellValue.text("2025"), CellValue.number(13.0, NumberStyle.DECIMAL),
                        CellValue.number(null, NumberStyle.CHANGE)),
                tuple(CellValue.text("Unemployment rate"), CellValue.text("2026-Q3"),
                        CellValue.number(12.56, NumberStyle.DECIMAL), CellValue.number(-0.37, NumberStyle.CHANGE)),
                // the graduates' rate with the other unemployment rates
                tuple(CellValue.text("Unemployment rate"), CellValue.text("2024"),
                        CellValue.number(19.6, NumberStyle.DECIMAL), CellValue.number(null, NumberStyle.CHANGE)),
                tuple(CellValue.text("Unemployment rate"), CellValue.text("2025-Q3"),
                        CellValue.number(19.0, NumberStyle.DECIMAL), CellValue.number(null, NumberStyle.CHANGE)),
                tuple(CellValue.text("Activity rate"), CellValue.text("2025"), CellValue.number(43.5, NumberStyle.DECIMAL),
                        CellValue.number(null, NumberStyle.CHANGE)),
                tuple(CellValue.text("Underemployment rate"), CellValue.text("2024"),
                        CellValue.number(10.1, NumberStyle.DECIMAL), CellValue.number(null, NumberStyle.CHANGE)),
                tuple(CellValue.text("Underemployment rate"), CellValue.text("2025-Q3"),
                        CellValue.number(11.1, NumberStyle.DECIMAL), CellValue.number(1.1, NumberStyle.CHANGE)));
    }

    private ReportSheet englishSummary(List<IndicatorValue> values, Period to, String domain) {
        RunParameters run = new RunParameters(new PeriodRange(Period.month(2022, 1), to), Path.of("data"),
                Path.of("reports"), "en", Set.of(domain), 0.01, Set.of("country", "region"),
                to.lastMonth().plusMonths(1).atDay(1).atTime(2, 0));
        return SummarySheet.build(new ReportContext(1, run, en, CellTable.morocco("MA-01"), values, null), "MA");
    }

    private static List<List<CellValue>> rows(ReportSheet sheet) {
        List<List<CellValue>> rows = new java.util.ArrayList<>();
        sheet.table().rows().forEach(rows::add);
        return rows;
    }

    @Test
    void aTargetWhoseYearIsOverStaysInViewWhileItsFigureIsAwaited() {
        // January 2027: the range covers 2026 whole, whose arrivals are not in the data yet
        Period y2026 = Period.year(2026);
        Breakdown target2026 = Breakdown.parse("target=tourism.arrivals 2026");
        List<IndicatorValue> values = List.of(
                new IndicatorValue(TOURISM_TARGET_PROGRESS, y2026, "MA", target2026, null, Basis.COMPUTED,
                        "target: targets.csv line 3 | no annual figure for 2026 in the data"),
                new IndicatorValue(TOURISM_TARGET_PROGRESS, Period.year(2025), "MA",
                        Breakdown.parse("target=tourism.arrivals 2030"), 76.2, Basis.COMPUTED, "t"));
        ReportSheet sheet = englishSummary(values, Period.month(2026, 12), "tourism");
        List<List<CellValue>> rows = rows(sheet);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).satisfies(r -> {
            assertThat(r.get(1)).isEqualTo(CellValue.text("target: tourist arrivals, 2026"));
            assertThat(r.get(3)).isEqualTo(CellValue.text("2026"));
            assertThat(r.get(4)).isEqualTo(CellValue.NOT_AVAILABLE);
            assertThat(r.get(9)).isEqualTo(CellValue.text("target: targets.csv line 3 | no annual figure for 2026 in the data"));
        });
        assertThat(sheet.lines()).contains("A target whose year is over is judged on that year’s own figure, not on"
                + " an earlier year’s: [x] until that figure is in the data (2026).");
    }

    @Test
    void theLatestYearOfMovesIsShownEvenWhenItsJobsAreNotKnown() {
        // 2026: one move into Morocco without a jobs figure; 2024's 120 is not the latest
        Breakdown all = Breakdown.of("origin_country", "total");
        List<IndicatorValue> values = List.of(
                new IndicatorValue(OUTSOURCING_RELOCATED_IN, Period.year(2024), "MA", all, 120.0, Basis.COMPUTED,
                        "relocations.csv, line 4"),
                new IndicatorValue(OUTSOURCING_RELOCATED_IN, Period.year(2026), "MA", all, null, Basis.COMPUTED,
                        "relocations.csv, lines 2, 3"));
        ReportSheet sheet = englishSummary(values, Period.month(2026, 10), "outsourcing");
        List<List<CellValue>> rows = rows(sheet);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get(3)).isEqualTo(CellValue.text("2026\u00a0(to\u00a0October)")); // the moves so far
            assertThat(r.get(4)).isEqualTo(CellValue.NOT_AVAILABLE);
        });
        // no target awaited: the range, then what [x] and [z] mean
        assertThat(sheet.lines()).hasSize(2).last().isEqualTo("[x]: not available; [z]: not applicable (see the Cover).");
    }

    @Test
    void theIntroSaysHowOnTrackIsJudgedAndWhenAnExposureIsOlderThanTheRange() {
        Period y2025 = Period.year(2025);
        Breakdown central = Breakdown.of("regulation", "fr-2025-594", "scenario", "central");
        List<IndicatorValue> values = List.of(
                new IndicatorValue(TOURISM_TARGET_ON_TRACK, y2025, "MA", Breakdown.parse("target=tourism.arrivals 2030"),
                        1.0, Basis.COMPUTED, "t"),
                new IndicatorValue(OUTSOURCING_JOBS_AT_RISK, Period.year(2012), "MA", central, 5_000.0, Basis.COMPUTED,
                        "sector_jobs.csv 2012"),
                // moves effective after the range, pending: not an exposure from before it
                new IndicatorValue(OUTSOURCING_PIPELINE_JOBS, Period.year(2026), "MA", Breakdown.of("direction", "in"),
                        163.0, Basis.COMPUTED, "relocations.csv"));
        RunParameters run = new RunParameters(new PeriodRange(Period.year(2023), y2025), Path.of("data"),
                Path.of("reports"), "en", Set.of("outsourcing", "tourism"), 0.01, Set.of("country", "region"),
                LocalDateTime.of(2026, 1, 1, 2, 0));

        List<String> lines = SummarySheet.build(new ReportContext(1, run, en, CellTable.morocco("MA-01"), values, null),
                "MA").lines();

        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("On track: the latest actual, carried to the target year at its growth"
                + " over the last three years");
        assertThat(lines.get(2)).isEqualTo("Jobs exposed to a regulation, and at risk, are counted at the latest"
                + " period before it takes effect among those the run reads (up to the end of its range), even where"
                + " that period precedes the range: 2012 here. A range that ends later may use a later figure.");

        // Jobs at risk from inside the range, and no target: what they are dated by, not the exposure's age.
        List<String> plain = SummarySheet.build(new ReportContext(1, run, en, CellTable.morocco("MA-01"),
                List.of(new IndicatorValue(OUTSOURCING_JOBS_AT_RISK, y2025, "MA", central, 5_000.0, Basis.COMPUTED,
                        "sector_jobs.csv 2025")), null), "MA").lines();
        assertThat(plain).hasSize(3);
        assertThat(plain.get(1)).isEqualTo("Jobs at risk are dated by the jobs they are counted from (the latest period"
                + " before the regulation takes effect), not by the regulation, whose date follows its id.");
    }

    @Test
    void aChangeTakenFromAPublicationSaysSoBesideTheValuesBasis() {
        Period y2023 = Period.year(2023);
        List<IndicatorValue> values = List.of(
                new IndicatorValue(TOURISM_DIRECT_JOBS, y2023, "MA", Breakdown.NONE, 827_000.0, Basis.COMPUTED, "jobs.csv"),
                new IndicatorValue(TOURISM_DIRECT_JOBS_CHANGE, y2023, "MA", Breakdown.NONE, 3.0, Basis.PUBLISHED, "press"),
                new IndicatorValue(TOURISM_ARRIVALS, y2023, "MA", Breakdown.of("visitor_type", "total", "market", "total"),
                        14_500_000.0, Basis.COMPUTED, "arrivals.csv"));
        RunParameters run = new RunParameters(new PeriodRange(y2023, y2023), Path.of("data"), Path.of("reports"), "fr",
                Set.of("tourism"), 0.01, Set.of("country", "region"), LocalDateTime.of(2024, 1, 1, 2, 0));
        ReportContext context = new ReportContext(1, run, fr, CellTable.morocco("MA-01"), values, null);

        List<List<CellValue>> rows = new java.util.ArrayList<>();
        SummarySheet.build(context, "MA").table().rows().forEach(rows::add);

        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo(CellValue.text("Emplois touristiques directs"));
            assertThat(r.get(8)).isEqualTo(CellValue.text("calculé\u202f; variation\u202f: publié"));
        });
        // arrivals without a change: the value's basis alone
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo(CellValue.text("Arrivées touristiques"));
            assertThat(r.get(8)).isEqualTo(CellValue.text("calculé"));
        });
    }

    /**
     * The Change column is a headline figure too: a computed change that Data quality lists as
     * differing from a publication (the HCP's -0.8 points against the -0.3 the rates give) says so.
     */
    @Test
    void aComputedChangeThatDataQualityFlagsSaysSoBesideItsBasis() {
        Breakdown all = Breakdown.parse("area=total, sex=total, age_group=15+");
        Period y2025 = Period.year(2025);
        IndicatorValue rate = new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE, y2025, "MA", all, 13.0, Basis.PUBLISHED,
                "HCP");
        IndicatorValue change = new IndicatorValue(EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, y2025, "MA", all, -0.3,
                Basis.COMPUTED, "labour_force.csv");
        RunParameters run = new RunParameters(new PeriodRange(y2025, y2025), Path.of("data"), Path.of("reports"), "en",
                Set.of("employment"), 0.01, Set.of("country", "region"), LocalDateTime.of(2026, 1, 1, 2, 0));
        ReportContext context = new ReportContext(1, run, en, CellTable.morocco("MA-01"), List.of(rate, change), null);
        // as ReportBuilder does for a flagged, computed change
        context.useFlaggedAgainstPublication(Set.of(change.key()));

        assertThat(rows(SummarySheet.build(context, "MA"))).filteredOn(r -> r.get(1).equals(CellValue.text("total")))
                .singleElement().satisfies(r -> assertThat(r.get(8)).isEqualTo(
                        CellValue.text("published; change: computed; a publication differs (see Data quality)")));
    }
    /**
     * A published change that prevails (tourism's, from the ministry's mostly rounded totals) but
     * that the files' own totals contradict, as Data quality flags it: +7.5 % published, +7.1 %
     * from the receipts beside it. Said beside the change's basis.
     */
    @Test
    void aPublishedChangeTheFilesContradictSaysSoBesideItsBasis() {
        Breakdown all = Breakdown.of("visitor_type", "total", "market", "total");
        Period y2024 = Period.year(2024);
        IndicatorValue receipts = new IndicatorValue(TOURISM_RECEIPTS, y2024, "MA", all, 112_500.0, Basis.COMPUTED,
                "arrivals.csv");
        IndicatorValue change = new IndicatorValue(TOURISM_RECEIPTS_CHANGE, y2024, "MA", all, 7.5, Basis.PUBLISHED,
                "published.csv line 690");
        RunParameters run = new RunParameters(new PeriodRange(y2024, y2024), Path.of("data"), Path.of("reports"), "en",
                Set.of("tourism"), 0.01, Set.of("country", "region"), LocalDateTime.of(2025, 1, 1, 2, 0));
        ReportContext context = new ReportContext(1, run, en, CellTable.morocco("MA-01"), List.of(receipts, change),
                null);
        // as ReportBuilder does for every flag beyond rounding
        context.useFlaggedAgainstPublication(Set.of(change.key()));

        assertThat(rows(SummarySheet.build(context, "MA"))).singleElement().satisfies(r -> assertThat(r.get(8))
                .isEqualTo(CellValue.text("computed; change: published (the files give another figure: see Data"
                        + " quality)")));
    }
}

package ma.observatory.outsourcing;

import static ma.observatory.indicator.Indicator.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.CellTable;
import ma.observatory.cube.Cube;
import ma.observatory.geo.GeoReference;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.indicator.PublishedFigure;
import ma.observatory.indicator.SourceText;
import ma.observatory.indicator.Reconciliation;
import ma.observatory.outsourcing.OutsourcingIndicators.Counting;
import ma.observatory.outsourcing.OutsourcingIndicators.Direction;
import ma.observatory.outsourcing.OutsourcingIndicators.Result;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

/** Jobs in persons; every expected value is worked out by hand in the comment next to it. */
class OutsourcingIndicatorsTest {

    private static final Breakdown CRM = jobsSlice("crm", "total", "total");
    private static final Breakdown ALL = jobsSlice("total", "total", "total");
    private static final GeoReference GEO = CellTable.morocco("MA-01");
    /** The nightly window of a run in November 2026. */
    private static final PeriodRange NIGHTLY = range("2021-01", "2026-10");

    // ---- helpers ----

    private static PeriodRange range(String from, String to) {
        return new PeriodRange(Period.parse(from), Period.parse(to));
    }

    private static Breakdown jobsSlice(String segment, String client, String activity) {
        return Breakdown.of("segment", segment, "client_country", client, "activity", activity);
    }

    private static Cube.Key key(String period, String geo, Breakdown b) {
        return new Cube.Key(Period.parse(period), geo, b);
    }

    private static Cube jobs() {
        return Cube.empty(SectorJobsDataset.INSTANCE);
    }

    private static RelocationEvent event(long line, String announced, String effective, String origin,
                                         String destination, Double jobs, RelocationStatus status) {
        return new RelocationEvent(line, LocalDate.parse(announced), effective == null ? null : LocalDate.parse(effective),
                "client " + line, "provider " + line, origin, destination, jobs, status, "", "", "", "source " + line);
    }

    private static Regulation regulation(String id, String effective, Breakdown slice, Double low, Double central,
                                         Double high) {
        return new Regulation(id, "FR", "title of " + id, LocalDate.parse(effective),
                Segment.valueOf(slice.get("segment").toUpperCase(Locale.ROOT)), slice.get("client_country"),
                Activity.valueOf(slice.get("activity").toUpperCase(Locale.ROOT)), null, low, central, high, "CEO interview", 2);
    }

    private static Result compute(Cube jobs, List<RelocationEvent> events, List<Regulation> regulations,
                                  PeriodRange range, PublishedFigure... published) {
        return OutsourcingIndicators.compute(jobs, events, regulations, List.of(published), range, GEO);
    }

    private static Result relocations(PeriodRange range, RelocationEvent... events) {
        return compute(jobs(), List.of(events), List.of(), range);
    }

    private static Optional<IndicatorValue> find(Result r, Indicator id, String period, String geo, Breakdown b) {
        List<IndicatorValue> found = r.values().stream().filter(v -> v.indicator() == id
                && v.period().equals(Period.parse(period)) && v.geo().equals(geo) && v.breakdown().equals(b)).toList();
        assertThat(found).as("values for " + id.id() + " " + period + " " + geo + " " + b).hasSizeLessThan(2);
        return found.stream().findFirst();
    }

    private static double value(Result r, Indicator id, String period, String geo, Breakdown b) {
        IndicatorValue v = find(r, id, period, geo, b)
                .orElseThrow(() -> new AssertionError("no " + id.id() + " " + period + " " + geo + " " + b + " in "
                        + r.values()));
        assertThat(v.value()).isNotNull();
        return v.value();
    }

    private static double ma(Result r, Indicator id, String year, String dim, String value) {
        return value(r, id, year, "MA", Breakdown.of(dim, value));
    }

    private static boolean hasMa(Result r, Indicator id, String year, String dim, String value) {
        return find(r, id, year, "MA", Breakdown.of(dim, value)).isPresent();
    }

    private static PublishedFigure published(Indicator id, String period, Breakdown b, double value, long line) {
        return new PublishedFigure(id, Period.parse(period), "MA", b, value, "published note", line);
    }

    // ---- jobs ----

    @Test
    void jobsAndTheirChangeOverAYear() {
        Cube jobs = jobs();
        jobs.put(key("2024", "MA", CRM), "ANRT", 80_000.0);
        jobs.put(key("2025", "MA", CRM), "RFI", 100_000.0);
        jobs.put(key("2025", "TN", CRM), "INS", 20_000.0);

        Result r = compute(jobs, List.of(), List.of(), range("2025", "2025"));

        assertThat(value(r, OUTSOURCING_JOBS, "2025", "MA", CRM)).isEqualTo(100_000.0);
        assertThat(value(r, OUTSOURCING_JOBS, "2025", "TN", CRM)).isEqualTo(20_000.0); // a country, not a geo.csv place
        // 100 * (100,000 / 80,000 - 1) = 25 %
        assertThat(value(r, OUTSOURCING_JOBS_CHANGE, "2025", "MA", CRM)).isCloseTo(25.0, within(1e-9));
        assertThat(find(r, OUTSOURCING_JOBS_CHANGE, "2025", "MA", CRM).orElseThrow().source())
                .isEqualTo("change between 2024 (computed: ANRT) and 2025 (computed: RFI)");
        // No 2024 for Tunisia: no change. 2024 itself is before the range: read for the change, not shown.
        assertThat(find(r, OUTSOURCING_JOBS_CHANGE, "2025", "TN", CRM)).isEmpty();
        assertThat(find(r, OUTSOURCING_JOBS, "2024", "MA", CRM)).isEmpty();
        assertThat(r.values()).allSatisfy(v -> assertThat(v.basis()).isEqualTo(Basis.COMPUTED));
        assertThat(find(r, OUTSOURCING_JOBS, "2025", "MA", CRM).orElseThrow().source()).isEqualTo("RFI");
    }

    @Test
    void aQuarterIsComparedWithTheSameQuarterAYearEarlier() {
        Cube jobs = jobs();
        jobs.put(key("2024-Q3", "MA", CRM), "a", 50_000.0);
        jobs.put(key("2025-Q2", "MA", CRM), "b", 52_000.0);
        jobs.put(key("2025-Q3", "MA", CRM), "c", 45_000.0);

        Result r = compute(jobs, List.of(), List.of(), range("2025-Q1", "2025-Q4"));

        // 100 * (45,000 / 50,000 - 1) = -10 %
        assertThat(value(r, OUTSOURCING_JOBS_CHANGE, "2025-Q3", "MA", CRM)).isCloseTo(-10.0, within(1e-9));
        assertThat(find(r, OUTSOURCING_JOBS_CHANGE, "2025-Q2", "MA", CRM)).isEmpty();
    }

    @Test
    void allSegmentsAreDerivedOnlyFromTheFourSegments() {
        Cube jobs = jobs();
        jobs.put(key("2025", "MA", jobsSlice("crm", "total", "total")), "s", 100_000.0);
        jobs.put(key("2025", "MA", jobsSlice("bpo", "total", "total")), "s", 20_000.0);
        jobs.put(key("2025", "MA", jobsSlice("ito", "total", "total")), "s", 25_000.0);
        jobs.put(key("2025", "MA", jobsSlice("kpo", "total", "total")), "s", 3_500.0);
        // 2024: kpo missing, so the three given do not make the sector.
        jobs.put(key("2024", "MA", jobsSlice("crm", "total", "total")), "s", 90_000.0);
        jobs.put(key("2024", "MA", jobsSlice("bpo", "total", "total")), "s", 18_000.0);
        jobs.put(key("2024", "MA", jobsSlice("ito", "total", "total")), "s", 22_000.0);

        OutsourcingIndicators.deriveSectorJobsTotals(jobs);

        // 100,000 + 20,000 + 25,000 + 3,500 = 148,500
        assertThat(jobs.get(key("2025", "MA", ALL), "jobs")).isEqualTo(148_500.0);
        assertThat(jobs.keys()).doesNotContain(key("2024", "MA", ALL));
    }

    @Test
    void allActivitiesAreDerivedFromTheThreeButAllClientCountriesNever() {
        Cube jobs = jobs();
        jobs.put(key("2025", "MA", jobsSlice("crm", "FR", "inbound")), "s", 30_000.0);
        jobs.put(key("2025", "MA", jobsSlice("crm", "FR", "outbound")), "s", 15_000.0);
        jobs.put(key("2025", "MA", jobsSlice("crm", "FR", "back_office")), "s", 5_000.0);
        jobs.put(key("2025", "MA", jobsSlice("crm", "BE", "total")), "s", 4_000.0);
        jobs.put(key("2025", "MA", jobsSlice("crm", "ES", "inbound")), "s", 7_000.0); // alone: no total

        OutsourcingIndicators.deriveSectorJobsTotals(jobs);

        // 30,000 + 15,000 + 5,000 = 50,000
        assertThat(jobs.get(key("2025", "MA", jobsSlice("crm", "FR", "total")), "jobs")).isEqualTo(50_000.0);
        assertThat(jobs.keys()).doesNotContain(key("2025", "MA", jobsSlice("crm", "ES", "total")));
        // FR + BE are not all client countries.
        assertThat(jobs.keys()).noneMatch(k -> "total".equals(k.breakdown().get("client_country")));
    }

    @Test
    void aGivenTotalWinsOverTheSumOfItsParts() {
        Cube jobs = jobs();
        jobs.put(key("2025", "MA", jobsSlice("crm", "total", "total")), "s", 100_000.0);
        jobs.put(key("2025", "MA", jobsSlice("bpo", "total", "total")), "s", 20_000.0);
        jobs.put(key("2025", "MA", jobsSlice("ito", "total", "total")), "s", 25_000.0);
        jobs.put(key("2025", "MA", jobsSlice("kpo", "total", "total")), "s", 3_500.0);
        jobs.put(key("2025", "MA", ALL), "ministry", 150_000.0);

        OutsourcingIndicators.deriveSectorJobsTotals(jobs);

        assertThat(jobs.get(key("2025", "MA", ALL), "jobs")).isEqualTo(150_000.0);
        // 150,000 against 148,500: 1,500 apart, over 0.5 and 0.2 %: a warning.
        assertThat(jobs.warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("148500"));
    }

    @Test
    void publishedJobsFillGapsAndAreComparedWithComputedOnes() {
        Cube jobs = jobs();
        jobs.put(key("2025", "MA", CRM), "RFI", 100_000.0);
        jobs.put(key("2024", "MA", ALL), "conference", 148_500.0);

        Result r = compute(jobs, List.of(), List.of(), range("2025", "2025"),
                published(OUTSOURCING_JOBS, "2025", CRM, 120_000, 40),
                published(OUTSOURCING_JOBS, "2025", ALL, 160_000, 41));

        assertThat(value(r, OUTSOURCING_JOBS, "2025", "MA", CRM)).isEqualTo(100_000.0);
        IndicatorValue all = find(r, OUTSOURCING_JOBS, "2025", "MA", ALL).orElseThrow();
        assertThat(all.value()).isEqualTo(160_000.0);
        assertThat(all.basis()).isEqualTo(Basis.PUBLISHED);
        // The change of a published year is computed: 100 * (160,000 / 148,500 - 1) = 7.7441 %
        assertThat(value(r, OUTSOURCING_JOBS_CHANGE, "2025", "MA", ALL))
                .isCloseTo(100.0 * (160_000.0 / 148_500.0 - 1), within(1e-9));
        // 100,000 against 120,000: 16.7 % apart, over 0.5 %: flagged.
        Reconciliation check = r.checks().stream().filter(c -> c.indicator() == OUTSOURCING_JOBS).findFirst()
                .orElseThrow();
        assertThat(check.computed()).isEqualTo(100_000.0);
        assertThat(check.published()).isEqualTo(120_000.0);
        assertThat(check.flagged()).isTrue();
    }

    @Test
    void exportsPublishedForTwoYearsGetTheirChangeComparedWithAPublishedOne() {
        Breakdown kpo = jobsSlice("kpo", "total", "total");
        Breakdown bpo = jobsSlice("bpo", "total", "total");

        Result r = compute(jobs(), List.of(), List.of(), range("2024", "2024"),
                published(OUTSOURCING_EXPORTS, "2023", kpo, 78, 10),
                published(OUTSOURCING_EXPORTS, "2024", kpo, 48, 11),
                published(OUTSOURCING_EXPORTS, "2023", bpo, 2_000, 12),
                published(OUTSOURCING_EXPORTS, "2024", bpo, 2_334, 13),
                published(OUTSOURCING_EXPORTS_CHANGE, "2024", bpo, 17, 14));

        // KPO: 100 * (48 / 78 - 1) = -38.46 %, computed from the two publications and saying so
        IndicatorValue change = find(r, OUTSOURCING_EXPORTS_CHANGE, "2024", "MA", kpo).orElseThrow();
        assertThat(change.value()).isCloseTo(100.0 * (48.0 / 78 - 1), within(1e-9));
        assertThat(change.basis()).isEqualTo(Basis.COMPUTED);
        // both from one note: cited once, not its text twice
        assertThat(change.source()).isEqualTo("change between 2023 and 2024 (published: published note)");
        // BPO: 16.7 % computed against the published 17 %: within 0.1 point? no, 0.3 apart: flagged
        assertThat(value(r, OUTSOURCING_EXPORTS_CHANGE, "2024", "MA", bpo)).isCloseTo(16.7, within(1e-9));
        Reconciliation check = r.checks().stream().filter(c -> c.indicator() == OUTSOURCING_EXPORTS_CHANGE)
                .findFirst().orElseThrow();
        assertThat(check.published()).isEqualTo(17.0);
        assertThat(check.flagged()).isTrue();
    }

    // ---- relocations ----

    @Test
    void jobsMovedInOutAndNetByYearAndCountry() {
        Result r = relocations(NIGHTLY,
                event(2, "2023-11-01", "2024-03-01", "FR", "MA", 800.0, RelocationStatus.EFFECTIVE),
                event(3, "2024-01-10", "2024-06-01", "ES", "MA", 240.0, RelocationStatus.EFFECTIVE),
                event(4, "2024-02-01", "2024-09-01", "MA", "PT", 100.0, RelocationStatus.EFFECTIVE),
                event(5, "2024-02-01", "2024-10-01", "MA", "FR", 50.0, RelocationStatus.EFFECTIVE),
                event(6, "2024-03-01", "2024-11-15", "FR", "MA", 60.0, RelocationStatus.EFFECTIVE),
                event(7, "2024-01-01", "2024-05-01", "FR", "PT", 999.0, RelocationStatus.EFFECTIVE)); // no Morocco

        // In 2024: FR 800 + 60 = 860, ES 240; total 1,100.
        assertThat(ma(r, OUTSOURCING_RELOCATED_IN, "2024", "origin_country", "FR")).isEqualTo(860.0);
        assertThat(ma(r, OUTSOURCING_RELOCATED_IN, "2024", "origin_country", "ES")).isEqualTo(240.0);
        assertThat(ma(r, OUTSOURCING_RELOCATED_IN, "2024", "origin_country", "total")).isEqualTo(1_100.0);
        // Out: PT 100, FR 50; total 150.
        assertThat(ma(r, OUTSOURCING_RELOCATED_OUT, "2024", "destination_country", "PT")).isEqualTo(100.0);
        assertThat(ma(r, OUTSOURCING_RELOCATED_OUT, "2024", "destination_country", "FR")).isEqualTo(50.0);
        assertThat(ma(r, OUTSOURCING_RELOCATED_OUT, "2024", "destination_country", "total")).isEqualTo(150.0);
        // Net: FR 860 - 50 = 810; ES 240 - 0 = 240; PT 0 - 100 = -100; total 1,100 - 150 = 950.
        assertThat(ma(r, OUTSOURCING_RELOCATED_NET, "2024", "counterpart_country", "FR")).isEqualTo(810.0);
        assertThat(ma(r, OUTSOURCING_RELOCATED_NET, "2024", "counterpart_country", "ES")).isEqualTo(240.0);
        assertThat(ma(r, OUTSOURCING_RELOCATED_NET, "2024", "counterpart_country", "PT")).isEqualTo(-100.0);
        assertThat(ma(r, OUTSOURCING_RELOCATED_NET, "2024", "counterpart_country", "total")).isEqualTo(950.0);
        // Events: in 3 (lines 2, 3, 6), out 2 (lines 4, 5); line 7 does not involve Morocco.
        assertThat(ma(r, OUTSOURCING_RELOCATION_EVENTS, "2024", "direction", "in")).isEqualTo(3.0);
        assertThat(ma(r, OUTSOURCING_RELOCATION_EVENTS, "2024", "direction", "out")).isEqualTo(2.0);
        assertThat(hasMa(r, OUTSOURCING_RELOCATED_IN, "2024", "origin_country", "PT")).isFalse();
        assertThat(r.values()).allSatisfy(v -> {
            assertThat(v.geo()).isEqualTo("MA");
            assertThat(v.source()).doesNotContain("7");
        });
        // The range's other years moved nothing: 0, not a gap, for all countries only
        assertThat(r.values()).filteredOn(v -> !v.period().equals(Period.year(2024)))
                .extracting(v -> v.period().toString()).containsOnly("2021", "2022", "2023", "2025", "2026");
        assertNothingMoved(r.values().stream().filter(v -> !v.period().equals(Period.year(2024))).toList());
        assertThat(find(r, OUTSOURCING_RELOCATED_IN, "2024", "MA", Breakdown.of("origin_country", "FR")).orElseThrow()
                .source()).isEqualTo("outsourcing/relocations.csv, line 2: source 2 | line 6: source 6");
    }

    @Test
    void anEventIsCountedInTheYearOfItsEffectiveDateEvenWhenTheRangeEndsInsideThatYear() {
        // TotalEnergies: announced 25 Aug 2025, calls handled from Morocco from 1 Jan 2026; a run to 2026-10.
        RelocationEvent total = event(2, "2025-08-25", "2026-01-01", "BE", "MA", 163.0, RelocationStatus.ANNOUNCED);

        Result r = relocations(NIGHTLY, total);

        // Its date has come within the range: counted in 2026 although still "announced" in the file.
        assertThat(ma(r, OUTSOURCING_RELOCATED_IN, "2026", "origin_country", "BE")).isEqualTo(163.0);
        assertThat(ma(r, OUTSOURCING_RELOCATED_IN, "2026", "origin_country", "total")).isEqualTo(163.0);
        // No event out of Morocco in 2026: 0 jobs out, a true count; net 163 - 0 = 163.
        assertThat(ma(r, OUTSOURCING_RELOCATED_OUT, "2026", "destination_country", "total")).isEqualTo(0.0);
        assertThat(ma(r, OUTSOURCING_RELOCATED_NET, "2026", "counterpart_country", "BE")).isEqualTo(163.0);
        assertThat(ma(r, OUTSOURCING_RELOCATION_EVENTS, "2026", "direction", "in")).isEqualTo(1.0);
        assertThat(ma(r, OUTSOURCING_RELOCATION_EVENTS, "2026", "direction", "out")).isEqualTo(0.0);
        assertThat(r.values()).noneMatch(v -> v.indicator() == OUTSOURCING_PIPELINE_JOBS);
        // "2026" is January to October: its source says so, the Data sheet showing the year's code only
        assertThat(find(r, OUTSOURCING_RELOCATED_IN, "2026", "MA", Breakdown.of("origin_country", "BE")).orElseThrow()
                .source()).isEqualTo("outsourcing/relocations.csv (January to October 2026 only), line 2: source 2");
        // and a range starting inside a year counts its months from there
        Result fromMarch = relocations(range("2026-03", "2026-12"), total);
        assertThat(find(fromMarch, OUTSOURCING_RELOCATED_OUT, "2026", "MA", Breakdown.of("destination_country", "total"))
                .orElseThrow().source()).isEqualTo("outsourcing/relocations.csv (March to December 2026 only): no event");
        // a range of one month names it once
        Result october = relocations(range("2026-10", "2026-10"), total);
        assertThat(find(october, OUTSOURCING_RELOCATED_OUT, "2026", "MA", Breakdown.of("destination_country", "total"))
                .orElseThrow().source()).isEqualTo("outsourcing/relocations.csv (October 2026 only): no event");
        // A run to 2025-12 sees it in the pipeline instead.
        Result before = relocations(range("2021-01", "2025-12"), total);
        assertThat(ma(before, OUTSOURCING_PIPELINE_JOBS, "2025", "direction", "in")).isEqualTo(163.0);
        assertNothingMoved(before.values().stream().filter(v -> v.indicator() != OUTSOURCING_PIPELINE_JOBS).toList());
    }

    /** Values of years the range covers with no move listed: 0 jobs and 0 events, for all countries. */
    private static void assertNothingMoved(List<IndicatorValue> values) {
        assertThat(values).isNotEmpty().allSatisfy(v -> {
            assertThat(v.value()).isZero();
            assertThat(v.breakdown().toString()).matches("(origin|destination|counterpart)_country=total|direction=.*");
            // the nightly range covers January to October of its last year
            assertThat(v.source()).isEqualTo(v.period().year() == 2026
                    ? "outsourcing/relocations.csv (January to October 2026 only): no event"
                    : "outsourcing/relocations.csv: no event");
        });
    }

    @Test
    void anEventAnnouncedInsideTheRangeButEffectiveAfterItIsInThePipelineNotCounted() {
        Result r = relocations(NIGHTLY,
                event(2, "2026-06-01", "2027-01-01", "BE", "MA", 500.0, RelocationStatus.ANNOUNCED),
                event(3, "2026-02-01", null, "FR", "MA", 1_200.0, RelocationStatus.ANNOUNCED), // date not published
                event(4, "2026-09-01", "2027-03-01", "MA", "SN", 80.0, RelocationStatus.ANNOUNCED),
                event(5, "2026-11-02", "2027-01-01", "FR", "MA", 70.0, RelocationStatus.ANNOUNCED), // after the range
                event(6, "2026-05-01", "2027-01-01", "ES", "MA", 30.0, RelocationStatus.EFFECTIVE)); // not announced

        // Pipeline, in the year of the range's end: in 500 + 1,200 = 1,700; out 80.
        assertThat(ma(r, OUTSOURCING_PIPELINE_JOBS, "2026", "direction", "in")).isEqualTo(1_700.0);
        assertThat(ma(r, OUTSOURCING_PIPELINE_JOBS, "2026", "direction", "out")).isEqualTo(80.0);
        assertNothingMoved(r.values().stream().filter(v -> v.indicator() != OUTSOURCING_PIPELINE_JOBS).toList());
        assertThat(OutsourcingIndicators.classify(
                event(5, "2026-11-02", "2027-01-01", "FR", "MA", 70.0, RelocationStatus.ANNOUNCED), NIGHTLY).counting())
                .isEqualTo(Counting.OUTSIDE_RANGE);
    }

    @Test
    void aPendingEventWithoutItsNumberOfJobsMakesThePipelineNotAvailable() {
        Result r = relocations(NIGHTLY,
                event(2, "2026-06-01", "2027-01-01", "BE", "MA", 500.0, RelocationStatus.ANNOUNCED),
                event(3, "2026-07-01", "2027-02-01", "FR", "MA", null, RelocationStatus.ANNOUNCED));

        // 500 + an unknown number: not 500, not 0
        IndicatorValue pipeline = find(r, OUTSOURCING_PIPELINE_JOBS, "2026", "MA", Breakdown.of("direction", "in"))
                .orElseThrow();
        assertThat(pipeline.value()).isNull();
        assertThat(find(r, OUTSOURCING_PIPELINE_JOBS, "2026", "MA", Breakdown.of("direction", "out"))).isEmpty();
    }

    @Test
    void aYearWithNoEventListedGivesWayToAPublishedFigure() {
        // 500 jobs moved in during 2025 by an industry report; the file lists one move, in 2024
        Result r = compute(jobs(), List.of(event(2, "2024-01-10", "2024-06-01", "FR", "MA", 240.0,
                RelocationStatus.EFFECTIVE)), List.of(), range("2024", "2025"),
                published(OUTSOURCING_RELOCATED_IN, "2025", Breakdown.of("origin_country", "total"), 500, 9));

        IndicatorValue in2025 = find(r, OUTSOURCING_RELOCATED_IN, "2025", "MA", Breakdown.of("origin_country", "total"))
                .orElseThrow();
        assertThat(in2025.value()).isEqualTo(500.0);
        assertThat(in2025.basis()).isEqualTo(Basis.PUBLISHED);
        // nor a net of 0 beside it, or a check of the publication against "no event"
        assertThat(r.values()).filteredOn(v -> v.period().equals(Period.year(2025))).singleElement();
        assertThat(r.checks()).isEmpty();
        // the year with its move listed keeps its sums
        assertThat(ma(r, OUTSOURCING_RELOCATED_IN, "2024", "origin_country", "total")).isEqualTo(240.0);
        assertThat(ma(r, OUTSOURCING_RELOCATED_OUT, "2024", "destination_country", "total")).isZero();

        // A figure the run does not use takes nothing away: 2025 is not wholly in a range to 2025-06,
        // and a region's figure is no relocation of Morocco's
        Breakdown in = Breakdown.of("origin_country", "total");
        Result cut = compute(jobs(), List.of(), List.of(), range("2024", "2025-06"),
                published(OUTSOURCING_RELOCATED_IN, "2025", in, 500, 9));
        assertThat(ma(cut, OUTSOURCING_RELOCATED_IN, "2025", "origin_country", "total")).isZero();
        Result regional = OutsourcingIndicators.compute(jobs(), List.of(), List.of(), List.of(new PublishedFigure(
                OUTSOURCING_RELOCATED_IN, Period.year(2025), "MA-01", in, 500.0, "regional report", 9)),
                range("2024", "2025"), GEO);
        assertThat(ma(regional, OUTSOURCING_RELOCATED_IN, "2025", "origin_country", "total")).isZero();
    }

    @Test
    void anAnnouncementFromBeforeTheRangeNeverDatedSinceIsNotPending() {
        RelocationEvent stale = event(3, "2010-07-01", null, "FR", "MA", 1_200.0, RelocationStatus.ANNOUNCED);

        Result r = relocations(NIGHTLY, stale);

        // Announced in 2010, no effective date ever published: listed, but nothing says it is coming.
        assertThat(OutsourcingIndicators.classify(stale, NIGHTLY).counting()).isEqualTo(Counting.UNDATED);
        assertThat(r.values()).noneMatch(v -> v.indicator() == OUTSOURCING_PIPELINE_JOBS);
    }

    @Test
    void aCancelledEventIsNeverCounted() {
        RelocationEvent cancelled = event(2, "2024-01-01", "2024-06-01", "FR", "MA", 900.0, RelocationStatus.CANCELLED);
        RelocationEvent cancelledAnnounced = event(3, "2026-01-01", "2027-06-01", "FR", "MA", 50.0,
                RelocationStatus.CANCELLED);

        Result r = relocations(NIGHTLY, cancelled, cancelledAnnounced);

        assertNothingMoved(r.values());
        assertThat(OutsourcingIndicators.classify(cancelled, NIGHTLY).counting()).isEqualTo(Counting.CANCELLED);
        assertThat(OutsourcingIndicators.classify(cancelledAnnounced, NIGHTLY).counting()).isEqualTo(Counting.CANCELLED);
    }

    @Test
    void theJobsMovedNameEachPressReportOnceAfterItsOwnLines() {
        RelocationEvent first = event(2, "2025-01-01", "2025-05-01", "FR", "MA", 100.0, RelocationStatus.EFFECTIVE);
        RelocationEvent sameReport = new RelocationEvent(3, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-06-01"),
                "client 3", "provider 3", "FR", "MA", 50.0, RelocationStatus.EFFECTIVE, "", "", "", "source 2");
        RelocationEvent noReport = new RelocationEvent(4, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-07-01"),
                "client 4", "provider 4", "ES", "MA", 20.0, RelocationStatus.EFFECTIVE, "", "", "", " ");

        Result r = relocations(NIGHTLY, first, sameReport, noReport);

        // line 4 has no source: not "lines 2, 3, 4: source 2", which reads as if the report covered it
        assertThat(find(r, OUTSOURCING_RELOCATED_IN, "2025", "MA", Breakdown.of("origin_country", "total"))
                .orElseThrow().source()).isEqualTo("outsourcing/relocations.csv, lines 2, 3: source 2 | line 4");
        assertThat(find(r, OUTSOURCING_RELOCATED_IN, "2025", "MA", Breakdown.of("origin_country", "FR"))
                .orElseThrow().source()).isEqualTo("outsourcing/relocations.csv, lines 2, 3: source 2");
        // an event whose file gives no source: its line alone, no sentence ending on a colon
        assertThat(find(r, OUTSOURCING_RELOCATED_IN, "2025", "MA", Breakdown.of("origin_country", "ES"))
                .orElseThrow().source()).isEqualTo("outsourcing/relocations.csv, line 4");
    }

    /** The source of 2025's jobs moved in from France by {@code count} events on lines 2…, each with its report. */
    private static String jobsMovedInFromFranceSource(int count, java.util.function.IntFunction<String> report) {
        List<RelocationEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new RelocationEvent(2 + i, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-05-01"),
                    "client " + i, "provider " + i, "FR", "MA", 10.0, RelocationStatus.EFFECTIVE, "", "", "",
                    report.apply(i)));
        }
        return find(relocations(NIGHTLY, events.toArray(RelocationEvent[]::new)), OUTSOURCING_RELOCATED_IN,
                "2025", "MA", Breakdown.of("origin_country", "FR")).orElseThrow().source();
    }

    @Test
    void pressReportsTooLongForOneSourceStopAtAWholeReportAndSayHowManyLinesAreLeft() {
        String source = jobsMovedInFromFranceSource(20, i -> "report " + i + " " + "x".repeat(300));

        // 20 reports of about 315 characters: 12 fit in 4,000 with the closing words, 8 lines are left
        assertThat(source).hasSizeLessThanOrEqualTo(SourceText.MAX_CHARS)
                .startsWith("outsourcing/relocations.csv, line 2: report 0 ")
                .contains("line 13: report 11 " + "x".repeat(300) + " | and 8 more lines: see the Relocations sheet")
                .doesNotContain("report 12").doesNotContain("…");
        assertThat(source).endsWith(" | and 8 more lines: see the Relocations sheet");
    }

    @Test
    void aFirstPressReportTooLongForOneSourceIsCutAndStillSaysHowManyLinesAreLeft() {
        String source = jobsMovedInFromFranceSource(6,
                i -> "report " + i + " " + (i == 0 ? "y".repeat(3_936) : "short"));

        assertThat(source).hasSizeLessThanOrEqualTo(SourceText.MAX_CHARS)
                .startsWith("outsourcing/relocations.csv, line 2: report 0 yyy")
                .endsWith("yyy… | and 5 more lines: see the Relocations sheet")
                .doesNotContain("report 1");
    }

    @Test
    void anEventWithoutJobsCountsAsAnEventButMakesTheJobsNotAvailable() {
        Result r = relocations(NIGHTLY,
                event(2, "2025-01-01", "2025-05-01", "FR", "MA", null, RelocationStatus.EFFECTIVE),
                event(3, "2025-02-01", "2025-06-01", "FR", "MA", 300.0, RelocationStatus.EFFECTIVE),
                event(4, "2025-02-01", "2025-07-01", "ES", "MA", 120.0, RelocationStatus.EFFECTIVE),
                event(5, "2025-02-01", "2025-08-01", "MA", "FR", 40.0, RelocationStatus.EFFECTIVE));

        // Both FR events and the ES one are counted as events: 3 in, 1 out.
        assertThat(ma(r, OUTSOURCING_RELOCATION_EVENTS, "2025", "direction", "in")).isEqualTo(3.0);
        assertThat(ma(r, OUTSOURCING_RELOCATION_EVENTS, "2025", "direction", "out")).isEqualTo(1.0);
        // FR in = 300 + (not published): not available, so neither is the total in nor the nets with FR.
        // Each is kept without a value, its source naming the events' lines (the Data sheet's empty cell).
        assertThat(notAvailable(r, OUTSOURCING_RELOCATED_IN, "origin_country", "FR"))
                .isEqualTo("outsourcing/relocations.csv, line 2: source 2 | line 3: source 3");
        assertThat(notAvailable(r, OUTSOURCING_RELOCATED_IN, "origin_country", "total"))
                .isEqualTo("outsourcing/relocations.csv, line 2: source 2 | line 3: source 3 | line 4: source 4");
        assertThat(notAvailable(r, OUTSOURCING_RELOCATED_NET, "counterpart_country", "FR"))
                .isEqualTo("outsourcing/relocations.csv, line 2: source 2 | line 3: source 3 | line 5: source 5");
        assertThat(notAvailable(r, OUTSOURCING_RELOCATED_NET, "counterpart_country", "total"))
                .isEqualTo("outsourcing/relocations.csv, line 2: source 2 | line 3: source 3 | line 4: source 4"
                        + " | line 5: source 5");
        // What does not depend on it stays: ES 120, out FR 40, net ES 120.
        assertThat(ma(r, OUTSOURCING_RELOCATED_IN, "2025", "origin_country", "ES")).isEqualTo(120.0);
        assertThat(ma(r, OUTSOURCING_RELOCATED_OUT, "2025", "destination_country", "FR")).isEqualTo(40.0);
        assertThat(ma(r, OUTSOURCING_RELOCATED_NET, "2025", "counterpart_country", "ES")).isEqualTo(120.0);
        assertThat(r.values()).filteredOn(v -> v.value() == null).hasSize(4);
    }

    /** The source of a 2025 value kept without a value. */
    private static String notAvailable(Result r, Indicator id, String dim, String value) {
        IndicatorValue v = find(r, id, "2025", "MA", Breakdown.of(dim, value)).orElseThrow();
        assertThat(v.value()).as(id.id() + " " + value).isNull();
        return v.source();
    }

    @Test
    void eventsBeforeTheRangeOrNotInvolvingMoroccoAreLeftOut() {
        RelocationEvent engie = event(2, "2017-05-03", "2017-11-06", "FR", "MA", 800.0, RelocationStatus.EFFECTIVE);
        RelocationEvent elsewhere = event(3, "2024-01-01", "2024-02-01", "FR", "TN", 100.0, RelocationStatus.EFFECTIVE);
        RelocationEvent announcedBefore = event(4, "2004-08-20", "2004-12-31", "FR", "MA", 210.0,
                RelocationStatus.ANNOUNCED);

        assertNothingMoved(relocations(NIGHTLY, engie, elsewhere, announcedBefore).values());
        assertThat(OutsourcingIndicators.classify(engie, NIGHTLY).counting()).isEqualTo(Counting.OUTSIDE_RANGE);
        assertThat(OutsourcingIndicators.classify(announcedBefore, NIGHTLY).counting())
                .isEqualTo(Counting.OUTSIDE_RANGE);
        var other = OutsourcingIndicators.classify(elsewhere, NIGHTLY);
        assertThat(other.counting()).isEqualTo(Counting.NOT_MOROCCO);
        assertThat(other.direction()).isNull();
        var out = OutsourcingIndicators.classify(
                event(5, "2024-01-01", "2024-02-01", "MA", "TN", 10.0, RelocationStatus.EFFECTIVE), NIGHTLY);
        assertThat(out.direction()).isEqualTo(Direction.OUT);
        assertThat(out.counterpart()).isEqualTo("TN");
        assertThat(out.year()).isEqualTo(2024);
    }

    @Test
    void theRangeIsCutByMonthsAtBothEnds() {
        PeriodRange range = range("2024-04", "2024-09");
        RelocationEvent lastDayBefore = event(2, "2024-01-01", "2024-03-31", "FR", "MA", 1.0, RelocationStatus.EFFECTIVE);
        RelocationEvent firstDay = event(3, "2024-01-01", "2024-04-01", "FR", "MA", 10.0, RelocationStatus.EFFECTIVE);
        RelocationEvent lastDay = event(4, "2024-01-01", "2024-09-30", "FR", "MA", 100.0, RelocationStatus.EFFECTIVE);
        RelocationEvent dayAfter = event(5, "2024-01-01", "2024-10-01", "FR", "MA", 1000.0, RelocationStatus.EFFECTIVE);

        Result r = relocations(range, lastDayBefore, firstDay, lastDay, dayAfter);

        // 10 + 100 = 110, counted as 2024 though the year is not wholly in the range.
        assertThat(ma(r, OUTSOURCING_RELOCATED_IN, "2024", "origin_country", "FR")).isEqualTo(110.0);
    }

    // ---- regulations ----

    @Test
    void exposureUsesTheLatestPeriodBeforeTheRegulationTakesEffectWithThreeScenarios() {
        Cube jobs = jobs();
        jobs.put(key("2024", "MA", CRM), "ANRT", 90_000.0);
        jobs.put(key("2025", "MA", CRM), "RFI (28 May 2025)", 100_000.0);
        jobs.put(key("2025-Q4", "MA", CRM), "quarterly", 99_000.0); // same end as 2025: the year wins
        jobs.put(key("2026-Q3", "MA", CRM), "too late", 130_000.0); // ends 30 Sep 2026, after 11 Aug 2026
        jobs.put(key("2026-Q2", "MA", jobsSlice("bpo", "total", "total")), "other slice", 20_000.0);
        jobs.put(key("2025", "TN", CRM), "INS", 30_000.0);
        Regulation optIn = regulation("fr-2025-594", "2026-08-11", CRM, 0.10, 0.125, 0.15);

        // The exposure's period, 2025, is before this range: shown all the same.
        Result r = compute(jobs, List.of(), List.of(optIn), range("2026-01", "2026-10"));

        Breakdown reg = Breakdown.of("regulation", "fr-2025-594");
        assertThat(value(r, OUTSOURCING_JOBS_EXPOSED, "2025", "MA", reg)).isEqualTo(100_000.0);
        // 100,000 x 0.10 = 10,000; x 0.125 = 12,500; x 0.15 = 15,000
        assertThat(value(r, OUTSOURCING_JOBS_AT_RISK, "2025", "MA", reg.with("scenario", "low")))
                .isCloseTo(10_000.0, within(1e-6));
        assertThat(value(r, OUTSOURCING_JOBS_AT_RISK, "2025", "MA", reg.with("scenario", "central")))
                .isCloseTo(12_500.0, within(1e-6));
        assertThat(value(r, OUTSOURCING_JOBS_AT_RISK, "2025", "MA", reg.with("scenario", "high")))
                .isCloseTo(15_000.0, within(1e-6));
        // Each country with jobs: Tunisia 30,000 x 0.125 = 3,750.
        assertThat(value(r, OUTSOURCING_JOBS_EXPOSED, "2025", "TN", reg)).isEqualTo(30_000.0);
        assertThat(value(r, OUTSOURCING_JOBS_AT_RISK, "2025", "TN", reg.with("scenario", "central")))
                .isCloseTo(3_750.0, within(1e-6));
        assertThat(r.values()).filteredOn(v -> v.indicator() == OUTSOURCING_JOBS_EXPOSED).hasSize(2);
        IndicatorValue risk = find(r, OUTSOURCING_JOBS_AT_RISK, "2025", "MA", reg.with("scenario", "low")).orElseThrow();
        assertThat(risk.source()).contains("RFI (28 May 2025)").contains("CEO interview");
    }

    @Test
    void exposureSkipsAScenarioWithoutRateAndARegulationWithoutMatchingJobs() {
        Cube jobs = jobs();
        jobs.put(key("2025", "MA", CRM), "RFI", 100_000.0);
        jobs.put(key("2026-06", "MA", CRM), "too late", (Double) null); // not available: never the exposure
        Regulation centralOnly = regulation("a", "2026-08-11", CRM, null, 0.2, null);
        Regulation otherSlice = regulation("b", "2026-08-11", jobsSlice("crm", "FR", "outbound"), 0.1, 0.2, 0.3);
        Regulation tooEarly = regulation("c", "2025-12-31", CRM, 0.1, 0.2, 0.3); // 2025 ends on that day: not before

        Result r = compute(jobs, List.of(), List.of(centralOnly, otherSlice, tooEarly), NIGHTLY);

        Breakdown a = Breakdown.of("regulation", "a");
        assertThat(value(r, OUTSOURCING_JOBS_EXPOSED, "2025", "MA", a)).isEqualTo(100_000.0);
        // 100,000 x 0.2 = 20,000; no low and no high.
        assertThat(value(r, OUTSOURCING_JOBS_AT_RISK, "2025", "MA", a.with("scenario", "central")))
                .isCloseTo(20_000.0, within(1e-6));
        assertThat(r.values()).filteredOn(v -> v.indicator() == OUTSOURCING_JOBS_AT_RISK).hasSize(1);
        assertThat(r.values()).noneMatch(v -> v.breakdown().get("regulation") != null
                && !v.breakdown().get("regulation").equals("a"));
    }

    @Test
    void theShippedFiguresGiveTheSectorCeoEstimate() {
        // data/outsourcing: 2025, MA, crm, total, total = 100,000 (RFI); the opt-in law of 11 Aug 2026.
        Cube jobs = jobs();
        jobs.put(key("2023", "MA", ALL), "minister", 130_000.0);
        jobs.put(key("2024", "MA", ALL), "conference", 148_500.0);
        jobs.put(key("2025", "MA", CRM), "RFI", 100_000.0);
        Regulation law = regulation("fr-2025-594", "2026-08-11", CRM, 0.10, 0.125, 0.15);
        List<RelocationEvent> events = new ArrayList<>(List.of(
                event(2, "2025-08-25", "2026-01-01", "BE", "MA", 163.0, RelocationStatus.ANNOUNCED),
                event(3, "2017-05-03", "2017-11-06", "FR", "MA", 800.0, RelocationStatus.EFFECTIVE),
                event(4, "2010-07-01", null, "FR", "MA", 1_200.0, RelocationStatus.ANNOUNCED)));

        Result r = compute(jobs, events, List.of(law), NIGHTLY);

        Breakdown reg = Breakdown.of("regulation", "fr-2025-594");
        // "10 %, 15 % ... about 10,000 jobs at risk": 10,000 to 15,000 of the 100,000.
        assertThat(value(r, OUTSOURCING_JOBS_AT_RISK, "2025", "MA", reg.with("scenario", "low"))).isCloseTo(10_000.0,
                within(1e-6));
        assertThat(value(r, OUTSOURCING_JOBS_AT_RISK, "2025", "MA", reg.with("scenario", "high"))).isCloseTo(15_000.0,
                within(1e-6));
        // 100 * (148,500 / 130,000 - 1) = 14.2308 %
        assertThat(value(r, OUTSOURCING_JOBS_CHANGE, "2024", "MA", ALL))
                .isCloseTo(100.0 * (148_500.0 / 130_000.0 - 1), within(1e-9));
        assertThat(ma(r, OUTSOURCING_RELOCATED_IN, "2026", "origin_country", "BE")).isEqualTo(163.0);
        // Orange/SFR, announced in 2010 and never dated since, is not pending.
        assertThat(r.values()).noneMatch(v -> v.indicator() == OUTSOURCING_PIPELINE_JOBS);
    }
}

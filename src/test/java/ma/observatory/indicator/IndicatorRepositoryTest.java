package ma.observatory.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import ma.observatory.cube.Breakdown;
import ma.observatory.period.Period;

/** Values stored as series in the real schema (in-memory HSQLDB) come back as they went in. */
class IndicatorRepositoryTest {

    private static final Breakdown URBAN_WOMEN = Breakdown.parse("area=urban, sex=female, age_group=15+");

    private final JdbcTemplate jdbc = database();
    private final IndicatorRepository repository = new IndicatorRepository(jdbc, () -> { });

    private static JdbcTemplate database() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:hsqldb:mem:values-" + UUID.randomUUID(), "SA", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/hsqldb/schema.sql")).execute(ds);
        return new JdbcTemplate(ds);
    }

    private static List<IndicatorValue> employment() {
        return List.of(
                new IndicatorValue(Indicator.EMPLOYMENT_UNEMPLOYMENT_RATE, Period.quarter(2024, 2), "MA", URBAN_WOMEN,
                        17.25, Basis.COMPUTED, "labour_force.csv"),
                new IndicatorValue(Indicator.EMPLOYMENT_UNEMPLOYMENT_RATE, Period.quarter(2024, 1), "MA", URBAN_WOMEN,
                        null, Basis.COMPUTED, "labour_force.csv"),
                // same indicator, place and breakdown, but published: a series of its own
                new IndicatorValue(Indicator.EMPLOYMENT_UNEMPLOYMENT_RATE, Period.year(2024), "MA", URBAN_WOMEN,
                        13.3, Basis.PUBLISHED, "HCP, note 2025"),
                new IndicatorValue(Indicator.EMPLOYMENT_EMPLOYED, Period.year(2024), "MA-01", Breakdown.parse(""),
                        1234.5678901234, Basis.COMPUTED, null));
    }

    @Test
    void valuesComeBackWithEveryFieldAndNoOtherRun() {
        repository.replace(1, "employment", employment(), List.of());
        repository.replace(2, "employment", employment().subList(0, 1), List.of());
        repository.replace(1, "tourism", List.of(new IndicatorValue(Indicator.TOURISM_TARGET_PROJECTION,
                Period.year(2026), "MA", Breakdown.parse("target=arrivals 2026"), 17.4, Basis.COMPUTED, "targets.csv",
                Unit.PERSONS)), List.of());

        List<IndicatorValue> back = repository.values(1);

        List<IndicatorValue> expected = new ArrayList<>(employment());
        expected.add(new IndicatorValue(Indicator.TOURISM_TARGET_PROJECTION, Period.year(2026), "MA",
                Breakdown.parse("target=arrivals 2026"), 17.4, Basis.COMPUTED, "targets.csv", Unit.PERSONS));
        assertThat(back).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(repository.values(2)).containsExactly(employment().get(0));
    }

    @Test
    void replacingADomainLeavesOneCopyAndTheOtherDomainsAlone() {
        repository.replace(1, "employment", employment(), List.of());
        repository.replace(1, "tourism", List.of(new IndicatorValue(Indicator.TOURISM_ARRIVALS, Period.year(2025),
                "MA", Breakdown.parse(""), 19_800_000.0, Basis.COMPUTED, "arrivals.csv")), List.of());
        repository.replace(1, "employment", employment(), List.of());

        assertThat(repository.values(1)).hasSize(employment().size() + 1);
        assertThat(new HashSet<>(repository.values(1))).hasSize(employment().size() + 1);
    }

    @Test
    void theViewShowsOneValuePerRowForSql() {
        repository.replace(1, "employment", employment(), List.of());

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT indicator, period, geo, breakdown, val, unit, basis,"
                + " source FROM indicator_value WHERE run_id = 1 AND basis = 'computed' AND geo = 'MA' ORDER BY period");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("PERIOD", "2024-Q1").containsEntry("VAL", null)
                .containsEntry("INDICATOR", "employment.unemployment_rate")
                .containsEntry("BREAKDOWN", "area=urban, sex=female, age_group=15+").containsEntry("UNIT", "%");
        assertThat(rows.get(1)).containsEntry("PERIOD", "2024-Q2").containsEntry("VAL", 17.25)
                .containsEntry("SOURCE", "labour_force.csv");
    }

    @Test
    void aSeriesLongerThanOneRowHoldsIsSplitAndComesBackWhole() {
        List<IndicatorValue> monthly = new ArrayList<>();
        for (int year = 1900; year < 2026; year++) { // 1,512 months
            for (int month = 1; month <= 12; month++) {
                monthly.add(new IndicatorValue(Indicator.TOURISM_ARRIVALS, Period.month(year, month), "MA",
                        Breakdown.parse(""), year * 100.0 + month, Basis.COMPUTED, "arrivals.csv"));
            }
        }
        repository.replace(3, "tourism", monthly, List.of());

        assertThat(repository.values(3)).containsExactlyElementsOf(monthly);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_series WHERE run_id = 3", Long.class))
                .isEqualTo(2L);
    }

    @Test
    void eachSeriesIsStoredInTheOrderOfItsPeriods() {
        IndicatorValue q3 = new IndicatorValue(Indicator.EMPLOYMENT_EMPLOYED, Period.quarter(2024, 3), "MA",
                Breakdown.parse(""), 3.0, Basis.COMPUTED, "lfs");
        IndicatorValue year = new IndicatorValue(Indicator.EMPLOYMENT_EMPLOYED, Period.year(2024), "MA",
                Breakdown.parse(""), 10.0, Basis.COMPUTED, "lfs");
        IndicatorValue q1 = new IndicatorValue(Indicator.EMPLOYMENT_EMPLOYED, Period.quarter(2024, 1), "MA",
                Breakdown.parse(""), 1.0, Basis.COMPUTED, "lfs");
        IndicatorValue before = new IndicatorValue(Indicator.EMPLOYMENT_EMPLOYED, Period.quarter(2023, 4), "MA",
                Breakdown.parse(""), 0.5, Basis.COMPUTED, "lfs");
        repository.replace(4, "employment", List.of(q3, year, q1, before), List.of());

        // a year before its first quarter, as the Period order has it
        assertThat(new IndicatorRepository(jdbc, () -> { }).values(4)).containsExactly(before, year, q1, q3);
    }

    @Test
    void twoValuesForOneKeyAreRefusedAsTheOldPrimaryKeyDid() {
        IndicatorValue v = employment().get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repository.replace(1, "employment", List.of(v, v),
                List.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining(v.key());
    }

    @Test
    void aPublishedFigureComesBackWithTheDecimalsItWasTypedWith() {
        PublishedFigure whole = new PublishedFigure(Indicator.TOURISM_MRE_SHARE, Period.year(2024), "MA",
                Breakdown.parse("market=total"), 49.0, "Ministry", 7, 0);
        repository.savePublished(1, List.of(whole));
        // as a version before the column stored it
        jdbc.update("INSERT INTO published (run_id, indicator, period, geo, breakdown, val, unit, source, line)"
                + " VALUES (1, 'tourism.mre_share', '2023', 'MA', 'market=total', 51, '%', 'Ministry', 8)");

        assertThat(repository.published(1, "tourism")).extracting(PublishedFigure::decimals)
                .containsExactly(0, PublishedFigure.DECIMALS_UNKNOWN);
        assertThat(repository.published(1, "tourism").get(0)).isEqualTo(whole);
    }

    @Test
    void aSourceLongerThanItsColumnIsStoredCutWithAnEllipsisNotRefused() {
        // a file's 3,990 characters and the words the program adds to them
        String source = "difference of 2024 (computed: " + "s".repeat(3_990) + ")";
        repository.replace(1, "employment", List.of(new IndicatorValue(Indicator.EMPLOYMENT_EMPLOYED,
                Period.year(2024), "MA", Breakdown.parse(""), 1.0, Basis.COMPUTED, source)), List.of());
        repository.savePublished(1, List.of(new PublishedFigure(Indicator.EMPLOYMENT_EMPLOYED, Period.year(2024),
                "MA", Breakdown.parse(""), 1.0, source, 2)));

        String stored = repository.values(1).get(0).source();
        assertThat(stored).hasSize(SourceText.MAX_CHARS).endsWith("s…").isEqualTo(source.substring(0, 3_999) + "…");
        assertThat(repository.published(1, "employment").get(0).source()).isEqualTo(stored);

        TargetRepository targets = new TargetRepository(jdbc);
        targets.save(1, List.of(new Target(Indicator.TOURISM_ARRIVALS, "MA", Period.year(2026), 17_500_000, null, null,
                source, 2)));
        assertThat(targets.targets(1, "tourism").get(0).source()).isEqualTo(stored);
    }
}

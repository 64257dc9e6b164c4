package ma.observatory.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class IndicatorTest {

    @Test
    void idsAreUniqueLowerCaseDomainDotName() {
        assertThat(Indicator.values()).extracting(Indicator::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z]+\\.[a-z0-9_]+"));
    }

    @Test
    void employmentUnitsFollowTheCatalogue() {
        assertThat(Indicator.byId("employment.unemployment_rate").unit()).isEqualTo(Unit.PERCENT);
        assertThat(Indicator.byId("employment.unemployment_rate_change_pp").unit()).isEqualTo(Unit.POINTS);
        assertThat(Indicator.byId("employment.net_job_creation").unit()).isEqualTo(Unit.THOUSAND_PERSONS);
        assertThat(Indicator.byId("employment.sector_share").unit()).isEqualTo(Unit.PERCENT);
        assertThat(Indicator.byId("employment.employed").unit()).isEqualTo(Unit.THOUSAND_PERSONS);
        Arrays.stream(Indicator.values()).filter(i -> i.id().endsWith("_pp"))
                .forEach(i -> assertThat(i.unit()).as(i.id()).isEqualTo(Unit.POINTS));
    }

    @Test
    void byIdIgnoresCaseAndBlanksAndKnowsNoOtherId() {
        assertThat(Indicator.byId(" Employment.Activity_Rate ")).isEqualTo(Indicator.EMPLOYMENT_ACTIVITY_RATE);
        assertThat(Indicator.byId("employment.activity")).isNull();
        assertThat(Indicator.EMPLOYMENT_ACTIVITY_RATE.domain()).isEqualTo("employment");
    }

    @Test
    void unitsReadBackFromTheirText() {
        for (Unit u : Unit.values()) {
            assertThat(Unit.fromText(" " + u.text().toUpperCase() + " ")).isEqualTo(u);
        }
        assertThat(Unit.PERCENT.isRate()).isTrue();
        assertThat(Unit.POINTS.isRate()).isTrue();
        assertThat(Unit.THOUSAND_PERSONS.isRate()).isFalse();
    }
}

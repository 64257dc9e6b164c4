package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ma.observatory.cube.Breakdown;
import ma.observatory.geo.GeoReference;
import ma.observatory.geo.Place;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.period.Period;

/** The Data sheet's order: indicator (catalogue), period, place (reference file), breakdown (text). */
class IndicatorsTableOrderTest {

    // the reference lists the country first, then regions 02 before 01: its order, not the codes', counts
    private static final GeoReference GEO = new GeoReference(List.of(
            new Place("MA", "Maroc", "Morocco", "country", ""),
            new Place("MA-02", "Oriental", "Oriental", "region", "MA"),
            new Place("MA-01", "Tanger", "Tangier", "region", "MA")),
            Set.of("country", "region"));

    private static IndicatorValue value(Indicator indicator, Period period, String geo, String breakdown) {
        return new IndicatorValue(indicator, period, geo, Breakdown.parse(breakdown), 1.0, Basis.COMPUTED, "test");
    }

    @Test
    void valuesInAnyOrderComeOutInTheTablesOrder() {
        List<IndicatorValue> expected = new ArrayList<>();
        for (Indicator indicator : List.of(Indicator.EMPLOYMENT_POPULATION, Indicator.EMPLOYMENT_UNEMPLOYMENT_RATE)) {
            // a year comes before its quarters
            for (Period period : List.of(Period.year(2023), Period.year(2024), Period.quarter(2024, 1),
                    Period.quarter(2024, 2))) {
                for (String geo : List.of("MA", "MA-02", "MA-01", "ZZ")) { // an unknown place comes last
                    for (String breakdown : List.of("", "area=rural, sex=total", "area=urban, sex=female",
                            "area=urban, sex=male")) {
                        expected.add(value(indicator, period, geo, breakdown));
                    }
                }
            }
        }
        List<IndicatorValue> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(ReportBuilder.inTableOrder(shuffled, GEO)).containsExactlyElementsOf(expected);

        // as the database gives them: series by series (indicator, place, breakdown), periods within
        List<IndicatorValue> bySeries = new ArrayList<>(expected);
        bySeries.sort(java.util.Comparator.comparing((IndicatorValue v) -> v.indicator().id())
                .thenComparing(IndicatorValue::geo).thenComparing(v -> v.breakdown().toString())
                .thenComparing(IndicatorValue::period));
        assertThat(ReportBuilder.inTableOrder(bySeries, GEO)).containsExactlyElementsOf(expected);
    }
}

package ma.observatory.indicator;

import ma.observatory.cube.Breakdown;
import ma.observatory.period.Period;

/**
 * One row of the Indicators table. {@code value} is {@code null} where the figure is not available.
 * {@code unit} is the catalogue's unit of the indicator, except for the few indicators measured in
 * the unit of something else (a target's projection is in the unit of its target).
 */
public record IndicatorValue(Indicator indicator, Period period, String geo, Breakdown breakdown, Double value,
                             Basis basis, String source, Unit unit) {

    public IndicatorValue(Indicator indicator, Period period, String geo, Breakdown breakdown, Double value,
                          Basis basis, String source) {
        this(indicator, period, geo, breakdown, value, basis, source, indicator.unit());
    }

    /** The key values are matched on (computed against published, this run against the last). */
    public String key() {
        return key(indicator, period, geo, breakdown);
    }

    public static String key(Indicator indicator, Period period, String geo, Breakdown breakdown) {
        return indicator.id() + '|' + period + '|' + geo + '|' + breakdown;
    }
}

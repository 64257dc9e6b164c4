package ma.observatory.indicator;

import ma.observatory.cube.Breakdown;
import ma.observatory.period.Period;

/** One row of the Indicators table. {@code value} is {@code null} where the figure is not available. */
public record IndicatorValue(Indicator indicator, Period period, String geo, Breakdown breakdown, Double value,
                             Basis basis, String source) {

    /** The key values are matched on (computed against published, this run against the last). */
    public String key() {
        return indicator.id() + '|' + period + '|' + geo + '|' + breakdown;
    }
}

package ma.observatory.indicator;

import ma.observatory.cube.Breakdown;
import ma.observatory.period.Period;

/**
 * A figure as an office published it: one row of {@code published.csv}.
 *
 * @param decimals the digits typed after its decimal separator (0 for "14"), or
 *                 {@link #DECIMALS_UNKNOWN} for a figure staged by a version that did not keep them
 */
public record PublishedFigure(Indicator indicator, Period period, String geo, Breakdown breakdown, Double value,
                              String source, long line, int decimals) {

    public static final int DECIMALS_UNKNOWN = -1;

    public PublishedFigure(Indicator indicator, Period period, String geo, Breakdown breakdown, Double value,
                           String source, long line) {
        this(indicator, period, geo, breakdown, value, source, line, DECIMALS_UNKNOWN);
    }

    public String key() {
        return indicator.id() + '|' + period + '|' + geo + '|' + breakdown;
    }
}

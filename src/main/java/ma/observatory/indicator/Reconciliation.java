package ma.observatory.indicator;

import ma.observatory.cube.Breakdown;
import ma.observatory.period.Period;

/**
 * A computed value next to the published one for the same key: how an economist sees whether the
 * shipped counts reproduce the official figures.
 *
 * @param line     the line of the figure in {@code published.csv}
 * @param decimals the digits its value was typed with after the decimal separator, or
 *                 {@link PublishedFigure#DECIMALS_UNKNOWN}: whether the publication's rounding may explain a difference
 */
public record Reconciliation(Indicator indicator, Period period, String geo, Breakdown breakdown, double computed,
                             double published, boolean flagged, long line, int decimals) {

    /** As {@link IndicatorValue#key()} says the value set against the publication. */
    public String key() {
        return IndicatorValue.key(indicator, period, geo, breakdown);
    }

    public double difference() {
        return computed - published;
    }
}

package ma.observatory.indicator;

import ma.observatory.cube.Breakdown;
import ma.observatory.period.Period;

/** A figure as an office published it: one row of {@code published.csv}. */
public record PublishedFigure(Indicator indicator, Period period, String geo, Breakdown breakdown, Double value,
                              String source, long line) {

    public String key() {
        return indicator.id() + '|' + period + '|' + geo + '|' + breakdown;
    }
}

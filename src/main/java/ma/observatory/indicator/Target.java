package ma.observatory.indicator;

import ma.observatory.period.Period;

/**
 * An official objective: reach {@code targetValue} of an indicator by {@code targetPeriod}, with
 * the baseline it was set against when the source gives one.
 */
public record Target(Indicator indicator, String geo, Period targetPeriod, double targetValue, Period baselinePeriod,
                     Double baselineValue, String source, long line) {

    /** How a target is named in a breakdown: {@code target=tourism.arrivals 2026}. */
    public String label() {
        return indicator.id() + " " + targetPeriod;
    }
}

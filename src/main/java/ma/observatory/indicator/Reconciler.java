package ma.observatory.indicator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ma.observatory.geo.GeoReference;
import ma.observatory.period.PeriodRange;

/**
 * Meets computed values with published figures. Where only a publication has the figure, it is
 * used and marked {@code published}; where both exist, the computed value stands (the published one
 * for the indicators that say {@link Indicator#publishedPrevails()}) and the pair is listed, flagged
 * when it differs by more than 0.1 point (rates) or 0.5 % (levels). The flag stands for a rate
 * published with no decimal ("14 %"), which 13.79 may have been rounded to: the HCP writes 13.0 %
 * as "13 %" too, so half a point would hide real differences; the reader is told instead
 * ({@link #withinPublishedRounding}).
 */
public final class Reconciler {

    static final double RATE_TOLERANCE_POINTS = 0.1;
    static final double LEVEL_TOLERANCE_RELATIVE = 0.005;

    public record Result(List<IndicatorValue> values, List<Reconciliation> checks) {
    }

    private Reconciler() {
    }

    /** What {@link IndicatorValue#key()} spells out, as a record. */
    public record Key(Indicator indicator, ma.observatory.period.Period period, String geo,
                      ma.observatory.cube.Breakdown breakdown) {

        // spelled out for speed, as Period's
        @Override
        public int hashCode() {
            return ((indicator.hashCode() * 31 + period.hashCode()) * 31 + geo.hashCode()) * 31
                    + breakdown.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key k && k.indicator == indicator && k.period.equals(period)
                    && k.geo.equals(geo) && k.breakdown.equals(breakdown);
        }
    }

    /**
     * @param computed values with one value per key (indicator, period, place, breakdown), in the
     *                 order they are to keep; a figure only a publication has comes after them
     */
    public static Result reconcile(List<IndicatorValue> computed, List<PublishedFigure> published, PeriodRange range,
                                   GeoReference geo) {
        Map<Key, PublishedFigure> figures = new LinkedHashMap<>();
        for (PublishedFigure f : published) {
            if (range.contains(f.period()) && geo.isReported(f.geo())) {
                figures.put(new Key(f.indicator(), f.period(), f.geo(), f.breakdown()), f);
            }
        }
        if (figures.isEmpty()) {
            return new Result(new ArrayList<>(computed), List.of());
        }
        // Only the values of published indicators are looked up: a run has hundreds of thousands
        // of computed values and a few dozen published figures.
        Set<Indicator> publishedIndicators = EnumSet.noneOf(Indicator.class);
        for (Key k : figures.keySet()) {
            publishedIndicators.add(k.indicator());
        }
        Map<Key, IndicatorValue> mine = new HashMap<>();
        List<IndicatorValue> values = new ArrayList<>(computed.size() + figures.size());
        for (IndicatorValue v : computed) {
            IndicatorValue kept = v;
            if (publishedIndicators.contains(v.indicator())) {
                Key key = new Key(v.indicator(), v.period(), v.geo(), v.breakdown());
                PublishedFigure f = figures.get(key);
                if (f != null) {
                    mine.put(key, v);
                    if (v.value() == null || (v.indicator().publishedPrevails() && f.value() != null)) {
                        kept = publishedValue(f);
                    }
                }
            }
            values.add(kept);
        }
        List<Reconciliation> checks = new ArrayList<>();
        for (var e : figures.entrySet()) {
            PublishedFigure f = e.getValue();
            IndicatorValue computedValue = mine.get(e.getKey());
            if (computedValue == null) {
                values.add(publishedValue(f));
            } else if (computedValue.value() != null && f.value() != null) {
                checks.add(new Reconciliation(f.indicator(), f.period(), f.geo(), f.breakdown(), computedValue.value(),
                        f.value(), beyondTolerance(f.indicator().unit(), computedValue.value(), f.value()),
                        f.line(), f.decimals()));
            }
        }
        return new Result(values, checks);
    }

    private static IndicatorValue publishedValue(PublishedFigure f) {
        return new IndicatorValue(f.indicator(), f.period(), f.geo(), f.breakdown(), f.value(), Basis.PUBLISHED,
                f.source());
    }

    public static boolean beyondTolerance(Unit unit, double computed, double published) {
        double diff = Math.abs(computed - published);
        if (unit.isRate()) {
            // A figure published as 13.0 may be anything from 12.95 to 13.05: compare at that rounding.
            return diff > RATE_TOLERANCE_POINTS + 1e-9;
        }
        return published == 0 ? diff > 0 : diff / Math.abs(published) > LEVEL_TOLERANCE_RELATIVE;
    }

    /**
     * Whether a rate's difference could come from the published figure's rounding alone: within half
     * a unit of the last digit it was typed with (13.79 against "14"). Not a match: "14" may be the
     * 14.0 of an office that drops a tenth of 0, as the HCP does.
     *
     * @param decimals the digits typed after the published figure's separator, negative when not known
     */
    public static boolean withinPublishedRounding(Unit unit, double computed, double published, int decimals) {
        return unit.isRate() && decimals >= 0
                && Math.abs(computed - published) <= 0.5 * Math.pow(10, -decimals) + 1e-9;
    }
}

package ma.observatory.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ma.observatory.geo.GeoReference;
import ma.observatory.period.PeriodRange;

/**
 * Meets computed values with published figures. Where only a publication has the figure, it is
 * used and marked {@code published}; where both exist, the computed value stands and the pair is
 * listed, flagged when it differs by more than 0.1 point (rates) or 0.5 % (levels).
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
    }

    public static Result reconcile(List<IndicatorValue> computed, List<PublishedFigure> published, PeriodRange range,
                                   GeoReference geo) {
        // Keyed by a record of the value's own fields, not by its text key: no string per value.
        Map<Key, IndicatorValue> byKey = new LinkedHashMap<>();
        for (IndicatorValue v : computed) {
            byKey.put(new Key(v.indicator(), v.period(), v.geo(), v.breakdown()), v);
        }
        List<Reconciliation> checks = new ArrayList<>();
        for (PublishedFigure f : published) {
            if (!range.contains(f.period()) || !geo.isReported(f.geo())) {
                continue;
            }
            Key key = new Key(f.indicator(), f.period(), f.geo(), f.breakdown());
            IndicatorValue mine = byKey.get(key);
            if (mine == null || mine.value() == null) {
                byKey.put(key, new IndicatorValue(f.indicator(), f.period(), f.geo(), f.breakdown(), f.value(),
                        Basis.PUBLISHED, f.source()));
            } else if (f.value() != null) {
                checks.add(new Reconciliation(f.indicator(), f.period(), f.geo(), f.breakdown(), mine.value(),
                        f.value(), beyondTolerance(f.indicator().unit(), mine.value(), f.value()), f.line()));
            }
        }
        return new Result(new ArrayList<>(byKey.values()), checks);
    }

    static boolean beyondTolerance(Unit unit, double computed, double published) {
        double diff = Math.abs(computed - published);
        if (unit.isRate()) {
            // A figure published as 13.0 may be anything from 12.95 to 13.05: compare at that rounding.
            return diff > RATE_TOLERANCE_POINTS + 1e-9;
        }
        return published == 0 ? diff > 0 : diff / Math.abs(published) > LEVEL_TOLERANCE_RELATIVE;
    }
}

package ma.observatory.indicator;

import java.util.List;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvDataset;
import ma.observatory.csv.CsvRow;
import ma.observatory.csv.Reason;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;

import static ma.observatory.indicator.TargetColumn.*;

/** {@code targets.csv}: optional; official objectives the workbook measures progress against. */
public final class TargetDataset implements CsvDataset {

    public static final TargetDataset INSTANCE = new TargetDataset();
    /** The workbook follows progress against the tourism roadmap's targets only (SPEC §5). */
    static final String FOLLOWED_DOMAIN = "tourism";

    @Override
    public String file() {
        return "targets.csv";
    }

    @Override
    public List<? extends CsvColumn> columns() {
        return List.of(TargetColumn.values());
    }

    @Override
    public boolean optional() {
        return true;
    }

    public static Target map(CsvRow row, GeoReference geo) {
        String id = row.requiredText(INDICATOR);
        Indicator indicator = id.isEmpty() ? null : Indicator.byId(id);
        if (indicator == null && !id.isEmpty()) {
            row.reject(INDICATOR, id, Reason.of("indicator.unknown"));
        }
        String place = geo.placeOf(row, GEO);
        Period targetPeriod = row.period(TARGET_PERIOD);
        Double value = row.requiredNumber(TARGET_VALUE);
        String unit = row.requiredText(UNIT);
        if (indicator != null && !unit.isEmpty() && !indicator.unit().text().equalsIgnoreCase(unit)) {
            row.reject(UNIT, unit, Reason.of("unit.mismatch", indicator.id(), indicator.unit().text()));
        }
        Period baselinePeriod = row.text(BASELINE_PERIOD).isEmpty() ? null : row.period(BASELINE_PERIOD);
        Double baselineValue = row.number(BASELINE_VALUE);
        if (targetPeriod != null && baselinePeriod != null && baselinePeriod.compareTo(targetPeriod) >= 0) {
            row.reject(BASELINE_PERIOD, row.text(BASELINE_PERIOD), Reason.of("baseline.not-before-target"));
        }
        if (!row.hasProblems()) {
            row.requireUniqueKey(INDICATOR, GEO, TARGET_PERIOD);
        }
        if (!row.hasProblems() && !indicator.domain().equals(FOLLOWED_DOMAIN)) {
            row.warn(INDICATOR, id, Reason.of("target.not-followed"));
        } else if (!row.hasProblems() && !geo.isReported(place)) {
            row.warn(GEO, place, Reason.of("geo.not-reported", geo.place(place).level()));
        }
        return new Target(indicator, place, targetPeriod, value == null ? 0 : value, baselinePeriod, baselineValue,
                row.text(SOURCE), row.line());
    }
}

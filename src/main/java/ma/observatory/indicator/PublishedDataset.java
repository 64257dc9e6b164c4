package ma.observatory.indicator;

import java.util.List;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvDataset;
import ma.observatory.csv.CsvRow;
import ma.observatory.csv.Reason;
import ma.observatory.cube.Breakdown;
import ma.observatory.cube.BreakdownVocabulary;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;

/** {@code published.csv}: optional; rates and changes as offices published them. */
public final class PublishedDataset implements CsvDataset {

    public static final PublishedDataset INSTANCE = new PublishedDataset();

    @Override
    public String file() {
        return "published.csv";
    }

    @Override
    public List<? extends CsvColumn> columns() {
        return List.of(PublishedColumn.values());
    }

    @Override
    public boolean optional() {
        return true;
    }

    /** @param vocabulary the closed vocabularies of the dimensions the count files give */
    public static PublishedFigure map(CsvRow row, GeoReference geo, BreakdownVocabulary vocabulary) {
        String id = row.requiredText(PublishedColumn.INDICATOR);
        Indicator indicator = id.isEmpty() ? null : Indicator.byId(id);
        if (indicator == null && !id.isEmpty()) {
            row.reject(PublishedColumn.INDICATOR, id, Reason.of("indicator.unknown"));
        }
        Period period = row.period(PublishedColumn.PERIOD);
        String place = row.requiredText(PublishedColumn.GEO);
        if (!place.isEmpty() && !geo.knows(place)) {
            row.reject(PublishedColumn.GEO, place, Reason.of("geo.unknown"));
        }
        Breakdown breakdown = Breakdown.NONE;
        String text = row.text(PublishedColumn.BREAKDOWN);
        try {
            breakdown = Breakdown.parse(text);
        } catch (Breakdown.NotAPair e) {
            row.reject(PublishedColumn.BREAKDOWN, text, Reason.of("breakdown.not-pairs", e.part()));
        }
        Reason unknown = vocabulary.problem(breakdown);
        if (unknown != null) {
            row.reject(PublishedColumn.BREAKDOWN, text, unknown);
        }
        Double value = row.signedNumber(PublishedColumn.VALUE);
        String unit = row.requiredText(PublishedColumn.UNIT);
        if (indicator != null && !unit.isEmpty() && !indicator.unit().text().equalsIgnoreCase(unit)) {
            row.reject(PublishedColumn.UNIT, unit, Reason.of("unit.mismatch", indicator.id(), indicator.unit().text()));
        }
        String source = row.requiredText(PublishedColumn.SOURCE);
        if (!row.hasProblems()) {
            // The breakdown as it is stored, not as typed: "area=urban,sex=total" and "area = urban, sex=total"
            // are the same figure, and the second must be rejected here rather than break the import.
            row.requireUniqueKey(new CsvColumn[] {PublishedColumn.INDICATOR, PublishedColumn.PERIOD,
                PublishedColumn.GEO, PublishedColumn.BREAKDOWN}, PublishedColumn.BREAKDOWN, breakdown.toString());
        }
        if (!row.hasProblems() && !geo.isReported(place)) {
            // A published figure is not summed into the places above it as counts are: it would
            // be kept and then shown nowhere.
            row.warn(PublishedColumn.GEO, place, Reason.of("geo.not-reported", geo.place(place).level()));
        }
        return new PublishedFigure(indicator, period, place, breakdown, value, source, row.line());
    }
}

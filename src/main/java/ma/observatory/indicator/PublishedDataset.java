package ma.observatory.indicator;

import java.util.List;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvDataset;
import ma.observatory.csv.CsvRow;
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
            row.reject(PublishedColumn.INDICATOR, id, "is not an indicator id of the catalogue (see the Notes sheet)");
        }
        Period period = row.period(PublishedColumn.PERIOD);
        String place = row.requiredText(PublishedColumn.GEO);
        if (!place.isEmpty() && !geo.knows(place)) {
            row.reject(PublishedColumn.GEO, place, "is not a code of reference/geo.csv");
        }
        Breakdown breakdown = Breakdown.NONE;
        String text = row.text(PublishedColumn.BREAKDOWN);
        try {
            breakdown = Breakdown.parse(text);
        } catch (IllegalArgumentException e) {
            row.reject(PublishedColumn.BREAKDOWN, text, e.getMessage() + "; expected name=value pairs joined by ', '");
        }
        String unknown = vocabulary.problem(breakdown);
        if (unknown != null) {
            row.reject(PublishedColumn.BREAKDOWN, text, unknown + ", as the count files write it");
        }
        Double value = row.signedNumber(PublishedColumn.VALUE);
        String unit = row.requiredText(PublishedColumn.UNIT);
        if (indicator != null && !unit.isEmpty() && !indicator.unit().text().equalsIgnoreCase(unit)) {
            row.reject(PublishedColumn.UNIT, unit, "does not match the unit of " + indicator.id() + ", which is '"
                    + indicator.unit().text() + "'");
        }
        String source = row.requiredText(PublishedColumn.SOURCE);
        if (!row.hasProblems()) {
            row.requireUniqueKey(PublishedColumn.INDICATOR, PublishedColumn.PERIOD, PublishedColumn.GEO,
                    PublishedColumn.BREAKDOWN);
        }
        return new PublishedFigure(indicator, period, place, breakdown, value, source, row.line());
    }
}

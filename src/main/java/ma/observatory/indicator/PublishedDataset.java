package ma.observatory.indicator;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvDataset;
import ma.observatory.csv.CsvRow;
import ma.observatory.csv.NumberParser;
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

    /** The width of the published table's breakdown column. */
    private static final int BREAKDOWN_CHARS = 400;
    /** Rates and shares: parts of a whole, from 0 to 100 %. */
    private static final Set<Indicator> SHARES = EnumSet.of(Indicator.EMPLOYMENT_ACTIVITY_RATE,
            Indicator.EMPLOYMENT_EMPLOYMENT_RATE, Indicator.EMPLOYMENT_UNEMPLOYMENT_RATE,
            Indicator.EMPLOYMENT_UNDEREMPLOYMENT_RATE, Indicator.EMPLOYMENT_SECTOR_SHARE, Indicator.TOURISM_MRE_SHARE,
            Indicator.TOURISM_MARKET_SHARE);
    /**
     * Counts and amounts, never below 0 (as in the count files). Changes, gaps, net creations,
     * balances and jobs created since a baseline may be.
     */
    private static final Set<Indicator> COUNTS = EnumSet.of(Indicator.EMPLOYMENT_POPULATION,
            Indicator.EMPLOYMENT_LABOUR_FORCE, Indicator.EMPLOYMENT_EMPLOYED, Indicator.EMPLOYMENT_UNEMPLOYED,
            Indicator.EMPLOYMENT_UNDEREMPLOYED, Indicator.OUTSOURCING_JOBS, Indicator.OUTSOURCING_RELOCATED_IN,
            Indicator.OUTSOURCING_RELOCATED_OUT, Indicator.OUTSOURCING_RELOCATION_EVENTS,
            Indicator.OUTSOURCING_PIPELINE_JOBS, Indicator.OUTSOURCING_JOBS_EXPOSED, Indicator.OUTSOURCING_JOBS_AT_RISK,
            Indicator.OUTSOURCING_EXPORTS, Indicator.TOURISM_ARRIVALS, Indicator.TOURISM_ARRIVALS_YTD,
            Indicator.TOURISM_OVERNIGHT_STAYS, Indicator.TOURISM_RECEIPTS, Indicator.TOURISM_RECEIPTS_YTD,
            Indicator.TOURISM_RECEIPTS_PER_ARRIVAL, Indicator.TOURISM_DIRECT_JOBS);

    /** @param vocabulary the closed vocabularies of the dimensions the count files give */
    public static PublishedFigure map(CsvRow row, GeoReference geo, BreakdownVocabulary vocabulary) {
        String id = row.requiredText(PublishedColumn.INDICATOR);
        Indicator indicator = id.isEmpty() ? null : Indicator.byId(id);
        if (indicator == null && !id.isEmpty()) {
            row.reject(PublishedColumn.INDICATOR, id, Reason.of("indicator.unknown"));
        }
        Period period = row.period(PublishedColumn.PERIOD);
        String place = geo.placeOf(row, PublishedColumn.GEO);
        Breakdown breakdown = Breakdown.NONE;
        String text = row.text(PublishedColumn.BREAKDOWN);
        try {
            breakdown = Breakdown.parse(text);
            // as stored, with ", " between its pairs: "a=1,b=2" is stored longer than typed
            int stored = breakdown.toString().length();
            if (stored > BREAKDOWN_CHARS) {
                row.reject(PublishedColumn.BREAKDOWN, text, Reason.of("value.too-long", Integer.toString(stored),
                        Integer.toString(BREAKDOWN_CHARS)));
            }
        } catch (Breakdown.NotAPair e) {
            row.reject(PublishedColumn.BREAKDOWN, text, Reason.of("breakdown.not-pairs", e.part()));
        }
        Reason unknown = vocabulary.problem(breakdown);
        if (unknown != null) {
            row.reject(PublishedColumn.BREAKDOWN, text, unknown);
        }
        Double value = row.signedNumber(PublishedColumn.VALUE);
        if (value != null && SHARES.contains(indicator) && (value < 0 || value > 100)) {
            row.reject(PublishedColumn.VALUE, row.text(PublishedColumn.VALUE), Reason.of("share.outside"));
        } else if (value != null && value < 0 && COUNTS.contains(indicator)) {
            row.reject(PublishedColumn.VALUE, row.text(PublishedColumn.VALUE), Reason.of("number.negative"));
        }
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
        int decimals = value == null ? PublishedFigure.DECIMALS_UNKNOWN
                : NumberParser.decimalsTyped(row.text(PublishedColumn.VALUE));
        return new PublishedFigure(indicator, period, place, breakdown, value, source, row.line(), decimals);
    }
}

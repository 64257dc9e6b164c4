package ma.observatory.tourism;

import java.util.List;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvRow;
import ma.observatory.cube.CountDataset;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;

import static ma.observatory.tourism.ArrivalsColumn.*;

/**
 * {@code tourism/arrivals.csv}: arrivals at border posts by visitor type and source market, with
 * overnight stays and travel receipts where given. National figures only: every row is staged at
 * {@value #COUNTRY}, a code of {@code reference/geo.csv}.
 */
public final class ArrivalsDataset implements CountDataset {

    public static final ArrivalsDataset INSTANCE = new ArrivalsDataset();
    /** The place every row of the file is about. */
    public static final String COUNTRY = "MA";
    public static final String ARRIVALS_MEASURE = "arrivals";
    public static final String OVERNIGHT_STAYS_MEASURE = "overnight_stays";
    public static final String RECEIPTS_MEASURE = "receipts_mad_million";
    public static final List<String> MEASURES = List.of(ARRIVALS_MEASURE, OVERNIGHT_STAYS_MEASURE, RECEIPTS_MEASURE);

    /** Targets are projected at the trend of the last three years: three years are staged before the range. */
    @Override
    public int yearsOfHistory() {
        return 3;
    }

    @Override
    public String file() {
        return "tourism/arrivals.csv";
    }

    @Override
    public String key() {
        return "tourism_arrivals";
    }

    @Override
    public List<? extends CsvColumn> columns() {
        return List.of(ArrivalsColumn.values());
    }

    @Override
    public List<String> measures() {
        return MEASURES;
    }

    /**
     * Row rules: a known period, visitor type and market, numbers that parse and are 0 or more, a
     * key (period, visitor_type, market) not seen before. An empty {@code arrivals} cell is "not
     * available", not a fault: a row may carry only receipts or overnight stays.
     */
    public static ArrivalsRecord map(CsvRow row, GeoReference geo) {
        Period period = row.period(PERIOD);
        VisitorType visitorType = row.code(VISITOR_TYPE, VisitorType.class);
        String market = row.country(MARKET, true);
        Double arrivals = row.persons(ARRIVALS);
        Double overnightStays = row.number(OVERNIGHT_STAYS);
        Double receipts = row.number(RECEIPTS_MAD_MILLION);
        if (!row.hasProblems()) {
            row.requireUniqueKey(PERIOD, VISITOR_TYPE, MARKET);
        }
        return new ArrivalsRecord(period, visitorType, market, arrivals, overnightStays, receipts, row.text(SOURCE));
    }
}

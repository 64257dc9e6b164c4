package ma.observatory.tourism;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.Stageable;
import ma.observatory.cube.StagedRow;
import ma.observatory.period.Period;

/**
 * One row of the arrivals file; {@code null} = not available. The file has no place column: every
 * figure is for the whole country, staged at {@value ArrivalsDataset#COUNTRY}.
 *
 * @param market ISO 3166-1 alpha-2 code in upper case, or {@code total}
 */
public record ArrivalsRecord(Period period, VisitorType visitorType, String market, Double arrivals,
                             Double overnightStays, Double receiptsMadMillion, String source) implements Stageable {

    @Override
    public StagedRow staged() {
        return new StagedRow(period, ArrivalsDataset.COUNTRY, breakdown(visitorType.code(), market),
                new Double[] {arrivals, overnightStays, receiptsMadMillion}, source);
    }

    /** {@code visitor_type=…, market=…}, in the order of the file's columns. */
    public static Breakdown breakdown(String visitorType, String market) {
        return Breakdown.of("visitor_type", visitorType, "market", market);
    }
}

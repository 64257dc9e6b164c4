package ma.observatory.outsourcing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import ma.observatory.cube.Breakdown;

/**
 * A rule of a client country that may cost outsourcing jobs, with the slice of jobs it applies to
 * (segment, client country, activity) and the shares of them it may cost.
 *
 * @param country the country that adopted the rule (ISO alpha-2)
 * @param lossRateLow share between 0 and 1; {@code null} when the source gives none (so for the others)
 */
public record Regulation(String id, String country, String title, LocalDate effectiveOn, Segment segment,
                         String clientCountry, Activity activity, LocalDate adoptedOn, Double lossRateLow,
                         Double lossRateCentral, Double lossRateHigh, String source, long line) {

    /** The breakdown of the sector_jobs cell the loss rates apply to. */
    public Breakdown jobs() {
        return SectorJobsRecord.breakdown(segment.code(), clientCountry, activity.code());
    }

    /** The scenarios given, by name ({@code low}, {@code central}, {@code high}), in that order. */
    public Map<String, Double> lossRates() {
        Map<String, Double> rates = new LinkedHashMap<>();
        if (lossRateLow != null) {
            rates.put("low", lossRateLow);
        }
        if (lossRateCentral != null) {
            rates.put("central", lossRateCentral);
        }
        if (lossRateHigh != null) {
            rates.put("high", lossRateHigh);
        }
        return rates;
    }
}

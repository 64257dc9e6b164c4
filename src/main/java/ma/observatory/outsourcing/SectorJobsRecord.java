package ma.observatory.outsourcing;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.Stageable;
import ma.observatory.cube.StagedRow;
import ma.observatory.period.Period;

/**
 * Outsourcing jobs in one destination country (ISO alpha-2), in persons; {@code clientCountry} is
 * an ISO alpha-2 code or {@code total}; {@code jobs} {@code null} = not available.
 */
public record SectorJobsRecord(Period period, String country, Segment segment, String clientCountry,
                               Activity activity, Double jobs, String source) implements Stageable {

    @Override
    public StagedRow staged() {
        return new StagedRow(period, country, breakdown(segment.code(), clientCountry, activity.code()),
                new Double[] {jobs}, source);
    }

    static Breakdown breakdown(String segment, String clientCountry, String activity) {
        return Breakdown.of("segment", segment, "client_country", clientCountry, "activity", activity);
    }
}

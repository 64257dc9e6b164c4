package ma.observatory.tourism;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.Stageable;
import ma.observatory.cube.StagedRow;
import ma.observatory.period.Period;

/** Persons directly employed in tourism in one period, nationally; {@code null} = not available. */
public record TourismJobsRecord(Period period, Double directJobs, String source) implements Stageable {

    @Override
    public StagedRow staged() {
        return new StagedRow(period, ArrivalsDataset.COUNTRY, Breakdown.NONE, new Double[] {directJobs}, source);
    }
}

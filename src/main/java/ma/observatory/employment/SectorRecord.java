package ma.observatory.employment;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.Stageable;
import ma.observatory.cube.StagedRow;
import ma.observatory.period.Period;

/** Employed persons of one sector, in thousands. */
public record SectorRecord(Period period, String geo, Sector sector, Double employed, String source)
        implements Stageable {

    @Override
    public StagedRow staged() {
        return new StagedRow(period, geo, Breakdown.of("sector", sector.code()), new Double[] {employed}, source);
    }
}

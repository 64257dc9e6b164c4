package ma.observatory.employment;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.Stageable;
import ma.observatory.cube.StagedRow;
import ma.observatory.period.Period;

/** One row of the labour force survey counts, in thousands of persons; {@code null} = not available. */
public record LabourForceRecord(Period period, String geo, Area area, Sex sex, String ageGroup, Double population,
                                Double labourForce, Double employed, Double unemployed, Double underemployed,
                                String source) implements Stageable {

    @Override
    public StagedRow staged() {
        return new StagedRow(period, geo, breakdown(area.code(), sex.code(), ageGroup),
                new Double[] {population, labourForce, employed, unemployed, underemployed}, source);
    }

    static Breakdown breakdown(String area, String sex, String ageGroup) {
        return Breakdown.of("area", area, "sex", sex, "age_group", ageGroup);
    }
}

package ma.observatory.employment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        return new StagedRow(period, geo, sharedBreakdown(area, sex, ageGroup),
                new Double[] {population, labourForce, employed, unemployed, underemployed}, source);
    }

    static Breakdown breakdown(String area, String sex, String ageGroup) {
        return Breakdown.of("area", area, "sex", sex, "age_group", ageGroup);
    }

    /**
     * The breakdowns rows share, made once: the staging writer looks each row's breakdown up in a
     * hash map, and a shared instance has its strings' hashes ready. Bounded, as a hostile file
     * could spell thousands of distinct age bands.
     */
    private static final Map<String, Breakdown> SHARED = new ConcurrentHashMap<>();
    private static final int MAX_SHARED = 10_000;

    private static Breakdown sharedBreakdown(Area area, Sex sex, String ageGroup) {
        String key = area.ordinal() + "" + sex.ordinal() + ageGroup;
        Breakdown b = SHARED.get(key);
        if (b == null) {
            b = breakdown(area.code(), sex.code(), ageGroup);
            if (SHARED.size() < MAX_SHARED) {
                SHARED.putIfAbsent(key, b);
            }
        }
        return b;
    }
}

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

    /** Past this many distinct age bands (they are the file's own), breakdowns are made per row, not kept. */
    private static final int SHARED_AGE_BANDS = 200;
    private static final int SEXES = Sex.values().length;
    /**
     * The breakdowns of the rows, by area and sex (ordinals), then age band: two million rows have
     * a few dozen distinct ones, and sharing them spares building and hashing one per row.
     */
    @SuppressWarnings("unchecked")
    private static final Map<String, Breakdown>[] SHARED = new Map[Area.values().length * SEXES];

    static {
        for (int i = 0; i < SHARED.length; i++) {
            SHARED[i] = new ConcurrentHashMap<>();
        }
    }

    @Override
    public StagedRow staged() {
        return new StagedRow(period, geo, breakdown(area, sex, ageGroup),
                new Double[] {population, labourForce, employed, unemployed, underemployed}, source);
    }

    static Breakdown breakdown(Area area, Sex sex, String ageGroup) {
        Map<String, Breakdown> byAge = SHARED[area.ordinal() * SEXES + sex.ordinal()];
        Breakdown shared = byAge.get(ageGroup);
        if (shared != null) {
            return shared;
        }
        Breakdown made = Breakdown.of("area", area.code(), "sex", sex.code(), "age_group", ageGroup);
        if (byAge.size() < SHARED_AGE_BANDS) {
            byAge.putIfAbsent(ageGroup, made);
        }
        return made;
    }
}

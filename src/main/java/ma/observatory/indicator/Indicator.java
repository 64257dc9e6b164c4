package ma.observatory.indicator;

import java.util.List;

/**
 * The indicator catalogue: every id the job writes or accepts in {@code published.csv}, with its
 * unit and the input files it comes from. Labels and definitions, in French and English, live in
 * the message bundles under {@code indicator.<id>.label} and {@code indicator.<id>.definition}.
 * Ids are stable: economists' pivot tables and formulas refer to them.
 */
public enum Indicator {
    EMPLOYMENT_POPULATION("employment.population", Unit.THOUSAND_PERSONS, Files.LABOUR_FORCE),
    EMPLOYMENT_LABOUR_FORCE("employment.labour_force", Unit.THOUSAND_PERSONS, Files.LABOUR_FORCE),
    EMPLOYMENT_EMPLOYED("employment.employed", Unit.THOUSAND_PERSONS, Files.LABOUR_FORCE_AND_SECTOR),
    EMPLOYMENT_UNEMPLOYED("employment.unemployed", Unit.THOUSAND_PERSONS, Files.LABOUR_FORCE),
    EMPLOYMENT_UNDEREMPLOYED("employment.underemployed", Unit.THOUSAND_PERSONS, Files.LABOUR_FORCE),
    EMPLOYMENT_ACTIVITY_RATE("employment.activity_rate", Unit.PERCENT, Files.LABOUR_FORCE),
    EMPLOYMENT_EMPLOYMENT_RATE("employment.employment_rate", Unit.PERCENT, Files.LABOUR_FORCE),
    EMPLOYMENT_UNEMPLOYMENT_RATE("employment.unemployment_rate", Unit.PERCENT, Files.LABOUR_FORCE),
    EMPLOYMENT_UNDEREMPLOYMENT_RATE("employment.underemployment_rate", Unit.PERCENT, Files.LABOUR_FORCE),
    EMPLOYMENT_ACTIVITY_RATE_CHANGE("employment.activity_rate_change_pp", Unit.POINTS, Files.LABOUR_FORCE),
    EMPLOYMENT_EMPLOYMENT_RATE_CHANGE("employment.employment_rate_change_pp", Unit.POINTS, Files.LABOUR_FORCE),
    EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE("employment.unemployment_rate_change_pp", Unit.POINTS, Files.LABOUR_FORCE),
    EMPLOYMENT_UNDEREMPLOYMENT_RATE_CHANGE("employment.underemployment_rate_change_pp", Unit.POINTS, Files.LABOUR_FORCE),
    EMPLOYMENT_ACTIVITY_RATE_GAP("employment.activity_rate_gap_pp", Unit.POINTS, Files.LABOUR_FORCE),
    EMPLOYMENT_EMPLOYMENT_RATE_GAP("employment.employment_rate_gap_pp", Unit.POINTS, Files.LABOUR_FORCE),
    EMPLOYMENT_UNEMPLOYMENT_RATE_GAP("employment.unemployment_rate_gap_pp", Unit.POINTS, Files.LABOUR_FORCE),
    EMPLOYMENT_UNDEREMPLOYMENT_RATE_GAP("employment.underemployment_rate_gap_pp", Unit.POINTS, Files.LABOUR_FORCE),
    EMPLOYMENT_NET_JOB_CREATION("employment.net_job_creation", Unit.THOUSAND_PERSONS, Files.SECTOR),
    EMPLOYMENT_SECTOR_SHARE("employment.sector_share", Unit.PERCENT, Files.SECTOR);

    /** Input files named in the catalogue. */
    private static final class Files {
        static final List<String> LABOUR_FORCE = List.of("employment/labour_force.csv", "published.csv");
        static final List<String> SECTOR = List.of("employment/employment_by_sector.csv", "published.csv");
        static final List<String> LABOUR_FORCE_AND_SECTOR = List.of("employment/labour_force.csv",
                "employment/employment_by_sector.csv", "published.csv");
    }

    private final String id;
    private final Unit unit;
    private final List<String> files;

    Indicator(String id, Unit unit, List<String> files) {
        this.id = id;
        this.unit = unit;
        this.files = files;
    }

    public String id() {
        return id;
    }

    public Unit unit() {
        return unit;
    }

    public List<String> files() {
        return files;
    }

    /** The domain, from the id's prefix: {@code employment}, {@code outsourcing}, {@code tourism}. */
    public String domain() {
        return id.substring(0, id.indexOf('.'));
    }

    public static Indicator byId(String id) {
        for (Indicator i : values()) {
            if (i.id.equalsIgnoreCase(id.strip())) {
                return i;
            }
        }
        return null;
    }
}

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
    EMPLOYMENT_NET_JOB_CREATION("employment.net_job_creation", Unit.THOUSAND_PERSONS, Files.LABOUR_FORCE_AND_SECTOR),
    EMPLOYMENT_SECTOR_SHARE("employment.sector_share", Unit.PERCENT, Files.SECTOR),

    OUTSOURCING_JOBS("outsourcing.jobs", Unit.PERSONS, Files.SECTOR_JOBS),
    OUTSOURCING_JOBS_CHANGE("outsourcing.jobs_change_pct", Unit.PERCENT, Files.SECTOR_JOBS),
    OUTSOURCING_RELOCATED_IN("outsourcing.relocated_jobs_in", Unit.PERSONS, Files.RELOCATIONS),
    OUTSOURCING_RELOCATED_OUT("outsourcing.relocated_jobs_out", Unit.PERSONS, Files.RELOCATIONS),
    OUTSOURCING_RELOCATED_NET("outsourcing.relocated_jobs_net", Unit.PERSONS, Files.RELOCATIONS),
    OUTSOURCING_RELOCATION_EVENTS("outsourcing.relocation_events", Unit.COUNT, Files.RELOCATIONS),
    OUTSOURCING_PIPELINE_JOBS("outsourcing.pipeline_jobs", Unit.PERSONS, Files.RELOCATIONS),
    OUTSOURCING_JOBS_EXPOSED("outsourcing.jobs_exposed", Unit.PERSONS, Files.REGULATIONS),
    OUTSOURCING_JOBS_AT_RISK("outsourcing.jobs_at_risk", Unit.PERSONS, Files.REGULATIONS),
    OUTSOURCING_EXPORTS("outsourcing.exports_mad_million", Unit.MAD_MILLION, Files.PUBLISHED),
    OUTSOURCING_EXPORTS_CHANGE("outsourcing.exports_change_pct", Unit.PERCENT, Files.PUBLISHED),

    TOURISM_ARRIVALS("tourism.arrivals", Unit.PERSONS, Files.ARRIVALS),
    TOURISM_ARRIVALS_YTD("tourism.arrivals_ytd", Unit.PERSONS, Files.ARRIVALS),
    TOURISM_ARRIVALS_CHANGE("tourism.arrivals_change_pct", Unit.PERCENT, Files.ARRIVALS),
    TOURISM_ARRIVALS_YTD_CHANGE("tourism.arrivals_ytd_change_pct", Unit.PERCENT, Files.ARRIVALS),
    TOURISM_MRE_SHARE("tourism.mre_share", Unit.PERCENT, Files.ARRIVALS),
    TOURISM_MARKET_SHARE("tourism.market_share", Unit.PERCENT, Files.ARRIVALS),
    TOURISM_OVERNIGHT_STAYS("tourism.overnight_stays", Unit.NIGHTS, Files.ARRIVALS),
    TOURISM_RECEIPTS("tourism.receipts_mad_million", Unit.MAD_MILLION, Files.ARRIVALS),
    TOURISM_RECEIPTS_YTD("tourism.receipts_ytd_mad_million", Unit.MAD_MILLION, Files.ARRIVALS),
    TOURISM_RECEIPTS_CHANGE("tourism.receipts_change_pct", Unit.PERCENT, Files.ARRIVALS),
    TOURISM_RECEIPTS_YTD_CHANGE("tourism.receipts_ytd_change_pct", Unit.PERCENT, Files.ARRIVALS),
    TOURISM_RECEIPTS_PER_ARRIVAL("tourism.receipts_per_arrival", Unit.MAD, Files.ARRIVALS),
    TOURISM_DIRECT_JOBS("tourism.direct_jobs", Unit.PERSONS, Files.TOURISM_JOBS),
    TOURISM_DIRECT_JOBS_CHANGE("tourism.direct_jobs_change_pct", Unit.PERCENT, Files.TOURISM_JOBS),
    TOURISM_DIRECT_JOBS_CREATED("tourism.direct_jobs_created", Unit.PERSONS, Files.TOURISM_JOBS),
    TOURISM_JOBS_CREATED("tourism.jobs_created", Unit.PERSONS, Files.PUBLISHED),
    TOURISM_TARGET_PROGRESS("tourism.target_progress_pct", Unit.PERCENT, Files.TARGETS),
    TOURISM_TARGET_REQUIRED_CAGR("tourism.target_required_cagr_pct", Unit.PERCENT, Files.TARGETS),
    TOURISM_TARGET_PROJECTION("tourism.target_projection", Unit.AS_TARGET, Files.TARGETS),
    TOURISM_TARGET_ON_TRACK("tourism.target_on_track", Unit.FLAG, Files.TARGETS);

    /** Input files named in the catalogue. */
    private static final class Files {
        static final List<String> LABOUR_FORCE = List.of("employment/labour_force.csv", "published.csv");
        static final List<String> SECTOR = List.of("employment/employment_by_sector.csv", "published.csv");
        static final List<String> LABOUR_FORCE_AND_SECTOR = List.of("employment/labour_force.csv",
                "employment/employment_by_sector.csv", "published.csv");
        static final List<String> SECTOR_JOBS = List.of("outsourcing/sector_jobs.csv", "published.csv");
        static final List<String> RELOCATIONS = List.of("outsourcing/relocations.csv");
        static final List<String> REGULATIONS = List.of("outsourcing/regulations.csv", "outsourcing/sector_jobs.csv");
        static final List<String> PUBLISHED = List.of("published.csv");
        static final List<String> ARRIVALS = List.of("tourism/arrivals.csv", "published.csv");
        static final List<String> TOURISM_JOBS = List.of("tourism/jobs.csv", "published.csv");
        static final List<String> TARGETS = List.of("targets.csv", "tourism/arrivals.csv", "tourism/jobs.csv");
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

    /**
     * Whether a published figure of the same key is reported instead of the computed value. Tourism's
     * changes, year-to-date sums and shares are worked out from the ministry's totals, most of them
     * published rounded ("1.2 million"): a change between two rounded months can be several points
     * away from the one the ministry published from its exact counts, which is the figure economists
     * quote. The computed value stays beside it on Data quality.
     */
    public boolean publishedPrevails() {
        return switch (this) {
            case TOURISM_ARRIVALS_YTD, TOURISM_ARRIVALS_CHANGE, TOURISM_ARRIVALS_YTD_CHANGE, TOURISM_MRE_SHARE,
                 TOURISM_MARKET_SHARE, TOURISM_RECEIPTS_YTD, TOURISM_RECEIPTS_CHANGE, TOURISM_RECEIPTS_YTD_CHANGE,
                 TOURISM_RECEIPTS_PER_ARRIVAL, TOURISM_DIRECT_JOBS_CHANGE -> true;
            default -> false;
        };
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

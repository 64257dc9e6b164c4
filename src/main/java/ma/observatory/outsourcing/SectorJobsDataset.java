package ma.observatory.outsourcing;

import java.util.List;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvRow;
import ma.observatory.cube.CountDataset;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;

import static ma.observatory.outsourcing.SectorJobsColumn.*;

/** {@code outsourcing/sector_jobs.csv}: jobs of the sector by destination country, segment, client and activity. */
public final class SectorJobsDataset implements CountDataset {

    public static final SectorJobsDataset INSTANCE = new SectorJobsDataset();

    @Override
    public String file() {
        return "outsourcing/sector_jobs.csv";
    }

    @Override
    public String key() {
        return "sector_jobs";
    }

    @Override
    public List<? extends CsvColumn> columns() {
        return List.of(SectorJobsColumn.values());
    }

    @Override
    public List<String> measures() {
        return List.of("jobs");
    }

    /** Countries are ISO codes, not places of {@code reference/geo.csv}: nothing is rolled up. */
    @Override
    public boolean placesFromReference() {
        return false;
    }

    /**
     * A regulation's exposure uses the latest jobs known before it takes effect, however old (the
     * series is sparse: 2004, 2006, 2009...): the whole past is staged. It is a row per year or so.
     */
    @Override
    public int yearsOfHistory() {
        return 100;
    }

    /** A head count is said during its year: "about 100,000 in 2025", in May 2025. */
    @Override
    public boolean knownOnceOver() {
        return false;
    }

    public static SectorJobsRecord map(CsvRow row, GeoReference geo) {
        Period period = row.period(PERIOD);
        String country = country(row, COUNTRY, false);
        Segment segment = row.code(SEGMENT, Segment.class);
        String client = country(row, CLIENT_COUNTRY, true);
        Activity activity = row.code(ACTIVITY, Activity.class);
        Double jobs = row.persons(JOBS);
        if (!row.hasProblems()) {
            row.requireUniqueKey(PERIOD, COUNTRY, SEGMENT, CLIENT_COUNTRY, ACTIVITY);
        }
        return new SectorJobsRecord(period, country, segment, client, activity, jobs, row.text(SOURCE));
    }

    /** An ISO country code that must be given: an empty cell says so rather than "not a code". */
    static String country(CsvRow row, CsvColumn column, boolean totalAllowed) {
        if (row.text(column).isEmpty()) {
            row.requiredText(column);
            return "";
        }
        return row.country(column, totalAllowed);
    }
}

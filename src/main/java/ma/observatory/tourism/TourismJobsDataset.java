package ma.observatory.tourism;

import java.util.List;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvRow;
import ma.observatory.cube.CountDataset;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;

import static ma.observatory.tourism.TourismJobsColumn.*;

/** {@code tourism/jobs.csv}: direct tourism jobs, national, one row per period. */
public final class TourismJobsDataset implements CountDataset {

    public static final TourismJobsDataset INSTANCE = new TourismJobsDataset();
    public static final String DIRECT_JOBS_MEASURE = "direct_jobs";

    /** Jobs created are counted from a target's baseline year, a few years back: ten years are staged. */
    @Override
    public int yearsOfHistory() {
        return 10;
    }

    /** A head count, which a ministry may state during its year. */
    @Override
    public boolean knownOnceOver() {
        return false;
    }

    @Override
    public String file() {
        return "tourism/jobs.csv";
    }

    @Override
    public String key() {
        return "tourism_jobs";
    }

    @Override
    public List<? extends CsvColumn> columns() {
        return List.of(TourismJobsColumn.values());
    }

    @Override
    public List<String> measures() {
        return List.of(DIRECT_JOBS_MEASURE);
    }

    public static TourismJobsRecord map(CsvRow row, GeoReference geo) {
        Period period = row.period(PERIOD);
        Double directJobs = row.persons(DIRECT_JOBS);
        if (!row.hasProblems()) {
            row.requireUniqueKey(PERIOD);
        }
        return new TourismJobsRecord(period, directJobs, row.text(SOURCE));
    }
}

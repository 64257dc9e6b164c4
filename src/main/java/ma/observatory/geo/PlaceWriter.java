package ma.observatory.geo;

import java.util.List;

import ma.observatory.csv.Parsed;
import ma.observatory.staging.ImportWriter;
import ma.observatory.staging.StagingRepository;

/** Stores the rows of {@code reference/geo.csv} for the run. */
public class PlaceWriter extends ImportWriter<Place> {

    private final PlaceRepository places;

    public PlaceWriter(long runId, StagingRepository staging, PlaceRepository places) {
        super(runId, GeoDataset.INSTANCE.file(), staging);
        this.places = places;
    }

    @Override
    protected void purgeStaged() {
        places.deleteRun(runId);
    }

    @Override
    protected long stage(List<Parsed<Place>> kept) {
        places.save(runId, kept);
        return 0;
    }
}

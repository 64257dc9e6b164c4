package ma.observatory.outsourcing;

import java.util.List;

import ma.observatory.csv.Parsed;
import ma.observatory.staging.ImportWriter;
import ma.observatory.staging.StagingRepository;

/**
 * Stores the kept rows of {@code outsourcing/relocations.csv} one per event. Every event is
 * stored, whatever its dates: the Relocations sheet lists them all and says why each one is
 * counted or not.
 */
public class RelocationWriter extends ImportWriter<RelocationEvent> {

    private final RelocationRepository relocations;

    public RelocationWriter(long runId, StagingRepository staging, RelocationRepository relocations) {
        super(runId, RelocationDataset.INSTANCE.file(), staging);
        this.relocations = relocations;
    }

    @Override
    protected void purgeStaged() {
        relocations.deleteRun(runId);
    }

    @Override
    protected long stage(List<Parsed<RelocationEvent>> kept) {
        relocations.save(runId, kept.stream().map(Parsed::item).toList());
        return 0;
    }
}

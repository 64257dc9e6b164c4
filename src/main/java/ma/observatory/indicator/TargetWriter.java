package ma.observatory.indicator;

import java.util.List;

import ma.observatory.csv.Parsed;
import ma.observatory.staging.ImportWriter;
import ma.observatory.staging.StagingRepository;

/** Stores the rows of {@code targets.csv} for the run. */
public class TargetWriter extends ImportWriter<Target> {

    private final TargetRepository targets;

    public TargetWriter(long runId, StagingRepository staging, TargetRepository targets) {
        super(runId, TargetDataset.INSTANCE.file(), staging);
        this.targets = targets;
    }

    @Override
    protected void purgeStaged() {
        targets.deleteRun(runId);
    }

    @Override
    protected long stage(List<Parsed<Target>> kept) {
        targets.save(runId, kept.stream().map(Parsed::item).toList());
        return 0;
    }
}

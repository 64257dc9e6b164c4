package ma.observatory.outsourcing;

import java.util.List;

import ma.observatory.csv.Parsed;
import ma.observatory.staging.ImportWriter;
import ma.observatory.staging.StagingRepository;

/** Stores the kept rows of {@code outsourcing/regulations.csv}. */
public class RegulationWriter extends ImportWriter<Regulation> {

    private final RegulationRepository regulations;

    public RegulationWriter(long runId, StagingRepository staging, RegulationRepository regulations) {
        super(runId, RegulationDataset.INSTANCE.file(), staging);
        this.regulations = regulations;
    }

    @Override
    protected void purgeStaged() {
        regulations.deleteRun(runId);
    }

    @Override
    protected long stage(List<Parsed<Regulation>> kept) {
        regulations.save(runId, kept.stream().map(Parsed::item).toList());
        return 0;
    }
}

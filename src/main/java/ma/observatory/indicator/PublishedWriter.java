package ma.observatory.indicator;

import java.util.List;

import ma.observatory.csv.Parsed;
import ma.observatory.staging.ImportWriter;
import ma.observatory.staging.StagingRepository;

/** Stores the rows of {@code published.csv} for the run. */
public class PublishedWriter extends ImportWriter<PublishedFigure> {

    private final IndicatorRepository indicators;

    public PublishedWriter(long runId, StagingRepository staging, IndicatorRepository indicators) {
        super(runId, PublishedDataset.INSTANCE.file(), staging);
        this.indicators = indicators;
    }

    @Override
    protected void purgeStaged() {
        indicators.deletePublished(runId);
    }

    @Override
    protected long stage(List<Parsed<PublishedFigure>> kept) {
        indicators.savePublished(runId, kept.stream().map(Parsed::item).toList());
        return 0;
    }
}

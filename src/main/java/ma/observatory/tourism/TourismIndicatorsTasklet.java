package ma.observatory.tourism;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.cube.Cube;
import ma.observatory.geo.GeoReference;
import ma.observatory.geo.PlaceRepository;
import ma.observatory.indicator.IndicatorRepository;
import ma.observatory.indicator.SourceText;
import ma.observatory.indicator.TargetRepository;
import ma.observatory.job.RunParameters;
import ma.observatory.staging.StagingRepository;

/** Reads the tourism cells, published figures and targets of the run, computes the indicators and stores them. */
class TourismIndicatorsTasklet implements Tasklet {

    static final String DOMAIN = "tourism";

    private final JdbcTemplate jdbc;
    private final PlaceRepository places;
    private final IndicatorRepository indicators;
    private final TargetRepository targets;
    private final StagingRepository staging;

    TourismIndicatorsTasklet(JdbcTemplate jdbc, PlaceRepository places, IndicatorRepository indicators,
                             TargetRepository targets, StagingRepository staging) {
        this.jdbc = jdbc;
        this.places = places;
        this.indicators = indicators;
        this.targets = targets;
        this.staging = staging;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = contribution.getStepExecution();
        RunParameters run = RunParameters.of(step);
        long runId = RunParameters.runId(step);
        GeoReference geo = places.load(runId, run.geoLevels());
        SourceText words = SourceText.of(run.language());
        Cube arrivals = Cube.load(jdbc, runId, ArrivalsDataset.INSTANCE, geo, words::staged);
        TourismIndicators.deriveArrivalsTotals(arrivals, words);
        Cube jobs = Cube.load(jdbc, runId, TourismJobsDataset.INSTANCE, geo, words::staged);
        var result = TourismIndicators.compute(arrivals, jobs, indicators.published(runId, DOMAIN),
                targets.targets(runId, DOMAIN), run.range(), geo, words);
        indicators.replace(runId, DOMAIN, result.values(), result.checks());
        staging.replaceDerivedWarnings(runId, ArrivalsDataset.INSTANCE.file(), arrivals.warnings());
        staging.replaceDerivedWarnings(runId, TourismJobsDataset.INSTANCE.file(), jobs.warnings());
        return RepeatStatus.FINISHED;
    }
}

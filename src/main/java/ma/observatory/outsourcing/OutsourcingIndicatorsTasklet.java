package ma.observatory.outsourcing;

import java.util.List;
import java.util.Set;

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
import ma.observatory.job.RunParameters;
import ma.observatory.staging.StagingRepository;

/** Reads the outsourcing cells, events and regulations of the run, computes the indicators and stores them. */
class OutsourcingIndicatorsTasklet implements Tasklet {

    /** Countries are not places of the reference: no roll-up from finer places. */
    static GeoReference noPlaces() {
        return new GeoReference(List.of(), Set.of());
    }

    private final JdbcTemplate jdbc;
    private final PlaceRepository places;
    private final IndicatorRepository indicators;
    private final StagingRepository staging;
    private final RelocationRepository relocations;
    private final RegulationRepository regulations;

    OutsourcingIndicatorsTasklet(JdbcTemplate jdbc, PlaceRepository places, IndicatorRepository indicators,
                                 StagingRepository staging, RelocationRepository relocations,
                                 RegulationRepository regulations) {
        this.jdbc = jdbc;
        this.places = places;
        this.indicators = indicators;
        this.staging = staging;
        this.relocations = relocations;
        this.regulations = regulations;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = contribution.getStepExecution();
        RunParameters run = RunParameters.of(step);
        long runId = RunParameters.runId(step);
        GeoReference geo = places.load(runId, run.geoLevels());
        SourceText words = SourceText.of(run.language());
        Cube jobs = Cube.load(jdbc, runId, SectorJobsDataset.INSTANCE, noPlaces(), words::staged);
        OutsourcingIndicators.deriveSectorJobsTotals(jobs);
        var result = OutsourcingIndicators.compute(jobs, relocations.events(runId), regulations.regulations(runId),
                indicators.published(runId, "outsourcing"), run.range(), geo, words);
        indicators.replace(runId, "outsourcing", result.values(), result.checks());
        staging.replaceDerivedWarnings(runId, SectorJobsDataset.INSTANCE.file(), jobs.warnings());
        return RepeatStatus.FINISHED;
    }
}

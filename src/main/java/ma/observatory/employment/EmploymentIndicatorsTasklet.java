package ma.observatory.employment;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.csv.RowProblem;
import ma.observatory.cube.Cube;
import ma.observatory.geo.GeoReference;
import ma.observatory.geo.PlaceRepository;
import ma.observatory.indicator.IndicatorRepository;
import ma.observatory.indicator.SourceText;
import ma.observatory.job.RunParameters;
import ma.observatory.staging.StagingRepository;

/** Reads the employment cells of the run, computes the indicators and stores them. */
class EmploymentIndicatorsTasklet implements Tasklet {

    private final JdbcTemplate jdbc;
    private final PlaceRepository places;
    private final IndicatorRepository indicators;
    private final StagingRepository staging;

    EmploymentIndicatorsTasklet(JdbcTemplate jdbc, PlaceRepository places, IndicatorRepository indicators,
                                StagingRepository staging) {
        this.jdbc = jdbc;
        this.places = places;
        this.indicators = indicators;
        this.staging = staging;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = contribution.getStepExecution();
        RunParameters run = RunParameters.of(step);
        long runId = RunParameters.runId(step);
        GeoReference geo = places.load(runId, run.geoLevels());
        SourceText words = SourceText.of(run.language());
        Cube labourForce = Cube.load(jdbc, runId, LabourForceDataset.INSTANCE, geo, words::staged);
        EmploymentIndicators.deriveLabourForceTotals(labourForce);
        Cube sectors = Cube.load(jdbc, runId, SectorDataset.INSTANCE, geo, words::staged);
        EmploymentIndicators.deriveSectorTotals(sectors);
        var result = EmploymentIndicators.compute(labourForce, sectors, indicators.published(runId, "employment"),
                run.range(), geo, words);
        indicators.replace(runId, "employment", result.values(), result.checks());
        staging.replaceDerivedWarnings(runId, LabourForceDataset.INSTANCE.file(), labourForce.warnings());
        List<RowProblem> sectorWarnings = new ArrayList<>(sectors.warnings());
        sectorWarnings.addAll(EmploymentIndicators.compareEmployed(labourForce, sectors));
        staging.replaceDerivedWarnings(runId, SectorDataset.INSTANCE.file(), sectorWarnings);
        return RepeatStatus.FINISHED;
    }
}

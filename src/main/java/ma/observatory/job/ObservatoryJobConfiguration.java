package ma.observatory.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import ma.observatory.csv.CsvDataset;
import ma.observatory.csv.CsvItemReader;
import ma.observatory.csv.Reason;
import ma.observatory.cube.BreakdownVocabulary;
import ma.observatory.employment.AgeGroups;
import ma.observatory.employment.Area;
import ma.observatory.employment.Sector;
import ma.observatory.employment.Sex;
import ma.observatory.geo.GeoDataset;
import ma.observatory.geo.Place;
import ma.observatory.geo.PlaceRepository;
import ma.observatory.indicator.IndicatorRepository;
import ma.observatory.indicator.PublishedDataset;
import ma.observatory.indicator.PublishedFigure;
import ma.observatory.indicator.Target;
import ma.observatory.indicator.TargetDataset;
import ma.observatory.indicator.TargetRepository;
import ma.observatory.outsourcing.Activity;
import ma.observatory.outsourcing.Segment;
import ma.observatory.report.ReportTasklet;
import ma.observatory.staging.RowsWriter;
import ma.observatory.staging.StagingRepository;
import ma.observatory.tourism.VisitorType;

/**
 * The job: check the inputs, import the reference and the published figures, run each domain
 * (import, check reject rates, compute indicators) side by side, then write the workbook. Nothing
 * is written to {@code reports/} before every earlier step has succeeded.
 */
@Configuration(proxyBeanMethods = false)
public class ObservatoryJobConfiguration {

    public static final String JOB_NAME = "labourMarketReport";
    /** The last step: the stop on SIGTERM lets it finish (see run/RunRegistry#requestStop). */
    public static final String WRITE_REPORT_STEP = "writeReport";
    /**
     * The dimensions of the count files with a closed vocabulary, which a published figure's
     * breakdown must spell as they do to be compared with the computed value.
     */
    static final BreakdownVocabulary BREAKDOWN_VOCABULARY = BreakdownVocabulary.builder()
            .codes("area", Area.class).codes("sex", Sex.class).codes("sector", Sector.class)
            .rule("age_group", v -> v.equals(AgeGroups.normalise(v)),
                    (name, value) -> Reason.of("breakdown.not-age-group", name, value))
            .codes("segment", Segment.class).codes("activity", Activity.class)
            .codes("visitor_type", VisitorType.class)
            .countries("client_country", "market", "origin_country", "destination_country", "counterpart_country")
            .values("direction", "in", "out")
            .values("scenario", "low", "central", "high")
            .order("area", "sex", "age_group", "sector", "segment", "client_country", "activity", "visitor_type",
                    "market", "origin_country", "destination_country", "counterpart_country", "direction",
                    "regulation", "scenario", "baseline", "target")
            .build();

    @Bean
    DatabaseDisk databaseDisk(org.springframework.core.env.Environment env) {
        return DatabaseDisk.of(env);
    }

    @Bean
    StagingRepository stagingRepository(JdbcTemplate jdbc, DatabaseDisk disk) {
        return new StagingRepository(jdbc, disk::ensureRoomToGoOn);
    }

    @Bean
    IndicatorRepository indicatorRepository(JdbcTemplate jdbc, DatabaseDisk disk) {
        return new IndicatorRepository(jdbc, disk::ensureRoomToGoOn);
    }

    @Bean
    Job labourMarketReport(JobRepository jobRepository, PlatformTransactionManager tx, List<Domain> domains,
                           JdbcTemplate jdbc, StagingRepository staging, ImportSteps importSteps,
                           CsvItemReader<Place> placeReader, RowsWriter<Place> placeWriter,
                           CsvItemReader<PublishedFigure> publishedReader,
                           RowsWriter<PublishedFigure> publishedWriter,
                           CsvItemReader<Target> targetReader, RowsWriter<Target> targetWriter,
                           ReportTasklet reportTasklet, ObjectProvider<JobExecutionListener> listeners) {
        List<CsvDataset> shared = List.of(GeoDataset.INSTANCE, PublishedDataset.INSTANCE, TargetDataset.INSTANCE);
        Step checkInputs = new StepBuilder("checkInputs", jobRepository)
                .tasklet(new CheckInputsTasklet(jdbc, staging, shared, domains), tx).build();
        Step importPlaces = importSteps.step("importPlaces", placeReader, placeWriter);
        Step importPublished = importSteps.step("importPublished", publishedReader, publishedWriter);
        Step importTargets = importSteps.step("importTargets", targetReader, targetWriter);
        Step checkSharedRejects = new StepBuilder("checkSharedRejects", jobRepository)
                .tasklet(new RejectRateGate(jdbc, shared), tx).build();

        List<Flow> domainFlows = new ArrayList<>();
        for (Domain domain : domains) {
            domainFlows.add(domainFlow(domain, jobRepository, tx, jdbc));
        }
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("domain-");
        Flow allDomains = new FlowBuilder<SimpleFlow>("domains").split(executor)
                .add(domainFlows.toArray(Flow[]::new)).build();
        Step writeReport = new StepBuilder(WRITE_REPORT_STEP, jobRepository).tasklet(reportTasklet, tx).build();

        Flow main = new FlowBuilder<SimpleFlow>("main")
                .start(checkInputs).next(importPlaces).next(importPublished).next(importTargets)
                .next(checkSharedRejects)
                .next(allDomains).next(writeReport)
                .build();
        JobBuilder builder = new JobBuilder(JOB_NAME, jobRepository);
        // e.g. the run tracker of the operations layer: which execution runs in which process
        listeners.orderedStream().forEach(builder::listener);
        return builder.start(main).end().build();
    }

    private Flow domainFlow(Domain domain, JobRepository jobRepository, PlatformTransactionManager tx,
                            JdbcTemplate jdbc) {
        DomainDecider decider = new DomainDecider(domain.name());
        FlowBuilder<SimpleFlow> steps = new FlowBuilder<>(domain.name() + "Steps");
        for (int i = 0; i < domain.importSteps().size(); i++) {
            steps = i == 0 ? steps.start(domain.importSteps().get(i)) : steps.next(domain.importSteps().get(i));
        }
        Step gate = new StepBuilder("check" + capitalised(domain.name()) + "Rejects", jobRepository)
                .tasklet(new RejectRateGate(jdbc, domain.datasets()), tx).build();
        SimpleFlow work = steps.next(gate).next(domain.indicatorStep()).build();
        return new FlowBuilder<SimpleFlow>(domain.name())
                .start(decider).on(DomainDecider.SKIP).end()
                .from(decider).on(DomainDecider.RUN).to(work)
                .end();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Bean
    @StepScope
    CsvItemReader<Place> placeReader(@Value("#{stepExecution}") StepExecution step, StagingRepository staging) {
        // The geography is what the other readers check against: it is read without one.
        return new CsvItemReader<>("importPlacesReader", RunParameters.of(step).inputDir(), GeoDataset.INSTANCE,
                GeoDataset::map).expecting(staging.stamp(RunParameters.runId(step), GeoDataset.INSTANCE.file()));
    }

    @Bean
    @StepScope
    RowsWriter<Place> placeWriter(@Value("#{stepExecution}") StepExecution step, StagingRepository staging,
                            PlaceRepository places) {
        return new RowsWriter<>(RunParameters.runId(step), GeoDataset.INSTANCE.file(), staging, places::deleteRun,
                places::save);
    }

    @Bean
    @StepScope
    CsvItemReader<PublishedFigure> publishedReader(@Value("#{stepExecution}") StepExecution step,
                                                   ImportSteps importSteps) {
        return importSteps.reader(step, PublishedDataset.INSTANCE,
                (row, geo) -> PublishedDataset.map(row, geo, BREAKDOWN_VOCABULARY));
    }

    @Bean
    @StepScope
    CsvItemReader<Target> targetReader(@Value("#{stepExecution}") StepExecution step, ImportSteps importSteps) {
        return importSteps.reader(step, TargetDataset.INSTANCE, TargetDataset::map);
    }

    @Bean
    @StepScope
    RowsWriter<Target> targetWriter(@Value("#{stepExecution}") StepExecution step, StagingRepository staging,
                              TargetRepository targets) {
        return RowsWriter.ofItems(RunParameters.runId(step), TargetDataset.INSTANCE.file(), staging,
                targets::deleteRun, targets::save);
    }

    @Bean
    @StepScope
    RowsWriter<PublishedFigure> publishedWriter(@Value("#{stepExecution}") StepExecution step, StagingRepository staging,
                                    IndicatorRepository indicators) {
        return RowsWriter.ofItems(RunParameters.runId(step), PublishedDataset.INSTANCE.file(), staging,
                indicators::deletePublished, indicators::savePublished);
    }
}

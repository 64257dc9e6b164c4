package ma.observatory.tourism;

import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import ma.observatory.csv.CsvItemReader;
import ma.observatory.geo.PlaceRepository;
import ma.observatory.indicator.IndicatorRepository;
import ma.observatory.indicator.TargetRepository;
import ma.observatory.job.Domain;
import ma.observatory.job.ImportSteps;
import ma.observatory.staging.CellStagingWriter;
import ma.observatory.staging.StagingRepository;

/** The tourism domain: the arrivals and jobs files, and their indicators and targets. */
@Configuration(proxyBeanMethods = false)
public class TourismConfiguration {

    @Bean
    Domain tourism(ImportSteps importSteps, JobRepository jobRepository, PlatformTransactionManager tx,
                   CsvItemReader<ArrivalsRecord> tourismArrivalsReader,
                   CellStagingWriter<ArrivalsRecord> tourismArrivalsWriter,
                   CsvItemReader<TourismJobsRecord> tourismJobsReader,
                   CellStagingWriter<TourismJobsRecord> tourismJobsWriter,
                   JdbcTemplate jdbc, PlaceRepository places, IndicatorRepository indicators,
                   TargetRepository targets, StagingRepository staging) {
        Step importArrivals = importSteps.step("importArrivals", tourismArrivalsReader, tourismArrivalsWriter);
        Step importJobs = importSteps.step("importTourismJobs", tourismJobsReader, tourismJobsWriter);
        Step indicatorStep = new StepBuilder("computeTourismIndicators", jobRepository)
                .tasklet(new TourismIndicatorsTasklet(jdbc, places, indicators, targets, staging), tx).build();
        return new Domain(TourismIndicatorsTasklet.DOMAIN,
                List.of(ArrivalsDataset.INSTANCE, TourismJobsDataset.INSTANCE),
                List.of(importArrivals, importJobs), indicatorStep);
    }

    @Bean
    @StepScope
    CsvItemReader<ArrivalsRecord> tourismArrivalsReader(@Value("#{stepExecution}") StepExecution step,
                                                        ImportSteps importSteps) {
        return importSteps.reader(step, ArrivalsDataset.INSTANCE, ArrivalsDataset::map);
    }

    @Bean
    @StepScope
    CellStagingWriter<ArrivalsRecord> tourismArrivalsWriter(@Value("#{stepExecution}") StepExecution step,
                                                            ImportSteps importSteps) {
        return importSteps.cellWriter(step, ArrivalsDataset.INSTANCE);
    }

    @Bean
    @StepScope
    CsvItemReader<TourismJobsRecord> tourismJobsReader(@Value("#{stepExecution}") StepExecution step,
                                                       ImportSteps importSteps) {
        return importSteps.reader(step, TourismJobsDataset.INSTANCE, TourismJobsDataset::map);
    }

    @Bean
    @StepScope
    CellStagingWriter<TourismJobsRecord> tourismJobsWriter(@Value("#{stepExecution}") StepExecution step,
                                                           ImportSteps importSteps) {
        return importSteps.cellWriter(step, TourismJobsDataset.INSTANCE);
    }
}

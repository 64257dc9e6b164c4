package ma.observatory.outsourcing;

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
import ma.observatory.job.Domain;
import ma.observatory.job.ImportSteps;
import ma.observatory.job.RunParameters;
import ma.observatory.staging.CellStagingWriter;
import ma.observatory.staging.RowsWriter;
import ma.observatory.staging.StagingRepository;

/** The outsourcing domain: sector jobs, relocation events and regulations, and their indicators. */
@Configuration(proxyBeanMethods = false)
public class OutsourcingConfiguration {

    @Bean
    Domain outsourcing(ImportSteps importSteps, JobRepository jobRepository, PlatformTransactionManager tx,
                       CsvItemReader<SectorJobsRecord> sectorJobsReader,
                       CellStagingWriter<SectorJobsRecord> sectorJobsWriter,
                       CsvItemReader<RelocationEvent> relocationsReader,
                       RowsWriter<RelocationEvent> relocationsWriter,
                       CsvItemReader<Regulation> regulationsReader, RowsWriter<Regulation> regulationsWriter,
                       JdbcTemplate jdbc, PlaceRepository places, IndicatorRepository indicators,
                       StagingRepository staging, RelocationRepository relocations,
                       RegulationRepository regulations) {
        Step importSectorJobs = importSteps.step("importSectorJobs", sectorJobsReader, sectorJobsWriter);
        Step importRelocations = importSteps.step("importRelocations", relocationsReader, relocationsWriter);
        Step importRegulations = importSteps.step("importRegulations", regulationsReader, regulationsWriter);
        Step indicatorStep = new StepBuilder("computeOutsourcingIndicators", jobRepository)
                .tasklet(new OutsourcingIndicatorsTasklet(jdbc, places, indicators, staging, relocations, regulations),
                        tx)
                .build();
        return new Domain("outsourcing",
                List.of(SectorJobsDataset.INSTANCE, RelocationDataset.INSTANCE, RegulationDataset.INSTANCE),
                List.of(importSectorJobs, importRelocations, importRegulations), indicatorStep);
    }

    @Bean
    @StepScope
    CsvItemReader<SectorJobsRecord> sectorJobsReader(@Value("#{stepExecution}") StepExecution step,
                                                     ImportSteps importSteps) {
        return importSteps.reader(step, SectorJobsDataset.INSTANCE, SectorJobsDataset::map);
    }

    @Bean
    @StepScope
    CellStagingWriter<SectorJobsRecord> sectorJobsWriter(@Value("#{stepExecution}") StepExecution step,
                                                         ImportSteps importSteps) {
        return importSteps.cellWriter(step, SectorJobsDataset.INSTANCE);
    }

    @Bean
    @StepScope
    CsvItemReader<RelocationEvent> relocationsReader(@Value("#{stepExecution}") StepExecution step,
                                                     ImportSteps importSteps) {
        return importSteps.reader(step, RelocationDataset.INSTANCE, RelocationDataset::map);
    }

    @Bean
    @StepScope
    RowsWriter<RelocationEvent> relocationsWriter(@Value("#{stepExecution}") StepExecution step, StagingRepository staging,
                                       RelocationRepository relocations) {
        // Every event is stored, whatever its dates: the Relocations sheet lists them all and says
        // why each one is counted or not.
        return RowsWriter.ofItems(RunParameters.runId(step), RelocationDataset.INSTANCE.file(), staging,
                relocations::deleteRun, relocations::save);
    }

    @Bean
    @StepScope
    CsvItemReader<Regulation> regulationsReader(@Value("#{stepExecution}") StepExecution step,
                                                ImportSteps importSteps) {
        return importSteps.reader(step, RegulationDataset.INSTANCE, RegulationDataset::map);
    }

    @Bean
    @StepScope
    RowsWriter<Regulation> regulationsWriter(@Value("#{stepExecution}") StepExecution step, StagingRepository staging,
                                       RegulationRepository regulations) {
        return RowsWriter.ofItems(RunParameters.runId(step), RegulationDataset.INSTANCE.file(), staging,
                regulations::deleteRun, regulations::save);
    }
}

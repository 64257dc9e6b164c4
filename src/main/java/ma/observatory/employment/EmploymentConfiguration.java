package ma.observatory.employment;

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
import ma.observatory.staging.CellStagingWriter;
import ma.observatory.staging.StagingRepository;

/** The employment domain: the labour force and sector files, and their indicators. */
@Configuration(proxyBeanMethods = false)
public class EmploymentConfiguration {

    @Bean
    Domain employment(ImportSteps importSteps, JobRepository jobRepository, PlatformTransactionManager tx,
                      CsvItemReader<LabourForceRecord> labourForceReader,
                      CellStagingWriter<LabourForceRecord> labourForceWriter,
                      CsvItemReader<SectorRecord> sectorReader, CellStagingWriter<SectorRecord> sectorWriter,
                      JdbcTemplate jdbc, PlaceRepository places, IndicatorRepository indicators,
                      StagingRepository staging) {
        Step importLabourForce = importSteps.step("importLabourForce", labourForceReader, labourForceWriter);
        Step importSectors = importSteps.step("importEmploymentBySector", sectorReader, sectorWriter);
        Step indicatorStep = new StepBuilder("computeEmploymentIndicators", jobRepository)
                .tasklet(new EmploymentIndicatorsTasklet(jdbc, places, indicators, staging), tx).build();
        return new Domain("employment", List.of(LabourForceDataset.INSTANCE, SectorDataset.INSTANCE),
                List.of(importLabourForce, importSectors), indicatorStep);
    }

    @Bean
    @StepScope
    CsvItemReader<LabourForceRecord> labourForceReader(@Value("#{stepExecution}") StepExecution step,
                                                       ImportSteps importSteps) {
        return importSteps.reader(step, LabourForceDataset.INSTANCE, LabourForceDataset::map);
    }

    @Bean
    @StepScope
    CellStagingWriter<LabourForceRecord> labourForceWriter(@Value("#{stepExecution}") StepExecution step,
                                                           ImportSteps importSteps) {
        return importSteps.cellWriter(step, LabourForceDataset.INSTANCE);
    }

    @Bean
    @StepScope
    CsvItemReader<SectorRecord> sectorReader(@Value("#{stepExecution}") StepExecution step, ImportSteps importSteps) {
        return importSteps.reader(step, SectorDataset.INSTANCE, SectorDataset::map);
    }

    @Bean
    @StepScope
    CellStagingWriter<SectorRecord> sectorWriter(@Value("#{stepExecution}") StepExecution step,
                                                 ImportSteps importSteps) {
        return importSteps.cellWriter(step, SectorDataset.INSTANCE);
    }
}

package ma.observatory.job;

import java.util.List;

import org.springframework.batch.core.step.Step;

import ma.observatory.csv.CsvDataset;

/**
 * What a domain (employment, outsourcing, tourism) brings to the job: its input files, the steps
 * that import them, and the step that turns their cells into indicator values. The job runs the
 * domains side by side and skips those left out with {@code --only}.
 */
public record Domain(String name, List<CsvDataset> datasets, List<Step> importSteps, Step indicatorStep) {
}

package ma.observatory.report;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import ma.observatory.job.RunParameters;

/** Last step: builds the report model from the run's values and writes the workbook atomically. */
@Component
public class ReportTasklet implements Tasklet {

    /** Key of the workbook path in the job execution context, for the list of runs. */
    public static final String REPORT_PATH = "report.path";
    /**
     * Key of the workbook's modification time (epoch milliseconds) as this run left it: saved with
     * the step, before the run is COMPLETED, it tells a later start whether the latest workbook was
     * refreshed from it, and whether another run has written that file since.
     */
    public static final String REPORT_MODIFIED = "report.modified";
    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    private final ReportBuilder builder;

    public ReportTasklet(ReportBuilder builder) {
        this.builder = builder;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var step = contribution.getStepExecution();
        RunParameters run = RunParameters.of(step);
        Path target = run.outputDir().resolve(run.workbookName());
        ReportWorkbook model = builder.build(step.getJobExecution(), run);
        // Half-written workbooks of any range or language that a killed run left here, an hour old:
        // a run only ever finds its own otherwise (at its restart, or when it writes the same name).
        AtomicFiles.removeAbandoned(run.outputDir(), "." + RunParameters.WORKBOOK_PREFIX, AtomicFiles.PART_SUFFIX);
        new XlsxRenderer().render(model, target);
        step.getJobExecution().getExecutionContext().putString(REPORT_PATH, target.toString());
        step.getJobExecution().getExecutionContext().putLong(REPORT_MODIFIED,
                Files.getLastModifiedTime(target).toMillis());
        log.info("Workbook written: {}", target.toAbsolutePath());
        return RepeatStatus.FINISHED;
    }
}

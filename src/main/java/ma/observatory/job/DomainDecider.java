package ma.observatory.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;

/** Lets a domain's flow run only when {@code --only} includes it. */
class DomainDecider implements JobExecutionDecider {

    static final String RUN = "RUN";
    static final String SKIP = "SKIP";

    private final String domain;

    DomainDecider(String domain) {
        this.domain = domain;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        return new FlowExecutionStatus(RunParameters.of(jobExecution.getJobParameters()).runs(domain) ? RUN : SKIP);
    }
}

package ma.observatory.job;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

/**
 * What one run is asked to do, carried as Spring Batch job parameters so that a restart repeats
 * exactly the same work. {@code requestedAt} makes every manual run a new job instance without a
 * parameter incrementer (which in Batch 6 would throw the other parameters away).
 */
public record RunParameters(PeriodRange range, Path inputDir, Path outputDir, String language, Set<String> domains,
                            double maxRejectRate, Set<String> geoLevels, LocalDateTime requestedAt) {

    public static final List<String> ALL_DOMAINS = List.of("employment", "outsourcing", "tourism");

    public RunParameters {
        domains = Set.copyOf(domains);
        geoLevels = Set.copyOf(geoLevels);
    }

    public boolean runs(String domain) {
        return domains.contains(domain);
    }

    /**
     * The workbook's file name, by range: {@code labour-market-report_2021_2025.xlsx}. A run of
     * some domains only ({@code --only}) adds them ({@code …_2021_2025_tourism.xlsx}), so that it
     * never replaces the whole workbook of its range with a part of it.
     */
    public String workbookName() {
        String only = domains.containsAll(ALL_DOMAINS) ? ""
                : "_" + String.join("-", ALL_DOMAINS.stream().filter(domains::contains).toList());
        return "labour-market-report_" + range + only + ".xlsx";
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString("from", range.from().toString())
                .addString("to", range.to().toString())
                .addString("input-dir", inputDir.toString())
                .addString("output-dir", outputDir.toString())
                .addString("lang", language)
                .addString("only", String.join(",", ALL_DOMAINS.stream().filter(domains::contains).toList()))
                .addDouble("max-reject-rate", maxRejectRate)
                .addString("geo-levels", String.join(",", geoLevels.stream().sorted().toList()))
                .addLocalDateTime("requested-at", requestedAt)
                .toJobParameters();
    }

    public static RunParameters of(JobParameters p) {
        return new RunParameters(
                new PeriodRange(Period.parse(p.getString("from")), Period.parse(p.getString("to"))),
                Path.of(p.getString("input-dir")), Path.of(p.getString("output-dir")), p.getString("lang"),
                split(p.getString("only")), p.getDouble("max-reject-rate"), split(p.getString("geo-levels")),
                p.getLocalDateTime("requested-at"));
    }

    public static RunParameters of(StepExecution step) {
        return of(step.getJobExecution().getJobParameters());
    }

    /** The key every staged row of the run carries: the job instance, stable across restarts. */
    public static long runId(StepExecution step) {
        return step.getJobExecution().getJobInstanceId();
    }

    private static Set<String> split(String csv) {
        Set<String> set = new LinkedHashSet<>();
        if (csv != null) {
            Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(set::add);
        }
        return set;
    }
}

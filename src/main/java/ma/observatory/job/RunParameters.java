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
    /** The nightly run's language and levels, as {@code application.properties} sets them. */
    public static final String DEFAULT_LANGUAGE = "fr";
    public static final Set<String> DEFAULT_GEO_LEVELS = Set.of("country", "region");
    /** The default reject rate, for a run stored without it: the README's default. */
    private static final double DEFAULT_MAX_REJECT_RATE = 0.01;

    public RunParameters {
        domains = Set.copyOf(domains);
        geoLevels = Set.copyOf(geoLevels);
    }

    public boolean runs(String domain) {
        return domains.contains(domain);
    }

    /** How every workbook's file name starts, whatever its range, domains or language. */
    public static final String WORKBOOK_PREFIX = "labour-market-report_";

    /**
     * The workbook's file name, by range: {@code labour-market-report_2021_2025.xlsx}. A run that
     * differs from the nightly one in what the workbook holds adds how: its domains
     * ({@code --only}: {@code …_2021_2025_tourism.xlsx}), its geographic levels
     * ({@code …_commune-country-region.xlsx}) and its language ({@code …_en.xlsx}), so that it
     * never replaces the economists' workbook of that range with a part of it or another version.
     */
    public String workbookName() {
        return workbookName(range.toString(), domains, geoLevels, language);
    }

    /** The workbook's file name for a run's parameters as stored ({@code only} and {@code geo-levels} comma-separated). */
    public static String workbookName(String range, Set<String> domains, Set<String> geoLevels, String language) {
        StringBuilder name = new StringBuilder(WORKBOOK_PREFIX).append(range);
        if (!domains.containsAll(ALL_DOMAINS)) {
            name.append('_').append(String.join("-", ALL_DOMAINS.stream().filter(domains::contains).toList()));
        }
        if (!geoLevels.equals(DEFAULT_GEO_LEVELS)) {
            name.append('_').append(String.join("-", geoLevels.stream().sorted().toList()));
        }
        if (!DEFAULT_LANGUAGE.equals(language)) {
            name.append('_').append(language);
        }
        return name.append(".xlsx").toString();
    }

    /** As {@link #workbookName()}, from a run's stored parameters; null when the run stored no range. */
    public static String workbookName(String from, String to, String only, String geoLevels, String language) {
        if (from == null || to == null) {
            return null;
        }
        Set<String> domains = only == null ? Set.copyOf(ALL_DOMAINS) : split(only);
        Set<String> levels = geoLevels == null ? DEFAULT_GEO_LEVELS : split(geoLevels);
        return workbookName(from + "_" + to, domains, levels,
                language == null ? DEFAULT_LANGUAGE : language);
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

    /**
     * A run's parameters as stored. One stored without {@code geo-levels}, {@code only}, {@code lang}
     * or {@code max-reject-rate} (no version made one; a database edited by hand could) is read with
     * their defaults, which a restart or a comparison must use, not nothing (no level would report
     * no place).
     */
    public static RunParameters of(JobParameters p) {
        String language = p.getString("lang");
        String only = p.getString("only");
        Double maxRejectRate = p.getDouble("max-reject-rate");
        String geoLevels = p.getString("geo-levels");
        return new RunParameters(
                new PeriodRange(Period.parse(p.getString("from")), Period.parse(p.getString("to"))),
                Path.of(p.getString("input-dir")), Path.of(p.getString("output-dir")),
                language == null ? DEFAULT_LANGUAGE : language,
                only == null ? Set.copyOf(ALL_DOMAINS) : split(only),
                maxRejectRate == null ? DEFAULT_MAX_REJECT_RATE : maxRejectRate,
                geoLevels == null ? DEFAULT_GEO_LEVELS : split(geoLevels),
                p.getLocalDateTime("requested-at"));
    }

    /** How the parameters {@code only} and {@code geo-levels} of a run with their defaults are stored. */
    public static String storedDefault(String name) {
        return switch (name) {
            case "only" -> String.join(",", ALL_DOMAINS);
            case "geo-levels" -> String.join(",", DEFAULT_GEO_LEVELS.stream().sorted().toList());
            default -> throw new IllegalArgumentException(name);
        };
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

package ma.observatory.job;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.csv.CsvDataset;
import ma.observatory.csv.InputContractException;

/**
 * Stops the run when too many rows of a file were rejected: past {@code --max-reject-rate}, the
 * file is more likely wrong as a whole (a shifted column, a wrong export) than dirty in places, and
 * a workbook built from the rest would mislead.
 */
class RejectRateGate implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RejectRateGate.class);
    private static final int SHOWN = 10;

    private final JdbcTemplate jdbc;
    private final List<CsvDataset> datasets;

    RejectRateGate(JdbcTemplate jdbc, List<CsvDataset> datasets) {
        this.jdbc = jdbc;
        this.datasets = datasets;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = contribution.getStepExecution();
        RunParameters run = RunParameters.of(step);
        long runId = RunParameters.runId(step);
        // The file with the largest share of rejected rows is named: it is the one most likely wrong as a
        // whole (a shifted column), and a file barely over the rate listed first would hide it.
        List<Over> over = new ArrayList<>();
        for (CsvDataset dataset : datasets) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT rows_read, rows_rejected FROM input_file WHERE run_id = ? AND file = ? AND present",
                    runId, dataset.file());
            if (rows.isEmpty()) {
                continue;
            }
            long read = ((Number) rows.get(0).get("ROWS_READ")).longValue();
            long rejected = ((Number) rows.get(0).get("ROWS_REJECTED")).longValue();
            if (tooMany(rejected, read, run.maxRejectRate())) {
                over.add(new Over(dataset.file(), read, rejected));
            } else if (rejected > 0) {
                // The run goes on without them: whoever reads the night's log, not the workbook, learns of them here.
                log.warn("{}: {}. The workbook's Data quality sheet lists {}:", dataset.file(), rejected == 1
                        ? String.format(Locale.ROOT, "1 of the %d rows was rejected; the run goes on without it", read)
                        : String.format(Locale.ROOT, "%d of the %d rows were rejected; the run goes on without them",
                                rejected, read),
                        rejected == 1 ? "it" : rejected > SHOWN ? "them all; the first " + SHOWN : "them");
                firstRejected(runId, dataset.file()).forEach(row -> log.warn("  {}", row));
            }
        }
        if (over.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        Over worst = over.stream().max(Comparator.comparingDouble(Over::share)).orElseThrow();
        String file = worst.file();
        List<String> others = over.stream().filter(o -> o != worst)
                .map(o -> o.file() + " (" + sharesApart(o.rejected(), o.read(), run.maxRejectRate())[0] + " %)").toList();
        List<String> shown = firstRejected(runId, file);
        shown.forEach(row -> log.error("  {}", row));
        // The sentence goes to standard error and the list to the console's standard output: the
        // sentence names the first row itself, for whoever reads only one of the two.
        String first = shown.isEmpty() ? "not recorded" : shown.get(0);
        // one rejected row is named, not listed: "1 of the 1 rows … were rejected. The first: …" read oddly
        String rejected = worst.rejected() == 1
                ? (worst.read() == 1 ? "The only row of " + file + " was rejected"
                        : String.format(Locale.ROOT, "1 of the %d rows of %s was rejected", worst.read(), file))
                : String.format(Locale.ROOT, "%d of the %d rows of %s were rejected", worst.rejected(), worst.read(), file);
        String which = worst.rejected() == 1 ? " It is " + first + "; correct it and run again."
                : String.format(Locale.ROOT, " The first: %s. They are listed on the console and in the log file, up to"
                        + " %d; correct them and run again.", first, SHOWN);
        String[] shares = sharesApart(worst.rejected(), worst.read(), run.maxRejectRate());
        throw new InputContractException(String.format(Locale.ROOT,
                "%s (%s %%), more than the %s %% allowed by --max-reject-rate: nothing was written.%s%s",
                rejected, shares[0], shares[1], which,
                others.isEmpty() ? "" : " Over the rate as well: " + String.join(", ", others) + "."));
    }

    /** The file's first rejected rows, each with its line, column, value and reason (in English, for a search). */
    private List<String> firstRejected(long runId, String file) {
        return jdbc.query("SELECT line, col, val, reason FROM row_problem WHERE run_id = ?"
                        + " AND file = ? AND kind = 'rejected' ORDER BY line LIMIT " + SHOWN,
                (rs, i) -> {
                    String column = Objects.requireNonNullElse(rs.getString(2), "");
                    String value = Objects.requireNonNullElse(rs.getString(3), "");
                    return file + " line " + rs.getLong(1) + (column.isEmpty() ? "" : ", column " + column)
                            + (value.isEmpty() ? "" : ", value '" + value + "'") + ": " + rs.getString(4);
                }, runId, file);
    }

    /** A file with more rejected rows than the rate allows. */
    private record Over(String file, long read, long rejected) {
        double share() {
            return (double) rejected / read;
        }
    }

    /**
     * The share rejected and the rate allowed, in percent, with as many decimals as it takes for the
     * share to read as more than the rate: 1 of 98 rows is "1.02 %, more than the 1.0 %", not
     * "1.0 %, more than the 1.0 %". One decimal at least; the rate as it was typed.
     */
    static String[] sharesApart(long rejected, long read, double rate) {
        BigDecimal limit = BigDecimal.valueOf(rate).movePointRight(2).stripTrailingZeros();
        int places = Math.max(1, limit.scale());
        BigDecimal share = BigDecimal.valueOf(rejected).movePointRight(2)
                .divide(BigDecimal.valueOf(read), 12, java.math.RoundingMode.HALF_EVEN);
        while (places < 10 && share.setScale(places, java.math.RoundingMode.HALF_EVEN).compareTo(limit) <= 0) {
            places++;
        }
        return new String[] {share.setScale(places, java.math.RoundingMode.HALF_EVEN).toPlainString(),
                limit.setScale(Math.max(1, limit.scale())).toPlainString()};
    }

    /**
     * More rejected rows than {@code rate × read}, in decimal as the rate was typed: 0.29 × 100 is
     * 29, where the double product 28.999999999999996 would stop a run that rejected 29.
     */
    static boolean tooMany(long rejected, long read, double rate) {
        return read > 0 && BigDecimal.valueOf(rejected)
                .compareTo(BigDecimal.valueOf(rate).multiply(BigDecimal.valueOf(read))) > 0;
    }
}

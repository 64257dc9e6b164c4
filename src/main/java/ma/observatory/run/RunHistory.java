package ma.observatory.run;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ma.observatory.job.ObservatoryJobConfiguration;
import ma.observatory.period.MachineTime;
import ma.observatory.report.ReportTasklet;

/**
 * {@code --list-runs}: the recent executions, newest first, one line each, in aligned columns. A
 * run (job instance) may have several executions: the first attempt and its restarts. Rows read
 * and rejected are the run's, from its {@code input_file} rows.
 */
@Component
public class RunHistory {

    static final int SHOWN = 30;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> HEADERS = List.of("run", "exec", "from", "to", "status", "started", "duration",
            "rows read", "rejected", "workbook");
    /** Columns aligned to the right (numbers). */
    private static final List<Integer> RIGHT = List.of(0, 1, 6, 7, 8);

    private final JdbcTemplate jdbc;
    private final JobRepository repository;

    public RunHistory(JdbcTemplate jdbc, JobRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    /** One line of the list. */
    record Line(long run, long execution, String from, String to, String status, LocalDateTime started,
                LocalDateTime ended, Long rowsRead, Long rowsRejected, String workbook) {
    }

    List<Line> recent(int limit) {
        return jdbc.query("""
                SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID, e.STATUS, e.START_TIME, e.END_TIME,
                  (SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS p
                    WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'from') AS FROM_PERIOD,
                  (SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS p
                    WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'to') AS TO_PERIOD,
                  (SELECT SUM(f.rows_read) FROM input_file f WHERE f.run_id = e.JOB_INSTANCE_ID) AS ROWS_READ,
                  (SELECT SUM(f.rows_rejected) FROM input_file f WHERE f.run_id = e.JOB_INSTANCE_ID) AS ROWS_REJECTED
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = ?
                ORDER BY e.JOB_EXECUTION_ID DESC
                LIMIT ?""",
                (rs, i) -> new Line(rs.getLong(2), rs.getLong(1), rs.getString(6), rs.getString(7), rs.getString(3),
                        time(rs.getTimestamp(4)), time(rs.getTimestamp(5)),
                        (Long) (rs.getObject(8) == null ? null : rs.getLong(8)),
                        (Long) (rs.getObject(9) == null ? null : rs.getLong(9)), workbook(rs.getLong(1))),
                ObservatoryJobConfiguration.JOB_NAME, limit);
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    private String workbook(long executionId) {
        JobExecution execution = repository.getJobExecution(executionId);
        if (execution == null || !execution.getExecutionContext().containsKey(ReportTasklet.REPORT_PATH)) {
            return "";
        }
        return execution.getExecutionContext().getString(ReportTasklet.REPORT_PATH);
    }

    /** @param zone the zone the start times are given in ({@code --zone}): the machine's clock may be UTC */
    public void print(PrintStream out, String database, ZoneId zone) {
        List<Line> lines = recent(SHOWN);
        if (lines.isEmpty()) {
            out.println("No runs yet in the database " + database + ".");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        LocalDateTime now = LocalDateTime.now();
        for (Line l : lines) {
            rows.add(List.of(Long.toString(l.run()), Long.toString(l.execution()), nullToEmpty(l.from()),
                    nullToEmpty(l.to()), l.status(), l.started() == null ? "" : STAMP.format(MachineTime.inZone(l.started(), zone)),
                    duration(l, now), count(l.rowsRead()), count(l.rowsRejected()), l.workbook()));
        }
        for (String line : format(rows)) {
            out.println(line);
        }
        out.println("Newest first (at most " + SHOWN + " executions; a run resumed with --restart has one per attempt),"
                + " started in " + zone + ". \"run\" is the run id of the workbook's About sheet; rows read and"
                + " rejected are the run's.");
    }

    /** Pads every column to its widest cell; numbers to the right. */
    static List<String> format(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        List<String> out = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                boolean last = c == columns - 1;
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[c] - cell.length());
                if (RIGHT.contains(c)) {
                    line.append(pad).append(cell);
                } else {
                    line.append(cell).append(last ? "" : pad);
                }
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    private static String duration(Line l, LocalDateTime now) {
        if (l.started() == null) {
            return "";
        }
        Duration d = Duration.between(l.started(), l.ended() == null ? now : l.ended()); // so far, when running
        return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    private static String count(Long n) {
        return n == null ? "" : String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package ma.observatory.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.csv.CsvDataset;
import ma.observatory.csv.CsvDialect;
import ma.observatory.csv.CsvFile;
import ma.observatory.csv.FileStamp;
import ma.observatory.csv.InputContractException;
import ma.observatory.csv.Reason;
import ma.observatory.csv.RowProblem;
import ma.observatory.staging.StagingRepository;

/**
 * First step: every file the run needs is there and has the columns the contract requires, before
 * a single row is imported; each file's checksum is recorded, so a restart can tell whether the
 * input changed since.
 */
public class CheckInputsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CheckInputsTasklet.class);

    private final JdbcTemplate jdbc;
    private final StagingRepository staging;
    private final List<CsvDataset> shared;
    private final List<Domain> domains;

    CheckInputsTasklet(JdbcTemplate jdbc, StagingRepository staging, List<CsvDataset> shared, List<Domain> domains) {
        this.jdbc = jdbc;
        this.staging = staging;
        this.shared = shared;
        this.domains = domains;
    }

    /** The sentence for an input folder that is not there, or null when it is. */
    public static String missingInputFolder(Path inputDir) {
        if (Files.isDirectory(inputDir)) {
            return null;
        }
        // "data" is found under the folder the program starts in: started elsewhere (another
        // folder in a terminal, a cron line without its cd), the mend is where to start it
        String mend = inputDir.isAbsolute() ? ": give the folder holding the CSV files with --input-dir."
                : " (it is read from the folder the program was started in, " + Path.of("").toAbsolutePath()
                + ": start it in the project folder, or give the folder holding the CSV files with --input-dir).";
        return "The input folder " + inputDir.toAbsolutePath() + (Files.exists(inputDir) ? " is a file, not a folder"
                : " does not exist") + mend;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution,
                                org.springframework.batch.core.scope.context.ChunkContext chunkContext) throws IOException {
        var step = contribution.getStepExecution();
        RunParameters run = RunParameters.of(step);
        long runId = RunParameters.runId(step);
        Path inputDir = run.inputDir();
        String missing = missingInputFolder(inputDir);
        if (missing != null) {
            throw new InputContractException(missing);
        }
        CsvDialect.forgetDetected();
        jdbc.update("DELETE FROM input_file WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM row_problem WHERE run_id = ? AND line <= 1", runId);
        for (CsvDataset dataset : needed(run)) {
            Path path = inputDir.resolve(dataset.file());
            if (dataset.optional() && !Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                jdbc.update("INSERT INTO input_file (run_id, file, present) VALUES (?, ?, FALSE)", runId, dataset.file());
                log.info("{} is not there (optional): nothing published is used from it", dataset.file());
                continue;
            }
            try (CsvFile file = CsvFile.open(inputDir, dataset)) {
                for (String unknown : file.unknownColumns()) {
                    log.warn("{}: the column '{}' is not part of the contract and is ignored", dataset.file(), unknown);
                    staging.addProblems(runId, "warning", List.of(new RowProblem(dataset.file(), 1, unknown, "",
                            Reason.of("column.unknown"))));
                }
                CsvDialect dialect = file.dialect();
                long utf8 = dialect.charset().equals(CsvDialect.WINDOWS_1252) ? CsvDialect.utf8CharactersIn(path) : 0;
                if (utf8 > 0) {
                    // too few beside the stray bytes to read the file as UTF-8: said, not left to be found;
                    // on line 1, as the file's other warnings found before its rows are read
                    staging.addProblems(runId, "warning", List.of(new RowProblem(dataset.file(), 1, "", "",
                            Reason.of("file.mixed-encoding", utf8))));
                }
                FileStamp before = FileStamp.of(path);
                String sha256 = sha256(path);
                if (!before.equals(FileStamp.of(path))) {
                    throw FileStamp.changed(dataset.file(), "as the run started");
                }
                jdbc.update("INSERT INTO input_file (run_id, file, present, sha256, dialect, charset, bom, separator,"
                        + " decimal_comma, size_bytes, modified_ns, file_key) VALUES (?, ?, TRUE, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        runId, dataset.file(), sha256, dialect.describe(), dialect.charset().name(), dialect.bom(),
                        String.valueOf(dialect.delimiter()), dialect.decimalComma(), before.size(),
                        before.modifiedNanos(), before.key());
                log.info("{}: {}", dataset.file(), dialect.describe());
            }
        }
        return RepeatStatus.FINISHED;
    }

    private List<CsvDataset> needed(RunParameters run) {
        List<CsvDataset> list = new java.util.ArrayList<>(shared);
        for (Domain d : domains) {
            if (run.runs(d.name())) {
                list.addAll(d.datasets());
            }
        }
        return list;
    }

    /** The file's SHA-256 in lower-case hex, as recorded in {@code input_file} (and compared by {@code --restart}). */
    public static String sha256(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}

package ma.observatory.workbook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ma.observatory.ObservatoryApplication;

/** Builds workbooks from the shipped data in {@code data/}, as a user's first run would. */
final class ShippedWorkbooks {

    static final String FROM = "2021-01";
    static final String TO = "2026-10";

    private ShippedWorkbooks() {
    }

    /** Runs the whole job on the shipped data and returns the workbook it wrote. */
    static Path build(Path work, String language) {
        return build(work, language, "db-" + language);
    }

    /** The same, with the run history in its own database folder under {@code work}. */
    static Path build(Path work, String language, String database) {
        Path out = work.resolve("reports-" + language);
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = ObservatoryApplication.run("--input-dir=data", "--output-dir=" + out,
                    "--db=" + work.resolve(database + "/observatory"),
                    "--logging.file.name=" + work.resolve("logs/observatory.log"), "--lang=" + language,
                    "--from=" + FROM, "--to=" + TO);
        } finally {
            System.setErr(original);
        }
        Path workbook = out.resolve("labour-market-report_" + FROM + "_" + TO + ("fr".equals(language) ? "" : "_" + language) + ".xlsx");
        if (code != 0 || !Files.exists(workbook)) {
            throw new AssertionError("the job failed on the shipped data (exit " + code + "): " + err);
        }
        return workbook;
    }
}

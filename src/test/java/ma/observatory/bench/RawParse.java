package ma.observatory.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The floor for a CSV-driven job: one pass of Commons CSV over a file, touching every field once
 * (adapted from {@code shared/bench/RawParse.java}). The benchmark runs it in a JVM of its own,
 * with the same heap as the job, and compares the job's throughput with it.
 *
 * <p>Usage: {@code RawParse FILE}; prints {@code rows=N chars=N seconds=S rows_per_s=R}.
 */
public final class RawParse {

    private RawParse() {
    }

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        long rows = 0;
        long chars = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord r : parser) {
                rows++;
                for (String v : r) {
                    chars += v.length();
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("rows=%d chars=%d seconds=%.3f rows_per_s=%.0f%n", rows, chars, s, rows / s);
    }
}

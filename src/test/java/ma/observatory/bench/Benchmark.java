package ma.observatory.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The scale benchmark (README, "Performance"); {@code bench/run} builds the project and starts it.
 * For each input size it generates a commune-grain input folder ({@link GenerateLabourForce}),
 * then, in separate JVMs and one after the other:
 * <ol>
 * <li>the floor: a bare Commons CSV pass over the same {@code labour_force.csv} ({@link RawParse});</li>
 * <li>the job itself, the real jar, as the nightly command of the README runs it:
 *     {@code java -XX:SharedArchiveFile=… -XX:FreqInlineSize=50 -Xmx512m -jar labour-observatory.jar
 *     --input-dir=… --only=employment --from=… --to=…} (the data's whole span unless {@code --range=nightly}),
 *     under {@code /usr/bin/time -v} for the peak resident memory, with a GC log for the peak heap.
 *     The class-data archive is the benchmark's own,
 *     made once by a run over the shipped data, as the build makes {@code target/labour-observatory.jsa}
 *     (an archive is bound to the paths of the jars it was made from, and the benchmark runs a copy);</li>
 * </ol>
 * and, in each round right after the largest size's job, the pandas peer
 * ({@code shared/bench/pandas_labour_report.py}) on the same file when Debian's python3 with pandas
 * and xlsxwriter is there: the job and the peer side by side, since this shared machine's speed
 * drifts over minutes. It prints one table, the targets of the Scale issue checked against it
 * (the pandas ratio round by round, then their median), and writes the same as
 * {@code results.md} in the work folder.
 *
 * <p>Options: {@code --jar=PATH} (default {@code target/labour-observatory.jar}),
 * {@code --work=DIR} (default {@code /tmp/observatory-bench}), {@code --sizes=500000,1000000,2000000},
 * {@code --xmx=512m}, {@code --seed=42}, {@code --repeat=N} (rounds, each running every size once,
 * smallest first; the medians are shown, and the marginal ratio of each round),
 * {@code --pandas=auto|off|PATH} (default auto: {@code ../shared/bench/pandas_labour_report.py}),
 * {@code --quarters=N}: every size spans N quarters and has as many communes as that takes,
 * instead of the Scale issue's 1,500 communes over as many quarters as the rows fill; the workbook
 * then stays the same size while the input grows;
 * {@code --order=period|place|shuffled} (default period, as the generator writes them): {@code place}
 * sorts the data rows by place, then period, as a panel export often comes; {@code shuffled} puts
 * them in a random order (deterministic for the seed), as an export without {@code ORDER BY} may;
 * {@code --jvm=nightly|plain} (default nightly): {@code plain} runs {@code java -Xmx… -jar} without the
 * nightly command's other options (no archive, the JIT compiler's default inlining);
 * {@code --revise}: after the rounds, a night of the largest size with a previous run to compare
 * with, every figure revised: the file of the next seed, of the same shape, run into the database
 * of the last round's run, so that the Changes sheet lists nearly every value (the benchmark's own
 * runs each have a new database, and list none);
 * {@code --range=span|nightly} (default span): {@code span} runs the job over the whole generated
 * span, as the pandas peer rolls it up, so that the workbook grows with the input; {@code nightly}
 * over as many years as the nightly command's default range covers, six calendar years, here the
 * last six of the data ({@code --from=<last year - 5> --to=<last year>}): the older quarters are read
 * and checked but left out of the sums, as in a file holding decades of history at night, and the
 * workbook stays about the same size at every size (the pandas peer, which has no range, is then
 * skipped).
 * Wall times are single shots on a shared machine: quote ratios, and rerun when the load average
 * printed beside them is high.
 */
public final class Benchmark {

    private static final Pattern STEP = Pattern.compile("Step: \\[(\\w+)] executed in (\\S+)");
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern CPU = Pattern.compile("(?:User|System) time \\(seconds\\): ([\\d.]+)");
    private static final Pattern RAW = Pattern.compile("rows=(\\d+) .*seconds=([\\d.]+)");
    private static final Pattern TABLE_REF = Pattern.compile("ref=\"[A-Z]+(\\d+):[A-Z]+(\\d+)\"");

    private final Path jar;
    private final Path work;
    private final List<Long> sizes;
    private final String xmx;
    private final long seed;
    private final int repeat;
    private final String pandas;
    /** 0: the Scale issue's shape, 1,500 communes; else the fixed number of quarters. */
    private final int quarters;
    /** The order of the data rows: period (as generated), place or shuffled. */
    private final String order;
    /** Whether a revised night follows the rounds (--revise). */
    private final boolean revise;
    /** Whether the job covers the nightly window's six years (--range=nightly) rather than the whole span. */
    private final boolean nightlyRange;
    /**
     * The calendar years of the nightly command's default range: from January five years before the
     * current year to the end of the previous month (SPEC, "Command line").
     */
    static final int NIGHTLY_RANGE_YEARS = 6;
    private final boolean timeTool = Files.isExecutable(Path.of("/usr/bin/time"));
    /**
     * The JIT option of the README's nightly command: C2 inlines hot methods of up to 50 bytes of
     * bytecode instead of 325. A run lasts seconds, and on two cores the compiler's work competes
     * with the run's own: this nearly halves the C2 compiler's time and makes a run at 2 M rows about
     * 1.5 s shorter (README, "Performance").
     */
    static final String NIGHTLY_INLINING = "-XX:FreqInlineSize=50";
    /** Whether the job runs as the README's nightly command (archive, inlining) or plain; either with --xmx. */
    private final boolean nightly;
    /** The archive the job runs with, once made; null without one. */
    private Path archive;

    private Benchmark(Map<String, String> o) {
        jar = Path.of(o.getOrDefault("jar", "target/labour-observatory.jar")).toAbsolutePath();
        work = Path.of(o.getOrDefault("work", "/tmp/observatory-bench")).toAbsolutePath();
        sizes = Arrays.stream(o.getOrDefault("sizes", "500000,1000000,2000000").split(","))
                .map(s -> number("sizes", s.strip().replace("_", ""))).sorted().toList();
        xmx = o.getOrDefault("xmx", "512m");
        seed = number("seed", o.getOrDefault("seed", "42"));
        repeat = Math.toIntExact(number("repeat", o.getOrDefault("repeat", "1")));
        if (repeat < 1 || sizes.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--repeat and --sizes take numbers from 1 up");
        }
        pandas = o.getOrDefault("pandas", "auto");
        quarters = Math.toIntExact(number("quarters", o.getOrDefault("quarters", "0")));
        if (quarters < 0) {
            throw new IllegalArgumentException("--quarters must be a number of quarters, or 0 for 1,500 communes");
        }
        nightly = switch (o.getOrDefault("jvm", "nightly")) {
            case "nightly" -> true;
            case "plain" -> false;
            default -> throw new IllegalArgumentException("--jvm must be nightly or plain: " + o.get("jvm"));
        };
        order = o.getOrDefault("order", "period");
        revise = switch (o.getOrDefault("revise", "false")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--revise takes no value: " + o.get("revise"));
        };
        if (!List.of("period", "place", "shuffled").contains(order)) {
            throw new IllegalArgumentException("--order must be period, place or shuffled: " + order);
        }
        nightlyRange = switch (o.getOrDefault("range", "span")) {
            case "span" -> false;
            case "nightly" -> true;
            default -> throw new IllegalArgumentException("--range must be span or nightly: " + o.get("range"));
        };
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " takes a whole number, not \"" + text + "\"", e);
        }
    }

    private int communes(long size) {
        long perQuarter = GenerateLabourForce.ROWS_PER_COMMUNE * (long) quarters;
        return quarters == 0 ? GenerateLabourForce.COMMUNES : (int) Math.max(1, (size + perQuarter - 1) / perQuarter);
    }

    private Path inputDir(long size, long seed) {
        return work.resolve("in-" + size + "-seed" + seed + (quarters == 0 ? "" : "-q" + quarters)
                + (order.equals("period") ? "" : "-" + order));
    }

    private String shape() {
        String rows = switch (order) {
            case "place" -> "rows sorted by place, then period; ";
            case "shuffled" -> "rows in random order; ";
            default -> "";
        };
        return rows + (quarters == 0
                ? String.format(Locale.ROOT, "shape: %,d communes, as many quarters as the rows fill (the Scale issue's)",
                        GenerateLabourForce.COMMUNES)
                : String.format(Locale.ROOT, "shape: %d quarters at every size, as many communes as the rows fill (--quarters)",
                        quarters))
                + (nightlyRange ? String.format(Locale.ROOT, "; the job's range: the last %d years of the data, as"
                        + " long as the nightly window (--range=nightly)", NIGHTLY_RANGE_YEARS)
                        : "; the job's range: the whole span");
    }

    /** One measured process; {@code cpuSeconds} (user and system) is negative where unknown. */
    record Run(int exit, double seconds, double cpuSeconds, long rssKb, String out, String err) {
    }

    /** What one size gave. */
    record Result(long rows, long fileBytes, double rawSeconds, double jobSeconds, double jobCpuSeconds, long jobRssKb,
                  long peakHeapMb, Map<String, Double> steps, long indicatorRows, long xlsxBytes, String failure) {

        /** The same job with a bare parse's time beside it: its own round's, or the median of the rounds'. */
        Result withRawSeconds(double seconds) {
            return new Result(rows, fileBytes, seconds, jobSeconds, jobCpuSeconds, jobRssKb, peakHeapMb, steps,
                    indicatorRows, xlsxBytes, failure);
        }
    }

    /** What {@code bench/run} accepts; anything else is refused rather than ignored. */
    private static final List<String> OPTIONS =
            List.of("jar", "work", "sizes", "xmx", "seed", "repeat", "pandas", "quarters", "jvm", "order",
                    "revise", "range");

    public static void main(String[] args) throws Exception {
        Benchmark benchmark;
        try {
            benchmark = new Benchmark(options(args));
        } catch (IllegalArgumentException e) {
            // a mistyped option is the person's to mend, not a failure to trace (NumberFormatException too)
            System.err.println("bench/run: " + e.getMessage());
            System.exit(2);
            return;
        }
        benchmark.run();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            String name = !a.startsWith("--") ? "" : eq < 0 ? a.substring(2) : a.substring(2, eq);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown argument " + a + " (options: --"
                        + String.join("=..., --", OPTIONS) + "=...)");
            }
            options.put(name, eq < 0 ? "true" : a.substring(eq + 1));
        }
        return options;
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar at " + jar + ": build it first (bench/run does)");
        }
        Files.createDirectories(work);
        StringBuilder report = new StringBuilder();
        String machine = String.format(Locale.ROOT, "machine: %d cores, %s %s, load average before: %s",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), loadAverage());
        System.out.println(machine);
        if (nightly) {
            archive = makeArchive();
        }
        List<Input> inputs = new ArrayList<>();
        for (long size : sizes) {
            inputs.add(prepare(size, seed));
        }
        // Round by round, every size once: the machine's speed drifts over minutes, and the
        // difference of two sizes measured side by side is what the marginal throughput needs.
        List<List<Result>> rounds = new ArrayList<>();
        Path peerScript = peerScript();
        List<Run> peers = new ArrayList<>();
        for (int round = 0; round < repeat; round++) {
            List<Result> thisRound = new ArrayList<>();
            for (Input input : inputs) {
                thisRound.add(measure(input, round));
            }
            rounds.add(thisRound);
            if (peerScript != null) {
                peers.add(runPandas(peerScript, sizes.get(sizes.size() - 1)));
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int size = i;
            results.add(median(rounds.stream().map(r -> r.get(size)).toList()));
        }

        report.append(machine).append('\n').append("load average after: ").append(loadAverage()).append('\n')
                .append(shape()).append('\n')
                .append(nightly ? "the job: as the README's nightly command (its class-data archive, "
                        + NIGHTLY_INLINING + ", -Xmx" + xmx + ")" : "the job: java -Xmx" + xmx + " -jar (--jvm=plain)")
                .append("\n\n");
        report.append("| rows | file MB | bare parse s | bare rows/s | job wall s | job rows/s | job CPU s | import s"
                + " | indicators s | report s | peak heap MB | peak RSS MB | Indicators rows | xlsx MB |\n");
        report.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            report.append(String.format(Locale.ROOT,
                    "| %,d | %.0f | %.2f | %,.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.rows, r.fileBytes / 1e6, r.rawSeconds, r.rows / r.rawSeconds,
                    r.failure == null ? String.format(Locale.ROOT, "%.2f", r.jobSeconds) : "FAILED",
                    r.failure == null ? String.format(Locale.ROOT, "%,.0f", r.rows / r.jobSeconds) : "-",
                    r.jobCpuSeconds < 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.jobCpuSeconds),
                    step(r, "importLabourForce"), step(r, "computeEmploymentIndicators"), step(r, "writeReport"),
                    r.peakHeapMb < 0 ? "-" : Long.toString(r.peakHeapMb), r.jobRssKb / 1024,
                    r.indicatorRows < 0 ? "-" : String.format(Locale.ROOT, "%,d", r.indicatorRows),
                    String.format(Locale.ROOT, "%.1f", r.xlsxBytes / 1e6)));
        }
        for (Result r : results) {
            if (r.failure != null) {
                report.append("\n").append(String.format(Locale.ROOT, "%,d rows: the job failed: %s", r.rows, r.failure));
            }
        }
        if (!peers.isEmpty()) {
            Run last = peers.get(peers.size() - 1);
            report.append(String.format(Locale.ROOT, "%npandas peer on %,d rows, round by round: %s s; peak RSS %d MB, exit %d (%s)%n",
                    sizes.get(sizes.size() - 1), String.join(", ", peers.stream()
                            .map(r -> String.format(Locale.ROOT, "%.2f", r.seconds)).toList()),
                    last.rssKb / 1024, last.exit, last.out.strip()));
        }
        if (revise) {
            report.append(revisedNight(inputs.get(inputs.size() - 1)));
        }
        report.append(targets(results, rounds, peers));
        System.out.println();
        System.out.print(report);
        Files.writeString(work.resolve("results.md"), report.toString());
        System.out.println("\n(written to " + work.resolve("results.md") + ")");
    }

    private static String step(Result r, String name) {
        Double s = r.steps.get(name);
        return s == null ? "-" : String.format(Locale.ROOT, "%.2f", s);
    }

    /** A generated input and the years the job covers: the whole span, or its last six (--range=nightly). */
    private record Input(long size, Path dir, Path labourForce, String from, String to) {
    }

    private Input prepare(long size, long seed) throws IOException {
        Path in = inputDir(size, seed);
        Path lf = in.resolve("employment/labour_force.csv");
        if (!Files.isRegularFile(in.resolve("complete"))) {
            GenerateLabourForce.Summary s = GenerateLabourForce.generate(size, in, seed, communes(size));
            if (order.equals("shuffled")) {
                GenerateLabourForce.shuffleRows(lf, seed);
            } else if (order.equals("place")) {
                GenerateLabourForce.sortRowsByPlace(lf);
            }
            Files.writeString(in.resolve("complete"), s.firstPeriod() + " " + s.lastPeriod() + "\n");
        }
        String[] span = Files.readString(in.resolve("complete")).strip().split(" ");
        int first = Integer.parseInt(span[0].substring(0, 4));
        int last = Integer.parseInt(span[1].substring(0, 4));
        int from = nightlyRange ? Math.max(first, last - (NIGHTLY_RANGE_YEARS - 1)) : first;
        System.out.printf("%,d rows: %s .. %s, %,d communes, %.0f MB; the job's range %d .. %d%n", size, span[0],
                span[1], communes(size), Files.size(lf) / 1e6, from, last);
        return new Input(size, in, lf, Integer.toString(from), Integer.toString(last));
    }

    /** One bare parse and one job on an input; the result carries the bare parse's time. */
    private Result measure(Input input, int round) throws Exception {
        System.out.printf("%n== %,d rows, round %d of %d%n", input.size(), round + 1, repeat);
        Run parse = exec(work, List.of(javaBin(), "-Xmx" + xmx, "-cp", classPath(),
                RawParse.class.getName(), input.labourForce().toString()));
        Matcher m = RAW.matcher(parse.out);
        if (parse.exit != 0 || !m.find()) {
            throw new IllegalStateException("the bare parse failed: " + parse.err);
        }
        System.out.printf("bare Commons CSV pass: %s s%n", m.group(2));
        Result job = runJob(input.size(), input.dir(), input.labourForce(), input.from(), input.to(), round, false);
        return job.withRawSeconds(Double.parseDouble(m.group(2)));
    }

    /** The job whose time is the median of a size's rounds, with the median bare parse. */
    private static Result median(List<Result> rounds) {
        List<Double> raw = rounds.stream().map(Result::rawSeconds).sorted().toList();
        List<Result> ok = rounds.stream().filter(r -> r.failure == null)
                .sorted(Comparator.comparingDouble(Result::jobSeconds)).toList();
        Result median = ok.isEmpty() ? rounds.get(0) : ok.get((ok.size() - 1) / 2);
        return median.withRawSeconds(raw.get((raw.size() - 1) / 2));
    }

    /**
     * The benchmark's class-data archive for its jar: one run over the shipped data ({@code data/},
     * the folder the benchmark is started from) with {@code -XX:ArchiveClassesAtExit}, as the build does.
     */
    private Path makeArchive() throws Exception {
        Path dir = work.resolve("class-data");
        deleteTree(dir);
        Files.createDirectories(dir);
        Path made = dir.resolve("labour-observatory.jsa");
        Run run = exec(dir, List.of(javaBin(), "-XX:ArchiveClassesAtExit=" + made, "-Xlog:cds=off,cds+dynamic=off",
                "-jar", jar.toString(), "--input-dir=" + Path.of("data").toAbsolutePath(), "--db=" + dir.resolve("db"),
                "--output-dir=" + dir.resolve("out")));
        if (run.exit != 0 || !Files.isRegularFile(made)) {
            throw new IllegalStateException("the run making the class-data archive failed (exit " + run.exit + "): "
                    + run.err + "\n(--jvm=plain runs the job without one)");
        }
        System.out.printf("class-data archive: %s (%.0f MB)%n", made, Files.size(made) / 1e6);
        return made;
    }

    /**
     * One run of the job in its own folder, {@code run-<size>-<attempt>}, on a new database; or, with
     * {@code again}, into the database and output folder a run of that folder left there.
     */
    private Result runJob(long size, Path in, Path lf, String from, String to, int attempt, boolean again)
            throws Exception {
        Path dir = runDir(size, attempt);
        if (!again) {
            deleteTree(dir);
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("gc.log"));
        Files.deleteIfExists(dir.resolve("var/logs/observatory.log"));
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        if (nightly) {
            cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive, NIGHTLY_INLINING, "-Xlog:cds=off,cds+dynamic=off"));
        }
        cmd.addAll(List.of("-Xmx" + xmx, "-Xlog:gc:file=" + dir.resolve("gc.log"), "-jar",
                jar.toString(), "--input-dir=" + in, "--only=employment", "--from=" + from, "--to=" + to,
                "--db=" + dir.resolve("db"), "--output-dir=" + dir.resolve("out")));
        Run job = exec(dir, cmd);
        Map<String, Double> steps = new LinkedHashMap<>();
        Path log = dir.resolve("var/logs/observatory.log");
        if (Files.exists(log)) {
            try (Stream<String> lines = Files.lines(log)) {
                lines.forEach(l -> {
                    Matcher m = STEP.matcher(l);
                    if (m.find()) {
                        steps.put(m.group(1), seconds(m.group(2)));
                    }
                });
            }
        }
        long peakHeap = -1;
        if (Files.exists(dir.resolve("gc.log"))) {
            for (String l : Files.readAllLines(dir.resolve("gc.log"))) {
                Matcher m = GC_PAUSE.matcher(l);
                if (m.find()) {
                    peakHeap = Math.max(peakHeap, Long.parseLong(m.group(1)));
                }
            }
        }
        long indicatorRows = -1;
        long xlsxBytes = 0;
        String failure = null;
        if (job.exit != 0) {
            String[] errLines = job.err.strip().split("\n");
            failure = "exit " + job.exit + ": " + Arrays.stream(errLines).filter(l -> !l.isBlank()
                    && !l.startsWith("\t") && !l.startsWith("Command exited")).reduce((a, b) -> b).orElse("");
        } else {
            Path xlsx = workbookOf(dir);
            xlsxBytes = Files.size(xlsx);
            indicatorRows = tableRows(xlsx, "Indicators");
        }
        Result r = new Result(size, Files.size(lf), 0, job.seconds, job.cpuSeconds, job.rssKb, peakHeap, steps,
                indicatorRows, xlsxBytes, failure);
        System.out.printf(Locale.ROOT, "job: %s, %.2f s, %,.0f rows/s, peak heap %d MB, peak RSS %d MB, steps %s%n",
                failure == null ? "ok" : "FAILED (" + failure + ")", job.seconds, size / job.seconds, peakHeap,
                job.rssKb / 1024, steps);
        return r;
    }

    /**
     * A night with a previous run to compare with (--revise): the largest size's file of the next
     * seed, of the same shape and span, run into the last round's database, so that the Changes
     * sheet compares every value with the last round's and lists nearly all of them as revised.
     */
    private String revisedNight(Input last) throws Exception {
        Input other = prepare(last.size(), seed + 1);
        System.out.printf("%n== revised night: %,d rows of seed %d after seed %d, in the same database%n",
                other.size(), seed + 1, seed);
        Result r = runJob(other.size(), other.dir(), other.labourForce(), last.from(), last.to(), repeat - 1, true);
        String outcome;
        if (r.failure != null) {
            outcome = "FAILED (" + r.failure + ")";
        } else {
            outcome = String.format(Locale.ROOT, "ok, %,d rows on the Changes sheet",
                    tableRows(workbookOf(runDir(other.size(), repeat - 1)), "Changes"));
        }
        return String.format(Locale.ROOT, "%nrevised night (--revise), %,d rows of seed %d into the database of the"
                        + " last round's run of seed %d: %s; %.2f s, report step %s s, peak heap %s MB, peak RSS %d MB"
                        + " (-Xmx%s)%n", other.size(), seed + 1, seed, outcome, r.jobSeconds, step(r, "writeReport"),
                r.peakHeapMb < 0 ? "-" : Long.toString(r.peakHeapMb), r.jobRssKb / 1024, xmx);
    }

    /** The folder of a size's run in a round: its database, output, logs. */
    private Path runDir(long size, int attempt) {
        return work.resolve("run-" + size + "-" + attempt);
    }

    /** The workbook a run in that folder wrote. */
    private static Path workbookOf(Path runDir) throws IOException {
        try (Stream<Path> files = Files.list(runDir.resolve("out"))) {
            return files.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
    }

    /** Data rows of an Excel table, from its {@code ref} (header row excluded). */
    static long tableRows(Path xlsx, String table) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (!e.getName().startsWith("xl/tables/")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    String xml = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                    if (xml.contains("name=\"" + table + "\"")) {
                        Matcher m = TABLE_REF.matcher(xml);
                        if (m.find()) {
                            return Long.parseLong(m.group(2)) - Long.parseLong(m.group(1));
                        }
                    }
                }
            }
        }
        return -1;
    }

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** The pandas peer's script, or null when it is off or cannot run here (said once). */
    private Path peerScript() throws Exception {
        if (pandas.equals("off")) {
            return null;
        }
        if (nightlyRange) {
            System.out.println("\n(pandas peer skipped: it rolls up the whole span, where --range=nightly covers the last "
                    + NIGHTLY_RANGE_YEARS + " years)");
            return null;
        }
        Path script = pandas.equals("auto") ? Path.of("..", "shared", "bench", "pandas_labour_report.py").toAbsolutePath()
                .normalize() : Path.of(pandas);
        if (!Files.isRegularFile(script) || !Files.isExecutable(PYTHON)
                || exec(work, List.of(PYTHON.toString(), "-c", "import pandas, xlsxwriter")).exit != 0) {
            System.out.println("\n(pandas peer skipped: needs " + script + " and Debian's python3-pandas and"
                    + " python3-xlsxwriter, run with /usr/bin/python3)");
            return null;
        }
        return script;
    }

    private Run runPandas(Path script, long size) throws Exception {
        Path in = inputDir(size, seed);
        Path out = work.resolve("pandas-" + size + ".xlsx");
        System.out.printf("%n== pandas peer on %,d rows%n", size);
        Run r = exec(work, List.of(PYTHON.toString(), script.toString(),
                in.resolve("employment/labour_force.csv").toString(), in.resolve("reference/geo.csv").toString(),
                out.toString()));
        System.out.printf(Locale.ROOT, "pandas: exit %d, %.2f s, peak RSS %d MB, %s%n", r.exit, r.seconds,
                r.rssKb / 1024, r.out.strip());
        return r;
    }

    private String targets(List<Result> results, List<List<Result>> rounds, List<Run> peers) {
        StringBuilder sb = new StringBuilder("\nTargets (Scale issue):\n");
        sb.append(againstPandas(rounds, peers));
        if (results.size() < 2) {
            return sb.append("- they compare two sizes: give --sizes at least two\n").toString();
        }
        Result small = results.get(results.size() - 2);
        Result big = results.get(results.size() - 1);
        if (small.failure != null || big.failure != null) {
            return sb.append(String.format(Locale.ROOT, "- NOT met: the run of %,d rows failed%n",
                    (big.failure != null ? big : small).rows)).toString();
        }
        double marginal = (big.rows - small.rows) / (big.jobSeconds - small.jobSeconds);
        double bare = big.rows / big.rawSeconds;
        sb.append(String.format(Locale.ROOT, "- marginal throughput %,d -> %,d rows: %,.0f rows/s; bare parse %,.0f rows/s;"
                        + " ratio %.2f (target >= 0.50): %s%n", small.rows, big.rows, marginal, bare, marginal / bare,
                marginal >= 0.5 * bare ? "met" : "NOT met"));
        if (small.jobCpuSeconds >= 0 && big.jobCpuSeconds >= 0) {
            // The floor no sharing of the work between cores gets under: what the extra rows cost in CPU.
            int cores = Runtime.getRuntime().availableProcessors();
            double extraCpu = big.jobCpuSeconds - small.jobCpuSeconds;
            double allowed = 2.0 * (big.rows - small.rows) / bare;
            sb.append(String.format(Locale.ROOT, "  the extra %,d rows took %.2f s and %.1f s of CPU: on %d cores"
                            + " no less than %.2f s, where the target allows %.2f s%n", big.rows - small.rows,
                    big.jobSeconds - small.jobSeconds, extraCpu, cores, extraCpu / cores, allowed));
        }
        if (rounds.size() > 1) {
            List<String> each = new ArrayList<>();
            for (List<Result> round : rounds) {
                Result s = round.get(round.size() - 2);
                Result b = round.get(round.size() - 1);
                each.add(s.failure != null || b.failure != null ? "failed" : String.format(Locale.ROOT, "%.2f",
                        (b.rows - s.rows) / (b.jobSeconds - s.jobSeconds) / (b.rows / b.rawSeconds)));
            }
            sb.append("  the same ratio round by round, each from two runs side by side: ")
                    .append(String.join(", ", each)).append('\n');
        }
        double growth = big.jobSeconds / small.jobSeconds;
        double allowed = 2.2 * (big.rows / (double) small.rows) / 2;
        sb.append(String.format(Locale.ROOT, "- time %,d rows / time %,d rows: %.2f (target <= %.2f): %s%n", big.rows,
                small.rows, growth, allowed, growth <= allowed ? "met" : "NOT met"));
        return sb.toString();
    }

    /** Each round's largest job over the peer run beside it, and their median against the target. */
    private static String againstPandas(List<List<Result>> rounds, List<Run> peers) {
        List<Double> ratios = new ArrayList<>();
        List<String> each = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            Result job = rounds.get(i).get(rounds.get(i).size() - 1);
            Run peer = peers.get(i);
            if (job.failure != null || peer.exit != 0) {
                each.add("failed");
                continue;
            }
            ratios.add(job.jobSeconds / peer.seconds);
            each.add(String.format(Locale.ROOT, "%.2f / %.2f s = %.2f", job.jobSeconds, peer.seconds,
                    job.jobSeconds / peer.seconds));
        }
        if (ratios.isEmpty()) {
            return "- job against pandas: not measured in this run\n";
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        int n = sorted.size();
        double median = (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
        return String.format(Locale.ROOT, "- job against pandas, round by round (job / peer): %s; median ratio %.2f"
                + " (target < 0.50): %s%n", String.join(", ", each), median, median < 0.5 ? "met" : "NOT met");
    }

    private Run exec(Path dir, List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (timeTool) {
            cmd.addAll(List.of("/usr/bin/time", "-v"));
        }
        cmd.addAll(command);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("gave up after 30 minutes: " + String.join(" ", command));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            String errText = Files.readString(err);
            Matcher m = RSS.matcher(errText);
            long rss = m.find() ? Long.parseLong(m.group(1)) : 0;
            double cpu = timeTool ? 0 : -1;
            for (Matcher c = CPU.matcher(errText); c.find(); ) {
                cpu += Double.parseDouble(c.group(1));
            }
            return new Run(p.exitValue(), seconds, cpu, rss, Files.readString(out), errText);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** "1m2s345ms", "21s304ms", "523ms" as seconds. */
    static double seconds(String spring) {
        double s = 0;
        Matcher m = Pattern.compile("(\\d+)(ms|h|m|s)").matcher(spring);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            s += switch (m.group(2)) {
                case "h" -> n * 3600.0;
                case "m" -> n * 60.0;
                case "s" -> n;
                default -> n / 1000.0;
            };
        }
        return s;
    }

    /** This JVM's class path with absolute entries: the processes run in other folders. */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

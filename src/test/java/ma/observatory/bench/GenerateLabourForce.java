package ma.observatory.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic input at commune grain, for the benchmark: an input folder usable with
 * {@code --input-dir} (run it with {@code --only=employment}).
 *
 * <pre>
 * OUT/reference/geo.csv                      MA, MA-01..MA-12, 1,500 communes (level commune, parent the region)
 * OUT/employment/labour_force.csv            ROWS rows: quarters from 2000-Q1 on, commune x urban/rural x
 *                                            male/female x 15-24, 25-34, 35-44, 45+ (24,000 rows a quarter)
 * OUT/employment/employment_by_sector.csv    the four main sectors for Morocco, each quarter the file covers
 * </pre>
 *
 * Every row keeps the row rules: {@code employed <= labour_force <= population},
 * {@code unemployed <= labour_force}, and {@code labour_force = employed + unemployed} exactly (the
 * figures are drawn in whole persons, written in thousands with three decimals). The same
 * {@code ROWS} and {@code SEED} give the same bytes.
 *
 * <p>Usage: {@code GenerateLabourForce ROWS OUT_DIR [SEED [COMMUNES]]} (seed 42 and 1,500 communes
 * by default). The rows fill the quarters in order, so the last quarter may be partly covered.
 * More communes give the same rows in fewer quarters: the benchmark's {@code --quarters} uses that
 * to keep the span, and so the workbook, the same size while the input grows.
 */
public final class GenerateLabourForce {

    public static final int COMMUNES = 1_500;
    public static final int REGIONS = 12;
    public static final int FIRST_YEAR = 2000;
    static final String[] AREAS = {"urban", "rural"};
    static final String[] SEXES = {"male", "female"};
    static final String[] AGES = {"15-24", "25-34", "35-44", "45+"};
    /** Rows of one commune in one quarter. */
    public static final int ROWS_PER_COMMUNE = AREAS.length * SEXES.length * AGES.length;
    static final String[] SECTORS = {"agriculture", "industry", "construction", "services"};

    private GenerateLabourForce() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GenerateLabourForce ROWS OUT_DIR [SEED [COMMUNES]]");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0].replace("_", ""));
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        int communes = args.length > 3 ? Integer.parseInt(args[3]) : COMMUNES;
        long t0 = System.nanoTime();
        Summary s = generate(rows, out, seed, communes);
        System.out.printf("wrote %,d rows (%s .. %s) to %s in %.1f s%n", s.rows(), s.firstPeriod(), s.lastPeriod(),
                out, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Puts the data rows of a generated file in a random order, deterministic for the seed, the
     * header first: the order an export without {@code ORDER BY} may give.
     */
    public static void shuffleRows(Path file, long seed) throws IOException {
        reorderRows(file, rows -> java.util.Collections.shuffle(rows, new java.util.Random(seed)));
    }

    /**
     * Sorts the data rows of a generated file by place, then period, the header first; rows of one
     * place and period keep their order. The order a panel exported commune by commune has.
     */
    public static void sortRowsByPlace(Path file) throws IOException {
        // period,geo,...: generated fields are never quoted
        reorderRows(file, rows -> rows.sort(java.util.Comparator.comparing((String l) -> l.split(",", 3)[1])
                .thenComparing(l -> l.split(",", 2)[0])));
    }

    private static void reorderRows(Path file, java.util.function.Consumer<List<String>> reorder) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        reorder.accept(rows);
        rows.add(0, lines.get(0));
        Files.write(file, rows, StandardCharsets.UTF_8);
    }

    /** What was written: row count and the quarters covered. */
    public record Summary(long rows, String firstPeriod, String lastPeriod) {
    }

    public static Summary generate(long rows, Path out, long seed) throws IOException {
        return generate(rows, out, seed, COMMUNES);
    }

    /** @param communeCount communes under the twelve regions (1,500 in the Scale issue's shape) */
    public static Summary generate(long rows, Path out, long seed, int communeCount) throws IOException {
        if (rows < 1) {
            throw new IllegalArgumentException("ROWS must be at least 1");
        }
        if (communeCount < 1) {
            throw new IllegalArgumentException("COMMUNES must be at least 1");
        }
        Files.createDirectories(out.resolve("reference"));
        Files.createDirectories(out.resolve("employment"));
        List<String> regions = new ArrayList<>();
        for (int r = 1; r <= REGIONS; r++) {
            regions.add(String.format(Locale.ROOT, "MA-%02d", r));
        }
        List<String> communes = new ArrayList<>();
        List<String> communeRegion = new ArrayList<>();
        for (int i = 0; i < communeCount; i++) {
            String region = regions.get(i % REGIONS);
            communes.add(String.format(Locale.ROOT, "%s-%04d", region, i));
            communeRegion.add(region);
        }
        writeGeo(out.resolve("reference/geo.csv"), regions, communes, communeRegion);

        long rowsPerQuarter = (long) communeCount * ROWS_PER_COMMUNE;
        long quarters = (rows + rowsPerQuarter - 1) / rowsPerQuarter;
        SplittableRandom rnd = new SplittableRandom(seed);
        long written = 0;
        String first = quarter(0);
        String last = first;
        try (Writer w = Files.newBufferedWriter(out.resolve("employment/labour_force.csv"), StandardCharsets.UTF_8)) {
            w.write("period,geo,area,sex,age_group,population,labour_force,employed,unemployed,underemployed,source\n");
            StringBuilder line = new StringBuilder(128);
            outer:
            for (int q = 0; q < quarters; q++) {
                String period = quarter(q);
                last = period;
                for (String commune : communes) {
                    for (String area : AREAS) {
                        for (String sex : SEXES) {
                            for (String age : AGES) {
                                if (written >= rows) {
                                    break outer;
                                }
                                // whole persons: population 200..3,000, activity 20-70 %, unemployment 3-35 %
                                long pop = 200 + rnd.nextLong(2_801);
                                long lf = pop * (200 + rnd.nextLong(501)) / 1000;
                                long un = lf * (30 + rnd.nextLong(321)) / 1000;
                                long em = lf - un;
                                long ue = em * rnd.nextLong(151) / 1000;
                                line.setLength(0);
                                line.append(period).append(',').append(commune).append(',').append(area).append(',')
                                        .append(sex).append(',').append(age).append(',');
                                thousands(line, pop).append(',');
                                thousands(line, lf).append(',');
                                thousands(line, em).append(',');
                                thousands(line, un).append(',');
                                thousands(line, ue).append(",synthetic\n");
                                w.append(line);
                                written++;
                            }
                        }
                    }
                }
            }
        }
        writeSectors(out.resolve("employment/employment_by_sector.csv"), quarters, new SplittableRandom(seed + 1));
        return new Summary(written, first, last);
    }

    /** The n-th quarter from 2000-Q1. */
    static String quarter(long n) {
        return (FIRST_YEAR + n / 4) + "-Q" + (n % 4 + 1);
    }

    /** Persons written as thousands with three decimals: 1234 gives {@code 1.234}. */
    private static StringBuilder thousands(StringBuilder sb, long persons) {
        sb.append(persons / 1000).append('.');
        long frac = persons % 1000;
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        return sb.append(frac);
    }

    private static void writeGeo(Path file, List<String> regions, List<String> communes, List<String> parents)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,name_fr,name_en,level,parent\n");
            w.write("MA,Maroc,Morocco,country,\n");
            for (String r : regions) {
                w.write(r + ",Région " + r + ",Region " + r + ",region,MA\n");
            }
            for (int i = 0; i < communes.size(); i++) {
                String c = communes.get(i);
                w.write(c + ",Commune " + c + ",Commune " + c + ",commune," + parents.get(i) + "\n");
            }
        }
    }

    /** A minimal valid sector file: Morocco, the four main sectors, each quarter covered. */
    private static void writeSectors(Path file, long quarters, SplittableRandom rnd) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("period,geo,sector,employed,source\n");
            for (int q = 0; q < quarters; q++) {
                for (String sector : SECTORS) {
                    w.write(quarter(q) + ",MA," + sector + "," + (1000 + rnd.nextInt(4000)) + ",synthetic\n");
                }
            }
        }
    }
}

package ma.observatory.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Employment input large enough for a run to take seconds: the twelve regions each split into
 * {@code communesPerRegion} communes, every commune with a row per year, area, sex and age band. The
 * rows are summed into regions, so the workbook stays small however large the file is.
 * Every row has population 10, labour force 5 + k, employed 4 + k, unemployed 1 (thousands).
 */
final class GeneratedInput {

    static final List<String> AGES = List.of("15-24", "25-34", "35-44", "45+");
    static final List<String> AREAS = List.of("urban", "rural");
    static final List<String> SEXES = List.of("male", "female");

    private GeneratedInput() {
    }

    /** @return the number of data rows of {@code employment/labour_force.csv} */
    static long write(Path dir, int communesPerRegion, List<Integer> years) {
        try {
            Files.createDirectories(dir.resolve("reference"));
            Files.createDirectories(dir.resolve("employment"));
            try (BufferedWriter geo = Files.newBufferedWriter(dir.resolve("reference/geo.csv"), StandardCharsets.UTF_8)) {
                geo.write("code,name_fr,name_en,level,parent\nMA,Maroc,Morocco,country,\n");
                for (int r = 1; r <= 12; r++) {
                    geo.write(String.format(Locale.ROOT, "MA-%02d,Région %d,Region %d,region,MA%n", r, r, r));
                }
                for (int r = 1; r <= 12; r++) {
                    for (int c = 1; c <= communesPerRegion; c++) {
                        geo.write(String.format(Locale.ROOT, "MA-%02d-%04d,Commune %d-%d,Commune %d-%d,commune,MA-%02d%n", r, c, r, c, r,
                                c, r));
                    }
                }
            }
            long rows = 0;
            try (BufferedWriter lf = Files.newBufferedWriter(dir.resolve("employment/labour_force.csv"),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                lf.write("period,geo,area,sex,age_group,population,labour_force,employed,unemployed,underemployed,source\n");
                StringBuilder line = new StringBuilder(96);
                for (int year : years) {
                    for (int r = 1; r <= 12; r++) {
                        for (int c = 1; c <= communesPerRegion; c++) {
                            String geoCode = String.format(Locale.ROOT, "MA-%02d-%04d", r, c);
                            int employed = 4 + (r + c + year) % 3;
                            for (String area : AREAS) {
                                for (String sex : SEXES) {
                                    for (String age : AGES) {
                                        line.setLength(0);
                                        line.append(year).append(',').append(geoCode).append(',').append(area).append(',')
                                                .append(sex).append(',').append(age).append(",10,").append(employed + 1)
                                                .append(',').append(employed).append(",1,0.5,generated\n");
                                        lf.write(line.toString());
                                        rows++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            try (BufferedWriter sectors = Files.newBufferedWriter(dir.resolve("employment/employment_by_sector.csv"),
                    StandardCharsets.UTF_8)) {
                sectors.write("period,geo,sector,employed,source\n");
                for (int year : years) {
                    sectors.write(year + ",MA,agriculture,300,generated\n" + year + ",MA,industry,200,generated\n"
                            + year + ",MA,construction,100,generated\n" + year + ",MA,services,500,generated\n");
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

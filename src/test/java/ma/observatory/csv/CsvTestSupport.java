package ma.observatory.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import ma.observatory.employment.LabourForceDataset;
import ma.observatory.employment.LabourForceRecord;
import ma.observatory.employment.SectorDataset;
import ma.observatory.employment.SectorRecord;
import ma.observatory.geo.GeoReference;
import ma.observatory.geo.Place;

/** Shared helpers of the CSV tests: input directories with exact bytes, a small geography, readers. */
public final class CsvTestSupport {

    public static final String LABOUR_FORCE = "employment/labour_force.csv";
    public static final String SECTOR = "employment/employment_by_sector.csv";
    public static final String LF_HEADER =
            "period,geo,area,sex,age_group,population,labour_force,employed,unemployed,underemployed,source";
    public static final String UTF8_BOM = "\uFEFF";

    private CsvTestSupport() {
    }

    /** Morocco and its twelve regions. */
    public static GeoReference geo() {
        List<Place> places = new ArrayList<>();
        places.add(new Place("MA", "Maroc", "Morocco", "country", ""));
        for (int i = 1; i <= 12; i++) {
            String code = String.format(Locale.ROOT, "MA-%02d", i);
            places.add(new Place(code, "Région " + i, "Region " + i, "region", "MA"));
        }
        return new GeoReference(places, Set.of("country", "region"));
    }

    /** Morocco, its twelve regions and one province, P1, in MA-01; {@code reported} the levels a run reports. */
    public static GeoReference geoWithProvince(String... reported) {
        List<Place> places = new ArrayList<>(geo().places());
        places.add(new Place("P1", "Province", "Province", "province", "MA-01"));
        return new GeoReference(places, Set.of(reported));
    }

    /** Writes exact bytes to {@code relative} under {@code dir}, creating the folders. */
    public static Path write(Path dir, String relative, byte[] bytes) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path dir, String relative, String text, Charset charset) {
        return write(dir, relative, text.getBytes(charset));
    }

    public static Path writeUtf8(Path dir, String relative, String text) {
        return write(dir, relative, text, StandardCharsets.UTF_8);
    }

    /** Lines joined with LF and ended by one. */
    public static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** Copies a checked-in fixture of {@code src/test/resources/csv/} to {@code relative} under {@code dir}. */
    public static Path fixture(Path dir, String fixtureName, String relative) {
        try (InputStream in = CsvTestSupport.class.getResourceAsStream("/csv/" + fixtureName)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture csv/" + fixtureName);
            }
            return write(dir, relative, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CsvItemReader<LabourForceRecord> labourForceReader(Path dir) {
        GeoReference geo = geo();
        return new CsvItemReader<>("labourForceReader", dir, LabourForceDataset.INSTANCE,
                row -> LabourForceDataset.map(row, geo));
    }

    public static CsvItemReader<SectorRecord> sectorReader(Path dir) {
        GeoReference geo = geo();
        return new CsvItemReader<>("sectorReader", dir, SectorDataset.INSTANCE, row -> SectorDataset.map(row, geo));
    }

    /**
     * Writes a dataset's file, its header then the rows, under {@code dir}, and reads it back
     * through the CSV reader with {@code mapper}: the rows as the job would see them.
     */
    public static <T> List<Parsed<T>> readRows(Path dir, CsvDataset dataset, String header,
                                               RowMapper<T> mapper, String... rows) {
        String[] all = new String[rows.length + 1];
        all[0] = header;
        System.arraycopy(rows, 0, all, 1, rows.length);
        writeUtf8(dir, dataset.file(), lines(all));
        return readAll(new CsvItemReader<>("testReader", dir, dataset, mapper));
    }

    /** Opens, reads to the end and closes. */
    public static <T> List<Parsed<T>> readAll(CsvItemReader<T> reader) {
        return readAll(reader, new ExecutionContext());
    }

    /** Opens with the given context (a restart when it holds a position), reads to the end and closes. */
    public static <T> List<Parsed<T>> readAll(CsvItemReader<T> reader, ExecutionContext context) {
        reader.open(context);
        try {
            List<Parsed<T>> all = new ArrayList<>();
            Parsed<T> p;
            while ((p = reader.read()) != null) {
                all.add(p);
            }
            return all;
        } finally {
            reader.close();
        }
    }

    public static List<Parsed<LabourForceRecord>> readLabourForce(Path dir) {
        return readAll(labourForceReader(dir));
    }
}

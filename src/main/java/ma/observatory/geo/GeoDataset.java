package ma.observatory.geo;

import java.nio.file.Path;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvDataset;
import ma.observatory.csv.CsvFile;
import ma.observatory.csv.CsvRow;

/** {@code reference/geo.csv}: the places the other files may name. */
public final class GeoDataset implements CsvDataset {

    public static final GeoDataset INSTANCE = new GeoDataset();

    @Override
    public String file() {
        return "reference/geo.csv";
    }

    @Override
    public List<? extends CsvColumn> columns() {
        return List.of(GeoColumn.values());
    }

    static final int CODE_CHARS = 40;
    static final int NAME_CHARS = 200;

    public static Place map(CsvRow row) {
        String code = row.requiredText(GeoColumn.CODE);
        String level = row.requiredText(GeoColumn.LEVEL).toLowerCase(Locale.ROOT);
        // the widths of the place table's columns
        row.textUpTo(GeoColumn.CODE, CODE_CHARS);
        row.textUpTo(GeoColumn.LEVEL, CODE_CHARS);
        if (!code.isEmpty()) {
            row.requireUniqueKey(GeoColumn.CODE);
        }
        return new Place(code, row.textUpTo(GeoColumn.NAME_FR, NAME_CHARS), row.textUpTo(GeoColumn.NAME_EN, NAME_CHARS),
                level, row.textUpTo(GeoColumn.PARENT, CODE_CHARS));
    }

    /**
     * The levels the file names, read now: what a scheduler checks its {@code --geo-levels} against
     * when it starts, rather than at the first night.
     *
     * @throws ma.observatory.csv.InputContractException when the file is missing or broken
     */
    public static Set<String> levels(Path inputDir) {
        Set<String> levels = new TreeSet<>();
        try (CsvFile file = CsvFile.open(inputDir, INSTANCE)) {
            for (CsvRow row = file.next(); row != null; row = file.next()) {
                String level = row.text(GeoColumn.LEVEL);
                if (level != null && !level.isBlank()) {
                    levels.add(level.toLowerCase(Locale.ROOT));
                }
            }
        }
        return levels;
    }
}

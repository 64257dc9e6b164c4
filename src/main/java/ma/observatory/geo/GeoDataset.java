package ma.observatory.geo;

import java.util.Locale;
import java.util.List;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvDataset;
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

    public static Place map(CsvRow row) {
        String code = row.requiredText(GeoColumn.CODE);
        String level = row.requiredText(GeoColumn.LEVEL).toLowerCase(Locale.ROOT);
        if (!code.isEmpty()) {
            row.requireUniqueKey(GeoColumn.CODE);
        }
        return new Place(code, row.text(GeoColumn.NAME_FR), row.text(GeoColumn.NAME_EN), level,
                row.text(GeoColumn.PARENT));
    }
}

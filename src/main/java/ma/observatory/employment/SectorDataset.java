package ma.observatory.employment;

import java.util.List;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvRow;
import ma.observatory.cube.CountDataset;
import ma.observatory.geo.GeoReference;

import static ma.observatory.employment.SectorColumn.*;

/** {@code employment/employment_by_sector.csv}. */
public final class SectorDataset implements CountDataset {

    public static final SectorDataset INSTANCE = new SectorDataset();

    @Override
    public String file() {
        return "employment/employment_by_sector.csv";
    }

    @Override
    public String key() {
        return "employment_by_sector";
    }

    @Override
    public List<? extends CsvColumn> columns() {
        return List.of(SectorColumn.values());
    }

    @Override
    public List<String> measures() {
        return List.of("employed");
    }

    public static SectorRecord map(CsvRow row, GeoReference geo) {
        var period = row.periodOfQuartersOrYears(PERIOD);
        String place = geo.placeOf(row, GEO);
        Sector sector = row.code(SECTOR, Sector.class);
        Double employed = row.number(EMPLOYED);
        if (!row.hasProblems()) {
            row.requireUniqueKey(PERIOD, GEO, SECTOR);
        }
        return new SectorRecord(period, place, sector, employed, row.text(SOURCE));
    }
}

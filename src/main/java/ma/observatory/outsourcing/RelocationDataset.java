package ma.observatory.outsourcing;

import java.time.LocalDate;
import java.util.List;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvDataset;
import ma.observatory.csv.CsvRow;
import ma.observatory.csv.Reason;
import ma.observatory.geo.GeoReference;

import static ma.observatory.outsourcing.RelocationColumn.*;

/**
 * {@code outsourcing/relocations.csv}: events, not counts, so each kept row is stored as it is
 * (table {@code relocation_event}) and the indicators decide which to count in which year.
 */
public final class RelocationDataset implements CsvDataset {

    public static final RelocationDataset INSTANCE = new RelocationDataset();

    @Override
    public String file() {
        return "outsourcing/relocations.csv";
    }

    @Override
    public List<? extends CsvColumn> columns() {
        return List.of(RelocationColumn.values());
    }

    public static RelocationEvent map(CsvRow row, GeoReference geo) {
        LocalDate announced = row.requiredText(ANNOUNCED_ON).isEmpty() ? null : row.date(ANNOUNCED_ON);
        RelocationStatus status = row.code(STATUS, RelocationStatus.class);
        LocalDate effective = row.date(EFFECTIVE_ON);
        if (row.text(EFFECTIVE_ON).isEmpty() && status != null && status != RelocationStatus.ANNOUNCED) {
            row.reject(EFFECTIVE_ON, "", Reason.of("effective-on.required", status.code()));
        }
        if (announced != null && effective != null && effective.isBefore(announced)) {
            row.reject(EFFECTIVE_ON, row.text(EFFECTIVE_ON), Reason.of("effective-on.before-announced",
                    row.text(ANNOUNCED_ON)));
        }
        String origin = SectorJobsDataset.country(row, ORIGIN_COUNTRY, false);
        String destination = SectorJobsDataset.country(row, DESTINATION_COUNTRY, false);
        if (!origin.isEmpty() && origin.equals(destination)) {
            row.reject(DESTINATION_COUNTRY, row.text(DESTINATION_COUNTRY), Reason.of("destination.same-as-origin"));
        }
        Double jobs = row.persons(JOBS);
        if (!row.hasProblems()) {
            // Each line is an event, so there is no key; the same event entered twice is still caught.
            row.requireUniqueKey(ANNOUNCED_ON, CLIENT, PROVIDER, ORIGIN_COUNTRY, DESTINATION_COUNTRY, EFFECTIVE_ON);
        }
        return new RelocationEvent(row.line(), announced, effective, row.text(CLIENT), row.text(PROVIDER), origin,
                destination, jobs, status, row.text(ORIGIN_CITY), row.text(DESTINATION_CITY), row.text(LANGUAGE),
                row.text(SOURCE));
    }
}

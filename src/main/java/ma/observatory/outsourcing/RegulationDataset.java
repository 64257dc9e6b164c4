package ma.observatory.outsourcing;

import java.time.LocalDate;
import java.util.List;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvDataset;
import ma.observatory.csv.CsvRow;
import ma.observatory.csv.Reason;
import ma.observatory.geo.GeoReference;

import static ma.observatory.outsourcing.RegulationColumn.*;

/** {@code outsourcing/regulations.csv}: one row per regulation, stored as it is (table {@code regulation}). */
public final class RegulationDataset implements CsvDataset {

    public static final RegulationDataset INSTANCE = new RegulationDataset();

    /** The id names the regulation in the {@code breakdown} column, where ',' and '=' are separators. */
    private static final String ID_PATTERN = "[A-Za-z0-9._-]{1,100}";

    @Override
    public String file() {
        return "outsourcing/regulations.csv";
    }

    @Override
    public List<? extends CsvColumn> columns() {
        return List.of(RegulationColumn.values());
    }

    public static Regulation map(CsvRow row, GeoReference geo) {
        String id = row.requiredText(ID);
        if (!id.isEmpty() && !id.matches(ID_PATTERN)) {
            row.reject(ID, id, Reason.of("regulation.id.invalid"));
        }
        String country = SectorJobsDataset.country(row, COUNTRY, false);
        String title = row.requiredText(TITLE);
        LocalDate effective = row.requiredText(EFFECTIVE_ON).isEmpty() ? null : row.date(EFFECTIVE_ON);
        Segment segment = row.code(SEGMENT, Segment.class);
        String client = SectorJobsDataset.country(row, CLIENT_COUNTRY, true);
        Activity activity = row.code(ACTIVITY, Activity.class);
        LocalDate adopted = row.date(ADOPTED_ON);
        Double low = lossRate(row, LOSS_RATE_LOW);
        Double central = lossRate(row, LOSS_RATE_CENTRAL);
        Double high = lossRate(row, LOSS_RATE_HIGH);
        if (!ordered(low, central) || !ordered(central, high) || !ordered(low, high)) {
            row.warn(LOSS_RATE_CENTRAL, row.text(LOSS_RATE_LOW) + " / " + row.text(LOSS_RATE_CENTRAL) + " / "
                    + row.text(LOSS_RATE_HIGH), Reason.of("loss-rates.order"));
        }
        if (!row.hasProblems()) {
            row.requireUniqueKey(ID);
        }
        return new Regulation(id, country, title, effective, segment, client, activity, adopted, low, central, high,
                row.text(SOURCE), row.line());
    }

    private static Double lossRate(CsvRow row, RegulationColumn column) {
        // read signed, so that a negative rate is told what a loss rate is, not what a count is
        Double rate = row.signedNumber(column);
        if (rate != null && (rate > 1 || rate < 0)) {
            row.reject(column, row.text(column), Reason.of(rate > 1 ? "loss-rate.above-one" : "loss-rate.negative"));
            return null;
        }
        return rate;
    }

    private static boolean ordered(Double a, Double b) {
        return a == null || b == null || a <= b;
    }
}

package ma.observatory.tourism;

import static ma.observatory.csv.CsvTestSupport.geo;
import static ma.observatory.csv.CsvTestSupport.lines;
import static ma.observatory.csv.CsvTestSupport.readAll;
import static ma.observatory.csv.CsvTestSupport.writeUtf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ma.observatory.csv.CsvItemReader;
import ma.observatory.csv.Parsed;
import ma.observatory.csv.RowProblem;
import ma.observatory.cube.Breakdown;
import ma.observatory.cube.StagedRow;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;

/** The row rules of {@code tourism/arrivals.csv} (SPEC §4), read through the one CSV reader. */
class ArrivalsDatasetTest {

    private static final String FILE = "tourism/arrivals.csv";
    private static final String HEADER = "period,visitor_type,market,arrivals,overnight_stays,receipts_mad_million,source";
    /** A clean row: 17.4 million arrivals in 2024, receipts MAD 112,500 million. */
    private static final String GOOD = "2024,total,total,17400000,,112500,Ministry";

    @TempDir
    Path dir;

    private List<Parsed<ArrivalsRecord>> read(String... rows) {
        String[] all = new String[rows.length + 1];
        all[0] = HEADER;
        System.arraycopy(rows, 0, all, 1, rows.length);
        writeUtf8(dir, FILE, lines(all));
        GeoReference geo = geo();
        return readAll(new CsvItemReader<>("arrivalsReader", dir, ArrivalsDataset.INSTANCE,
                row -> ArrivalsDataset.map(row, geo)));
    }

    /** A good row on line 2, the row under test on line 3, which must be rejected once. */
    private RowProblem singleReject(String row) {
        List<Parsed<ArrivalsRecord>> parsed = read(GOOD, row);
        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0).rejected()).as("the good row").isFalse();
        Parsed<ArrivalsRecord> p = parsed.get(1);
        assertThat(p.item()).as("a rejected row has no item").isNull();
        assertThat(p.rejects()).hasSize(1);
        RowProblem problem = p.rejects().get(0);
        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).isEqualTo(3);
        return problem;
    }

    @Test
    void goodRowIsKeptAndStagedForMoroccoWithItsBreakdown() {
        List<Parsed<ArrivalsRecord>> parsed = read(GOOD);

        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.rejected()).isFalse();
            assertThat(p.item()).isEqualTo(new ArrivalsRecord(Period.year(2024), VisitorType.TOTAL, "total",
                    17_400_000.0, null, 112_500.0, "Ministry"));
            StagedRow staged = p.item().staged();
            // No geo column: every row is about Morocco, a code of reference/geo.csv.
            assertThat(staged.geo()).isEqualTo("MA");
            assertThat(staged.breakdown().toString()).isEqualTo("visitor_type=total, market=total");
            assertThat(staged.measures()).containsExactly(17_400_000.0, null, 112_500.0);
        });
    }

    @Test
    void marketCodeIsReadWhateverItsCaseAndStagedInUpperCase() {
        List<Parsed<ArrivalsRecord>> parsed = read("2024-01,Foreign,fr,122330,,,Observatoire",
                "2024-01,mre,TOTAL,500000,,,Observatoire");

        assertThat(parsed).noneMatch(Parsed::rejected);
        assertThat(parsed.get(0).item().market()).isEqualTo("FR");
        assertThat(parsed.get(0).item().visitorType()).isEqualTo(VisitorType.FOREIGN);
        assertThat(parsed.get(0).item().staged().breakdown())
                .isEqualTo(Breakdown.of("visitor_type", "foreign", "market", "FR"));
        assertThat(parsed.get(1).item().market()).isEqualTo("total");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tourist", "resident", "all", "MRE abroad"})
    void unknownVisitorTypeIsRejected(String visitorType) {
        RowProblem problem = singleReject("2024," + visitorType + ",total,100,,,x");

        assertThat(problem.column()).isEqualTo("visitor_type");
        assertThat(problem.value()).isEqualTo(visitorType);
        assertThat(problem.reason()).contains("foreign, mre, total");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "FRA", "France", "UK", "all", "F"})
    void marketThatIsNotAnIsoCountryCodeIsRejected(String market) {
        RowProblem problem = singleReject("2024,foreign," + market + ",100,,,x");

        assertThat(problem.column()).isEqualTo("market");
        assertThat(problem.value()).isEqualTo(market);
        assertThat(problem.reason()).contains("ISO 3166-1 alpha-2").contains("or total");
    }

    @Test
    void emptyMarketIsRejected() {
        RowProblem problem = singleReject("2024,foreign,,100,,,x");

        assertThat(problem.column()).isEqualTo("market");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrivals", "overnight_stays", "receipts_mad_million"})
    void negativeNumberIsRejected(String column) {
        String row = switch (column) {
            case "arrivals" -> "2023,total,total,-5,,,x";
            case "overnight_stays" -> "2023,total,total,5,-1,,x";
            default -> "2023,total,total,5,,-0.5,x";
        };

        RowProblem problem = singleReject(row);

        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.value()).startsWith("-");
        assertThat(problem.reason()).contains("negative");
    }

    @Test
    void numberThatDoesNotParseIsRejected() {
        RowProblem problem = singleReject("2023,total,total,13 millions,,,x");

        assertThat(problem.column()).isEqualTo("arrivals");
        assertThat(problem.value()).isEqualTo("13 millions");
    }

    @Test
    void numberPastFifteenDigitsIsRejectedRatherThanRounded() {
        // read as a double it would become 9223372036854776000 arrivals without a word
        RowProblem problem = singleReject("2023,total,total,9223372036854775808,,,x");

        assertThat(problem.column()).isEqualTo("arrivals");
        assertThat(problem.value()).isEqualTo("9223372036854775808");
        assertThat(problem.reason()).startsWith("has more than 15 digits before the decimal mark");
    }

    @Test
    void badPeriodIsRejected() {
        RowProblem problem = singleReject("2024-S1,total,total,100,,,x");

        assertThat(problem.column()).isEqualTo("period");
    }

    @Test
    void secondOccurrenceOfAKeyIsRejectedWhateverItsSpelling() {
        List<Parsed<ArrivalsRecord>> parsed = read(
                "2024,foreign,FR,100,,,a",
                "2024,mre,FR,100,,,a",           // other visitor type: another key
                "2024,foreign,ES,100,,,a",       // other market: another key
                "2024,FOREIGN,fr,120,,,b");      // same key as line 2

        assertThat(parsed.subList(0, 3)).noneMatch(Parsed::rejected);
        assertThat(parsed.get(3).rejects()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.column()).isEmpty();
            assertThat(problem.value()).isEqualTo("period=2024, visitor_type=FOREIGN, market=fr");
            assertThat(problem.reason()).isEqualTo("this key already appears on line 2 of the file");
        });
    }

    @Test
    void emptyArrivalsIsNotAvailableAndTheRowMayCarryOnlyReceipts() {
        // 2015 was published as receipts only, arrivals by visitor type in other rows.
        List<Parsed<ArrivalsRecord>> parsed = read("2015,total,total,,,61150,Observatoire",
                "2019,total,total,13000000,25200000,78600,Observatoire");

        assertThat(parsed).noneMatch(Parsed::rejected);
        assertThat(parsed).allSatisfy(p -> assertThat(p.warnings()).isEmpty());
        assertThat(parsed.get(0).item().arrivals()).isNull();
        assertThat(parsed.get(0).item().receiptsMadMillion()).isEqualTo(61_150.0);
        assertThat(parsed.get(0).item().staged().measures()).containsExactly(null, null, 61_150.0);
        assertThat(parsed.get(1).item().overnightStays()).isEqualTo(25_200_000.0);
    }

    @Test
    void arrivalsWithDecimalsAreKeptWithAWarningAboutTheUnit() {
        // 19.8 for 19.8 million: not a fraction of a person, a file in another unit
        List<Parsed<ArrivalsRecord>> parsed = read("2024,total,total,19.8,,112500,Ministry",
                "2023,total,total,14500000.0,,104600,Ministry");

        assertThat(parsed).noneMatch(Parsed::rejected);
        assertThat(parsed.get(0).item().arrivals()).isEqualTo(19.8);
        assertThat(parsed.get(0).warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.column()).isEqualTo("arrivals");
            assertThat(w.value()).isEqualTo("19.8");
            assertThat(w.reason()).startsWith("has decimals, where a number of persons is whole");
        });
        assertThat(parsed.get(1).warnings()).as("a whole number written with a decimal point").isEmpty();
    }

    @Test
    void allProblemsOfARowAreReported() {
        List<Parsed<ArrivalsRecord>> parsed = read("2024-13,visitors,ZZ,-1,abc,,x");

        assertThat(parsed).singleElement().satisfies(p -> assertThat(p.rejects())
                .extracting(RowProblem::column)
                .containsExactlyInAnyOrder("period", "visitor_type", "market", "arrivals", "overnight_stays"));
    }
}

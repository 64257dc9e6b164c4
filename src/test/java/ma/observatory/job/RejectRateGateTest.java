package ma.observatory.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reject-rate limit: a run stops only above rate × rows, counted as the rate was typed. */
class RejectRateGateTest {

    @ParameterizedTest(name = "{0} of {1} at {2}: {3}")
    @CsvSource({
        "1, 100, 0.01, false",   // exactly at the default limit
        "2, 100, 0.01, true",
        "29, 100, 0.29, false",  // 0.29 x 100 is 28.999999999999996 in binary
        "30, 100, 0.29, true",
        "57, 100, 0.57, false",
        "58, 100, 0.58, false",
        "0, 0, 0.01, false",     // an empty file rejects nothing
        "1, 1, 1, false",        // every row may be rejected at rate 1
        "1, 3, 0, true",
    })
    void aRunStopsOnlyAboveTheRateTimesTheRows(long rejected, long read, double rate, boolean stops) {
        assertThat(RejectRateGate.tooMany(rejected, read, rate)).isEqualTo(stops);
    }

    @ParameterizedTest(name = "{0} of {1} at {2}: {3} % against {4} %")
    @CsvSource({
        "1, 98, 0.01, 1.02, 1.0",     // 1.0204 %: "1.0 %, more than the 1.0 %" read as a contradiction
        "10, 100, 0.01, 10.0, 1.0",
        "3, 200, 0.0125, 1.50, 1.25", // the rate as typed, the share with as many decimals
        "1, 9999, 0.0001, 0.010001, 0.01",
        "2, 3, 0.5, 66.7, 50.0",
    })
    void theShareRejectedReadsAsMoreThanTheRateAllowed(long rejected, long read, double rate, String share,
                                                       String limit) {
        assertThat(RejectRateGate.sharesApart(rejected, read, rate)).containsExactly(share, limit);
    }
}

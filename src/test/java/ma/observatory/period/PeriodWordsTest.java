package ma.observatory.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class PeriodWordsTest {

    private static final PeriodWords FR = PeriodWords.of(Locale.FRENCH);
    private static final PeriodWords EN = PeriodWords.of(Locale.ENGLISH);

    private static PeriodRange range(String from, String to) {
        return new PeriodRange(Period.parse(from), Period.parse(to));
    }

    /** The words as a reader sees them: the no-break spaces that keep one period on one line, as spaces. */
    private static String seen(String words) {
        return words.replace('\u00a0', ' ');
    }

    @Test
    void periodsAreSaidAsTheHcpWritesThem() {
        assertThat(seen(FR.period(Period.parse("2025-Q3")))).isEqualTo("T3 2025");
        assertThat(seen(EN.period(Period.parse("2025-Q3")))).isEqualTo("Q3 2025");
        assertThat(seen(FR.period(Period.parse("2026-10")))).isEqualTo("octobre 2026");
        assertThat(seen(FR.period(Period.parse("2026-08")))).isEqualTo("août 2026");
        assertThat(seen(EN.period(Period.parse("2026-10")))).isEqualTo("October 2026");
        assertThat(FR.period(Period.parse("2025"))).isEqualTo("2025");
        assertThat(seen(EN.month(YearMonth.of(2021, 1)))).isEqualTo("January 2021");
    }

    @Test
    void aPeriodOrADateIsNeverSplitAcrossTwoLines() {
        assertThat(FR.period(Period.parse("2025-Q3"))).isEqualTo("T3\u00a02025");
        assertThat(FR.date(LocalDate.of(2026, 8, 11))).isEqualTo("11\u00a0août\u00a02026");
        // a range may break between its ends, not inside one
        assertThat(FR.range(range("2021-01", "2026-10"))).isEqualTo("janvier\u00a02021 – octobre\u00a02026");
    }

    @Test
    void datesAreSaidDayMonthYearTheFirstOfAMonthAsFrenchWritesIt() {
        assertThat(seen(FR.date(LocalDate.of(2026, 8, 11)))).isEqualTo("11 août 2026");
        assertThat(seen(FR.date(LocalDate.of(2026, 1, 1)))).isEqualTo("1er janvier 2026");
        assertThat(seen(EN.date(LocalDate.of(2026, 1, 1)))).isEqualTo("1 January 2026");
        LocalDateTime t = LocalDateTime.of(2026, 11, 28, 3, 9, 5);
        assertThat(seen(FR.moment(t))).isEqualTo("28 novembre 2026 à 3 h 09");
        assertThat(seen(EN.moment(t))).isEqualTo("28 November 2026 at 03:09");
        assertThat(seen(FR.moment(t.withHour(18)))).isEqualTo("28 novembre 2026 à 18 h 09");
    }

    @Test
    void aRangeFromAJanuaryToADecemberIsSaidInYearsHoweverItWasTyped() {
        assertThat(FR.range(range("2021", "2025"))).isEqualTo("2021–2025");
        assertThat(FR.range(range("2021-Q1", "2025-Q4"))).isEqualTo("2021–2025");
        assertThat(FR.range(range("2021-01", "2025-12"))).isEqualTo("2021–2025");
        assertThat(FR.range(range("2025", "2025"))).isEqualTo("2025");
        assertThat(EN.end(range("2024", "2025"))).isEqualTo("2025");
    }

    @Test
    void otherRangesAreSaidInMonthsOrInTheQuartersTheyWereTypedIn() {
        assertThat(seen(FR.range(range("2021-01", "2026-10")))).isEqualTo("janvier 2021 – octobre 2026");
        assertThat(seen(EN.range(range("2021-04", "2026-09")))).isEqualTo("April 2021 – September 2026");
        assertThat(seen(FR.range(range("2024-Q2", "2025-Q3")))).isEqualTo("T2 2024 – T3 2025");
        assertThat(seen(EN.range(range("2024-Q2", "2025-Q3")))).isEqualTo("Q2 2024 – Q3 2025");
        // the same months typed as months are months
        assertThat(seen(FR.range(range("2024-04", "2025-09")))).isEqualTo("avril 2024 – septembre 2025");
        // the end says a month, never a quarter: « jusqu’à septembre 2025 », not « jusqu’à T3 2025 »
        assertThat(seen(FR.end(range("2024-Q2", "2025-Q3")))).isEqualTo("septembre 2025");
    }

    @Test
    void aYearBothEndsShareIsSaidOnceAndOnePeriodAlone() {
        assertThat(seen(FR.range(range("2025-03", "2025-10")))).isEqualTo("mars – octobre 2025");
        assertThat(seen(EN.range(range("2025-Q2", "2025-Q3")))).isEqualTo("Q2 – Q3 2025");
        assertThat(seen(EN.range(range("2025-08", "2025-08")))).isEqualTo("August 2025");
        assertThat(seen(FR.range(range("2025-Q3", "2025-Q3")))).isEqualTo("T3 2025");
    }
}

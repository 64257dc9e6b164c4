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

    @Test
    void periodsAreSaidAsTheHcpWritesThem() {
        assertThat(FR.period(Period.parse("2025-Q3"))).isEqualTo("T3 2025");
        assertThat(EN.period(Period.parse("2025-Q3"))).isEqualTo("Q3 2025");
        assertThat(FR.period(Period.parse("2026-10"))).isEqualTo("octobre 2026");
        assertThat(FR.period(Period.parse("2026-08"))).isEqualTo("août 2026");
        assertThat(EN.period(Period.parse("2026-10"))).isEqualTo("October 2026");
        assertThat(FR.period(Period.parse("2025"))).isEqualTo("2025");
        assertThat(EN.month(YearMonth.of(2021, 1))).isEqualTo("January 2021");
    }

    @Test
    void datesAreSaidDayMonthYearTheFirstOfAMonthAsFrenchWritesIt() {
        assertThat(FR.date(LocalDate.of(2026, 8, 11))).isEqualTo("11 août 2026");
        assertThat(FR.date(LocalDate.of(2026, 1, 1))).isEqualTo("1er janvier 2026");
        assertThat(EN.date(LocalDate.of(2026, 1, 1))).isEqualTo("1 January 2026");
        LocalDateTime t = LocalDateTime.of(2026, 11, 28, 3, 9, 5);
        assertThat(FR.moment(t, true)).isEqualTo("28 novembre 2026 à 03:09:05");
        assertThat(FR.moment(t, false)).isEqualTo("28 novembre 2026 à 03:09");
        assertThat(EN.moment(t, false)).isEqualTo("28 November 2026 at 03:09");
    }

    @Test
    void aRangeIsSaidInMonthsUnlessItRunsFromAJanuaryToADecember() {
        assertThat(FR.range(range("2021-01", "2026-10"))).isEqualTo("janvier 2021 – octobre 2026");
        assertThat(EN.range(range("2021-04", "2026-09"))).isEqualTo("April 2021 – September 2026");
        // the same months typed as years, as quarters or as months are said alike
        assertThat(FR.range(range("2021", "2025"))).isEqualTo("2021–2025");
        assertThat(FR.range(range("2021-Q1", "2025-Q4"))).isEqualTo("2021–2025");
        assertThat(FR.range(range("2021-01", "2025-12"))).isEqualTo("2021–2025");
        // a quarter's months, not « du T2 »: a range is months
        assertThat(FR.range(range("2024-Q2", "2024-Q3"))).isEqualTo("avril 2024 – septembre 2024");
        assertThat(FR.start(range("2024-Q2", "2024-Q3"))).isEqualTo("avril 2024");
        assertThat(FR.end(range("2024-Q2", "2024-Q3"))).isEqualTo("septembre 2024");
    }

    @Test
    void aRangeOfOneYearOrOneMonthIsSaidOnce() {
        assertThat(FR.range(range("2025", "2025"))).isEqualTo("2025");
        assertThat(EN.range(range("2026-10", "2026-10"))).isEqualTo("October 2026");
        assertThat(EN.end(range("2024", "2025"))).isEqualTo("2025");
    }
}

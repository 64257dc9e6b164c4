package ma.observatory.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class PeriodRangeTest {

    private static PeriodRange range(String from, String to) {
        return new PeriodRange(Period.parse(from), Period.parse(to));
    }

    @Test
    void aPeriodBelongsOnlyWhenItLiesWhollyInside() {
        PeriodRange r = range("2023-01", "2025-06");
        // 2025 runs to 2025-12, past 2025-06
        assertThat(r.contains(Period.parse("2025"))).isFalse();
        // 2025-Q2 = 2025-04..2025-06, the last quarter inside
        assertThat(r.contains(Period.parse("2025-Q2"))).isTrue();
        assertThat(r.contains(Period.parse("2025-Q3"))).isFalse();
        assertThat(r.contains(Period.parse("2023"))).isTrue();
        assertThat(r.contains(Period.parse("2024"))).isTrue();
        assertThat(r.contains(Period.parse("2023-01"))).isTrue();
        assertThat(r.contains(Period.parse("2025-06"))).isTrue();
        assertThat(r.contains(Period.parse("2022-12"))).isFalse();
        assertThat(r.contains(Period.parse("2025-07"))).isFalse();
        assertThat(r.contains(Period.parse("2022"))).isFalse();
    }

    @Test
    void aRangeGivenByYearsCoversTheirMonths() {
        PeriodRange r = range("2023", "2024");
        assertThat(r.firstMonth()).isEqualTo(YearMonth.of(2023, 1));
        assertThat(r.lastMonth()).isEqualTo(YearMonth.of(2024, 12));
        assertThat(r.contains(Period.parse("2024-Q4"))).isTrue();
        assertThat(r.contains(Period.parse("2024-12"))).isTrue();
    }

    @Test
    void theNightlyWindowRunsFromJanuaryFiveYearsBackToTheEndOfThePreviousMonth() {
        // 2026 - 5 = 2021; the month before 2026-11 is 2026-10
        assertThat(PeriodRange.nightlyWindow(YearMonth.of(2026, 11))).isEqualTo(range("2021-01", "2026-10"));
        assertThat(PeriodRange.nightlyWindow(YearMonth.of(2026, 11))).hasToString("2021-01_2026-10");
    }

    @Test
    void inJanuaryTheNightlyWindowEndsInDecemberOfThePreviousYear() {
        // 2026-01: from 2021-01, to 2025-12
        assertThat(PeriodRange.nightlyWindow(YearMonth.of(2026, 1))).isEqualTo(range("2021-01", "2025-12"));
    }

    @Test
    void withPreviousYearStartsTwelveMonthsEarlierAndKeepsTheEnd() {
        PeriodRange staged = range("2023-01", "2025-06").withPreviousYear();
        assertThat(staged.firstMonth()).isEqualTo(YearMonth.of(2022, 1));
        assertThat(staged.lastMonth()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(staged.contains(Period.parse("2022"))).isTrue();
        assertThat(staged.contains(Period.parse("2021-12"))).isFalse();

        PeriodRange fromAQuarter = range("2024-Q2", "2024-Q4").withPreviousYear();
        // 2024-Q2 starts 2024-04, one year back 2023-04
        assertThat(fromAQuarter.firstMonth()).isEqualTo(YearMonth.of(2023, 4));
        assertThat(fromAQuarter.contains(Period.parse("2023-Q2"))).isTrue();
        assertThat(fromAQuarter.contains(Period.parse("2023-Q1"))).isFalse();
    }

    @Test
    void rejectsARangeThatStartsAfterItEnds() {
        assertThatThrownBy(() -> range("2025-07", "2025-06")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts (2025-07) after it ends (2025-06)");
        // a single period is a valid range, even when 'to' is coarser than 'from'
        assertThat(range("2025-06", "2025").contains(Period.parse("2025-06"))).isTrue();
    }

    @org.junit.jupiter.api.Test
    void containsIsWhollyInsideByMonths() {
        PeriodRange range = new PeriodRange(Period.month(2023, 2), Period.quarter(2025, 2));
        for (int year = 2021; year <= 2027; year++) {
            java.util.List<Period> periods = new java.util.ArrayList<>(java.util.List.of(Period.year(year)));
            for (int q = 1; q <= 4; q++) {
                periods.add(Period.quarter(year, q));
            }
            for (int m = 1; m <= 12; m++) {
                periods.add(Period.month(year, m));
            }
            for (Period p : periods) {
                boolean inside = !p.firstMonth().isBefore(range.firstMonth()) && !p.lastMonth().isAfter(range.lastMonth());
                org.assertj.core.api.Assertions.assertThat(range.contains(p)).as(p.toString()).isEqualTo(inside);
            }
        }
    }

    @Test
    void historyBeforeARangeStopsAtTheFirstPeriodThereCanBe() {
        PeriodRange range = new PeriodRange(Period.year(1099), Period.year(1099));

        assertThat(range.withYearsBefore(100).from()).isEqualTo(Period.month(1000, 1));
        assertThat(range.withYearsBefore(3).from()).isEqualTo(Period.month(1096, 1));
        assertThat(range.withPreviousYear().to()).isEqualTo(Period.year(1099));
    }
}

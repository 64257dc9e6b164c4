package ma.observatory.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @Test
    void equalPeriodsHashAlikeAndDifferentOnesAreNotEqual() {
        assertThat(Period.quarter(2024, 2)).isEqualTo(Period.parse("2024-Q2")).hasSameHashCodeAs(Period.parse("2024-Q2"));
        assertThat(Period.quarter(2024, 2)).isNotEqualTo(Period.quarter(2024, 3)).isNotEqualTo(Period.quarter(2023, 2))
                .isNotEqualTo(Period.month(2024, 2)).isNotEqualTo(null).isNotEqualTo("2024-Q2");
    }

    @Test
    void orderNumbersSortAsPeriodsDo() {
        List<Period> periods = new ArrayList<>();
        for (int year = 1999; year <= 2001; year++) {
            periods.add(Period.year(year));
            for (int q = 1; q <= 4; q++) {
                periods.add(Period.quarter(year, q));
            }
            for (int m = 1; m <= 12; m++) {
                periods.add(Period.month(year, m));
            }
        }
        for (Period a : periods) {
            for (Period b : periods) {
                assertThat(Integer.signum(Integer.compare(a.orderNumber(), b.orderNumber())))
                        .as("%s against %s", a, b).isEqualTo(Integer.signum(a.compareTo(b)));
            }
        }
    }

    @Test
    void parsesAYearAQuarterAndAMonth() {
        assertThat(Period.parse("2024")).isEqualTo(Period.year(2024));
        assertThat(Period.parse("2024-Q2")).isEqualTo(Period.quarter(2024, 2));
        assertThat(Period.parse("2024-05")).isEqualTo(Period.month(2024, 5));
    }

    @Test
    void parsingToleratesSurroundingBlanksAndALowerCaseQ() {
        assertThat(Period.parse(" 2024-q3 ")).isEqualTo(Period.quarter(2024, 3));
    }

    @Test
    void formatsBackToTheInputSpelling() {
        for (String text : List.of("2024", "2024-Q1", "2024-Q4", "2024-01", "2024-12")) {
            assertThat(Period.parse(text)).hasToString(text);
        }
        // A month is always written on two digits: 2024-5 would not parse back.
        assertThat(Period.month(2024, 5)).hasToString("2024-05");
    }

    @Test
    void aPeriodIsWrittenInAsciiDigitsOnAMachineWhoseLocaleWritesOthers() {
        Locale machine = Locale.getDefault();
        try {
            // Saudi Arabic writes ٢٠٢٤-٠٣ through String.format; the workbook and database need 2024-03.
            Locale.setDefault(Locale.forLanguageTag("ar-SA"));
            assertThat(Period.month(2024, 3)).hasToString("2024-03");
            assertThat(Period.parse("2024-11")).hasToString("2024-11");
        } finally {
            Locale.setDefault(machine);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24", "2024-Q5", "2024-Q0", "2024-13", "2024-00", "2024-1", "2024-M01", "2024/05",
            "2024-05-01", "Q1-2024", "abcd"})
    void rejectsTextThatIsNotAPeriod(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a period");
    }

    @Test
    void rejectsNullWithTheSameMessage() {
        assertThatThrownBy(() -> Period.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected YYYY, YYYY-Qn or YYYY-MM");
    }

    @Test
    void aMonthOutOfRangeSaysWhatIsExpected() {
        assertThatThrownBy(() -> Period.parse("2024-13")).hasMessageContaining("month must be 01 to 12");
    }

    @Test
    void firstAndLastMonths() {
        // Q3 = months (3-1)*3+1 = 7 to 7+3-1 = 9
        assertThat(Period.quarter(2024, 3).firstMonth()).isEqualTo(YearMonth.of(2024, 7));
        assertThat(Period.quarter(2024, 3).lastMonth()).isEqualTo(YearMonth.of(2024, 9));
        assertThat(Period.year(2024).firstMonth()).isEqualTo(YearMonth.of(2024, 1));
        assertThat(Period.year(2024).lastMonth()).isEqualTo(YearMonth.of(2024, 12));
        assertThat(Period.month(2024, 2).lastMonth()).isEqualTo(YearMonth.of(2024, 2));
    }

    @Test
    void previousYearKeepsTheGranularity() {
        assertThat(Period.parse("2024").previousYear()).isEqualTo(Period.year(2023));
        assertThat(Period.parse("2024-Q1").previousYear()).isEqualTo(Period.quarter(2023, 1));
        assertThat(Period.parse("2024-01").previousYear()).isEqualTo(Period.month(2023, 1));
    }

    @Test
    void aYearComesBeforeItsFirstQuarterWhichComesBeforeItsFirstMonth() {
        List<Period> periods = new ArrayList<>(List.of(Period.parse("2024-02"), Period.parse("2024-01"),
                Period.parse("2024-Q2"), Period.parse("2024-Q1"), Period.parse("2024"), Period.parse("2023-12"),
                Period.parse("2023")));
        Collections.shuffle(periods, new java.util.Random(42));
        Collections.sort(periods);
        assertThat(periods).extracting(Period::toString)
                .containsExactly("2023", "2023-12", "2024", "2024-Q1", "2024-01", "2024-02", "2024-Q2");
    }

    @Test
    void compareToIsConsistentWithEquals() {
        assertThat(Period.parse("2024-Q1").compareTo(Period.quarter(2024, 1))).isZero();
        assertThat(Period.year(2024).compareTo(Period.quarter(2024, 1))).isNegative();
        assertThat(Period.month(2024, 1).compareTo(Period.quarter(2024, 1))).isPositive();
    }
}

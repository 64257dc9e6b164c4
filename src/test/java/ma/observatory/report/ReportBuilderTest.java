package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    @Test
    void aPublishedFigureIsShownAsAFileWouldGiveIt() {
        assertThat(ReportBuilder.asWritten(17_400_000)).isEqualTo("17400000"); // Double.toString: 1.74E7
        assertThat(ReportBuilder.asWritten(120_000)).isEqualTo("120000"); // not 120000.0
        assertThat(ReportBuilder.asWritten(43.6)).isEqualTo("43.6");
        assertThat(ReportBuilder.asWritten(-0.25)).isEqualTo("-0.25");
        assertThat(ReportBuilder.asWritten(0)).isEqualTo("0");
    }
}

package ma.observatory.employment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ma.observatory.cube.Breakdown;
import ma.observatory.cube.StagedRow;
import ma.observatory.period.Period;

class LabourForceRecordTest {

    private static LabourForceRecord row(Area area, Sex sex, String age) {
        return new LabourForceRecord(Period.quarter(2024, 1), "MA-01", area, sex, age, 100.0, 50.0, 45.0, 5.0, null,
                "HCP");
    }

    @Test
    void aRowIsStagedWithItsBreakdownAndMeasuresInTheFilesOrder() {
        StagedRow staged = row(Area.URBAN, Sex.FEMALE, "15-24").staged();
        assertThat(staged.breakdown()).hasToString("area=urban, sex=female, age_group=15-24");
        assertThat(staged.measures()).containsExactly(100.0, 50.0, 45.0, 5.0, null);
        assertThat(staged.geo()).isEqualTo("MA-01");
    }

    @Test
    void rowsOfOneAreaSexAndAgeBandShareOneBreakdown() {
        Breakdown first = row(Area.RURAL, Sex.MALE, "25-34").staged().breakdown();
        assertThat(row(Area.RURAL, Sex.MALE, new String("25-34")).staged().breakdown()).isSameAs(first);
        assertThat(row(Area.RURAL, Sex.FEMALE, "25-34").staged().breakdown()).isNotEqualTo(first);
        assertThat(row(Area.URBAN, Sex.MALE, "25-34").staged().breakdown()).isNotEqualTo(first);
    }

    @Test
    void aFileOfCountlessAgeBandsStillGetsTheRightBreakdowns() {
        for (int from = 0; from < 1_000; from++) {
            String band = from + "-" + (from + 4);
            assertThat(row(Area.TOTAL, Sex.TOTAL, band).staged().breakdown())
                    .isEqualTo(Breakdown.of("area", "total", "sex", "total", "age_group", band));
        }
    }
}

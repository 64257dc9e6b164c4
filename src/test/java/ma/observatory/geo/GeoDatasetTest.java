package ma.observatory.geo;

import static ma.observatory.csv.CsvTestSupport.readRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.csv.Parsed;
import ma.observatory.csv.RowProblem;

/** The row rules of {@code reference/geo.csv} (SPEC §4). */
class GeoDatasetTest {

    private static final String HEADER = "code,name_fr,name_en,level,parent";

    @TempDir
    Path dir;

    private List<Parsed<Place>> read(String... rows) {
        return readRows(dir, GeoDataset.INSTANCE, HEADER, GeoDataset::map, rows);
    }

    @Test
    void aPlaceIsKeptWithItsLevelInLowerCase() {
        assertThat(read("MA-01,Tanger-Tétouan-Al Hoceïma,Tanger-Tetouan-Al Hoceima,Region,MA")).singleElement()
                .satisfies(p -> assertThat(p.item()).isEqualTo(new Place("MA-01", "Tanger-Tétouan-Al Hoceïma",
                        "Tanger-Tetouan-Al Hoceima", "region", "MA")));
    }

    @Test
    void aCodeOrLevelLeftEmptyAndACodeGivenTwiceAreRejected() {
        List<Parsed<Place>> parsed = read("MA,Maroc,Morocco,country,", ",Sans code,No code,region,MA",
                "MA-02,Oriental,Oriental,,MA", "MA,Maroc bis,Morocco again,country,");

        assertThat(parsed.get(0).rejected()).isFalse();
        assertThat(parsed.subList(1, parsed.size())).hasSize(3).allMatch(Parsed::rejected);
        assertThat(parsed).flatExtracting(Parsed::rejects).extracting(RowProblem::line, RowProblem::column)
                .containsExactly(tuple(3L, "code"), tuple(4L, "level"), tuple(5L, ""));
        assertThat(parsed.get(3).rejects().get(0).reason()).contains("already appears on line 2 of the file");
    }

    @Test
    void aCodeOrNameLongerThanItsColumnIsRejectedNamingItsLength() {
        String code = "MA-" + "9".repeat(38); // 41 characters
        String name = "N".repeat(201);
        List<Parsed<Place>> parsed = read(code + ",Long,Long,region,MA", "MA-02," + name + ",Oriental,region,MA",
                "MA-03,Fès-Meknès,Fez-Meknes,region,MA");

        assertThat(parsed).extracting(Parsed::rejected).containsExactly(true, true, false);
        assertThat(parsed).flatExtracting(Parsed::rejects).extracting(RowProblem::line, RowProblem::column,
                RowProblem::reason).containsExactly(
                        tuple(2L, "code", "is too long: 41 characters, more than the 40 this column holds"),
                        tuple(3L, "name_fr", "is too long: 201 characters, more than the 200 this column holds"));
    }
}

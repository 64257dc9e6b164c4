package ma.observatory.geo;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeoReferenceTest {

    /**
     * Country, two regions, a province under the first, a commune under the province and one under
     * the second region; and a region outside the country.
     */
    private static final List<Place> PLACES = List.of(
            new Place("MA", "Maroc", "Morocco", "country", null),
            new Place("MA-01", "Tanger", "Tangier", "region", "MA"),
            new Place("MA-02", "Oriental", "Oriental", "region", "MA"),
            new Place("MA-01-P1", "Tétouan", "Tetouan", "province", "MA-01"),
            new Place("MA-01-P1-C1", "Martil", "Martil", "commune", "MA-01-P1"),
            new Place("MA-02-C1", "Oujda", "Oujda", "commune", "MA-02"),
            new Place("XX", "Ailleurs", "Elsewhere", "region", null));

    private final GeoReference geo = new GeoReference(PLACES, Set.of("country", "region"));

    @Test
    void aPlaceCoversTheFingerprintsOfThePlacesAtTheBottomOfItsBranch() {
        long martil = GeoReference.fingerprint("MA-01-P1-C1");
        long oujda = GeoReference.fingerprint("MA-02-C1");
        assertThat(martil).isNotEqualTo(oujda).isNotZero();
        // the commune stands for its province and region, each of which has nothing else under it
        assertThat(geo.coverOf("MA-01-P1-C1")).isEqualTo(martil);
        assertThat(geo.coverOf("MA-01-P1")).isEqualTo(martil);
        assertThat(geo.coverOf("MA-01")).isEqualTo(martil);
        assertThat(geo.coverOf("MA")).isEqualTo(martil + oujda);
        // rows of both regions cover Morocco; one of them with its province too does not
        assertThat(geo.coverOf("MA-01") + geo.coverOf("MA-02")).isEqualTo(geo.coverOf("MA"));
        assertThat(geo.coverOf("MA-01") + geo.coverOf("MA-01-P1") + geo.coverOf("MA-02"))
                .isNotEqualTo(geo.coverOf("MA"));
        assertThat(geo.coverOf("MA-99")).isZero();
    }

    @Test
    void aCodeIsFoundWhateverItsCaseAsTheReferenceSpellsIt() {
        assertThat(geo.code("ma-01")).isEqualTo("MA-01");
        assertThat(geo.code("Ma-01-p1")).isEqualTo("MA-01-P1");
        assertThat(geo.code("MA-03")).isNull();
        // two codes that differ by case only: each is found as written, neither otherwise
        GeoReference clashing = new GeoReference(List.of(new Place("MA", "Maroc", "Morocco", "country", null),
                new Place("A1", "Un", "One", "region", "MA"), new Place("a1", "Autre", "Other", "region", "MA")),
                Set.of("country", "region"));
        assertThat(clashing.code("a1")).isEqualTo("a1");
        assertThat(clashing.code("A1")).isEqualTo("A1");
        assertThat(clashing.code("ma")).isEqualTo("MA");
    }

    @Test
    void aFinerPlaceIsCountedInItsNearestReportedAncestor() {
        assertThat(geo.reportedPlaceFor("MA-01-P1-C1")).isEqualTo("MA-01");
        assertThat(geo.reportedPlaceFor("MA-01-P1")).isEqualTo("MA-01");
        assertThat(geo.reportedPlaceFor("MA-02-C1")).isEqualTo("MA-02");
        assertThat(geo.reportedPlaceFor("MA-02")).isEqualTo("MA-02");
        assertThat(geo.reportedPlaceFor("MA")).isEqualTo("MA");
    }

    @Test
    void aCodeOutsideTheReferenceOrWithoutAReportedAncestorIsOutsideTheReport() {
        assertThat(geo.reportedPlaceFor("MA-99")).isEmpty();
        GeoReference provincesOnly = new GeoReference(PLACES, Set.of("province"));
        assertThat(provincesOnly.reportedPlaceFor("MA-01-P1-C1")).isEqualTo("MA-01-P1");
        assertThat(provincesOnly.reportedPlaceFor("MA-02-C1")).isEmpty();
        assertThat(provincesOnly.reportedPlaceFor("MA")).isEmpty();
    }

    @Test
    void aReferenceWhoseParentsLoopEndsOutsideTheReport() {
        GeoReference looping = new GeoReference(List.of(
                new Place("A", "A", "A", "commune", "B"),
                new Place("B", "B", "B", "commune", "A")), Set.of("region"));
        assertThat(looping.reportedPlaceFor("A")).isEmpty();
    }

    @Test
    void reportedParentsAndChildrenSkipTheLevelsInBetween() {
        assertThat(geo.reportedParent("MA-01")).isEqualTo("MA");
        assertThat(geo.reportedParent("MA")).isNull();
        assertThat(geo.reportedChildren("MA")).containsExactly("MA-01", "MA-02");
        assertThat(geo.reportedBottomUp()).containsExactlyInAnyOrder("MA", "MA-01", "MA-02", "XX")
                .containsSubsequence("MA-01", "MA-02", "MA");

        GeoReference withoutRegions = new GeoReference(PLACES, Set.of("country", "province"));
        assertThat(withoutRegions.reportedParent("MA-01-P1")).isEqualTo("MA");
        assertThat(withoutRegions.reportedChildren("MA")).containsExactly("MA-01-P1");
        assertThat(withoutRegions.reportedPlaceFor("MA-02-C1")).isEqualTo("MA");
    }
}

package ma.observatory.cube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import ma.observatory.csv.Reason;
import ma.observatory.employment.Area;

class BreakdownVocabularyTest {

    private final BreakdownVocabulary vocabulary = BreakdownVocabulary.builder().codes("area", Area.class)
            .rule("age_group", v -> v.endsWith("+"),
                    (name, value) -> Reason.of("breakdown.not-age-group", name, value)).build();

    @Test
    void valuesOfTheVocabularyPass() {
        assertThat(vocabulary.problem(Breakdown.parse("area=urban, age_group=15+"))).isNull();
        assertThat(vocabulary.problem(Breakdown.NONE)).isNull();
    }

    @Test
    void aDimensionItDoesNotKnowPasses() {
        assertThat(vocabulary.problem(Breakdown.parse("education=graduate"))).isNull();
    }

    @Test
    void aDimensionOfItsOwnGivenAsTotalIsTheFigureWithoutIt() {
        BreakdownVocabulary ordered = BreakdownVocabulary.builder().codes("area", Area.class)
                .order("area", "sex", "age_group").build();

        // else "education=total" would stand as a second series of everyone's figure
        assertThat(ordered.problem(Breakdown.parse("area=total, sex=total, age_group=15+, education=total")).english())
                .isEqualTo("education=total is the figure without education: write area=total, sex=total, age_group=15+");
        assertThat(ordered.problem(Breakdown.parse("area=total, sex=total, age_group=15+, education=total"))
                .text(Locale.FRENCH)).isEqualTo("education=total est le chiffre sans education\u202f: écrire area=total,"
                        + " sex=total, age_group=15+");
        // a known dimension's total is its own row
        assertThat(ordered.problem(Breakdown.parse("area=total, sex=total"))).isNull();
    }

    @Test
    void theFirstValueOutsideItsVocabularyIsNamedWithWhatWasExpected() {
        assertThat(vocabulary.problem(Breakdown.parse("area=Urban, age_group=15-24")).english())
                .isEqualTo("area=Urban: 'Urban' is not one of total, urban, rural, as the count files write it");
        assertThat(vocabulary.problem(Breakdown.parse("area=rural, age_group=15-24")).english())
                .isEqualTo("age_group=15-24: '15-24' is not an age group written as 15+ or 15-24, as the count files"
                        + " write it");
    }

    @Test
    void theReasonIsAlsoSaidInFrench() {
        assertThat(vocabulary.problem(Breakdown.parse("area=Urban")).text(Locale.FRENCH))
                .isEqualTo("area=Urban\u202f: «\u202fUrban\u202f» n’est pas l’une des valeurs total, urban, rural, telles que les"
                        + " écrivent les fichiers d’effectifs");
    }

    @Test
    void eachDimensionOnceAndInTheOrderOfTheDataSheet() {
        BreakdownVocabulary ordered = BreakdownVocabulary.builder().codes("area", Area.class)
                .order("area", "sex", "age_group").build();

        assertThat(ordered.problem(Breakdown.parse("area=urban, sex=total, age_group=15+, education=graduate")))
                .isNull();
        assertThat(ordered.problem(Breakdown.parse("sex=total, area=urban, age_group=15+")).english())
                .isEqualTo("the dimensions are not in the order of the Data sheet: write area=urban, sex=total,"
                        + " age_group=15+");
        assertThat(ordered.problem(Breakdown.parse("education=graduate, area=urban")).english())
                .isEqualTo("the dimensions are not in the order of the Data sheet: write area=urban,"
                        + " education=graduate");
        assertThat(ordered.problem(Breakdown.parse("area=total, area=urban")).english())
                .isEqualTo("the dimension area is given twice");
    }
}

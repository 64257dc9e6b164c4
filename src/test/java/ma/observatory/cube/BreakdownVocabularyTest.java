package ma.observatory.cube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ma.observatory.employment.Area;

class BreakdownVocabularyTest {

    private final BreakdownVocabulary vocabulary = BreakdownVocabulary.builder().codes("area", Area.class)
            .rule("age_group", v -> v.endsWith("+"), "an open band").build();

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
    void theFirstValueOutsideItsVocabularyIsNamedWithWhatWasExpected() {
        assertThat(vocabulary.problem(Breakdown.parse("area=Urban, age_group=15-24")))
                .isEqualTo("area=Urban: 'Urban' is not one of total, urban, rural");
        assertThat(vocabulary.problem(Breakdown.parse("area=rural, age_group=15-24")))
                .isEqualTo("age_group=15-24: '15-24' is not an open band");
    }
}

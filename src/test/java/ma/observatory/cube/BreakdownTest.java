package ma.observatory.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BreakdownTest {

    @Test
    void textFormRoundTrips() {
        String text = "area=urban, sex=female, age_group=15-24";
        Breakdown b = Breakdown.parse(text);
        assertThat(b.pairs()).containsExactly(new Breakdown.Pair("area", "urban"), new Breakdown.Pair("sex", "female"),
                new Breakdown.Pair("age_group", "15-24"));
        assertThat(b).hasToString(text);
        assertThat(Breakdown.parse(b.toString())).isEqualTo(b);
        assertThat(Breakdown.of("area", "urban", "sex", "female", "age_group", "15-24")).isEqualTo(b);
    }

    @Test
    void breakdownsAreEqualByTheirPairsInOrder() {
        Breakdown b = Breakdown.of("area", "urban", "sex", "female");
        assertThat(Breakdown.parse("area=urban, sex=female")).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(Breakdown.of("area", "urban", "sex", "male")).isNotEqualTo(b);
        assertThat(Breakdown.of("area", "urban", "gender", "female")).isNotEqualTo(b);
        assertThat(Breakdown.of("sex", "female", "area", "urban")).isNotEqualTo(b);
        assertThat(new Breakdown.Pair("sex", "male")).isEqualTo(new Breakdown.Pair("sex", "male"))
                .hasSameHashCodeAs(new Breakdown.Pair("sex", "male")).isNotEqualTo(new Breakdown.Pair("sex", "female"));
    }

    @Test
    void parsingToleratesBlanksAroundNamesAndValues() {
        assertThat(Breakdown.parse(" sector = services ,area=rural")).hasToString("sector=services, area=rural");
    }

    @Test
    void emptyOrBlankTextIsNoBreakdown() {
        assertThat(Breakdown.parse("")).isEqualTo(Breakdown.NONE);
        assertThat(Breakdown.parse("  ")).isEqualTo(Breakdown.NONE);
        assertThat(Breakdown.parse(null)).isEqualTo(Breakdown.NONE);
        assertThat(Breakdown.NONE).hasToString("");
    }

    @Test
    void aPairWithoutANameOrAnEqualsSignIsRejected() {
        assertThatThrownBy(() -> Breakdown.parse("area=urban, female")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'female' is not a name=value pair");
        assertThatThrownBy(() -> Breakdown.parse("=urban")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withReplacesInPlaceOrAppends() {
        Breakdown b = Breakdown.parse("area=urban, sex=female, age_group=15-24");
        assertThat(b.with("sex", "total")).hasToString("area=urban, sex=total, age_group=15-24");
        assertThat(b.with("sex", "female minus male")).hasToString("area=urban, sex=female minus male, age_group=15-24");
        assertThat(b.with("education", "graduate"))
                .hasToString("area=urban, sex=female, age_group=15-24, education=graduate");
        assertThat(Breakdown.NONE.with("sector", "total")).hasToString("sector=total");
        // the original is untouched
        assertThat(b).hasToString("area=urban, sex=female, age_group=15-24");
        assertThat(Breakdown.parse(b.with("sex", "total").toString())).isEqualTo(b.with("sex", "total"));
    }

    @Test
    void getFindsAValueByName() {
        Breakdown b = Breakdown.parse("area=urban, sex=female");
        assertThat(b.get("sex")).isEqualTo("female");
        assertThat(b.get("age_group")).isNull();
    }

    @Test
    void orderMattersForEquality() {
        // the text form is the key values are matched on, so a reordered breakdown is another key
        assertThat(Breakdown.parse("sex=female, area=urban")).isNotEqualTo(Breakdown.parse("area=urban, sex=female"));
    }
}

package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ma.observatory.cube.Breakdown;

/** The Summary's breakdowns are said in words; the Data sheet keeps the codes. */
class SummarySheetTest {

    private final Messages en = new Messages("en");
    private final Messages fr = new Messages("fr");

    private static String words(Messages m, String breakdown) {
        CellValue cell = SummarySheet.inWords(m, Breakdown.parse(breakdown));
        return cell instanceof CellValue.Text text ? text.text() : ((CellValue.Symbol) cell).shorthand();
    }

    @Test
    void totalsGoWithoutSaying() {
        assertThat(words(en, "area=total, sex=female, age_group=15+")).isEqualTo("women");
        assertThat(words(fr, "area=total, sex=female, age_group=15+")).isEqualTo("femmes");
        assertThat(words(en, "area=total, sex=total, age_group=15-24")).isEqualTo("15-24");
        assertThat(words(fr, "area=total, sex=total, age_group=15-24")).isEqualTo("15-24 ans");
        assertThat(words(fr, "area=urban, sex=total, age_group=45+")).isEqualTo("urbain, 45 ans et plus");
        assertThat(words(en, "area=total, sex=total, age_group=45+")).isEqualTo("45 and over");
        assertThat(words(en, "segment=crm, client_country=total, activity=total"))
                .isEqualTo("CRM (customer relations, call centres)");
    }

    @Test
    void onlyTotalsSayTheFirstDimensionsTotal() {
        assertThat(words(en, "sector=total")).isEqualTo("all sectors");
        assertThat(words(fr, "area=total, sex=total, age_group=15+")).isEqualTo("ensemble");
        assertThat(words(en, "origin_country=total")).isEqualTo("all"); // no word of its own
    }

    @Test
    void scenariosAndTargetsAreSpelledOut() {
        assertThat(words(en, "regulation=fr-2025-594, scenario=low")).isEqualTo("fr-2025-594, low scenario");
        assertThat(words(fr, "regulation=fr-2025-594, scenario=high")).isEqualTo("fr-2025-594, scénario haut");
        assertThat(words(en, "target=tourism.arrivals 2026")).isEqualTo("target: Tourist arrivals, 2026");
        assertThat(words(en, "target=tourism.unknown 2026")).isEqualTo("tourism.unknown 2026");
    }

    @Test
    void aFigureWithoutBreakdownIsNotApplicable() {
        assertThat(words(en, "")).isEqualTo("[z]");
    }
}

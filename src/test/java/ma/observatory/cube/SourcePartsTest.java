package ma.observatory.cube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ma.observatory.employment.LabourForceDataset;
import ma.observatory.tourism.ArrivalsDataset;

class SourcePartsTest {

    /** What a source says of one of the arrivals file's figures. */
    private static String of(String source, String measure) {
        return SourceParts.of(source, measure, ArrivalsDataset.MEASURES);
    }

    @Test
    void aPartNamingNoFigureIsKeptForEachAndALabelMayNameAColumnInWords() {
        String source = "arrivals: ONMT | receipts: Office des changes | note: both provisional";
        assertThat(of(source, "arrivals")).isEqualTo("ONMT | note: both provisional");
        assertThat(of(source, "receipts_mad_million"))
                .isEqualTo("Office des changes | note: both provisional");
        // "overnight stays" names overnight_stays
        String nights = "arrivals: Observatoire | overnight stays: Observatoire, nights | receipts: Office des changes";
        assertThat(of(nights, "overnight_stays")).isEqualTo("Observatoire, nights");
        assertThat(of(nights, "receipts_mad_million")).isEqualTo("Office des changes");
    }

    @Test
    void aSourceNotInPartsByFigureIsCitedWhole() {
        // parts the program cannot tie to a figure, or one figure without its part: the source as written
        assertThat(of("HCP | Ministry", "arrivals")).isEqualTo("HCP | Ministry");
        assertThat(of("HCP: note 3 | revised", "arrivals"))
                .isEqualTo("HCP: note 3 | revised");
        assertThat(of("arrivals: HCP | receipts: OC", "overnight_stays"))
                .isEqualTo("arrivals: HCP | receipts: OC");
        assertThat(of("Receipts: OC | Arrivals: HCP", "receipts_mad_million"))
                .isEqualTo("OC");
        assertThat(of("Note: revised", "arrivals")).isEqualTo("Note: revised");
        assertThat(of("A: HCP | R: OC", "arrivals")).isEqualTo("A: HCP | R: OC");
        // a row with its arrivals only may label them all the same
        assertThat(of("arrivals: just one", "arrivals")).isEqualTo("just one");
        assertThat(of("arrivals: just one", "receipts_mad_million"))
                .isEqualTo("arrivals: just one");
        assertThat(of(null, "arrivals")).isNull();
    }

    @Test
    void aPartMayNameSeveralFiguresOnePublicationGave() {
        String source = "population, labour force, employed: HCP annual note (LNT) | unemployed, underemployed:"
                + " HCP labour market note (Le360) | note: 2023";
        List<String> measures = LabourForceDataset.MEASURES;
        assertThat(SourceParts.of(source, "labour_force", measures)).isEqualTo("HCP annual note (LNT) | note: 2023");
        assertThat(SourceParts.of(source, "underemployed", measures))
                .isEqualTo("HCP labour market note (Le360) | note: 2023");
        // a label naming anything but figures is no part of figures: "HCP, Rabat: …" names a publisher
        assertThat(SourceParts.of("HCP, Rabat: note | employed: LNT", "unemployed", measures))
                .isEqualTo("HCP, Rabat: note | employed: LNT");
        assertThat(SourceParts.of("HCP, Rabat: note | employed: LNT", "employed", measures))
                .isEqualTo("HCP, Rabat: note | LNT");
    }

    @Test
    void aPartAddedForAFigureIsFoundAgainUnderItsColumnsName() {
        String source = SourceParts.withPart("receipts: Office des changes", "arrivals", "Observatoire");
        assertThat(source).isEqualTo("receipts: Office des changes | arrivals: Observatoire");
        assertThat(of(source, "arrivals")).isEqualTo("Observatoire");
        assertThat(of(source, "receipts_mad_million")).isEqualTo("Office des changes");
        // a column named in words: receipts_mad_million is labelled "receipts mad million"
        String receipts = SourceParts.withPart("arrivals: Observatoire", "receipts_mad_million", "Office des changes");
        assertThat(of(receipts, "receipts_mad_million")).isEqualTo("Office des changes");
        assertThat(SourceParts.withPart(null, "arrivals", "Observatoire")).isEqualTo("arrivals: Observatoire");
    }

    @Test
    void aSourceSummedWithOthersIsMarkedOnEachFiguresPartTheOtherDoesNotShare() {
        String marker = Cube.OTHER_SOURCES;
        List<String> measures = ArrivalsDataset.MEASURES;
        String source = "arrivals: ONMT | receipts: Office des changes | note: provisional";
        // the other cites the same receipts: only the arrivals are from several publications
        assertThat(SourceParts.marked(source, "arrivals: Observatoire | receipts: Office des changes", measures, marker))
                .isEqualTo("arrivals: ONMT (and other sources) | receipts: Office des changes | note: provisional");
        // not known: every figure's part; a note is no figure's
        String all = SourceParts.marked(source, null, measures, marker);
        assertThat(all).isEqualTo(
                "arrivals: ONMT (and other sources) | receipts: Office des changes (and other sources) | note: provisional");
        assertThat(SourceParts.of(all, "arrivals", measures)).isEqualTo("ONMT (and other sources) | note: provisional");
        // once, however many others are added
        assertThat(SourceParts.marked(all, "arrivals: X | receipts: Y", measures, marker)).isEqualTo(all);
        assertThat(SourceParts.marked("HCP", "LNT", measures, marker)).isEqualTo("HCP (and other sources)");
        assertThat(SourceParts.marked("HCP (and other sources)", "ENE", measures, marker)).isEqualTo("HCP (and other sources)");
    }
}

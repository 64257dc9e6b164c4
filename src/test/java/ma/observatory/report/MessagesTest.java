package ma.observatory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ma.observatory.MessageBundles;

/** The workbook's labels: both languages say the same things with the same blanks to fill. */
class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages", "messages_outsourcing", "messages_tourism"})
    void bothLanguagesHaveTheSameLabelsAndArguments(String bundle) {
        MessageBundles.assertSameKeysAndArguments(bundle);
    }

    /**
     * The English labels quote and elide as most of them do, “computed”, tourism’s: a straight
     * " or ' beside them reads as a slip (a pattern's '' around an argument, which MessageFormat
     * makes one ', is the program quoting a file's character and stays).
     */
    @ParameterizedTest
    // messages_sources too: the words a source adds are on the Data and Summary sheets
    @ValueSource(strings = {"messages", "messages_outsourcing", "messages_tourism", "messages_sources"})
    void theEnglishLabelsWriteTypographicQuotesAndApostrophes(String bundle) {
        Properties en = MessageBundles.load(bundle, "en");
        for (String key : en.stringPropertyNames()) {
            String label = en.getProperty(key).replace("''{", "").replace("}''", "");
            assertThat(label).as(key).doesNotContain("\"").doesNotContain("'");
        }
    }

    /**
     * The Cover's basis sentence is note 1's in short: the published values it lists as preferred
     * for tourism are the note's, year-to-date sums included (the Cover once left them out).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | tourism’s changes, year-to-date sums and shares
            fr | variations, cumuls depuis janvier et parts du tourisme
            """)
    void theCoverNamesThePublishedValuesThatNote1Prefers(String language, String kinds) {
        Properties labels = MessageBundles.load("messages", language);
        assertThat(labels.getProperty("note.basis")).contains(kinds);
        assertThat(labels.getProperty("cover.basis")).contains(kinds);
    }

    /**
     * The moves are counted by year of effective date, as the Notes define them: "year of effect"
     * (a title, a chart's description) read as a different, vaguer thing.
     */
    @Test
    void theEnglishMovesAreDatedByTheirEffectiveDate() {
        Properties en = MessageBundles.load("messages_outsourcing", "en");
        for (String key : en.stringPropertyNames()) {
            assertThat(en.getProperty(key)).as(key).doesNotContainPattern("year of effect\\b(?! date)");
        }
    }
}

package ma.observatory.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ma.observatory.MessageBundles;

/** The workbook's labels: both languages say the same things with the same blanks to fill. */
class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages", "messages_outsourcing", "messages_tourism"})
    void bothLanguagesHaveTheSameLabelsAndArguments(String bundle) {
        MessageBundles.assertSameKeysAndArguments(bundle);
    }
}

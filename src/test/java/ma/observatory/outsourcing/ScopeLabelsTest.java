package ma.observatory.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ma.observatory.report.Messages;

/** Every scope of the shipped published.csv is said in words on Outsourcing jobs, not as its code. */
class ScopeLabelsTest {

    @Test
    void everyShippedScopeHasALabelInBothLanguages() throws IOException {
        Set<String> scopes = new TreeSet<>();
        Matcher m = Pattern.compile("scope=([A-Za-z0-9_]+)")
                .matcher(Files.readString(Path.of("data/published.csv"), StandardCharsets.UTF_8));
        while (m.find()) {
            scopes.add(m.group(1));
        }
        assertThat(scopes).contains("pre2025_ministry", "amrc");
        for (String language : new String[] {"fr", "en"}) {
            Messages messages = new Messages(language);
            for (String scope : scopes) {
                assertThat(messages.getOr("scope." + scope, null)).as(language + " label of scope " + scope).isNotBlank();
            }
        }
    }
}

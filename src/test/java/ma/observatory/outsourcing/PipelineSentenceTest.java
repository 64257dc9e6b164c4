package ma.observatory.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ma.observatory.report.Messages;

/** The sentence under Relocations by year counts events and jobs as a reader would. */
class PipelineSentenceTest {

    private static String sentence(String language, String jobsIn, int eventsIn, String jobsOut, int eventsOut,
                                   boolean oneIn, boolean oneOut) {
        Messages m = new Messages(language);
        return m.get("outsourcing.relocations_by_year.pipeline", "2025-12", jobsIn, eventsIn, jobsOut, eventsOut,
                m.get(oneIn ? "outsourcing.jobs.one" : "outsourcing.jobs.many"),
                m.get(oneOut ? "outsourcing.jobs.one" : "outsourcing.jobs.many"));
    }

    @Test
    void oneJobIsSingularAndNoEventIsSaidInWords() {
        assertThat(sentence("fr", "1", 1, "0", 0, true, false)).endsWith(
                "vers le Maroc, une opération, 1 emploi\u202f; hors du Maroc, aucune opération.");
        assertThat(sentence("en", "1", 1, "0", 0, true, false)).endsWith(
                "into Morocco, one event, 1 job; out of Morocco, no event.");
        assertThat(sentence("fr", "1 200", 3, "[x]", 1, false, false)).endsWith(
                "vers le Maroc, 3 opérations, 1 200 emplois\u202f; hors du Maroc, une opération, [x] emplois.");
    }
}

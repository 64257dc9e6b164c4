package ma.observatory.outsourcing;

import java.util.List;

import ma.observatory.csv.Vocabulary;

/** What the jobs do for the client: answer calls, make calls, or work out of sight of customers. */
public enum Activity implements Vocabulary {
    INBOUND, OUTBOUND, BACK_OFFICE, TOTAL;

    /** The activities that together make up all of them. */
    static final List<String> PARTS = List.of("inbound", "outbound", "back_office");
}

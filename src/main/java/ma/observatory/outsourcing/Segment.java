package ma.observatory.outsourcing;

import java.util.List;

import ma.observatory.csv.Vocabulary;

/**
 * Segments of the offshoring sector as the Moroccan ministry and the AMRC count them: customer
 * relations (call centres), business processes, IT and knowledge processes.
 */
public enum Segment implements Vocabulary {
    CRM, BPO, ITO, KPO, TOTAL;

    /** The segments that together make up the whole sector. */
    static final List<String> PARTS = List.of("crm", "bpo", "ito", "kpo");
}

package ma.observatory.outsourcing;

import ma.observatory.csv.Vocabulary;

/** Where a relocation stands according to its latest source. */
public enum RelocationStatus implements Vocabulary {
    /** Announced; no source yet confirms it took place (its date may not be published). */
    ANNOUNCED,
    /** A source confirms the jobs moved. */
    EFFECTIVE,
    /** Called off: never counted. */
    CANCELLED;
}

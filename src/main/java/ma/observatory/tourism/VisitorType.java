package ma.observatory.tourism;

import ma.observatory.csv.Vocabulary;

/** Who arrives: foreign tourists, Moroccans living abroad (MRE), or both. */
public enum VisitorType implements Vocabulary {
    FOREIGN, MRE, TOTAL;
}

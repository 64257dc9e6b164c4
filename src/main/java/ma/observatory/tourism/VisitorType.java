package ma.observatory.tourism;

import java.util.Locale;

import ma.observatory.csv.Vocabulary;

/** Who arrives: foreign tourists, Moroccans living abroad (MRE), or both. */
public enum VisitorType implements Vocabulary {
    FOREIGN, MRE, TOTAL;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

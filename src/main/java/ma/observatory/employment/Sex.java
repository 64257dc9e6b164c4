package ma.observatory.employment;

import java.util.Locale;
import ma.observatory.csv.Vocabulary;

public enum Sex implements Vocabulary {
    TOTAL, MALE, FEMALE;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package ma.observatory.employment;

import java.util.Locale;
import ma.observatory.csv.Vocabulary;

public enum Area implements Vocabulary {
    TOTAL, URBAN, RURAL;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

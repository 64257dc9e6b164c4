package ma.observatory.employment;

import ma.observatory.csv.Vocabulary;

public enum Area implements Vocabulary {
    TOTAL, URBAN, RURAL;
}

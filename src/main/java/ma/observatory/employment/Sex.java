package ma.observatory.employment;

import ma.observatory.csv.Vocabulary;

public enum Sex implements Vocabulary {
    TOTAL, MALE, FEMALE;
}

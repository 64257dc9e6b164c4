package ma.observatory.employment;

import ma.observatory.csv.Vocabulary;

/** Sectors of activity as the HCP groups them; {@code other} holds "activités mal désignées". */
public enum Sector implements Vocabulary {
    AGRICULTURE, INDUSTRY, CONSTRUCTION, SERVICES, OTHER, TOTAL;
}

package ma.observatory.indicator;

/** Units of indicator values, as written in the {@code unit} column. */
public enum Unit {
    THOUSAND_PERSONS("thousand persons"),
    PERSONS("persons"),
    PERCENT("%"),
    POINTS("points"),
    MAD("MAD"),
    MAD_MILLION("MAD million"),
    COUNT("count"),
    NIGHTS("nights"),
    FLAG("1 or 0"),
    /** A target's projection: in the unit of the target it projects (each value says which). */
    AS_TARGET("unit of the target");

    private final String text;

    Unit(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Rates and their changes are compared in points; levels in relative terms. */
    public boolean isRate() {
        return this == PERCENT || this == POINTS;
    }

    public static Unit fromText(String text) {
        for (Unit u : values()) {
            if (u.text.equalsIgnoreCase(text.strip())) {
                return u;
            }
        }
        return null;
    }
}

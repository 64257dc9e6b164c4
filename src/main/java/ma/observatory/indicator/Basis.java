package ma.observatory.indicator;

import java.util.Locale;

/** Where a value comes from: computed by the job from counts, or taken as an office published it. */
public enum Basis {
    COMPUTED, PUBLISHED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

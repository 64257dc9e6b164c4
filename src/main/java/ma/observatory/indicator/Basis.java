package ma.observatory.indicator;

import java.util.Locale;

/** Where a value comes from: computed by the job from counts, or taken as an office published it. */
public enum Basis {
    COMPUTED, PUBLISHED;

    /** Spelled once: asked for each of the hundreds of thousands of values a workbook writes. */
    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }
}

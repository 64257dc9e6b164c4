package ma.observatory.csv;

import java.util.Arrays;
import java.util.Locale;

/**
 * A closed set of codes as written in the files ({@code urban}, {@code crm}...), implemented by
 * an enum: a constant's code is its name in lower case.
 */
public interface Vocabulary {

    /** Implemented by the enum constant. */
    int ordinal();

    /** The code as the files spell it. Asked for on every line of a file, so made once per constant. */
    default String code() {
        return CODES.get(((Enum<?>) this).getDeclaringClass())[ordinal()];
    }

    /** Each vocabulary's codes, by the constants' ordinals. */
    ClassValue<String[]> CODES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .toArray(String[]::new);
        }
    };
}

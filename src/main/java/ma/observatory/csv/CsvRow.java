package ma.observatory.csv;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import ma.observatory.period.Period;

/**
 * Typed, checked access to the values of one data line. Every accessor records a problem instead
 * of throwing, so a row collects all its faults and is rejected once, with each value named.
 */
public final class CsvRow {

    private final String file;
    private final long line;
    private final List<String> values;
    private final ColumnIndex index;
    private final NumberParser numbers;
    private final SeenKeys seenKeys;
    // Made at the first problem: most rows have none, and a large file has millions of rows.
    private List<RowProblem> rejects = List.of();
    private List<RowProblem> warnings = List.of();

    CsvRow(String file, long line, List<String> values, ColumnIndex index, NumberParser numbers,
           SeenKeys seenKeys) {
        this.seenKeys = seenKeys;
        this.file = file;
        this.line = line;
        this.values = values;
        this.index = index;
        this.numbers = numbers;
    }

    public long line() {
        return line;
    }

    /** The values as read, untrimmed (for tests of the reading itself). */
    List<String> values() {
        return values;
    }

    /** The trimmed text of a column; empty when the cell is empty or the optional column is absent. */
    public String text(CsvColumn column) {
        int i = index.position(column);
        if (i < 0 || i >= values.size()) {
            return "";
        }
        String v = values.get(i);
        return v == null ? "" : v.strip();
    }

    /**
     * The text of a column stored in a column of {@code max} characters: a longer one is rejected,
     * naming its length, rather than fail the run when it is stored.
     */
    public String textUpTo(CsvColumn column, int max) {
        String v = text(column);
        if (v.length() > max) {
            reject(column, v, Reason.of("value.too-long", Integer.toString(v.length()), Integer.toString(max)));
        }
        return v;
    }

    /** The text of a column that must not be empty. */
    public String requiredText(CsvColumn column) {
        String v = text(column);
        if (v.isEmpty()) {
            reject(column, v, Reason.of("value.required"));
        }
        return v;
    }

    /** A count or amount: empty means not available ({@code null}); otherwise a number &ge; 0. */
    public Double number(CsvColumn column) {
        String v = text(column);
        try {
            Double d = numbers.parse(v);
            if (d != null && d < 0) {
                reject(column, v, Reason.of("number.negative"));
                return null;
            }
            return d;
        } catch (NumberParser.NotANumber e) {
            reject(column, v, e.reason());
            return null;
        }
    }

    /**
     * A count of persons outside the employment files, which count thousands: as {@link #number},
     * and a number with decimals is kept with a warning, as it more likely says the file is in
     * another unit (19.8 for 19.8 million arrivals) than a fraction of a person.
     */
    public Double persons(CsvColumn column) {
        Double d = number(column);
        if (d != null && d != Math.rint(d)) {
            warn(column, text(column), Reason.of("number.persons-not-whole"));
        }
        return d;
    }

    /** A figure that may be negative (a published change); empty means not available. */
    public Double signedNumber(CsvColumn column) {
        String v = text(column);
        try {
            return numbers.parse(v);
        } catch (NumberParser.NotANumber e) {
            reject(column, v, e.reason());
            return null;
        }
    }

    /** A required number: like {@link #number} but an empty cell is a problem. */
    public Double requiredNumber(CsvColumn column) {
        if (text(column).isEmpty()) {
            reject(column, "", Reason.of("number.required"));
            return null;
        }
        return number(column);
    }

    /** A code from a closed list, matched case-insensitively. */
    public <E extends Enum<E> & Vocabulary> E code(CsvColumn column, Class<E> type) {
        String v = text(column);
        String[] codes = Vocabulary.CODES.get(type);
        // The contract's own spelling first: an exact comparison is much cheaper, on every row.
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(v)) {
                return type.cast(CONSTANTS.get(type)[i]);
            }
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equalsIgnoreCase(v)) {
                return type.cast(CONSTANTS.get(type)[i]);
            }
        }
        reject(column, v, Reason.of("code.not-one-of", Arrays.stream(type.getEnumConstants())
                .map(Vocabulary::code).collect(Collectors.joining(", "))));
        return null;
    }

    /**
     * A period of a file whose source publishes no months (the labour force survey: quarters and
     * years): a month is kept with a warning, as a quarter typed as its first month (2026-07 for
     * 2026-Q3) would otherwise stand as a figure of its own.
     */
    public Period periodOfQuartersOrYears(CsvColumn column) {
        Period p = period(column);
        if (p != null && p.granularity() == Period.Granularity.MONTH) {
            Period quarter = Period.quarter(p.year(), (p.index() - 1) / 3 + 1);
            warn(column, text(column), Reason.of("period.month-of-survey", quarter.toString()));
        }
        return p;
    }

    public Period period(CsvColumn column) {
        String v = text(column);
        try {
            return Period.parse(v);
        } catch (IllegalArgumentException e) {
            reject(column, v, Reason.of("period.invalid"));
            return null;
        }
    }

    /**
     * An ISO 3166-1 alpha-2 country code, returned in upper case; with {@code totalAllowed} the
     * word {@code total} (all countries) is accepted too and returned in lower case.
     */
    public String country(CsvColumn column, boolean totalAllowed) {
        String v = text(column);
        if (totalAllowed && v.equalsIgnoreCase("total")) {
            return "total";
        }
        String code = v.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            reject(column, v, Reason.of(totalAllowed ? "country.invalid.or-total" : "country.invalid"));
        }
        return code;
    }

    /** Each vocabulary's constants, by ordinal: {@code Class.getEnumConstants()} copies them on every call. */
    private static final ClassValue<Object[]> CONSTANTS = new ClassValue<>() {
        @Override
        protected Object[] computeValue(Class<?> type) {
            return type.getEnumConstants();
        }
    };

    private static final java.util.Set<String> COUNTRIES = java.util.Set.of(Locale.getISOCountries());

    /** Whether {@code code} is an ISO 3166-1 alpha-2 country code, in capitals as {@link #country} returns it. */
    public static boolean isCountryCode(String code) {
        return COUNTRIES.contains(code);
    }

    /** An ISO date; empty gives {@code null} (check {@link #requiredText} first if required). */
    public LocalDate date(CsvColumn column) {
        String v = text(column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            reject(column, v, Reason.of("date.invalid"));
            return null;
        }
    }

    /**
     * Checks that the row's key (the values of the columns that identify it) has not appeared on
     * an earlier line of the file. Call it once the key columns are known to be valid.
     */
    public void requireUniqueKey(CsvColumn... keyColumns) {
        requireUniqueKey(keyColumns, null, null);
    }

    /**
     * As {@link #requireUniqueKey(CsvColumn...)}, for a key one of whose columns the file may spell
     * in several ways that mean the same ({@code 015+} and {@code 15+}): that column is compared
     * as {@code canonicalValue}. Nothing is allocated unless the key is a duplicate: it runs on
     * every line of files of millions.
     */
    public void requireUniqueKey(CsvColumn[] keyColumns, CsvColumn canonicalColumn, String canonicalValue) {
        long first = SeenKeys.hashPart(SeenKeys.START, keyValue(keyColumns[0], canonicalColumn, canonicalValue));
        long key = first;
        for (int i = 1; i < keyColumns.length; i++) {
            key = SeenKeys.hashPart(key, keyValue(keyColumns[i], canonicalColumn, canonicalValue));
        }
        long earlierLine = seenKeys.add(first, key, line);
        if (earlierLine != SeenKeys.NEW) {
            StringBuilder shown = new StringBuilder();
            for (CsvColumn c : keyColumns) {
                shown.append(shown.isEmpty() ? "" : ", ").append(c.header()).append('=')
                        .append(keyValue(c, canonicalColumn, canonicalValue));
            }
            reject(null, shown.toString(), Reason.of("key.duplicate", earlierLine));
        }
    }

    private String keyValue(CsvColumn column, CsvColumn canonicalColumn, String canonicalValue) {
        return column == canonicalColumn ? canonicalValue : text(column);
    }

    public void reject(CsvColumn column, String value, Reason reason) {
        if (rejects.isEmpty()) {
            rejects = new ArrayList<>(2);
        }
        rejects.add(new RowProblem(file, line, column == null ? "" : column.header(), value, reason));
    }

    public void warn(CsvColumn column, String value, Reason reason) {
        if (warnings.isEmpty()) {
            warnings = new ArrayList<>(1);
        }
        warnings.add(new RowProblem(file, line, column == null ? "" : column.header(), value, reason));
    }

    public boolean hasProblems() {
        return !rejects.isEmpty();
    }

    List<RowProblem> rejects() {
        return rejects;
    }

    List<RowProblem> warnings() {
        return warnings;
    }
}

package ma.observatory.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.geo.GeoReference;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.job.RunParameters;

/**
 * What a domain needs to lay out its sheets: the run, its labels, its places and its indicator
 * values (sorted as the Indicators table shows them).
 */
public final class ReportContext {

    private final long runId;
    private final RunParameters run;
    private final Messages messages;
    private final GeoReference geo;
    private final List<IndicatorValue> values;
    private final JdbcTemplate jdbc;
    /**
     * The values of each indicator, in the order of {@link #values()}: a sheet or chart that shows a
     * few indicators looks at theirs, not at the hundreds of thousands of values of a large run.
     */
    private final Map<Indicator, List<IndicatorValue>> byIndicator = new EnumMap<>(Indicator.class);
    /** The keys of the figures published in whole numbers ("+14 %"), read when first asked. */
    private Set<String> publishedWhole;
    /** See {@link #useFlaggedAgainstPublication}. */
    private Set<String> flagged = Set.of();
    /** See {@link DomainSheets#codeWords}: set once the domains that run have said theirs. */
    private Map<String, String> codeWords = Map.of();

    public ReportContext(long runId, RunParameters run, Messages messages, GeoReference geo,
                         List<IndicatorValue> values, JdbcTemplate jdbc) {
        this.runId = runId;
        this.run = run;
        this.messages = messages;
        this.geo = geo;
        this.values = values;
        this.jdbc = jdbc;
        for (IndicatorValue v : values) {
            byIndicator.computeIfAbsent(v.indicator(), i -> new ArrayList<>()).add(v);
        }
    }

    public long runId() {
        return runId;
    }

    public RunParameters run() {
        return run;
    }

    public Messages messages() {
        return messages;
    }

    public GeoReference geo() {
        return geo;
    }

    /** Every value of the run. */
    public List<IndicatorValue> values() {
        return values;
    }

    /** The values of one indicator, in the same order. */
    public List<IndicatorValue> values(Indicator indicator) {
        return Collections.unmodifiableList(byIndicator.getOrDefault(indicator, List.of()));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * A value as a cell, in the column's format or {@code style}: a figure taken from a publication
     * that gave it in whole numbers without the format's decimals, as "+14.0" would claim a tenth
     * the ministry's "+14 %" does not have.
     *
     * @param style the display format, or {@code null} for the column's
     */
    public CellValue number(IndicatorValue v, NumberStyle style) {
        return v == null ? CellValue.NOT_AVAILABLE : CellValue.number(v.value(), style, publishedWhole(v));
    }

    private boolean publishedWhole(IndicatorValue v) {
        if (v.basis() != Basis.PUBLISHED) {
            return false;
        }
        if (publishedWhole == null && jdbc == null) {
            publishedWhole = Set.of(); // a sheet made from values alone: no file's digits known
        } else if (publishedWhole == null) {
            publishedWhole = new HashSet<>(jdbc.query("SELECT indicator, period, geo, breakdown"
                    + " FROM published WHERE run_id = ? AND decimals = 0", (rs, i) -> rs.getString(1) + '|'
                    + rs.getString(2) + '|' + rs.getString(3) + '|' + rs.getString(4), runId));
        }
        return publishedWhole.contains(v.key());
    }

    /**
     * Says which values Data quality flags, their computed and published figures differing beyond
     * the publication's rounding: keys of {@link IndicatorValue#key()}.
     */
    void useFlaggedAgainstPublication(Set<String> keys) {
        this.flagged = Set.copyOf(keys);
    }

    /**
     * Whether Data quality flags this value: its computed and published figures differ beyond the
     * publication's rounding, whichever of the two the workbook reports (its basis says which).
     */
    public boolean flaggedAgainstPublication(IndicatorValue v) {
        return flagged.contains(v.key());
    }

    void useCodeWords(Map<String, String> words) {
        this.codeWords = Map.copyOf(words);
    }

    /** A breakdown code as a reader says it, with what its domain adds ({@link DomainSheets#codeWords}). */
    String codeWords(String dimension, String code, String said) {
        return codeWords.getOrDefault(dimension + "=" + code, said);
    }

    /** A place's name in the report's language, or its code when the reference does not name it. */
    public String placeName(String code) {
        var place = geo.place(code);
        return place == null ? code : place.name(messages.language());
    }
}

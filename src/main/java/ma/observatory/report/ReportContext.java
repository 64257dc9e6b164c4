package ma.observatory.report;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import ma.observatory.geo.GeoReference;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.job.RunParameters;

/**
 * What a domain needs to lay out its sheets: the run, its labels, its places and its indicator
 * values (sorted as the Indicators table shows them).
 */
public record ReportContext(long runId, RunParameters run, Messages messages, GeoReference geo,
                            List<IndicatorValue> values, JdbcTemplate jdbc) {

    /** A place's name in the report's language, or its code when the reference does not name it. */
    public String placeName(String code) {
        var place = geo.place(code);
        return place == null ? code : place.name(messages.language());
    }
}

package ma.observatory.report;

import java.util.List;
import java.util.Map;

/** The sheets a domain adds to the workbook, after the Summary and before Data. */
public interface DomainSheets {

    /** {@code employment}, {@code outsourcing} or {@code tourism}: the sheets appear when it runs. */
    String domain();

    List<ReportSheet> sheets(ReportContext context);

    /**
     * What a reader needs beside a breakdown code that only this domain's inputs can say, keyed
     * {@code dimension=code}: a regulation's id is dated by when it takes effect, since its jobs
     * at risk are dated by the jobs they are counted from.
     */
    default Map<String, String> codeWords(ReportContext context) {
        return Map.of();
    }
}

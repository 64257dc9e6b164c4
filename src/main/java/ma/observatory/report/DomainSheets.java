package ma.observatory.report;

import java.util.List;

/** The sheets a domain adds to the workbook, after the Summary and before Data. */
public interface DomainSheets {

    /** {@code employment}, {@code outsourcing} or {@code tourism}: the sheets appear when it runs. */
    String domain();

    List<ReportSheet> sheets(ReportContext context);
}

package ma.observatory.report;

import java.time.Instant;
import java.util.List;

/**
 * The whole report as plain data: what the workbook says, with no knowledge of POI. Built by the
 * report builder, rendered by {@link XlsxRenderer}; tests can check the model without a file.
 *
 * @param title      document title (also written to the file's properties)
 * @param language   "fr" or "en"
 * @param created    the instant recorded as the file's creation date; pinned so the same inputs
 *                   give the same bytes apart from what the sheets themselves say about the run
 * @param sheets     sheets in display order; the first is the one the workbook opens on
 */
public record ReportWorkbook(String title, String language, Instant created, List<ReportSheet> sheets) {
}

package ma.observatory.report;

/**
 * @param heading column heading, units included, e.g. "Unemployment rate (%)"
 * @param format  how numbers in the column are displayed
 */
public record ReportColumn(String heading, NumberStyle format) {
}

package ma.observatory.cube;

import ma.observatory.period.Period;

/**
 * What one kept input row adds to the cube: its key and its measures, in the order of
 * {@link CountDataset#measures()}; a {@code null} measure is "not available" in that row.
 */
public record StagedRow(Period period, String geo, Breakdown breakdown, Double[] measures, String source) {
}

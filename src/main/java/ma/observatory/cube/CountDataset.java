package ma.observatory.cube;

import java.util.List;

import ma.observatory.csv.CsvDataset;

/** An input file whose rows are counts summed into cells. */
public interface CountDataset extends CsvDataset {

    /** Names of the summed measures, in the order of {@link StagedRow#measures()}. */
    List<String> measures();

    /** Short name used as the dataset key in the staging tables, e.g. {@code labour_force}. */
    String key();

    /**
     * Whether the rows' places are codes of {@code reference/geo.csv}, summed up into the reported
     * levels. Files keyed by country (outsourcing jobs by destination country) keep their codes as
     * they are.
     */
    default boolean placesFromReference() {
        return true;
    }

    /**
     * How many years before the run's range are staged too: one for year-on-year changes; more
     * where an indicator looks further back (a three-year trend, a regulation's latest known jobs).
     */
    default int yearsOfHistory() {
        return 1;
    }

    /**
     * Whether a figure of the file is known only once its period is over: a survey's results, a
     * flow such as arrivals. A row for a period not over when the run starts is then a forecast or a
     * typo. A head count stated during its year (outsourcing jobs "in 2025", said in May 2025) is not.
     */
    default boolean knownOnceOver() {
        return true;
    }

    /**
     * A measure that is by definition the sum of others (the labour force: employed + unemployed):
     * a row leaving it empty beside its parts counts for their sum, so that a cell summing such rows
     * with rows that give it keeps the figures they give. {@code null} when the file has none.
     */
    default SumOf sumOf() {
        return null;
    }

    /** @param measure the index of the measure in {@link #measures()}; {@code parts}, those it is the sum of */
    record SumOf(int measure, int... parts) {

        /** The sum of a row's parts, or {@code null} when one is empty. */
        public Double of(Double[] row) {
            double sum = 0;
            for (int p : parts) {
                if (p >= row.length || row[p] == null) {
                    return null;
                }
                sum += row[p];
            }
            return sum;
        }

        /** Whether a cell whose rows left the measure empty had every part of each such row. */
        public boolean completes(long[] missing) {
            for (int p : parts) {
                if (missing[p] > 0) {
                    return false;
                }
            }
            return true;
        }
    }
}

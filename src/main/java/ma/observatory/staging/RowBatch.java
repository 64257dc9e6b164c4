package ma.observatory.staging;

import java.util.List;

import ma.observatory.csv.Parsed;

/**
 * One item of an import step: a batch of rows in file order ({@link ReadAheadReader}), with what
 * the writer needs to save a restart point of its own choosing.
 *
 * @param rows      the rows, checked and mapped
 * @param position  rows of the file up to the end of this batch, those a restart skipped included:
 *                  the {@link ma.observatory.csv.CsvItemReader#POSITION_KEY} a restart after it
 *                  would go on from
 * @param endOfFile whether the file ends with this batch, so that nothing read is left unstored
 */
public record RowBatch<T>(List<Parsed<T>> rows, long position, boolean endOfFile) {
}

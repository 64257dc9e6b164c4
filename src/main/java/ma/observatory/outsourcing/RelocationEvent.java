package ma.observatory.outsourcing;

import java.time.LocalDate;

/**
 * One relocation of jobs from a country to another, as announced or confirmed.
 *
 * @param line        the line in {@code outsourcing/relocations.csv}: events keep the file's order
 * @param effectiveOn {@code null} while an announced event's date is not published
 * @param jobs        persons; {@code null} = not published (never read as 0)
 */
public record RelocationEvent(long line, LocalDate announcedOn, LocalDate effectiveOn, String client,
                              String provider, String originCountry, String destinationCountry, Double jobs,
                              RelocationStatus status, String originCity, String destinationCity, String language,
                              String source) {
}

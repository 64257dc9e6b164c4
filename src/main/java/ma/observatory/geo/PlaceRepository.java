package ma.observatory.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import ma.observatory.csv.InputContractException;
import ma.observatory.csv.Parsed;

/** The geography reference as read for a run. */
@Repository
public class PlaceRepository {

    private final JdbcTemplate jdbc;

    public PlaceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteRun(long runId) {
        jdbc.update("DELETE FROM place WHERE run_id = ?", runId);
    }

    /** Saves places with their line in the file; a code given twice keeps its first line. */
    public void save(long runId, List<Parsed<Place>> places) {
        List<Object[]> rows = new ArrayList<>(places.size());
        for (Parsed<Place> parsed : places) {
            Place p = parsed.item();
            rows.add(new Object[] {runId, p.code(), p.nameFr(), p.nameEn(), p.level(), p.parent(), parsed.line()});
        }
        jdbc.batchUpdate("MERGE INTO place t USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(40)),"
                + " CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(40)),"
                + " CAST(? AS BIGINT))) AS v (run_id, code, name_fr, name_en, level, parent, line)"
                + " ON t.run_id = v.run_id AND t.code = v.code"
                + " WHEN NOT MATCHED THEN INSERT VALUES (v.run_id, v.code, v.name_fr, v.name_en, v.level, v.parent, v.line)",
                rows);
    }

    public GeoReference load(long runId, Set<String> reportedLevels) {
        List<Place> places = new ArrayList<>();
        Map<String, Long> lineOf = new HashMap<>();
        jdbc.query("SELECT code, name_fr, name_en, level, parent, line FROM place WHERE run_id = ? ORDER BY line",
                rs -> {
                    places.add(new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                    lineOf.put(rs.getString(1), rs.getLong(6));
                }, runId);
        if (places.isEmpty()) {
            // Else the next check would blame --geo-levels, which the reader may never have given.
            throw new InputContractException("reference/geo.csv holds no place, only its header: every figure"
                    + " needs its place there. Nothing was written; restore the file and run again.");
        }
        Set<String> levels = new TreeSet<>();
        places.forEach(p -> levels.add(p.level()));
        List<String> unknown = reportedLevels.stream().filter(l -> !levels.contains(l)).sorted().toList();
        if (!unknown.isEmpty()) {
            // A rejected line may be the place of that level (Morocco's, cut or with a field too
            // many): the reject gate comes later, and the option is not to blame.
            List<String> rejected = jdbc.query("SELECT line, reason FROM row_problem WHERE run_id = ?"
                    + " AND file = ? AND kind = 'rejected' ORDER BY line LIMIT 1",
                    (rs, i) -> "line " + rs.getLong(1) + ": " + rs.getString(2), runId, GeoDataset.INSTANCE.file());
            if (!rejected.isEmpty()) {
                throw new InputContractException(GeoDataset.INSTANCE.file() + " has no place of the level "
                        + String.join(", ", unknown) + " the workbook reports, and a line of it was rejected ("
                        + rejected.get(0) + "): nothing was written; correct that line and run again.");
            }
            // Else every figure would be left out without a word: no place would be reported.
            throw new InputContractException("--geo-levels names " + String.join(", ", unknown) + ", which"
                    + " reference/geo.csv does not have (its levels: " + String.join(", ", levels) + "): nothing"
                    + " was written; give levels of the reference, e.g. --geo-levels=country,region.");
        }
        // A parent spelt in another case ("ma" for MA) is that place, as a code is in the data files;
        // the file's codes differ by more than case (a second spelling is a repeated key).
        Map<String, String> codeByUpperCase = new HashMap<>();
        places.forEach(p -> codeByUpperCase.put(p.code().toUpperCase(java.util.Locale.ROOT), p.code()));
        places.replaceAll(p -> p.parent() == null || lineOf.containsKey(p.parent()) ? p
                : new Place(p.code(), p.nameFr(), p.nameEn(), p.level(),
                        codeByUpperCase.getOrDefault(p.parent().toUpperCase(java.util.Locale.ROOT), p.parent())));
        for (Place p : places) {
            if (p.parent() != null && !p.parent().isBlank() && !lineOf.containsKey(p.parent())) {
                // Its rows would be summed into no place above it: every total over it would silently lack them.
                throw new InputContractException("reference/geo.csv line " + lineOf.get(p.code()) + " gives " + p.code()
                        + " the parent " + p.parent() + ", which is not a code of the file: its figures would"
                        + " count in no place above it. Nothing was written; correct the parent and run again.");
            }
        }
        Map<String, String> parentOf = new HashMap<>();
        places.forEach(p -> parentOf.put(p.code(), p.parent() == null || p.parent().isBlank() ? null : p.parent()));
        for (Place p : places) {
            List<String> chain = new ArrayList<>(List.of(p.code()));
            for (String up = parentOf.get(p.code()); up != null; up = parentOf.get(up)) {
                chain.add(up);
                if (up.equals(p.code())) {
                    // A place that is its own ancestor sums into no total, or into the wrong one.
                    throw new InputContractException("reference/geo.csv line " + lineOf.get(p.code()) + ": the parents"
                            + " of " + p.code() + " lead back to it (" + String.join(" → ", chain) + "), so its"
                            + " figures would count in no place above it, or in the wrong one. Nothing was written;"
                            + " correct the parents and run again.");
                }
                if (chain.size() > places.size()) {
                    break; // a loop above this place, reported when its own place is checked
                }
            }
        }
        checkPlacesWithoutParent(places, parentOf, lineOf, reportedLevels);
        return new GeoReference(places, reportedLevels);
    }

    /**
     * A place without a parent heads a tree of its own. That is right for a country, whose regions
     * are reported under it, but a province left without its region would have its figures, and
     * those of the places under it, counted in no place the workbook reports, and a region left
     * without its country would be missing from the national total the regions add up to: both
     * stop the run, as a parent that is not a code of the file does.
     */
    private static void checkPlacesWithoutParent(List<Place> places, Map<String, String> parentOf,
                                                 Map<String, Long> lineOf, Set<String> reportedLevels) {
        Map<String, List<Place>> children = new HashMap<>();
        Set<String> levelsWithParents = new java.util.HashSet<>();
        for (Place p : places) {
            String parent = parentOf.get(p.code());
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(p);
                levelsWithParents.add(p.level());
            }
        }
        // The levels trees stand on (country): a second country alone is one more tree, not a lost place.
        Set<String> rootLevels = new java.util.HashSet<>();
        for (Place p : places) {
            if (parentOf.get(p.code()) == null && children.containsKey(p.code())) {
                rootLevels.add(p.level());
            }
        }
        for (Place p : places) {
            if (parentOf.get(p.code()) != null) {
                continue;
            }
            String problem = null;
            if (levelsWithParents.contains(p.level())) {
                problem = "the other places of its level, " + p.level() + ", have one: it would be missing from the"
                        + " totals above them";
            } else if (!rootLevels.contains(p.level()) && !reportsAnything(p, children, reportedLevels)) {
                problem = "neither it, at the level " + p.level() + ", nor any place under it is of a level the workbook"
                        + " reports (" + String.join(", ", new TreeSet<>(reportedLevels)) + "), so its figures would"
                        + " count in no place";
            }
            if (problem != null) {
                throw new InputContractException("reference/geo.csv line " + lineOf.get(p.code()) + " gives " + p.code()
                        + " no parent, and " + problem + ". Nothing was written; give its parent, the code of the"
                        + " place it lies in, and run again.");
            }
        }
    }

    /** Whether the place, or a place under it, is of a reported level (parents already checked for loops). */
    private static boolean reportsAnything(Place root, Map<String, List<Place>> children, Set<String> reportedLevels) {
        List<Place> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Place p = pending.remove(pending.size() - 1);
            if (reportedLevels.contains(p.level())) {
                return true;
            }
            pending.addAll(children.getOrDefault(p.code(), List.of()));
        }
        return false;
    }
}

package ma.observatory.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvRow;
import ma.observatory.csv.Reason;

/**
 * The geography tree and the levels the workbook reports (country and region by default). A row
 * at a finer level (province, commune) is summed into its nearest reported ancestor.
 */
public final class GeoReference {

    private final Map<String, Place> places = new LinkedHashMap<>();
    private final Set<String> reportedLevels;
    // Worked out once for every code, so that the reference never changes once made and can be
    // shared between threads.
    private final Map<String, String> reportedPlace = new HashMap<>();
    private final Map<String, Integer> fileOrder = new HashMap<>();
    private final Map<String, Long> cover = new HashMap<>();
    /** Codes by their upper case, for a file that spells one otherwise ({@code ma-01}); none where two clash. */
    private final Map<String, Place> byUpperCase = new HashMap<>();

    public GeoReference(Collection<Place> places, Set<String> reportedLevels) {
        for (Place p : places) {
            this.places.put(p.code(), p);
            fileOrder.putIfAbsent(p.code(), fileOrder.size());
        }
        Set<String> clashing = new java.util.HashSet<>();
        for (Place p : this.places.values()) {
            String upper = p.code().toUpperCase(java.util.Locale.ROOT);
            if (byUpperCase.putIfAbsent(upper, p) != null) {
                clashing.add(upper);
            }
        }
        clashing.forEach(byUpperCase::remove);
        this.reportedLevels = Set.copyOf(reportedLevels);
        for (Place p : this.places.values()) {
            reportedPlace.put(p.code(), nearestReported(p));
        }
        // Each place without places under it has a fingerprint; every place covers the sum of those
        // of the places at the bottom of its branch.
        Set<String> parents = new java.util.HashSet<>();
        for (Place p : this.places.values()) {
            if (p.parent() != null && this.places.containsKey(p.parent())) {
                parents.add(p.parent());
            }
        }
        for (Place p : this.places.values()) {
            if (!parents.contains(p.code())) {
                long f = fingerprint(p.code());
                Place q = p;
                for (int guard = 0; q != null && guard < 50; guard++) { // a reference whose parents loop
                    cover.merge(q.code(), f, Long::sum);
                    q = q.parent() == null ? null : this.places.get(q.parent());
                }
            }
        }
    }

    /**
     * What a place covers, as a sum: the fingerprints of the places at the bottom of its branch
     * added up. Rows of places that tile a region, each once, add up to the region's cover; a
     * place missing, or a place given along with those under it, makes another sum (but for a
     * chance of one in 2^64). {@code 0} for a code not in the reference.
     */
    public long coverOf(String code) {
        return cover.getOrDefault(code, 0L);
    }

    /** A 64-bit fingerprint of a code: FNV-1a, then mixed (SplitMix64's finaliser) so that sums do not cancel. */
    static long fingerprint(String code) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < code.length(); i++) {
            h = (h ^ code.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /**
     * The reference's own string for a place code, whatever its case ({@code ma-01} for
     * {@code MA-01}, as the files' other codes), or {@code null} when it is not a code of the
     * reference. Rows that keep it instead of the text read share one string per place, whose
     * hash is then computed once: the cells and keys downstream look places up per row.
     */
    public String code(String code) {
        Place p = places.get(code);
        if (p == null) {
            p = byUpperCase.get(code.toUpperCase(java.util.Locale.ROOT));
        }
        return p == null ? null : p.code();
    }

    /**
     * A row's place: the reference's code for the text in {@code column}, whatever its case; when
     * the text is no code of the reference, the row is rejected and the text returned as it is.
     */
    public String placeOf(CsvRow row, CsvColumn column) {
        String text = row.requiredText(column);
        String place = text.isEmpty() ? text : code(text);
        if (place == null) {
            row.reject(column, text, Reason.of("geo.unknown"));
            return text;
        }
        return place;
    }

    public Place place(String code) {
        return places.get(code);
    }

    public boolean isReported(String code) {
        Place p = places.get(code);
        return p != null && reportedLevels.contains(p.level());
    }

    /**
     * Where a row of this place is counted: the place itself when its level is reported, else its
     * nearest reported ancestor; {@code ""} when it has none or the code is not in the reference
     * (the row is outside the report).
     */
    public String reportedPlaceFor(String code) {
        return reportedPlace.getOrDefault(code, "");
    }

    private String nearestReported(Place place) {
        Place p = place;
        int guard = 0; // a reference whose parents loop
        while (p != null && !reportedLevels.contains(p.level()) && guard++ < 50) {
            p = places.get(p.parent());
        }
        return p == null || !reportedLevels.contains(p.level()) ? "" : p.code();
    }

    /** The reported place directly above a reported place (a region's country), or {@code null}. */
    public String reportedParent(String code) {
        Place p = places.get(code);
        if (p == null || p.parent() == null || p.parent().isBlank()) {
            return null;
        }
        String t = reportedPlaceFor(p.parent());
        return t.isEmpty() ? null : t;
    }

    /** Reported places whose reported parent is the given place, in file order. */
    public List<String> reportedChildren(String code) {
        List<String> children = new ArrayList<>();
        for (Place p : places.values()) {
            if (reportedLevels.contains(p.level()) && code.equals(reportedParent(p.code()))) {
                children.add(p.code());
            }
        }
        return children;
    }

    /** Reported places ordered from the finest level up, so children are resolved before parents. */
    public List<String> reportedBottomUp() {
        List<String> codes = new ArrayList<>();
        for (Place p : places.values()) {
            if (reportedLevels.contains(p.level())) {
                codes.add(p.code());
            }
        }
        codes.sort(Comparator.comparingInt(this::depth).reversed());
        return codes;
    }

    private int depth(String code) {
        int d = 0;
        Place p = places.get(code);
        while (p != null && p.parent() != null && !p.parent().isBlank() && d < 50) {
            p = places.get(p.parent());
            d++;
        }
        return d;
    }

    /** Position in the reference file, used to order tables (country first, then regions in order). */
    public int order(String code) {
        return fileOrder.getOrDefault(code, Integer.MAX_VALUE);
    }

    public Collection<Place> places() {
        return places.values();
    }
}

package ma.observatory.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ma.observatory.cube.Breakdown;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;
import ma.observatory.period.PeriodWords;

/**
 * Turns long indicator values into the wide tables economists read: one row per period, place and
 * breakdown, one column per indicator. Shared by the domains' sheets.
 */
public final class WideTables {

    private WideTables() {
    }

    /**
     * A total since January, dated by its latest month, as the months it adds up: "2025 (to
     * November)", "2025 (January)"; "2025-11" read as November alone.
     */
    public static String yearSoFarSaid(Messages m, Period latestMonth) {
        int year = latestMonth.lastMonth().getYear();
        return periodSaid(m, Period.year(year), new PeriodRange(Period.month(year, 1), latestMonth));
    }

    /**
     * A period as the Summary and the Relocations by year sheet say it: a year the range ends
     * inside ("2027 (to January)"), or starts inside, counts only its months in the range, such as
     * the jobs moved in by moves effective in them. The months are named without their year, the
     * period's own: the Summary's period column stays as narrow as its codes. Its words are held
     * together by no-break spaces, as {@link ma.observatory.period.PeriodWords} holds a period's: an
     * introduction's line never ends on "2026", its months on the next.
     */
    public static String periodSaid(Messages m, Period period, PeriodRange range) {
        YearMonth first = range.firstMonth();
        YearMonth last = range.lastMonth();
        boolean cutAtEnd = period.lastMonth().isAfter(last) && !period.firstMonth().isAfter(last);
        boolean cutAtStart = period.firstMonth().isBefore(first) && !period.lastMonth().isBefore(first);
        PeriodWords words = m.periods();
        if ((cutAtStart || cutAtEnd) && first.equals(last)) {
            // a range of one month names it once, "2026 (July)", be it the year's first, last or another
            return m.get("summary.period.month", period.toString(), words.monthName(first));
        }
        if (cutAtStart && cutAtEnd) {
            return m.get("summary.period.between", period.toString(), words.monthName(first), words.monthName(last));
        }
        if (cutAtStart) {
            return m.get("summary.period.from", period.toString(), words.monthName(first));
        }
        return cutAtEnd ? m.get("summary.period.so-far", period.toString(), words.monthName(last)) : period.toString();
    }

    /** The key of a wide row. */
    public record RowKey(Period period, String geo, Breakdown breakdown) {

        /**
         * Mixed, not the record's sum of multiples of 31: with places coded MA-01, MA-02… and
         * similar breakdowns, those sums collided so often that the grid's hash map fell back to
         * trees.
         */
        @Override
        public int hashCode() {
            int h = period.hashCode();
            h = h * 0x9E3779B1 + geo.hashCode();
            h = h * 0x9E3779B1 + breakdown.hashCode();
            return h ^ (h >>> 16);
        }
    }

    /**
     * Values of the given indicators keyed by row (each row's by indicator, in catalogue order),
     * restricted to rows whose breakdown has exactly the given dimensions in that order; rows sorted
     * by period, place (reference order), then totals first.
     */
    public static Map<RowKey, Map<Indicator, IndicatorValue>> grid(ReportContext context, List<Indicator> columns,
                                                                  List<String> dims) {
        return rows(context, columns, dims, null, null);
    }

    /**
     * The rows of {@link #grid} and, each under the row it refines, those whose breakdown has one
     * more dimension, {@code extra}, at position {@code at}: a series only a publication gives
     * (graduates' unemployment under everyone's, urban and rural net job creation under all
     * sectors', an older measure of exports under the current one).
     */
    public static List<Map.Entry<RowKey, Map<Indicator, IndicatorValue>>> gridWith(ReportContext context,
            List<Indicator> columns, List<String> dims, int at, String extra) {
        List<String> longer = new ArrayList<>(dims);
        longer.add(at, extra);
        return new ArrayList<>(rows(context, columns, dims, longer, extra).entrySet());
    }

    /**
     * The rows with the dimensions {@code dims}, or {@code refined} when it is not null; a refined
     * row sorts as its breakdown without {@code extra}, after that row.
     */
    private static Map<RowKey, Map<Indicator, IndicatorValue>> rows(ReportContext context, List<Indicator> columns,
                                                                   List<String> dims, List<String> refined,
                                                                   String extra) {
        // Grouped in a hash map and the rows sorted once: a sorted map compared keys for every
        // one of the hundreds of thousands of values.
        Set<Indicator> wanted = columns.isEmpty() ? Set.of() : EnumSet.copyOf(columns);
        Map<RowKey, Map<Indicator, IndicatorValue>> cells = new HashMap<>();
        Set<Breakdown> refinements = new java.util.HashSet<>();
        for (Indicator indicator : wanted) {
            for (IndicatorValue v : context.values(indicator)) {
                boolean plain = hasDims(v.breakdown(), dims);
                if (plain || refined != null && hasDims(v.breakdown(), refined)) {
                    if (!plain) {
                        refinements.add(v.breakdown());
                    }
                    cells.computeIfAbsent(new RowKey(v.period(), v.geo(), v.breakdown()),
                            k -> new EnumMap<>(Indicator.class)).put(indicator, v);
                }
            }
        }
        if (!refinements.isEmpty()) {
            // A refined row with no row above it (urban and rural published, the whole not) gets
            // that row, empty ([x]), so that it never seems to detail the row before.
            for (RowKey k : new ArrayList<>(cells.keySet())) {
                if (refinements.contains(k.breakdown())) {
                    cells.computeIfAbsent(new RowKey(k.period(), k.geo(), k.breakdown().without(extra)),
                            x -> new EnumMap<>(Indicator.class));
                }
            }
        }
        // The places and breakdowns are few: each is ranked once, and the rows, hundreds of
        // thousands at commune grain, sorted by three numbers (comparing them by map lookups and
        // texts in the sort stood out in profiles of the report step).
        Set<String> places = new java.util.HashSet<>();
        Set<Breakdown> breakdowns = new java.util.HashSet<>();
        for (RowKey k : cells.keySet()) {
            places.add(k.geo());
            breakdowns.add(k.breakdown());
        }
        Map<String, Integer> placeRanks = ReportBuilder.ranks(places,
                Comparator.comparingInt((String geo) -> context.geo().order(geo)).thenComparing(Comparator.naturalOrder()));
        Map<Breakdown, String> orders = new HashMap<>(); // dimOrder is slow: once per breakdown
        Comparator<Breakdown> byDimensions = Comparator.comparing(b -> orders.computeIfAbsent(b, WideTables::dimOrder));
        if (!refinements.isEmpty()) {
            Map<Breakdown, String> refines = new HashMap<>();
            byDimensions = Comparator.comparing((Breakdown b) -> refines.computeIfAbsent(b, x -> dimOrder(x, extra)))
                    .thenComparing(refinements::contains).thenComparing(byDimensions);
        }
        Map<Breakdown, Integer> breakdownRanks = ReportBuilder.ranks(breakdowns, byDimensions);
        List<Ranked> ranked = new ArrayList<>(cells.size());
        for (RowKey k : cells.keySet()) {
            ranked.add(new Ranked(k.period().orderNumber(), placeRanks.get(k.geo()), breakdownRanks.get(k.breakdown()), k));
        }
        ranked.sort(null);
        Map<RowKey, Map<Indicator, IndicatorValue>> grid = new LinkedHashMap<>(ranked.size() * 2);
        for (Ranked r : ranked) {
            grid.put(r.key(), cells.get(r.key()));
        }
        return grid;
    }

    /** A row's key with its place in the order of each part. */
    private record Ranked(int period, int place, int breakdown, RowKey key) implements Comparable<Ranked> {

        @Override
        public int compareTo(Ranked o) {
            int c = Integer.compare(period, o.period);
            if (c == 0) {
                c = Integer.compare(place, o.place);
            }
            return c != 0 ? c : Integer.compare(breakdown, o.breakdown);
        }
    }

    /** Whether any row has the dimension: a column that would say "all" on every row is left out. */
    public static boolean anyHas(List<Map.Entry<RowKey, Map<Indicator, IndicatorValue>>> rows, String dim) {
        return rows.stream().anyMatch(e -> e.getKey().breakdown().get(dim) != null);
    }

    /** A dimension a row may lack, in words: the row's value, or {@code whenAbsent}'s words. */
    public static CellValue optionalDimension(Messages m, RowKey k, String dim, String whenAbsent) {
        String value = k.breakdown().get(dim);
        return CellValue.text(m.getOr(dim + "." + (value == null ? whenAbsent : value), value == null ? whenAbsent : value));
    }

    private static boolean hasDims(Breakdown b, List<String> dims) {
        if (b.pairs().size() != dims.size()) {
            return false;
        }
        for (int d = 0; d < dims.size(); d++) {
            if (!b.pairs().get(d).name().equals(dims.get(d))) {
                return false;
            }
        }
        return true;
    }

    /** Totals first, then the usual order of each dimension; age bands by their lower bound. */
    static String dimOrder(Breakdown b) {
        return dimOrder(b, null);
    }

    /** As {@link #dimOrder(Breakdown)}, leaving out the dimension {@code skip}. */
    private static String dimOrder(Breakdown b, String skip) {
        StringBuilder sb = new StringBuilder();
        for (Breakdown.Pair p : b.pairs()) {
            if (p.name().equals(skip)) {
                continue;
            }
            String v = p.value();
            String rank = switch (v) {
                case "total", "15+" -> "0";
                case "urban", "male", "agriculture", "foreign", "in", "low" -> "1";
                case "rural", "female", "industry", "mre", "out", "central" -> "2";
                case "construction", "high" -> "3";
                case "services" -> "4";
                case "other" -> "5";
                default -> v.matches("\\d+.*")
                        ? "1" + String.format(Locale.ROOT, "%03d", Integer.parseInt(v.replaceAll("\\D.*", "")))
                        : "9" + v;
            };
            sb.append(rank).append('|');
        }
        return sb.toString();
    }

    /** Period, geo code and place name: the first columns of every wide table. */
    public static List<ReportColumn> keyColumns(Messages m) {
        return List.of(new ReportColumn(m.get("col.period"), NumberStyle.TEXT),
                new ReportColumn(m.get("col.geo"), NumberStyle.TEXT),
                new ReportColumn(m.get("col.place"), NumberStyle.TEXT));
    }

    public static List<CellValue> keyCells(ReportContext context, RowKey k) {
        List<CellValue> row = new ArrayList<>();
        row.add(CellValue.text(k.period().toString()));
        row.add(CellValue.text(k.geo()));
        row.add(CellValue.text(context.placeName(k.geo())));
        return row;
    }

    /** A dimension value in the report's language, e.g. {@code area.urban} → "urbain". */
    public static CellValue dimension(Messages m, RowKey k, String dim) {
        String value = k.breakdown().get(dim);
        return CellValue.text(m.getOr(dim + "." + value, value));
    }

    /** A group in words, or the two groups a gap compares: "femmes moins hommes". */
    public static String groupWords(Messages m, String dim, String value) {
        int minus = value.indexOf(Breakdown.GAP_SEPARATOR);
        if (minus < 0) {
            return group(m, dim, value);
        }
        return m.get("gaps.minus", group(m, dim, value.substring(0, minus)),
                group(m, dim, value.substring(minus + Breakdown.GAP_SEPARATOR.length())));
    }

    private static String group(Messages m, String dim, String value) {
        return "age_group".equals(dim) ? ageGroup(m, value) : m.getOr(dim + "." + value, value);
    }

    /**
     * An age group as a reader says it: {@code 15+} is "15 ans et plus", {@code 15-24} "15-24 ans";
     * a code of another shape is shown as the file gives it.
     */
    public static String ageGroup(Messages m, String code) {
        Matcher open = OPEN_AGE_GROUP.matcher(code);
        if (open.matches()) {
            return m.get("age_group.open", open.group(1));
        }
        Matcher band = AGE_BAND.matcher(code);
        return band.matches() ? m.get("age_group.band", band.group(1), band.group(2)) : code;
    }

    private static final Pattern OPEN_AGE_GROUP = Pattern.compile("(\\d+)\\+");
    private static final Pattern AGE_BAND = Pattern.compile("(\\d+)-(\\d+)");

    public static String label(Messages m, Indicator i) {
        return m.get("indicator." + i.id() + ".label");
    }

    /** "Unemployment rate (%)": the label with its unit, as a column heading. */
    public static String heading(Messages m, Indicator i) {
        return label(m, i) + " (" + m.unit(i.unit()) + ")";
    }

    public static ReportColumn column(Messages m, Indicator i) {
        return new ReportColumn(heading(m, i), style(i));
    }

    public static NumberStyle style(Indicator i) {
        return switch (i.unit()) {
            case POINTS -> NumberStyle.CHANGE;
            case PERCENT, THOUSAND_PERSONS, MAD -> NumberStyle.DECIMAL;
            case AS_TARGET -> NumberStyle.PRECISE;
            default -> NumberStyle.INTEGER;
        };
    }

    /** The values of a row, each in its column's format ({@link ReportContext#number}). */
    public static void addValues(ReportContext context, List<CellValue> row, Map<Indicator, IndicatorValue> cells,
                                 List<Indicator> columns) {
        for (Indicator i : columns) {
            row.add(context.number(cells.get(i), null));
        }
    }

    /**
     * The last column of a wide table, whose longer texts (every figure a publication gives) ran
     * past the print area's edge on one line and were cut mid-word there: they wrap.
     */
    public static ReportColumn basisColumn(Messages m) {
        return new ReportColumn(m.get("col.basis"), NumberStyle.PARAGRAPH);
    }

    /** "computed", or "published: <labels>" naming the values taken from publications. */
    public static CellValue basis(Messages m, Map<Indicator, IndicatorValue> cells) {
        if (cells.isEmpty()) {
            return CellValue.NOT_APPLICABLE; // a row with no value (above the rows that detail it)
        }
        List<String> published = new ArrayList<>();
        for (IndicatorValue v : cells.values()) {
            if (v.basis() == Basis.PUBLISHED) {
                published.add(label(m, v.indicator()));
            }
        }
        return CellValue.text(published.isEmpty() ? m.get("basis.computed")
                : m.get("basis.published.some", String.join(m.get("list.separator"), published)));
    }
}

package ma.observatory.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import ma.observatory.cube.Breakdown;
import ma.observatory.indicator.Basis;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.indicator.Ratios;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

import static ma.observatory.indicator.Indicator.*;

/**
 * The page an economist quotes from: for each headline figure, its latest value in the range
 * (annual where there is one), its change and its source. Which figures are headlines is decided
 * here, in one list, for all three domains.
 */
final class SummarySheet {

    /**
     * A headline: an indicator, the breakdowns that qualify (one row each), and the indicator
     * holding its change, if any; with {@code quarterAhead}, the latest quarter after the latest
     * year gets a row of its own under the year's (the survey's quarterly note, months before the
     * year's).
     */
    private record Headline(Indicator indicator, Predicate<Breakdown> breakdown, Indicator change,
                            boolean quarterAhead) {
        Headline(Indicator indicator, Predicate<Breakdown> breakdown, Indicator change) {
            this(indicator, breakdown, change, false);
        }
    }

    private static Predicate<Breakdown> is(String text) {
        return b -> b.toString().equals(text);
    }

    private static Predicate<Breakdown> has(String name) {
        return b -> b.get(name) != null;
    }

    private static final String ALL_PEOPLE = "area=total, sex=total, age_group=15+";
    private static final String ALL_ARRIVALS = "visitor_type=total, market=total";
    /** The age group of all working ages, as in {@link #ALL_PEOPLE}. */
    private static final String ALL_AGES = "15+";

    private static final List<Headline> HEADLINES = List.of(
            new Headline(EMPLOYMENT_UNEMPLOYMENT_RATE, is(ALL_PEOPLE), EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, true),
            // urban and rural follow the national rate, as in the HCP's notes, whose first sentence gives all three
            new Headline(EMPLOYMENT_UNEMPLOYMENT_RATE, is("area=urban, sex=total, age_group=15+"),
                    EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, true),
            new Headline(EMPLOYMENT_UNEMPLOYMENT_RATE, is("area=rural, sex=total, age_group=15+"),
                    EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, true),
            new Headline(EMPLOYMENT_UNEMPLOYMENT_RATE, is("area=total, sex=female, age_group=15+"),
                    EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, true),
            new Headline(EMPLOYMENT_UNEMPLOYMENT_RATE, is("area=total, sex=total, age_group=15-24"),
                    EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, true),
            new Headline(EMPLOYMENT_UNEMPLOYMENT_RATE, is(ALL_PEOPLE + ", education=graduate"),
                    EMPLOYMENT_UNEMPLOYMENT_RATE_CHANGE, true),
            new Headline(EMPLOYMENT_ACTIVITY_RATE, is(ALL_PEOPLE), EMPLOYMENT_ACTIVITY_RATE_CHANGE, true),
            new Headline(EMPLOYMENT_EMPLOYMENT_RATE, is(ALL_PEOPLE), EMPLOYMENT_EMPLOYMENT_RATE_CHANGE, true),
            new Headline(EMPLOYMENT_UNDEREMPLOYMENT_RATE, is(ALL_PEOPLE), EMPLOYMENT_UNDEREMPLOYMENT_RATE_CHANGE, true),
            new Headline(EMPLOYMENT_NET_JOB_CREATION, is("sector=total"), null),
            new Headline(OUTSOURCING_JOBS, is("segment=total, client_country=total, activity=total"),
                    OUTSOURCING_JOBS_CHANGE),
            new Headline(OUTSOURCING_JOBS, is("segment=crm, client_country=total, activity=total"),
                    OUTSOURCING_JOBS_CHANGE),
            new Headline(OUTSOURCING_EXPORTS, is("segment=total, client_country=total, activity=total"),
                    OUTSOURCING_EXPORTS_CHANGE),
            new Headline(OUTSOURCING_RELOCATED_IN, is("origin_country=total"), null),
            new Headline(OUTSOURCING_RELOCATED_OUT, is("destination_country=total"), null),
            new Headline(OUTSOURCING_RELOCATED_NET, is("counterpart_country=total"), null),
            new Headline(OUTSOURCING_PIPELINE_JOBS, has("direction"), null),
            new Headline(OUTSOURCING_JOBS_AT_RISK, has("scenario"), null),
            new Headline(TOURISM_ARRIVALS, is(ALL_ARRIVALS), TOURISM_ARRIVALS_CHANGE),
            // the year so far, months ahead of the last full year: what the ministry's notes lead with
            new Headline(TOURISM_ARRIVALS_YTD, is(ALL_ARRIVALS), TOURISM_ARRIVALS_YTD_CHANGE),
            new Headline(TOURISM_RECEIPTS, is(ALL_ARRIVALS), TOURISM_RECEIPTS_CHANGE),
            new Headline(TOURISM_RECEIPTS_YTD, is(ALL_ARRIVALS), TOURISM_RECEIPTS_YTD_CHANGE),
            new Headline(TOURISM_DIRECT_JOBS, is(""), TOURISM_DIRECT_JOBS_CHANGE),
            new Headline(TOURISM_TARGET_PROGRESS, has("target"), null),
            new Headline(TOURISM_TARGET_REQUIRED_CAGR, has("target"), null),
            new Headline(TOURISM_TARGET_ON_TRACK, has("target"), null));

    /** A year-to-date headline and the full year it runs up to (listed before it in {@link #HEADLINES}). */
    private static final Map<Indicator, Indicator> YEAR_OF = Map.of(TOURISM_ARRIVALS_YTD, TOURISM_ARRIVALS,
            TOURISM_RECEIPTS_YTD, TOURISM_RECEIPTS);

    /**
     * A headline's period as the row needs it said: moves counted over the range's months of a
     * year it cuts, "2026 (to October)"; a total so far, the months it adds up (see
     * {@link WideTables#yearSoFarSaid}). Else its code.
     */
    private static String periodSaid(Messages m, IndicatorValue v, PeriodRange range) {
        if (COUNTED_BY_MONTH.contains(v.indicator())) {
            return WideTables.periodSaid(m, v.period(), range);
        }
        if (v.period().granularity() == Period.Granularity.MONTH
                && (YEAR_OF.containsKey(v.indicator()) || v.indicator() == TOURISM_TARGET_PROGRESS)) {
            return WideTables.yearSoFarSaid(m, v.period());
        }
        return v.period().toString();
    }

    /**
     * Headlines counting the moves effective in the range's months, whose year the range may cut
     * (jobs at risk are the whole year's jobs; moves still pending are as of the range's end).
     */
    private static final Set<Indicator> COUNTED_BY_MONTH = java.util.EnumSet.of(OUTSOURCING_RELOCATED_IN,
            OUTSOURCING_RELOCATED_OUT, OUTSOURCING_RELOCATED_NET);

    /** The jobs moved: announced moves count in them too, once their date has come. */
    private static final Set<Indicator> MOVES = Set.of(OUTSOURCING_RELOCATED_IN, OUTSOURCING_RELOCATED_OUT,
            OUTSOURCING_RELOCATED_NET);
    private static final int LABEL_WRAP_CHARS = 22;
    private static final int BREAKDOWN_WRAP_CHARS = 26;
    /**
     * The source shows its first 32 characters and the basis wraps at 28: « publié ; variation :
     * calculée », most rows' basis, on one line, the table still on a printed page's width. At 16 it
     * took two lines on every row of rates, and the Summary printed twice as tall as its figures.
     */
    private static final int SOURCE_SHOWN_CHARS = 32;
    private static final int BASIS_WRAP_CHARS = 28;

    private SummarySheet() {
    }

    static ReportSheet build(ReportContext context, String country) {
        Messages m = context.messages();
        // Only the changes of the headlines at the country are looked up: index those, not every value.
        java.util.Set<ma.observatory.indicator.Indicator> changes = new java.util.HashSet<>();
        for (Headline h : HEADLINES) {
            if (h.change() != null) {
                changes.add(h.change());
            }
        }
        Map<String, IndicatorValue> byKey = new HashMap<>();
        for (ma.observatory.indicator.Indicator change : changes) {
            for (IndicatorValue v : context.values(change)) {
                if (v.geo().equals(country)) {
                    byKey.put(v.key(), v);
                }
            }
        }
        // The targets the latest actual already reaches, and the year it did; those judged on their
        // own year that it did not reach.
        Map<Breakdown, Integer> reachedIn = new HashMap<>();
        Set<Breakdown> missed = new java.util.HashSet<>();
        for (IndicatorValue v : latestPerBreakdown(context.values(TOURISM_TARGET_PROGRESS),
                new Headline(TOURISM_TARGET_PROGRESS, has("target"), null), country)) {
            // 100 % as the Tourism targets sheet judges it, equality despite rounding included
            if (v.value() != null && Ratios.reaches(v.value(), 100.0)) {
                reachedIn.put(v.breakdown(), v.period().year());
            } else if (v.value() != null && judgedOnItsOwnYear(v)) {
                missed.add(v.breakdown());
            }
        }
        List<List<CellValue>> rows = new ArrayList<>();
        boolean onTrackShown = false;
        Set<String> awaited = new TreeSet<>(); // years of targets shown waiting for their own figure
        Set<String> unmeasured = new TreeSet<>(); // years of targets still ahead that nothing measures yet
        Set<String> before = new TreeSet<>(); // periods of jobs at risk shown from before the range
        boolean atRiskShown = false;
        Map<Indicator, Integer> latestYear = new HashMap<>();
        for (Headline h : HEADLINES) {
            if (!context.run().runs(h.indicator().domain())) {
                continue;
            }
            List<IndicatorValue> shown = latestPerBreakdown(context.values(h.indicator()), h, country);
            if (h.quarterAhead()) {
                shown = withQuarterAhead(shown, context.values(h.indicator()));
            }
            for (IndicatorValue v : shown) {
                if (v.period().granularity() == Period.Granularity.YEAR) {
                    latestYear.merge(v.indicator(), v.period().year(), Math::max);
                }
                Indicator year = YEAR_OF.get(v.indicator());
                if (year != null && latestYear.getOrDefault(year, Integer.MIN_VALUE) >= v.period().year()) {
                    continue; // the year so far says nothing the full year above it does not
                }
                if (v.indicator() == TOURISM_TARGET_REQUIRED_CAGR && reachedIn.containsKey(v.breakdown())) {
                    continue; // a target behind us needs no growth: a negative rate would read as a decline
                }
                if (v.indicator() == TOURISM_TARGET_ON_TRACK
                        && (judgedOnItsOwnYear(v) || reachedIn.containsKey(v.breakdown()))) {
                    continue; // the share reached says it all: "on track" is for a target still to reach
                }
                onTrackShown |= v.indicator() == TOURISM_TARGET_ON_TRACK;
                if (v.value() == null && v.indicator() == TOURISM_TARGET_PROGRESS) {
                    Period targetYear = targetPeriod(v.breakdown());
                    if (targetYear != null && targetYear.lastMonth().isAfter(context.run().range().lastMonth())) {
                        unmeasured.add(m.periods().period(targetYear));
                    } else {
                        awaited.add(m.periods().period(v.period()));
                    }
                }
                atRiskShown |= v.indicator() == OUTSOURCING_JOBS_AT_RISK;
                if (v.indicator() == OUTSOURCING_JOBS_AT_RISK
                        && v.period().lastMonth().isBefore(context.run().range().firstMonth())) {
                    before.add(m.periods().period(v.period()));
                }
                IndicatorValue change = h.change() == null ? null : byKey.get(
                        new IndicatorValue(h.change(), v.period(), v.geo(), v.breakdown(), null, v.basis(), null).key());
                rows.add(List.of(
                        CellValue.text(WideTables.label(m, v.indicator())),
                        reached(m, inWords(context, v.breakdown()), reachedIn.get(v.breakdown()),
                                missed.contains(v.breakdown())),
                        CellValue.text(context.placeName(v.geo())),
                        CellValue.text(periodSaid(m, v, context.run().range())),
                        context.number(v, styleOf(v)),
                        CellValue.text(m.unit(v.unit())),
                        h.change() == null ? CellValue.NOT_APPLICABLE
                                : context.number(change, NumberStyle.CHANGE),
                        h.change() == null ? CellValue.NOT_APPLICABLE
                                : CellValue.text(m.unit(h.change().unit())),
                        basis(context, v, change),
                        CellValue.text(v.source())));
            }
        }
        // The columns naming a row wrap, narrow: at their full width (in French, 45 and 58
        // characters), repeated on every printed page, they left room for one figure column per
        // page, the Summary printing on six pages side by side. Narrow, the whole table fits the
        // page's width.
        List<ReportColumn> cols = List.of(
                ReportColumn.wrapped(m.get("summary.indicator"), LABEL_WRAP_CHARS),
                ReportColumn.wrapped(m.get("summary.breakdown"), BREAKDOWN_WRAP_CHARS),
                new ReportColumn(m.get("col.place"), NumberStyle.TEXT),
                new ReportColumn(m.get("col.period"), NumberStyle.TEXT),
                new ReportColumn(m.get("summary.value"), NumberStyle.DECIMAL),
                new ReportColumn(m.get("summary.unit"), NumberStyle.TEXT),
                new ReportColumn(m.get("summary.change"), NumberStyle.CHANGE),
                new ReportColumn(m.get("summary.change.unit"), NumberStyle.TEXT),
                ReportColumn.wrapped(m.get("col.basis"), BASIS_WRAP_CHARS),
                // one line, as sources are everywhere; the whole text is in the cell
                new ReportColumn(m.get("summary.source"), NumberStyle.TEXT, SOURCE_SHOWN_CHARS));
        List<String> intro = new ArrayList<>();
        intro.add(m.get(context.run().runs("employment") ? "summary.intro.employment" : "summary.intro",
                m.periods().range(context.run().range())));
        // Said where it applies, on the page the reader starts from: a projection from a trend
        // and an exposure older than the range are only explained on their own sheets.
        if (onTrackShown) {
            intro.add(m.get("summary.intro.projections"));
        }
        if (!awaited.isEmpty()) {
            intro.add(m.get("summary.intro.awaiting", String.join(", ", awaited)));
        }
        if (!unmeasured.isEmpty()) {
            // said here, not only in the source: a printed Summary shows a source's first words
            intro.add(m.get("summary.intro.unmeasured", String.join(", ", unmeasured),
                    m.periods().end(context.run().range())));
        }
        if (!before.isEmpty()) {
            intro.add(m.get("summary.intro.exposure", String.join(", ", before)));
        } else if (atRiskShown) {
            // "Jobs at risk, 2025" read as jobs lost in 2025, for a law that takes effect in 2026
            intro.add(m.get("summary.intro.at-risk"));
        }
        intro.add(m.get("intro.shorthand"));
        return new ReportSheet(m.get("sheet.summary"), m.get("summary.title"), intro,
                new ReportTable("Summary", cols, rows));
    }

    /** A label inside a sentence: "arrivées touristiques" after "objectif :", an acronym kept as it is. */
    private static String inSentence(String label) {
        return label.length() > 1 && Character.isLowerCase(label.charAt(1))
                ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }

    /** A value about a target whose year is not after the value's own: reached or not, not on track. */
    private static boolean judgedOnItsOwnYear(IndicatorValue v) {
        Period target = targetPeriod(v.breakdown());
        return target != null && target.year() <= v.period().year();
    }

    /** The year of a target from its breakdown ({@code target=tourism.arrivals 2026}), or {@code null}. */
    private static Period targetPeriod(Breakdown b) {
        String label = b.get("target");
        int space = label == null ? -1 : label.lastIndexOf(' ');
        try {
            return space < 0 ? null : Period.parse(label.substring(space + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * "objectif : arrivées touristiques, 2026 (atteint en 2025)" for a target its latest actual
     * reaches; "(non atteint)" for one whose year is past and whose own figure fell short.
     */
    private static CellValue reached(Messages m, CellValue words, Integer year, boolean missed) {
        if (!(words instanceof CellValue.Text text)) {
            return words;
        }
        return year != null ? CellValue.text(m.get("summary.target.reached", text.text(), Integer.toString(year)))
                : missed ? CellValue.text(m.get("summary.target.missed", text.text())) : words;
    }

    /**
     * The value's basis, and the change's where it differs or Data quality flags it: "published;
     * change: computed". A figure that Data quality flags, its computed and published values
     * differing beyond the publication's rounding, says so beside its basis, where the reader who
     * quotes it looks.
     */
    private static CellValue basis(ReportContext context, IndicatorValue value, IndicatorValue change) {
        Messages m = context.messages();
        if (value.value() == null && (change == null || change.value() == null)) {
            return CellValue.NOT_APPLICABLE; // no figure, no basis, as on the Data sheet
        }
        String basis = basisSaid(context, value);
        if (change == null || change.value() == null
                || change.basis() == value.basis() && !context.flaggedAgainstPublication(change)) {
            return CellValue.text(basis);
        }
        return CellValue.text(m.get("summary.basis.change", basis, basisSaid(context, change)));
    }

    private static String basisSaid(ReportContext context, IndicatorValue v) {
        Messages m = context.messages();
        String basis = m.get("basis." + v.basis().code());
        if (!context.flaggedAgainstPublication(v)) {
            // "163 jobs moved into Morocco" read as done, for a move announced and not yet confirmed
            boolean moves = MOVES.contains(v.indicator()) && v.basis() == Basis.COMPUTED && v.value() != null
                    && v.value() != 0;
            return moves ? m.get("summary.basis.moves", basis, m.get("sheet.outsourcing.relocations")) : basis;
        }
        // a computed figure a publication contradicts; a published one (tourism's changes and
        // shares) the files' own figures contradict
        return m.get(v.basis() == Basis.COMPUTED ? "summary.basis.differs" : "summary.basis.files-differ", basis,
                m.get("sheet.quality"));
    }

    /**
     * A breakdown as a reader says it: "women", "CRM (customer relations)", "low scenario",
     * "target: Tourist arrivals, 2026"; totals go without saying ("all" when nothing else is
     * left), and a figure with no breakdown at all is "all" too, as a total reads on the next row.
     * The Data sheet keeps the codes.
     */
    static CellValue inWords(ReportContext context, Breakdown breakdown) {
        return inWords(context.messages(), breakdown, context::codeWords);
    }

    /** As {@link #inWords(ReportContext, Breakdown)}, with what the domains add to a code in words. */
    static CellValue inWords(Messages m, Breakdown breakdown, CodeWords codeWords) {
        if (breakdown.pairs().isEmpty()) {
            return CellValue.text(m.get("summary.all"));
        }
        List<String> words = new ArrayList<>();
        for (Breakdown.Pair p : breakdown.pairs()) {
            String value = p.value();
            if (value.equals("total") || p.name().equals("age_group") && value.equals(ALL_AGES)) {
                continue;
            }
            String word = codeWords.of(p.name(), value, WideTables.groupWords(m, p.name(), value));
            if (p.name().equals("scenario")) {
                word = m.get("summary.scenario", word);
            } else if (p.name().equals("target")) {
                int space = value.lastIndexOf(' ');
                Indicator target = space < 0 ? null : Indicator.byId(value.substring(0, space));
                word = target == null ? value : m.get("summary.target", inSentence(WideTables.label(m, target)),
                        value.substring(space + 1));
            }
            words.add(word);
        }
        if (words.isEmpty()) {
            Breakdown.Pair first = breakdown.pairs().get(0);
            return CellValue.text(m.getOr(first.name() + "." + first.value(), m.get("summary.all")));
        }
        return CellValue.text(String.join(", ", words));
    }

    /** Whole numbers for counts of people and money, one decimal for rates and shares, a word for a flag. */
    private static NumberStyle styleOf(IndicatorValue v) {
        return switch (v.unit()) {
            case PERCENT, POINTS, THOUSAND_PERSONS, MAD -> NumberStyle.DECIMAL;
            case FLAG -> NumberStyle.YES_NO;
            default -> NumberStyle.INTEGER;
        };
    }

    /**
     * Each value of a year followed, when there is one, by the latest quarter with a figure after
     * that year, same place and breakdown: 2026-Q3's unemployment under 2025's, in the autumn.
     */
    private static List<IndicatorValue> withQuarterAhead(List<IndicatorValue> latest, List<IndicatorValue> all) {
        List<IndicatorValue> out = new ArrayList<>();
        for (IndicatorValue year : latest) {
            out.add(year);
            if (year.period().granularity() != Period.Granularity.YEAR) {
                continue; // no year at all: the latest period is already the latest quarter
            }
            IndicatorValue ahead = null;
            for (IndicatorValue v : all) {
                if (v.period().granularity() == Period.Granularity.QUARTER && v.value() != null
                        && v.period().year() > year.period().year() && v.geo().equals(year.geo())
                        && v.breakdown().equals(year.breakdown())
                        && (ahead == null || v.period().compareTo(ahead.period()) > 0)) {
                    ahead = v;
                }
            }
            if (ahead != null) {
                out.add(ahead);
            }
        }
        return out;
    }

    /**
     * For each qualifying breakdown at the country: the value of the latest year, or of the latest
     * period when the indicator has no annual value.
     */
    private static List<IndicatorValue> latestPerBreakdown(List<IndicatorValue> values, Headline h, String country) {
        Map<Breakdown, IndicatorValue> latest = new java.util.LinkedHashMap<>();
        // A full year before its months; but a target's share reached by a later year's total so
        // far (kept only when it reaches the target) is news the last full year's share would hide.
        Comparator<IndicatorValue> better = Comparator
                .comparing((IndicatorValue v) -> v.period().granularity() == Period.Granularity.YEAR
                        || v.indicator() == TOURISM_TARGET_PROGRESS)
                .thenComparing(IndicatorValue::period);
        for (IndicatorValue v : values) {
            // A value kept not available is the latest all the same: a target's progress while its
            // year's own figure is awaited, the jobs moved in a year one of whose moves gives none.
            if (v.indicator() == h.indicator() && v.geo().equals(country) && h.breakdown().test(v.breakdown())) {
                latest.merge(v.breakdown(), v, (a, b) -> better.compare(a, b) >= 0 ? a : b);
            }
        }
        List<IndicatorValue> rows = new ArrayList<>(latest.values());
        // Scenarios low, central, high and totals first, as in the other tables; not in text order.
        rows.sort(Comparator.comparing((IndicatorValue v) -> WideTables.dimOrder(v.breakdown())));
        return rows;
    }

    /** What a domain adds to a code in words (see {@link DomainSheets#codeWords}). */
    @FunctionalInterface
    interface CodeWords {
        String of(String dimension, String code, String said);
    }
}

package ma.observatory.report;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import ma.observatory.cube.Breakdown;
import ma.observatory.indicator.Indicator;
import ma.observatory.indicator.IndicatorRepository;
import ma.observatory.indicator.IndicatorValue;
import ma.observatory.indicator.Ratios;
import ma.observatory.indicator.Unit;
import ma.observatory.job.ObservatoryJobConfiguration;
import ma.observatory.job.RunParameters;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

/**
 * What the night brought (SPEC §6): every indicator value that is new, gone or revised since the
 * previous completed run over the same range and domains (the same months from {@code from} to
 * {@code to}, the same {@code only} and {@code geo-levels}), read from that run's
 * {@code indicator_value} rows — or, when no run covered this range, the latest one over an
 * overlapping range, on the periods both cover. Before and after are in the unit of each
 * indicator; the difference is after minus before. When nothing changed, or there is no earlier
 * run to compare with, the table lists nothing and the sentence above it says why.
 */
final class ChangesSheet {

    enum Kind { NEW, GONE, REVISED }

    /** Below this relative difference two values are the same figure (floating-point sums). */
    private static final double SAME = 1e-9;

    /**
     * One changed value. {@code before} / {@code after} are null when not available. Its period and
     * breakdown are spelled out only when its row is written: after a change of input every value
     * may have changed, twice as many as a run has.
     */
    record Change(Indicator indicator, Period period, String geo, Breakdown breakdown, Kind kind,
                  Double before, Double after, Unit unit) {
    }

    /**
     * The run compared with: its id, when it completed and, when it covered another range (no run
     * covered this one), the periods both cover, to which the comparison keeps.
     */
    record Previous(long runId, String completed, PeriodRange range, PeriodRange shared) {
    }

    private ChangesSheet() {
    }

    static ReportSheet build(ReportContext context, IndicatorRepository indicators, ZoneId zone) {
        Messages m = context.messages();
        String range = m.periods().range(context.run().range());
        Previous previous = previousRun(context, zone);
        List<Change> changes = previous == null ? List.of()
                : compare(context, action -> indicators.forEachValue(previous.runId(), action), previous.shared());

        long[] counts = new long[Kind.values().length];
        Map<Kind, CellValue> kinds = new EnumMap<>(Kind.class);
        for (Change c : changes) {
            counts[c.kind().ordinal()]++;
            kinds.computeIfAbsent(c.kind(),
                    k -> CellValue.text(m.get("changes.kind." + k.name().toLowerCase(java.util.Locale.ROOT))));
        }
        // Rows are made as the renderer streams them, each distinct label, period and breakdown
        // spelled once. A reader reads the indicator and breakdown in words; the last two columns
        // spell them as the Data sheet does, to find the value there.
        Map<Object, CellValue> texts = new HashMap<>();
        Map<Breakdown, CellValue> words = new HashMap<>();
        Iterable<List<CellValue>> rows = () -> changes.stream().map(c -> {
            NumberStyle style = ReportBuilder.dataStyle(c.unit());
            return List.of(
                    texts.computeIfAbsent(c.indicator(), i -> CellValue.text(WideTables.label(m, c.indicator()))),
                    texts.computeIfAbsent(c.period(), p -> CellValue.text(p.toString())),
                    CellValue.text(c.geo()),
                    words.computeIfAbsent(c.breakdown(), b -> SummarySheet.inWords(context, b)),
                    kinds.get(c.kind()),
                    // no figure before a new value, nor after a gone one: not available, as the
                    // Summary says of a value it no longer has
                    c.kind() == Kind.NEW ? CellValue.NOT_AVAILABLE : CellValue.number(c.before(), style),
                    c.kind() == Kind.GONE ? CellValue.NOT_AVAILABLE : CellValue.number(c.after(), style),
                    texts.computeIfAbsent(c.unit(), u -> CellValue.text(m.unit(c.unit()))),
                    c.kind() != Kind.REVISED ? CellValue.NOT_APPLICABLE : CellValue.number(
                            Ratios.difference(c.after(), c.before()), style),
                    CellValue.text(c.indicator().id()),
                    texts.computeIfAbsent(c.breakdown(), b -> CellValue.text(b.toString())));
        }).iterator();
        String sentence;
        if (previous == null) {
            sentence = m.get("changes.no.previous", range);
        } else if (previous.shared() != null) {
            // The nightly range moves on the first of every month: the night before is then the
            // run to compare with, on the periods both cover.
            String theirs = m.periods().range(previous.range());
            String shared = m.periods().range(previous.shared());
            sentence = changes.isEmpty()
                    ? m.get("changes.nothing.overlap", range, Long.toString(previous.runId()), previous.completed(),
                            theirs, shared)
                    : m.get("changes.intro.overlap", range, Long.toString(previous.runId()), previous.completed(),
                            counted(m, counts), theirs, shared);
        } else if (changes.isEmpty()) {
            sentence = m.get("changes.nothing", m.periods().range(previous.range()), Long.toString(previous.runId()),
                    previous.completed());
        } else {
            sentence = m.get("changes.intro", m.periods().range(previous.range()), Long.toString(previous.runId()),
                    previous.completed(), counted(m, counts));
        }
        List<ReportColumn> cols = List.of(
                new ReportColumn(m.get("changes.col.indicator"), NumberStyle.TEXT),
                new ReportColumn(m.get("changes.col.period"), NumberStyle.TEXT),
                new ReportColumn(m.get("changes.col.geo"), NumberStyle.TEXT),
                new ReportColumn(m.get("changes.col.breakdown"), NumberStyle.TEXT),
                new ReportColumn(m.get("changes.col.change"), NumberStyle.TEXT),
                new ReportColumn(m.get("changes.col.before"), NumberStyle.PRECISE),
                new ReportColumn(m.get("changes.col.after"), NumberStyle.PRECISE),
                new ReportColumn(m.get("changes.col.unit"), NumberStyle.TEXT),
                // in points for a rate, as its heading says: a column of its own took the French
                // table past a printed page's width
                new ReportColumn(m.get("changes.col.difference"), NumberStyle.PRECISE),
                new ReportColumn(m.get("changes.col.id"), NumberStyle.TEXT),
                new ReportColumn(m.get("changes.col.breakdown_code"), NumberStyle.TEXT));
        // As many changes as two runs have values, when the input changed: past a sheet's rows
        // they go to a CSV file beside the workbook, as the Data sheet's do.
        return new ReportSheet(m.get("sheet.changes"), m.get("changes.title"),
                List.of(sentence, m.get("intro.shorthand")),
                new ReportTable("Changes", cols, rows,
                        new ReportTable.Overflow(changes.size(), m.get("data.overflow"))));
    }

    /**
     * How many values are new, gone and revised, naming only the kinds there are and in the number
     * they take: "4 values revised", "1 valeur nouvelle, 4 valeurs révisées" (not "0 new, 0 gone,
     * 4 revised", "0 nouvelle(s), 0 disparue(s), …").
     */
    static String counted(Messages m, long[] counts) {
        List<String> said = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            long n = counts[kind.ordinal()];
            if (n > 0) {
                String key = "changes.count." + kind.name().toLowerCase(java.util.Locale.ROOT);
                said.add(m.get(n == 1 ? key + ".one" : key + ".many", n)); // 1 234, grouped as the language does
            }
        }
        return String.join(", ", said);
    }

    /**
     * The run to compare with, among the completed runs of the same domains and levels other than
     * this one: the latest over the same range (the same months, however spelt: {@code 2024-Q1} to
     * {@code 2024-Q4} is {@code 2024-01} to {@code 2024-12}), a run of employment alone not making
     * every tourism value "gone", nor the next full run every one "new"; when none covered this
     * range, the latest whose range overlaps it (the previous night, when the nightly range has just
     * moved on), with the periods both cover; else {@code null}.
     */
    static Previous previousRun(ReportContext context, ZoneId zone) {
        var parameters = context.run().toJobParameters();
        PeriodRange mine = context.run().range();
        List<Previous> found = context.jdbc().query("""
                SELECT e.JOB_INSTANCE_ID, e.END_TIME, f.PARAMETER_VALUE, t.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                JOIN BATCH_JOB_EXECUTION_PARAMS f ON f.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND f.PARAMETER_NAME = 'from'
                JOIN BATCH_JOB_EXECUTION_PARAMS t ON t.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND t.PARAMETER_NAME = 'to'
                LEFT JOIN BATCH_JOB_EXECUTION_PARAMS o ON o.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                  AND o.PARAMETER_NAME = 'only'
                LEFT JOIN BATCH_JOB_EXECUTION_PARAMS g ON g.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                  AND g.PARAMETER_NAME = 'geo-levels'
                WHERE i.JOB_NAME = ? AND e.STATUS = 'COMPLETED' AND e.JOB_INSTANCE_ID <> ?
                  AND COALESCE(o.PARAMETER_VALUE, ?) = ? AND COALESCE(g.PARAMETER_VALUE, ?) = ?
                ORDER BY e.END_TIME DESC, e.JOB_EXECUTION_ID DESC""",
                // every run, not the latest hundred: a backfill of other years must not hide the night before
                (rs, i) -> {
                    PeriodRange theirs = new PeriodRange(Period.parse(rs.getString(3)), Period.parse(rs.getString(4)));
                    boolean same = theirs.firstMonth().equals(mine.firstMonth())
                            && theirs.lastMonth().equals(mine.lastMonth());
                    PeriodRange shared = same ? null : shared(mine, theirs);
                    if (!same && shared == null) {
                        return null;
                    }
                    Timestamp end = rs.getTimestamp(2);
                    return new Previous(rs.getLong(1), end == null ? ""
                            : context.messages().periods().moment(end.toLocalDateTime(), zone),
                            theirs, shared);
                },
                // a run stored without a parameter is read with its default, as RunParameters.of reads it
                ObservatoryJobConfiguration.JOB_NAME, context.runId(), RunParameters.storedDefault("only"),
                parameters.getString("only"), RunParameters.storedDefault("geo-levels"),
                parameters.getString("geo-levels"));
        List<Previous> overlapping = found.stream().filter(java.util.Objects::nonNull).toList();
        return overlapping.stream().filter(p -> p.shared() == null).findFirst()
                .orElse(overlapping.isEmpty() ? null : overlapping.get(0));
    }

    /**
     * The periods two ranges both cover, from the later start to the earlier end; {@code null} when
     * none. Said in months when its ends differ in kind: "2024 to 2024-06" would read as all of 2024.
     */
    static PeriodRange shared(PeriodRange a, PeriodRange b) {
        Period from = a.firstMonth().isBefore(b.firstMonth()) ? b.from() : a.from();
        Period to = a.lastMonth().isAfter(b.lastMonth()) ? b.to() : a.to();
        if (from.firstMonth().isAfter(to.lastMonth())) {
            return null;
        }
        return from.granularity() == to.granularity() ? new PeriodRange(from, to)
                : new PeriodRange(Period.month(from.firstMonth().getYear(), from.firstMonth().getMonthValue()),
                        Period.month(to.lastMonth().getYear(), to.lastMonth().getMonthValue()));
    }

    /**
     * This run's values, found by what a value is matched on between two runs: indicator, period,
     * place and breakdown. An open-addressing table of positions in the list, four bytes a slot,
     * where a map held an entry and a key for each value besides the previous run's values
     * themselves: with every figure of a 2 M-row run revised, the comparison now runs in a 224 MB
     * heap, where the map and the list needed more than 256 MB.
     */
    private static final class ValueIndex {
        private final List<IndicatorValue> values;
        private final int[] slots; // position + 1; 0 is an empty slot
        private final int mask;

        ValueIndex(List<IndicatorValue> values, Predicate<IndicatorValue> compared) {
            this.values = values;
            int capacity = Integer.highestOneBit(Math.max(4, values.size() * 2 - 1)) << 1;
            this.slots = new int[capacity];
            this.mask = capacity - 1;
            for (int i = 0; i < values.size(); i++) {
                IndicatorValue v = values.get(i);
                if (compared.test(v)) {
                    int s = hash(v) & mask;
                    while (slots[s] != 0) {
                        s = (s + 1) & mask;
                    }
                    slots[s] = i + 1;
                }
            }
        }

        /** The position of this run's value matched on {@code v}'s key, or -1. */
        int find(IndicatorValue v) {
            for (int s = hash(v) & mask; slots[s] != 0; s = (s + 1) & mask) {
                IndicatorValue mine = values.get(slots[s] - 1);
                if (mine.indicator() == v.indicator() && mine.period().equals(v.period())
                        && mine.geo().equals(v.geo()) && mine.breakdown().equals(v.breakdown())) {
                    return slots[s] - 1;
                }
            }
            return -1;
        }

        private static int hash(IndicatorValue v) {
            int h = ((v.indicator().ordinal() * 31 + v.period().hashCode()) * 31 + v.geo().hashCode()) * 31
                    + v.breakdown().hashCode();
            return h ^ (h >>> 16) ^ (h >>> 7);
        }
    }

    /** An indicator at a period, which a run reports or not. */
    private record Reported(Indicator indicator, Period period) {
    }

    /**
     * The values of the run compared with, handed over one at a time rather than as a list: a run
     * at commune grain has close to a million, and this run's are in memory already.
     */
    @FunctionalInterface
    interface PreviousValues {
        void forEach(Consumer<IndicatorValue> action);
    }

    /**
     * The values of this run against those of the previous one, in the order of the Indicators table.
     * With ranges that differ, a period both cover is compared, and so is the period running on past
     * the end of the months both cover, when this run's range ends later and both runs report the
     * indicator for it: the jobs moved out in 2026, which the night that reaches 15 November takes
     * from 0 to 300, but not the annual figures the first range to cover all of 2026 adds, nor a year
     * whose first months a later start leaves out (its figures would shrink with no input changed).
     *
     * @param shared the months both runs cover; {@code null}: the same range
     */
    static List<Change> compare(ReportContext context, PreviousValues previousValues, PeriodRange shared) {
        boolean movedOn = shared != null && context.run().range().lastMonth().isAfter(shared.lastMonth());
        Predicate<IndicatorValue> withinBoth = v -> shared == null || shared.contains(v.period());
        Predicate<IndicatorValue> runningOn = v -> movedOn && runsOnPast(shared, v.period());
        List<IndicatorValue> now = context.values();
        Set<Reported> reportedNow = new HashSet<>();
        for (IndicatorValue v : now) {
            if (runningOn.test(v)) {
                reportedNow.add(new Reported(v.indicator(), v.period()));
            }
        }
        // A value running on past the months both cover is compared only where both runs report its
        // indicator for that period; which the earlier run reports is known once it has been read.
        ValueIndex index = new ValueIndex(now, withinBoth.or(runningOn));
        BitSet matched = new BitSet(now.size());
        Set<Reported> reportedBefore = new HashSet<>();
        List<Change> changes = new ArrayList<>();
        // A value kept not available (a target awaiting its year's figure) is no figure: one that
        // comes in its place is new, and one that becomes not available is gone, not "revised".
        previousValues.forEach(old -> {
            if (!withinBoth.test(old)) {
                if (!runningOn.test(old)) {
                    return;
                }
                Reported reported = new Reported(old.indicator(), old.period());
                reportedBefore.add(reported);
                if (!reportedNow.contains(reported)) {
                    return;
                }
            }
            int i = index.find(old);
            if (i >= 0 && matched.get(i)) {
                return; // a key stored twice is compared once
            }
            if (i < 0) {
                if (old.value() != null) {
                    changes.add(new Change(old.indicator(), old.period(), old.geo(), old.breakdown(), Kind.GONE,
                            old.value(), null, old.unit()));
                }
                return;
            }
            matched.set(i);
            IndicatorValue v = now.get(i);
            Kind kind = kind(old.value(), v.value());
            if (kind != null) {
                changes.add(new Change(v.indicator(), v.period(), v.geo(), v.breakdown(), kind, old.value(), v.value(),
                        v.unit()));
            }
        });
        for (int i = matched.nextClearBit(0); i < now.size(); i = matched.nextClearBit(i + 1)) {
            IndicatorValue v = now.get(i);
            boolean compared = withinBoth.test(v)
                    || runningOn.test(v) && reportedBefore.contains(new Reported(v.indicator(), v.period()));
            if (compared && v.value() != null) {
                changes.add(new Change(v.indicator(), v.period(), v.geo(), v.breakdown(), Kind.NEW, null, v.value(),
                        v.unit()));
            }
        }
        Map<Breakdown, String> spelled = new HashMap<>();
        changes.sort(Comparator.comparingInt((Change c) -> c.indicator().ordinal())
                .thenComparing(Change::period)
                .thenComparingInt(c -> context.geo().order(c.geo()))
                .thenComparing(Change::geo)
                .thenComparing(c -> spelled.computeIfAbsent(c.breakdown(), Breakdown::toString)));
        return changes;
    }

    /** What became of a figure from one run to the next; {@code null}: the same figure, or none in either. */
    private static Kind kind(Double was, Double is) {
        if (was == null) {
            return is == null ? null : Kind.NEW;
        }
        if (is == null) {
            return Kind.GONE;
        }
        return same(was, is) ? null : Kind.REVISED;
    }

    /** A period starting inside the range and ending after it. */
    private static boolean runsOnPast(PeriodRange range, Period p) {
        return !p.firstMonth().isBefore(range.firstMonth()) && !p.firstMonth().isAfter(range.lastMonth())
                && p.lastMonth().isAfter(range.lastMonth());
    }

    static boolean same(Double a, Double b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a.isNaN() || b.isNaN()) {
            return a.isNaN() && b.isNaN();
        }
        return Math.abs(a - b) <= SAME * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }
}

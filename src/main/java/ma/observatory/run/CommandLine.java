package ma.observatory.run;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.scheduling.support.CronExpression;

import ma.observatory.job.RunParameters;
import ma.observatory.period.Period;
import ma.observatory.period.PeriodRange;

/**
 * The command line, checked before Spring starts so that a typo gets a plain sentence and exit
 * code 2 in a fraction of a second. Every option becomes the Spring property
 * {@code observatory.<name>}, so it can also be set in {@code application.properties} or the
 * environment.
 */
public final class CommandLine {

    static final Set<String> VALUE_OPTIONS = Set.of("from", "to", "input-dir", "output-dir", "db", "lang",
            "max-reject-rate", "schedule-cron", "zone", "only", "geo-levels");
    static final Set<String> FLAGS = Set.of("restart", "list-runs", "schedule", "help");
    /** The operator's settings that are not options of the command line. */
    static final Set<String> SETTINGS = Set.of("db-server-port", "db-min-free-mb", "stop-timeout", "db-user",
            "db-password");
    /** What the program is asked to do besides one run; at most one of them. */
    static final List<String> ACTIONS = List.of("restart", "list-runs", "schedule");
    /** The origin of a default: {@link #settingOrigin} of a value nobody set. */
    public static final String INSIDE_THE_JAR = "the application.properties inside the jar";
    /** Options a restart takes from the run it resumes: given with --restart, they must agree with it. */
    static final List<String> FIXED_BY_RESTART = List.of("input-dir", "output-dir", "lang", "only",
            "max-reject-rate", "geo-levels");

    private final Map<String, String> options;

    private CommandLine(Map<String, String> options) {
        this.options = options;
    }

    /** @throws BadCommandLineException with the sentence to show */
    public static CommandLine parse(String[] args) {
        return parse(args, System::getenv);
    }

    /**
     * The environment variable Spring reads an option from when the command line does not give it:
     * {@code --max-reject-rate} from {@code OBSERVATORY_MAX_REJECT_RATE}.
     */
    static String environmentVariable(String option) {
        return "OBSERVATORY_" + option.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /**
     * @param environment the process's environment variables by name (a map in tests)
     * @throws BadCommandLineException with the sentence to show
     */
    static CommandLine parse(String[] args, java.util.function.Function<String, String> environment) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new BadCommandLineException("'" + arg + "' is not an option: options look like --from=2024-01 (see --help).");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            if (name.toLowerCase(java.util.Locale.ROOT).startsWith("observatory.")) {
                validateSettingNames(List.of(name), true, n -> null);
                String option = name.substring("observatory.".length());
                if (VALUE_OPTIONS.contains(option)) {
                    // --observatory.only=x is --only=x: the same checks, and the run is as ad hoc
                    name = option;
                }
            }
            if (name.startsWith("spring.") || name.startsWith("logging.") || name.startsWith("observatory.")) {
                options.put(name, eq < 0 ? "true" : body.substring(eq + 1));
                continue;
            }
            if (FLAGS.contains(name)) {
                if (eq >= 0) {
                    throw new BadCommandLineException("--" + name + " takes no value.");
                }
                options.put(name, "true");
            } else if (VALUE_OPTIONS.contains(name)) {
                if (eq < 0 || body.substring(eq + 1).isBlank()) {
                    throw new BadCommandLineException("--" + name + " needs a value, e.g. --" + name + "=" + example(name) + ".");
                }
                options.put(name, body.substring(eq + 1).strip());
            } else {
                throw new BadCommandLineException("--" + name + " is not an option of this program (see --help).");
            }
        }
        CommandLine line = new CommandLine(options);
        line.validate();
        validateEnvironment(options, environment);
        return line;
    }

    /**
     * Checks the options the environment sets (and the command line does not) as the command
     * line's are checked: Spring would take them as they are, and a wrong one would stop the run
     * half-way or, worse, let it go on. The range is the command line's only.
     */
    private static void validateEnvironment(Map<String, String> given,
                                            java.util.function.Function<String, String> environment) {
        Map<String, String> set = new LinkedHashMap<>();
        for (String option : VALUE_OPTIONS) {
            String value = environment.apply(environmentVariable(option));
            if (!option.equals("from") && !option.equals("to") && !given.containsKey(option) && value != null) {
                if (value.isBlank()) {
                    // Spring would take "": a workbook in the current folder, no level reported
                    String variable = environmentVariable(option);
                    throw new BadCommandLineException("In the environment: " + variable + " is set but empty: give"
                            + " it a value (e.g. " + variable + "=" + example(option) + ") or unset it.");
                }
                set.put(option, value.strip());
            }
        }
        try {
            new CommandLine(set).validate();
        } catch (BadCommandLineException e) {
            throw new BadCommandLineException("In the environment (" + String.join(", ", set.keySet().stream()
                    .map(CommandLine::environmentVariable).toList()) + "): " + e.getMessage());
        }
    }

    /**
     * Checks the options as Spring resolved them ({@code observatory.<option>}), whatever set them:
     * an {@code application.properties} beside the jar is read only by Spring, after the command
     * line and the environment were checked, and a wrong value there would stop the run half-way.
     *
     * @param property the resolved value of a Spring property, or null
     * @throws BadCommandLineException with the sentence to show
     */
    public static void validateConfiguration(java.util.function.Function<String, String> property) {
        validateConfiguration(property, name -> null);
    }

    /**
     * As {@link #validateConfiguration(java.util.function.Function)}, naming the file (or other
     * source) that set the wrong value: a machine may have several {@code application.properties}.
     *
     * @param origin where a property's value comes from, in words ({@code config/application.properties}),
     *               or null when not known
     */
    public static void validateConfiguration(java.util.function.Function<String, String> property,
                                             java.util.function.Function<String, String> origin) {
        java.util.function.Function<String, String> in = name -> "In the configuration ("
                + Objects.requireNonNullElse(origin.apply(name), "application.properties") + "): ";
        Map<String, String> set = new LinkedHashMap<>();
        for (String option : VALUE_OPTIONS) {
            String value = property.apply("observatory." + option);
            if (option.equals("from") || option.equals("to") || value == null) {
                continue;
            }
            if (value.isBlank()) {
                // the environment's empty variables were refused before Spring started: a file set it
                throw new BadCommandLineException(in.apply("observatory." + option) + "observatory." + option
                        + " is empty: give it a value (e.g. observatory." + option + "=" + example(option)
                        + ") or remove the line.");
            }
            if (!value.equals(value.strip())) {
                // Spring hands the value on as it is: "en " would be no language at all.
                throw new BadCommandLineException(in.apply("observatory." + option)
                        + "observatory." + option + "='" + value + "' has spaces around its value: remove them.");
            }
            set.put(option, value);
        }
        try {
            new CommandLine(set).validate();
        } catch (BadCommandLineException e) {
            // the setting at fault, for its file: the one that on its own is refused with the very
            // sentence (the options are checked in the order validate() gives, not the set's)
            String culprit = set.keySet().stream().sorted().filter(option -> {
                try {
                    new CommandLine(Map.of(option, set.get(option))).validate();
                    return false;
                } catch (BadCommandLineException wrong) {
                    return wrong.getMessage().equals(e.getMessage());
                }
            }).findFirst().orElse(set.keySet().stream().sorted().findFirst().orElseThrow());
            throw new BadCommandLineException(in.apply("observatory." + culprit) + e.getMessage());
        }
        // The operator's settings that are not options: read only by the beans that use them, too late.
        String port = property.apply("observatory.db-server-port");
        if (port != null && !inRange(port, 1, 65535)) {
            throw new BadCommandLineException(in.apply("observatory.db-server-port")
                    + "observatory.db-server-port must be a port number"
                    + " from 1 to 65535, not '" + port + "'.");
        }
        String minFree = property.apply("observatory.db-min-free-mb");
        if (minFree != null && !inRange(minFree, 0, Long.MAX_VALUE / (1024 * 1024))) {
            throw new BadCommandLineException(in.apply("observatory.db-min-free-mb")
                    + "observatory.db-min-free-mb must be a number of"
                    + " megabytes, 0 or more, not '" + minFree + "'.");
        }
        String stopTimeout = property.apply("observatory.stop-timeout");
        if (stopTimeout != null && !isDuration(stopTimeout)) {
            throw new BadCommandLineException(in.apply("observatory.stop-timeout")
                    + "observatory.stop-timeout must be a duration such"
                    + " as 60s or 2m, not '" + stopTimeout + "'.");
        }
    }

    /**
     * Refuses an {@code observatory.*} setting the program does not know: Spring would ignore it, and
     * {@code observatory.max-reject-rat=0.05} would leave the limit at its default without a word.
     *
     * @param names every property name the configuration sets (files, system properties, the
     *              command line's {@code --observatory.*})
     * @throws BadCommandLineException naming the first unknown setting, and the nearest known one
     */
    public static void validateSettingNames(Iterable<String> names) {
        validateSettingNames(names, name -> null);
    }

    /**
     * Where the value Spring uses for a property comes from, as the operator would look for it: the
     * file's path ({@code config/application.properties}), or null when the source has no file.
     */
    public static String settingOrigin(org.springframework.core.env.ConfigurableEnvironment environment, String name) {
        for (org.springframework.core.env.PropertySource<?> source : environment.getPropertySources()) {
            // Spring's view of every source at once comes first: the sources behind it are asked
            if (!source.getName().equals("configurationProperties") && source.containsProperty(name)) {
                String description = source.getName();
                // "Config resource 'file [config/application.properties]' via location 'optional:file:./config/'"
                int file = description.indexOf("file [");
                if (file >= 0 && description.indexOf(']', file) > 0) {
                    return description.substring(file + "file [".length(), description.indexOf(']', file));
                }
                if (description.contains("class path resource")) {
                    return INSIDE_THE_JAR;
                }
                return switch (description) {
                    case "systemProperties" -> "a -D option given to java";
                    case "systemEnvironment" -> "the environment";
                    case "spring.application.json" -> "SPRING_APPLICATION_JSON";
                    default -> null;
                };
            }
        }
        return null;
    }

    /**
     * As {@link #validateSettingNames(Iterable)}, naming the file that gave the name.
     *
     * @param origin where a property comes from, in words ({@code config/application.properties}), or null
     */
    public static void validateSettingNames(Iterable<String> names, java.util.function.Function<String, String> origin) {
        validateSettingNames(names, false, origin);
    }

    /** As {@link #validateSettingNames(Iterable)}, saying where the name was given. */
    private static void validateSettingNames(Iterable<String> names, boolean commandLine,
                                             java.util.function.Function<String, String> origin) {
        for (String name : names) {
            String file = commandLine ? null : origin.apply(name);
            String where = commandLine ? "On the command line: --" + name
                    : "In the configuration" + (file == null ? "" : " (" + file + ")") + ": " + name;
            String setting;
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("observatory.")) {
                setting = lower.substring("observatory.".length());
            } else if (name.startsWith("OBSERVATORY_")) { // an environment variable: OBSERVATORY_MAX_REJECT_RATE
                setting = lower.substring("observatory_".length()).replace('_', '-');
            } else {
                continue;
            }
            if (setting.equals("from") || setting.equals("to")) {
                throw new BadCommandLineException(commandLine
                        ? where + " is not an option: give the range with --" + setting + "."
                        : where + " would be ignored: the range is given on the command line only (--from, --to);"
                                + " without them a run covers the nightly window.");
            }
            if (FLAGS.contains(setting)) {
                throw new BadCommandLineException(where + " is not a setting but something the program is asked to"
                        + " do: give --" + setting + (commandLine ? " instead." : " on the command line instead."));
            }
            if (VALUE_OPTIONS.contains(setting) || SETTINGS.contains(setting)) {
                continue;
            }
            String nearest = null;
            int best = 4;
            for (String known : allSettings()) {
                int d = editDistance(setting, known);
                if (d < best) {
                    best = d;
                    nearest = known;
                }
            }
            // suggested as it was written: a variable for a variable (OBSERVATORY_LNAG: OBSERVATORY_LANG)
            String suggested = nearest == null ? null : name.startsWith("OBSERVATORY_")
                    ? "OBSERVATORY_" + nearest.toUpperCase(java.util.Locale.ROOT).replace('-', '_')
                    : (!commandLine ? "observatory." : VALUE_OPTIONS.contains(nearest) ? "--" : "--observatory.") + nearest;
            throw new BadCommandLineException(where + " is not a setting of this program, so it would be ignored"
                    + (suggested == null ? "" : " (did you mean " + suggested + "?)")
                    + ". Correct or remove it; the settings are " + String.join(", ", allSettings()) + ".");
        }
    }

    private static List<String> allSettings() {
        List<String> all = new ArrayList<>(VALUE_OPTIONS);
        all.removeAll(List.of("from", "to"));
        all.addAll(SETTINGS);
        all.sort(null);
        return all;
    }

    /** Levenshtein distance: the fewest one-letter insertions, deletions or substitutions from a to b. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static boolean inRange(String number, long min, long max) {
        try {
            long n = Long.parseLong(number);
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** As Spring reads a {@code Duration}: a number of milliseconds, {@code 60s}, {@code 2m}, or ISO-8601. */
    private static boolean isDuration(String text) {
        try {
            org.springframework.boot.convert.DurationStyle.detectAndParse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String example(String name) {
        return switch (name) {
            case "from" -> "2023-01";
            case "to" -> "2025-12";
            case "lang" -> "en";
            case "only" -> "employment,tourism";
            case "geo-levels" -> "country,region";
            case "max-reject-rate" -> "0.05";
            case "input-dir" -> "data";
            case "output-dir" -> "reports";
            case "db" -> "var/observatory-db";
            case "zone" -> "Africa/Casablanca";
            case "schedule-cron" -> "\"0 0 2 * * *\"";
            default -> "...";
        };
    }

    private void validate() {
        for (String option : VALUE_OPTIONS) {
            // The command line refuses these as it reads them; a setting or variable left empty
            // would reach Spring as "" (a workbook in the current folder, no level reported).
            String value = options.get(option);
            if (value != null && value.isBlank()) {
                throw new BadCommandLineException("--" + option + " needs a value, e.g. --" + option + "="
                        + example(option) + ".");
            }
        }
        for (String list : List.of("only", "geo-levels")) {
            String value = options.get(list);
            if (value != null && java.util.Arrays.stream(value.split(",", -1)).anyMatch(String::isBlank)) {
                throw new BadCommandLineException("--" + list + "=" + value + " has an empty name in its list:"
                        + " write names joined by commas, e.g. --" + list + "=" + example(list) + ".");
            }
        }
        List<String> actions = ACTIONS.stream().filter(options::containsKey).toList();
        if (actions.size() > 1) {
            throw new BadCommandLineException("--" + actions.get(0) + " and --" + actions.get(1)
                    + " cannot be combined: give one of them.");
        }
        if (has("schedule") && (options.containsKey("from") || options.containsKey("to"))) {
            throw new BadCommandLineException("--schedule always runs the nightly window: leave out --from and --to"
                    + " (run a chosen range as a separate command, even while the scheduler is up).");
        }
        String cron = options.get("schedule-cron");
        if (cron != null && !CronExpression.isValidExpression(cron)) {
            throw new BadCommandLineException("--schedule-cron='" + cron + "' is not a cron expression: six fields,"
                    + " seconds first, e.g. --schedule-cron=\"0 0 2 * * *\" for 02:00 every night.");
        }
        if (cron != null && CronExpression.parse(cron).next(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)) == null) {
            // a date that never comes (30 February): the scheduler would stay up and never run
            throw new BadCommandLineException("--schedule-cron='" + cron + "' never fires (a date that does not exist,"
                    + " such as 30 February): e.g. --schedule-cron=\"0 0 2 * * *\" for 02:00 every night.");
        }
        String zone = options.get("zone");
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new BadCommandLineException("--zone=" + zone + " is not a time zone: write e.g. Africa/Casablanca or UTC.");
            }
        }
        if (options.containsKey("from")) {
            period("from");
        }
        if (options.containsKey("to")) {
            period("to");
        }
        if (options.containsKey("from") && options.containsKey("to")) {
            try {
                new PeriodRange(period("from"), period("to"));
            } catch (IllegalArgumentException e) {
                throw new BadCommandLineException("--from=" + options.get("from") + " comes after --to=" + options.get("to") + ".");
            }
        }
        for (String folder : List.of("input-dir", "output-dir", "db", "logging.file.name")) {
            if (options.containsKey(folder)) {
                try {
                    Path.of(options.get(folder));
                } catch (java.nio.file.InvalidPathException e) {
                    throw new BadCommandLineException(unusablePath(options.get(folder)));
                }
            }
        }
        String db = options.get("db");
        if (db != null) {
            // HSQLDB reads ';' in its URL as the start of a setting, and a name ending in '/' as a
            // folder's files named only by their extension (.script, .log).
            if (db.indexOf(';') >= 0) {
                throw new BadCommandLineException("--db=" + db + " contains ';', which the database cannot take in"
                        + " its path: choose a path without it.");
            }
            Path last = Path.of(db).getFileName();
            // x/.. names a folder even when x does not exist: the files would be made beside it, after it
            boolean namesAFolder = last == null || last.toString().equals(".") || last.toString().equals("..");
            if (namesAFolder || db.endsWith("/") || db.endsWith(java.io.File.separator)
                    || java.nio.file.Files.isDirectory(Path.of(db))) {
                throw new BadCommandLineException("--db=" + db + " is a folder: --db names the database's files without"
                        + " their extension, e.g. --db=" + inFolder(db, "observatory-db") + " (its files are then"
                        + " observatory-db.script, .log, …).");
            }
        }
        String lang = options.get("lang");
        if (lang != null && !lang.equals("fr") && !lang.equals("en")) {
            throw new BadCommandLineException("--lang must be fr or en, not '" + lang + "'.");
        }
        String rate = options.get("max-reject-rate");
        if (rate != null) {
            try {
                double r = Double.parseDouble(rate);
                if (!(r >= 0 && r <= 1)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new BadCommandLineException("--max-reject-rate must be a share between 0 and 1 (0.01 = 1 %), not '" + rate + "'.");
            }
        }
        String only = options.get("only");
        if (only != null) {
            for (String d : only.split(",")) {
                if (!RunParameters.ALL_DOMAINS.contains(d.strip())) {
                    throw new BadCommandLineException("--only takes employment, outsourcing and/or tourism, not '" + d.strip() + "'.");
                }
            }
        }
    }

    /**
     * The sentence for a path Java cannot form. It names files in the encoding of the locale it
     * starts in: under cron, with no LANG, that is ASCII, and a path with "é" cannot be formed.
     */
    public static String unusablePath(String path) {
        String lang = System.getenv("LANG");
        return "The path '" + path + "' cannot be used: with the language settings this program was started with ("
                + (lang == null ? "no LANG" : "LANG=" + lang) + "), file names may hold only plain ASCII letters."
                + " Start it with LANG=C.UTF-8 (in a crontab, a line LANG=C.UTF-8 above the job), or use a path"
                + " without accented letters. Nothing was started.";
    }

    private static String inFolder(String folder, String name) {
        String f = folder;
        while (f.endsWith("/") || f.endsWith(java.io.File.separator)) {
            f = f.substring(0, f.length() - 1);
        }
        return f + "/" + name;
    }

    private Period period(String name) {
        try {
            return Period.parse(options.get(name));
        } catch (IllegalArgumentException e) {
            throw new BadCommandLineException("--" + name + "=" + options.get(name)
                    + " is not a period: write YYYY, YYYY-Qn or YYYY-MM (e.g. 2024, 2024-Q3, 2024-07).");
        }
    }

    /** The value given for an option, or null. */
    public String value(String option) {
        return options.get(option);
    }

    public boolean has(String flag) {
        return options.containsKey(flag);
    }

    /** The options as Spring properties: {@code --db=x} becomes {@code observatory.db=x}. */
    public Map<String, Object> springProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            if (k.contains(".")) {
                props.put(k, v);
            } else if (VALUE_OPTIONS.contains(k)) {
                props.put("observatory." + k, v);
            }
        });
        if (has("schedule")) {
            // the database is then served to the command-line runs started beside the scheduler
            props.put("observatory.schedule", "true");
        }
        return props;
    }

    /** The range asked for, or the nightly window ending last month. */
    public PeriodRange range(YearMonth now) {
        PeriodRange window = PeriodRange.nightlyWindow(now);
        Period from = options.containsKey("from") ? period("from") : window.from();
        Period to = options.containsKey("to") ? period("to") : window.to();
        try {
            return new PeriodRange(from, to);
        } catch (IllegalArgumentException e) {
            throw new BadCommandLineException("the range " + from + " to " + to + " is empty: give both --from and --to.");
        }
    }

    public static List<String> usage() {
        List<String> lines = new ArrayList<>();
        lines.add("Usage: java -jar target/labour-observatory.jar [options]");
        lines.add("  --from=YYYY|YYYY-Qn|YYYY-MM --to=...   range (default: January five years ago to last month)");
        lines.add("  --input-dir=data  --output-dir=reports  --db=var/observatory-db");
        lines.add("  --lang=fr|en  --only=employment,outsourcing,tourism  --max-reject-rate=0.01");
        lines.add("  --geo-levels=country,region   levels of reference/geo.csv the workbook reports");
        lines.add("  --zone=Africa/Casablanca      time zone of the default range and of the times shown");
        lines.add("  --restart      resume the last failed or stopped run (--from/--to: of that range)");
        lines.add("  --list-runs    the recent runs: id, range, status, start, duration, rows, workbook");
        lines.add("  --schedule     stay up and run the nightly window at --schedule-cron=\"0 0 2 * * *\"");
        lines.add("                 (the default) in --zone; command-line runs share its database");
        lines.add("  --help         this text");
        lines.add("A run of the default range with none of --only, --lang, --geo-levels given here refreshes");
        lines.add("  labour-market-report_latest.xlsx. The workbook's name ends with the domains of --only, the");
        lines.add("  levels other than country,region and the language other than fr (…_employment_en.xlsx).");
        lines.add("Exit codes: 0 done; 1 the run failed (--restart resumes it, unless its last line says there");
        lines.add("  is nothing to resume); 2 bad command line or configuration, an unusable folder, a database");
        lines.add("  password refused, or a scheduler of an older version serving the database; 3 input contract");
        lines.add("  broken; 4 another run is in the way (same range running, database held, or the scheduler");
        lines.add("  still starting); 5 --restart refused (nothing to resume, or an input file changed since);");
        lines.add("  143 stopped by SIGTERM, 130 by Ctrl-C (--restart resumes a run it stopped; its last line says");
        lines.add("  when there is none). Every case: the exit-code tables of the README.");
        return lines;
    }

    public static final class BadCommandLineException extends RuntimeException {
        public BadCommandLineException(String message) {
            super(message);
        }
    }
}

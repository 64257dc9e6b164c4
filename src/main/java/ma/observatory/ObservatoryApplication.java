package ma.observatory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

import ma.observatory.run.CommandLine;
import ma.observatory.run.CompilerHints;
import ma.observatory.run.CommandLine.BadCommandLineException;
import ma.observatory.run.DatabaseAccess;
import ma.observatory.run.DatabaseAccess.DatabaseBusyException;
import ma.observatory.run.DatabaseAccess.DatabaseException;
import ma.observatory.run.EarlyStop;
import ma.observatory.run.ExitCodes;
import ma.observatory.run.HeapAdvice;
import ma.observatory.run.NoDatabaseYet;
import ma.observatory.run.RunLauncher;

/** Command line → job parameters → exit code. */
@SpringBootApplication(proxyBeanMethods = false)
public class ObservatoryApplication {

    /** A logger outside the console's tree: the details go to the log file, the console gets one sentence. */
    private static final String FILE_ONLY = "exit";

    /**
     * Said when the heap runs out, and made before: once it has run out, building the sentence may
     * fail in turn, leaving a bare "OutOfMemoryError thrown from the UncaughtExceptionHandler".
     */
    private static final String OUT_OF_MEMORY = outOfMemorySentence();

    /** What Spring reads beside application.properties: application.yml or .xml, application-prod.properties. */
    private static final java.util.regex.Pattern OTHER_SETTINGS_FILE =
            java.util.regex.Pattern.compile("application(-[^.]+\\.(properties|xml)|(-[^.]+)?\\.(ya?ml|xml))");
    /** Any file of settings, in a folder under config/, which Spring reads too. */
    private static final java.util.regex.Pattern ANY_SETTINGS_FILE =
            java.util.regex.Pattern.compile("application(-[^.]+)?\\.(properties|ya?ml|xml)");

    private static String outOfMemorySentence() {
        return "The program ran out of memory (it may use " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB):"
                + " nothing new was written. Give it more with -Xmx, e.g. " + HeapAdvice.moreMemory()
                + ", then run again (--restart resumes a run that had started).";
    }

    /** Memory set aside, and let go when the heap runs out, so that the sentence can still be said. */
    private static byte[] reserve;

    public static void main(String[] args) {
        reserve = new byte[256 * 1024];
        EarlyStop.install();
        CompilerHints.addInBackground();
        int code;
        try {
            code = run(args);
        } catch (NoClassDefFoundError e) {
            // The jar names its libraries in lib/ beside it (README, "Set up"): a jar copied alone
            // would otherwise end in a stack trace.
            System.err.println("The program's libraries are missing: copy the lib folder the build made"
                    + " (target/lib) beside labour-observatory.jar, then run again. (" + e.getMessage()
                    + " not found)");
            code = ExitCodes.RUN_FAILED;
        } catch (java.nio.file.InvalidPathException e) {
            // a path the checks of the command line did not see (the folder it was started in)
            System.err.println(CommandLine.unusablePath(e.getInput()));
            code = ExitCodes.BAD_COMMAND_LINE;
        } catch (OutOfMemoryError e) {
            reserve = null;
            EarlyStop.exiting(); // the program failed on its own: no stop to report
            System.err.println(OUT_OF_MEMORY);
            code = ExitCodes.RUN_FAILED;
        } catch (RuntimeException | Error e) {
            EarlyStop.exiting(); // the program fails on its own: no stop to report
            throw e;
        }
        EarlyStop.exiting();
        System.exit(code);
    }

    /**
     * Runs the program as the command line asks and returns the process exit code. With
     * {@code --schedule} it returns only once the program is asked to stop (SIGTERM, Ctrl-C).
     */
    public static int run(String... args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (BadCommandLineException e) {
            System.err.println(e.getMessage());
            return ExitCodes.BAD_COMMAND_LINE;
        }
        if (commandLine.has("help")) {
            CommandLine.usage().forEach(System.out::println);
            return ExitCodes.OK;
        }
        List<String> springArgs = new ArrayList<>();
        commandLine.springProperties().forEach((k, v) -> springArgs.add("--" + k + "=" + v));
        String here = System.getProperty("user.dir");
        if (here != null && !Files.isDirectory(Path.of(here))) {
            // the folder it was started in has a name Java could not decode (accents, no UTF-8 LANG):
            // every relative path (data, reports, var) would miss
            System.err.println(CommandLine.unusablePath(here));
            return ExitCodes.BAD_COMMAND_LINE;
        }
        Path db = databasePath(commandLine);
        String wrongFolder = wrongStartFolder(commandLine, db);
        if (wrongFolder != null) {
            System.err.println(wrongFolder);
            return ExitCodes.INPUT_CONTRACT;
        }
        // nothing to resume or list where there is no database: said before its folder or a log is made
        boolean early = db != null && (commandLine.has("restart") || commandLine.has("list-runs"))
                && settledBeforeSpring(commandLine);
        String noHistory = early && commandLine.has("restart") ? NoDatabaseYet.restartRefusal(db) : null;
        if (noHistory != null) {
            System.err.println(noHistory);
            return ExitCodes.RESTART_REFUSED;
        }
        String noRuns = early && commandLine.has("list-runs") ? NoDatabaseYet.noRunsYet(db) : null;
        if (noRuns != null) {
            System.out.println(noRuns);
            return ExitCodes.OK;
        }
        // a path whose ${...} this check cannot resolve is left to Spring, which says what it lacks
        String log = logFile(commandLine);
        String unwritableLog = log.contains("${") ? null : unwritableLog(Path.of(log));
        if (unwritableLog != null) {
            System.err.println(unwritableLog);
            return ExitCodes.BAD_COMMAND_LINE;
        }
        // --list-runs only reads: a mistyped --db must not leave a folder behind
        String unusable = commandLine.has("list-runs") || db == null ? null : unusableDatabaseFolder(db);
        if (unusable != null) {
            System.err.println(unusable);
            return ExitCodes.BAD_COMMAND_LINE;
        }
        ConfigurableApplicationContext context;
        try {
            SpringApplication application = new SpringApplication(ObservatoryApplication.class);
            // Checked once Spring has read every source (an application.properties beside the jar
            // included), before any bean uses them: a wrong value would otherwise stop a run half-way.
            application.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
                ConfigurableEnvironment environment = event.getEnvironment();
                CommandLine.validateSettingNames(settingNames(environment),
                        name -> CommandLine.settingOrigin(environment, name));
                CommandLine.validateConfiguration(environment::getProperty,
                        name -> CommandLine.settingOrigin(environment, name));
                Path database = Path.of(event.getEnvironment().getProperty("observatory.db", "var/observatory-db"));
                if (commandLine.has("list-runs")) {
                    NoDatabaseYet.check(database);
                } else if (commandLine.has("restart")) {
                    NoDatabaseYet.checkRestart(database);
                } else if (!commandLine.has("schedule")) {
                    // the wrong-folder check, where settings are read only by Spring: before a database is made
                    NoDatabaseYet.checkWhereStarted(database,
                            Path.of(environment.getProperty("observatory.input-dir", "data")));
                }
            });
            context = application.run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            String none = NoDatabaseYet.sentence(e);
            if (none != null) {
                int code = NoDatabaseYet.exitCode(e);
                (code == ExitCodes.OK ? System.out : System.err).println(none);
                return code;
            }
            return startFailure(e, logFile(commandLine), db);
        }
        // kept apart from the context, which is closed by the time a failure is handled below
        DatabaseAccess database = context.getBean(DatabaseAccess.class);
        try (context) {
            return context.getBean(RunLauncher.class).execute(commandLine);
        } catch (BadCommandLineException e) {
            // said after the context has closed: a stop as it closed has said its notice, and that is all
            if (EarlyStop.spokenFor()) {
                System.err.println(e.getMessage());
            }
            return ExitCodes.BAD_COMMAND_LINE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.RUN_FAILED;
        } catch (Exception e) {
            // The stop's notice says what happened and the JVM ends in 143. Not logged: the stop has
            // closed the logging, whose complaint of no appenders would reach the console.
            if (EarlyStop.failureIsTheStop()) {
                return ExitCodes.RUN_FAILED;
            }
            LoggerFactory.getLogger(FILE_ONLY).error("The job could not run", e);
            if (ExitCodes.outOfMemory(e)) {
                System.err.println(OUT_OF_MEMORY);
                return ExitCodes.RUN_FAILED;
            }
            String gone = database.schedulerGone("The program", e, "run the same command again");
            if (EarlyStop.spokenFor()) { // else a stop's notice, come first, has said it
                System.err.println(gone != null ? gone : "The job could not run (" + ExitCodes.rootMessage(e)
                        + "): see " + logFile(commandLine) + ".");
            }
            return ExitCodes.RUN_FAILED;
        }
    }

    /**
     * Every property name set by a source that can list its names (files, system properties), but
     * the command line's: {@link CommandLine#parse} checked those, and made {@code observatory.from}
     * of {@code --from}.
     */
    private static List<String> settingNames(ConfigurableEnvironment environment) {
        List<String> names = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable
                    && !source.getName().equals(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
                names.addAll(List.of(enumerable.getPropertyNames()));
            }
        }
        return names;
    }

    /**
     * The application could not start: most often the database is held by another process.
     * {@code database} is null where its setting names something the early checks cannot resolve.
     */
    static int startFailure(RuntimeException e, String logFile, Path database) {
        if (EarlyStop.failureIsTheStop()) {
            return ExitCodes.RUN_FAILED; // the stop's notice says it; not logged, as above
        }
        LoggerFactory.getLogger(FILE_ONLY).error("The program could not start", e);
        if (ExitCodes.outOfMemory(e)) {
            System.err.println(OUT_OF_MEMORY); // not "another run is using the database"
            return ExitCodes.RUN_FAILED;
        }
        for (Throwable t : Causes.of(e)) {
            if (t instanceof org.springframework.util.PlaceholderResolutionException unresolved) {
                System.err.println("A setting names ${" + unresolved.getPlaceholder() + "}"
                        + (unresolved.getValues().isEmpty() ? "" : " (in " + unresolved.getValues().get(0) + ")")
                        + ", which nothing gives (a system property, the environment or application.properties):"
                        + " write the value itself, or set " + unresolved.getPlaceholder() + ". Nothing was started.");
                return ExitCodes.BAD_COMMAND_LINE;
            }
            if (t instanceof BadCommandLineException bad) {
                System.err.println(bad.getMessage());
                return ExitCodes.BAD_COMMAND_LINE;
            }
            if (t instanceof DatabaseBusyException busy) {
                System.err.println(busy.getMessage());
                return ExitCodes.BUSY;
            }
            if (t instanceof DatabaseException failure) {
                System.err.println(failure.getMessage());
                return failure.setting() ? ExitCodes.BAD_COMMAND_LINE : ExitCodes.RUN_FAILED;
            }
            String unwritable = unwritableFolder(t);
            if (unwritable != null) {
                System.err.println(unwritable);
                return ExitCodes.BAD_COMMAND_LINE;
            }
        }
        String full = DatabaseAccess.diskFull(database, e);
        if (full != null) {
            System.err.println(full); // not "another run is using the database"
            return ExitCodes.RUN_FAILED;
        }
        String gone = DatabaseAccess.schedulerGoneWhileStarting(e);
        if (gone != null) {
            System.err.println(gone);
            return ExitCodes.RUN_FAILED;
        }
        System.err.println("The program could not start (" + ExitCodes.rootMessage(e) + "): see " + logFile
                + "; if another run is using the database, wait for it to end.");
        return ExitCodes.RUN_FAILED;
    }

    /**
     * The sentence for a folder the program may not write in (read-only, no permission), or null:
     * the file in the exception is often a temporary one of ours (".o.password….part"), and the
     * folder is what the user can act on.
     */
    static String unwritableFolder(Throwable t) {
        if (t instanceof FileSystemException fs && fs.getFile() != null && (t instanceof AccessDeniedException
                || String.valueOf(fs.getReason()).toLowerCase(Locale.ROOT).contains("read-only"))) {
            Path folder = Path.of(fs.getFile()).toAbsolutePath().getParent();
            return "The folder " + folder + " cannot be written: it is read-only or this user may not write there."
                    + " Nothing was started: give a writable folder (--db, --output-dir), or make this one writable.";
        }
        return null;
    }

    /**
     * The sentence for a run started where there is neither its input folder nor a run history (a
     * cron line without its cd, a terminal in another folder), or null. Said before anything is made
     * there: the run would leave var/ and reports/ behind and begin a new history with one failed
     * run. Beside a history, a missing input folder is the run's own failure, recorded in it.
     */
    static String wrongStartFolder(CommandLine commandLine, Path db) {
        if (Stream.of("schedule", "list-runs", "restart").anyMatch(commandLine::has)
                || !settledBeforeSpring(commandLine)) {
            return null;
        }
        String input = setting(commandLine, "observatory.input-dir", "OBSERVATORY_INPUT_DIR", "data");
        return input.contains("${") || db == null ? null : NoDatabaseYet.wrongFolder(db, Path.of(input));
    }

    /**
     * Whether Spring may read the settings from a place this early check does not (a file named with
     * spring.config.*, SPRING_APPLICATION_JSON, a YAML file, a profile's file, a file in a folder under
     * config/, a properties file of several documents): what depends on them (the input folder, the
     * database) is then left to the run to check.
     */
    private static boolean elsewhereConfigured(CommandLine commandLine) {
        java.util.function.Predicate<String> springs = k -> k.startsWith("spring.config.")
                || k.startsWith("spring.profiles.");
        java.util.function.Predicate<String> named = springs.or(k -> k.equals("spring.application.json"));
        return commandLine.springProperties().keySet().stream().anyMatch(named)
                || System.getProperties().stringPropertyNames().stream().anyMatch(named)
                || System.getenv().keySet().stream().anyMatch(k -> k.startsWith("SPRING_CONFIG_")
                        || k.startsWith("SPRING_PROFILES_") || k.equals("SPRING_APPLICATION_JSON")
                        // observatory_db: Spring finds it, this early check reads OBSERVATORY_DB only
                        || !k.equals(k.toUpperCase(Locale.ROOT)) && Stream.of("OBSERVATORY_", "SPRING_")
                                .anyMatch(k.toUpperCase(Locale.ROOT)::startsWith))
                || settingsFiles().stream().anyMatch(file -> file.stringPropertyNames().stream().anyMatch(springs))
                || Stream.of(Path.of("."), Path.of("config"))
                        .anyMatch(folder -> holdsSettingsFiles(folder, OTHER_SETTINGS_FILE))
                || subfolders(Path.of("config")).stream()
                        .anyMatch(folder -> holdsSettingsFiles(folder, ANY_SETTINGS_FILE))
                || Stream.of(Path.of("config", "application.properties"), Path.of("application.properties"))
                        .anyMatch(ObservatoryApplication::severalDocuments);
    }

    private static boolean holdsSettingsFiles(Path folder, java.util.regex.Pattern names) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> names.matcher(f.getFileName().toString()).matches());
        } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
            return false; // no such folder: nothing there to read
        }
    }

    private static List<Path> subfolders(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isDirectory).toList();
        } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
            return List.of();
        }
    }

    /** A properties file that Spring splits into documents at "#---" lines, each maybe for a profile. */
    private static boolean severalDocuments(Path file) {
        try (Stream<String> lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.map(String::strip).anyMatch(l -> l.equals("#---") || l.equals("!---"));
        } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
            return false;
        }
    }

    /**
     * Whether a command may be answered before Spring starts: every setting is in a place this early
     * check reads, and all of them are right, as Spring will read them (an empty value, spaces around
     * one). A wrong one is left to the run's own check, which names the file or variable that set it
     * (exit 2), instead of an early answer built on it ("No runs yet" at the default database, for a
     * mistyped observatory.dbb).
     */
    static boolean settledBeforeSpring(CommandLine commandLine) {
        if (elsewhereConfigured(commandLine)) {
            return false;
        }
        List<String> names = new ArrayList<>(System.getenv().keySet());
        names.addAll(System.getProperties().stringPropertyNames());
        List<java.util.Properties> files = settingsFiles();
        files.forEach(file -> names.addAll(file.stringPropertyNames()));
        try {
            CommandLine.validateSettingNames(names);
            CommandLine.validateConfiguration(name -> rawSetting(commandLine, name, files));
            return true;
        } catch (BadCommandLineException wrong) {
            return false;
        }
    }

    /** The environment variable Spring reads a property from: observatory.db-password, OBSERVATORY_DB_PASSWORD. */
    private static String variableOf(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** A setting as Spring will hand it on: from the first source that has it, blank or not, unstripped. */
    private static String rawSetting(CommandLine commandLine, String name, List<java.util.Properties> files) {
        Object given = commandLine.springProperties().get(name);
        if (given != null) {
            return given.toString();
        }
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(variableOf(name));
        }
        for (int i = 0; value == null && i < files.size(); i++) {
            value = files.get(i).getProperty(name);
        }
        return value == null ? null : resolved(value);
    }

    /**
     * The sentence for a database folder that cannot be made (a file in its place, no permission),
     * or null: said before anything starts, as for the output folder, not as a stack trace.
     */
    static String unusableDatabaseFolder(Path db) {
        Path folder = db.toAbsolutePath().normalize().getParent();
        if (folder == null) {
            return "--db=" + db + " names no database: give a path such as var/observatory-db (its files are"
                    + " observatory-db.*). Nothing was started.";
        }
        try {
            Files.createDirectories(folder);
            return null;
        } catch (IOException e) {
            String why = e instanceof FileAlreadyExistsException ? "a file of that name is in the way"
                    : e instanceof AccessDeniedException ? "this user may not create it"
                    : e instanceof FileSystemException fs && fs.getReason() != null
                            ? fs.getReason().toLowerCase(Locale.ROOT) + ": " + fs.getFile()
                            : e.getMessage();
            return "The database folder " + folder + " cannot be made (" + why + "). Nothing was started: give a"
                    + " folder this user can write with --db, or make this one.";
        }
    }

    /**
     * The sentence for a log folder that cannot be made or written, or a log file that cannot be
     * written, or null. The log's default place is relative (var/logs): started from another folder
     * than the project's (cron without its {@code cd}), or as another user than the first run's
     * (made with sudo, then run by cron), the program would otherwise stop in the logging library's
     * stack trace.
     */
    static String unwritableLog(Path logFile) {
        Path file = logFile.toAbsolutePath().normalize();
        Path folder = file.getParent();
        String giveAnother = " or give a log file with --logging.file.name=/path/to/observatory.log.";
        String ofAnotherUser = " cannot be written by this user (it may belong to another, as after a first run with sudo)."
                + " Nothing was started: run the program as the user it belongs to, or give it to this user (chown -R),";
        boolean existed = Files.isDirectory(folder);
        try {
            Files.createDirectories(folder);
            if (Files.isWritable(folder)) {
                if (Files.isDirectory(file)) {
                    return "The log file " + file + " is a folder. Nothing was started: move that folder away," + giveAnother;
                }
                if (Files.exists(file) && !Files.isWritable(file)) {
                    return "The log file " + file + ofAnotherUser + giveAnother;
                }
                return null;
            }
        } catch (IOException | SecurityException e) {
            // said below
        }
        if (existed) {
            // the program's own folder: not a start from elsewhere, another user's folder
            return "The log folder " + folder + ofAnotherUser + giveAnother;
        }
        return "The log folder " + folder + " cannot be made or written by this user. Nothing was started: start the"
                + " program from its own folder (cd to it first, as in the README's cron line)," + giveAnother;
    }

    /**
     * The database the run will open, as Spring will resolve {@code observatory.db}; {@code null}
     * when it names a placeholder neither a system property nor the environment gives.
     */
    private static Path databasePath(CommandLine commandLine) {
        String path = setting(commandLine, "observatory.db", "OBSERVATORY_DB", "var/observatory-db");
        return path.contains("${") ? null : Path.of(path);
    }

    private static String logFile(CommandLine commandLine) {
        return setting(commandLine, "logging.file.name", "LOGGING_FILE_NAME", "var/logs/observatory.log");
    }

    /** The settings files Spring reads from the folder the program is started in, {@code config/} first. */
    private static List<java.util.Properties> settingsFiles() {
        List<java.util.Properties> files = new ArrayList<>();
        for (Path file : List.of(Path.of("config", "application.properties"), Path.of("application.properties"))) {
            java.util.Properties properties = new java.util.Properties();
            try (var in = Files.newInputStream(file)) {
                properties.load(in);
                files.add(properties);
            } catch (IOException | IllegalArgumentException e) {
                // absent or unreadable: Spring says so itself if it matters
            }
        }
        return files;
    }

    /**
     * {@code ${name}} and {@code ${name:default}} replaced as Spring would from a system property,
     * the environment ({@code java.io.tmpdir}, {@code HOME}) or the settings files
     * ({@code obs.home=/srv/obs} for {@code observatory.db=${obs.home}/db}); one none of them gives
     * is left as it is, for Spring to say what it lacks.
     */
    static String resolved(String value) {
        return resolved(value, settingsFiles(), 0);
    }

    static String resolved(String value, List<java.util.Properties> files, int depth) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String found = System.getProperty(name);
            if (found == null) {
                found = System.getenv(name);
            }
            if (found == null) {
                found = System.getenv(variableOf(name));
            }
            for (int i = 0; found == null && i < files.size(); i++) {
                found = files.get(i).getProperty(name);
            }
            if (found != null && found.contains("${") && depth < 5) {
                found = resolved(found, files, depth + 1); // a setting naming another
            }
            if (found == null) {
                found = m.group(2) != null ? m.group(2) : m.group();
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(found.strip()));
        }
        return m.appendTail(out).toString();
    }

    /**
     * A setting as Spring will resolve it, for the checks made before Spring starts: the command
     * line, the environment, then the {@code application.properties} of the folder the program is
     * started in ({@code config/} first). A folder set in the file only was otherwise checked at its
     * default, and a database folder that cannot be made failed later as a start failure.
     */
    static String setting(CommandLine commandLine, String name, String variable, String byDefault) {
        Object given = commandLine.springProperties().get(name);
        if (given != null) {
            return resolved(given.toString());
        }
        String property = System.getProperty(name); // java -Dobservatory.db=…, after the command line as in Spring
        if (property != null && !property.isBlank()) {
            return resolved(property.strip());
        }
        String fromEnvironment = System.getenv(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return resolved(fromEnvironment.strip());
        }
        for (java.util.Properties file : settingsFiles()) {
            String value = file.getProperty(name);
            if (value != null && !value.isBlank()) {
                return resolved(value.strip());
            }
        }
        return byDefault;
    }
}

package ma.observatory;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import ma.observatory.run.CommandLine;
import ma.observatory.run.CommandLine.BadCommandLineException;
import ma.observatory.run.ExitCodes;
import ma.observatory.run.RunLauncher;

/** Command line → job parameters → exit code. */
@SpringBootApplication
public class ObservatoryApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the program as the command line asks and returns the process exit code. */
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
        for (String later : List.of("restart", "list-runs", "schedule")) {
            if (commandLine.has(later)) {
                System.err.println("--" + later + " is not available in this version yet: run the job without it.");
                return ExitCodes.BAD_COMMAND_LINE;
            }
        }
        List<String> springArgs = new ArrayList<>();
        commandLine.springProperties().forEach((k, v) -> springArgs.add("--" + k + "=" + v));
        try (ConfigurableApplicationContext context = new SpringApplication(ObservatoryApplication.class)
                .run(springArgs.toArray(String[]::new))) {
            return context.getBean(RunLauncher.class).launch(commandLine);
        } catch (BadCommandLineException e) {
            System.err.println(e.getMessage());
            return ExitCodes.BAD_COMMAND_LINE;
        } catch (Exception e) {
            LoggerFactory.getLogger(ObservatoryApplication.class).error("The job could not run", e);
            System.err.println("The job could not start (" + e.getMessage() + "): see var/logs/observatory.log;"
                    + " if another run is using the database, wait for it to end.");
            return ExitCodes.RUN_FAILED;
        }
    }
}

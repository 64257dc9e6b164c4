package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the operator is told when the input folder is not where the program looks. */
class InputFolderTests {

    @Test
    void aRelativeInputFolderThatIsNotThereSaysWhereTheProgramWasStartedAndLeavesNothingThere(@TempDir Path work) {
        InProcess.Outcome run = new InProcess(work).run("--input-dir=no-such-folder", "--output-dir=" + work.resolve("out"));

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCodes.INPUT_CONTRACT);
        // neither input nor history: the wrong folder, said before a database, log or output folder is made
        assertThat(work.resolve("db")).doesNotExist();
        assertThat(work.resolve("logs")).doesNotExist();
        assertThat(work.resolve("out")).doesNotExist();
        // the usual mend is where to start it (a cron line without its cd), not another --input-dir
        assertThat(run.stderr()).as(run.both()).contains("does not exist (it is read from the folder the program was"
                + " started in, " + Path.of("").toAbsolutePath() + ": start it in the project folder, or give the"
                + " folder holding the CSV files with --input-dir).");
    }

    @Test
    void anAbsoluteInputFolderThatIsNotThereAsksForTheRightOne(@TempDir Path work) {
        InProcess.Outcome run = new InProcess(work).run("--input-dir=" + work.resolve("gone"),
                "--output-dir=" + work.resolve("out"));

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCodes.INPUT_CONTRACT);
        assertThat(run.stderr()).as(run.both()).contains("The input folder " + work.resolve("gone")
                + " does not exist: give the folder holding the CSV files with --input-dir.");
    }

    @Test
    void anInputFolderThatIsAFileIsSaidToBeOne(@TempDir Path work) throws java.io.IOException {
        Path file = java.nio.file.Files.writeString(work.resolve("labour_force.csv"), "period,geo\n");

        InProcess.Outcome run = new InProcess(work).run("--input-dir=" + file, "--output-dir=" + work.resolve("out"));

        // "does not exist" of a file the reader can see sent them looking for the wrong thing
        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCodes.INPUT_CONTRACT);
        assertThat(run.stderr()).as(run.both()).contains("The input folder " + file
                + " is a file, not a folder: give the folder holding the CSV files with --input-dir.");
    }

    @Test
    void besideARunHistoryAMissingInputFolderIsTheRunsFailureRecordedInIt(@TempDir Path work) {
        InProcess program = new InProcess(work);
        assertThat(program.run("--input-dir=" + InProcess.FIXTURES, "--from=2024", "--to=2024",
                "--output-dir=" + work.resolve("out")).exitCode()).isZero();

        InProcess.Outcome run = program.run("--input-dir=" + work.resolve("gone"), "--output-dir=" + work.resolve("out"));

        assertThat(run.exitCode()).as(run.both()).isEqualTo(ExitCodes.INPUT_CONTRACT);
        assertThat(run.stderr()).contains("The input folder " + work.resolve("gone") + " does not exist");
        InProcess.Outcome list = program.run("--list-runs");
        assertThat(list.stdout().lines().filter(l -> l.contains("FAILED"))).as(list.stdout()).hasSize(1);
        // --restart keeps the run's input folder: the mend is a new run, not the --input-dir it would refuse
        InProcess.Outcome restart = program.run("--restart");
        assertThat(restart.exitCode()).as(restart.both()).isEqualTo(ExitCodes.RESTART_REFUSED);
        assertThat(restart.stderr()).as(restart.both()).contains("cannot be resumed: its input folder "
                + work.resolve("gone") + " does not exist. Nothing was started: put the folder back, then run"
                + " --restart again, or start a new run instead (the same command without --restart, with --input-dir"
                + " naming the folder that holds the CSV files).");
    }

    @Test
    void restartWhereNoRunWasMadeMakesNoDatabaseThatALaterRunWouldTakeForAHistory(@TempDir Path work) {
        InProcess program = new InProcess(work);

        InProcess.Outcome restart = program.run("--restart");

        assertThat(restart.exitCode()).as(restart.both()).isEqualTo(ExitCodes.RESTART_REFUSED);
        assertThat(restart.stderr()).contains("There is no run to resume: there is no database at");
        assertThat(work.resolve("db")).as("no database, nor its folder").doesNotExist();
        assertThat(work.resolve("logs")).as("nor a log").doesNotExist();
        InProcess.Outcome run = program.run("--input-dir=no-such-folder", "--output-dir=" + work.resolve("out"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT_CONTRACT);
        assertThat(work.resolve("out")).as("still the wrong folder: nothing made").doesNotExist();
    }
}

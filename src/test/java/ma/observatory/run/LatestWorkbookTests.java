package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.period.PeriodRange;
import ma.observatory.run.InProcess.Outcome;

/** {@code labour-market-report_latest.xlsx} is what economists open: only a nightly-shaped run replaces it. */
class LatestWorkbookTests {

    private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");

    @TempDir
    Path work;

    @Test
    void anAdHocRunOfTheNightlyWindowLeavesTheLatestWorkbookAlone() throws Exception {
        InProcess app = new InProcess(work);
        String input = "--input-dir=" + InProcess.FIXTURES;
        String output = "--output-dir=" + app.reports();
        Path latest = app.reports().resolve(RunLauncher.LATEST_WORKBOOK);

        Outcome nightly = app.run(input, output);
        assertThat(nightly.exitCode()).as(nightly.both()).isZero();
        assertThat(latest).exists();
        byte[] before = Files.readAllBytes(latest);

        for (String[] adHoc : new String[][] {{"--only=employment"}, {"--lang=en"}, {"--geo-levels=country"}}) {
            Outcome outcome = app.run(input, output, adHoc[0]);
            assertThat(outcome.exitCode()).as(outcome.both()).isZero();
            assertThat(outcome.stdout()).as(adHoc[0]).doesNotContain("Latest workbook refreshed");
            assertThat(Files.readAllBytes(latest)).as(adHoc[0]).isEqualTo(before);
        }
    }

    @Test
    void aFolderInTheLatestWorkbooksPlaceIsSaidToBeInTheWay() throws Exception {
        InProcess app = new InProcess(work);
        Path latest = app.reports().resolve(RunLauncher.LATEST_WORKBOOK);
        Files.createDirectories(latest.resolve("kept"));

        Outcome nightly = app.run("--input-dir=" + InProcess.FIXTURES, "--output-dir=" + app.reports());

        assertThat(nightly.exitCode()).as(nightly.both()).isEqualTo(ExitCodes.RUN_FAILED);
        // "make room" would send the operator to free disk space that is not lacking
        assertThat(nightly.stderr()).as(nightly.both()).contains("could not be refreshed")
                .contains("A folder of that name is in the way: move it away, then copy the new workbook to "
                        + RunLauncher.LATEST_WORKBOOK)
                .doesNotContain("make room");
        assertThat(latest.resolve("kept")).exists();
    }

    @Test
    void aRefreshLeftUndoneIsFinishedAtTheNextNightlyStartEvenIfThatNightFails() throws Exception {
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        String[] nightly = {"--input-dir=" + input, "--output-dir=" + app.reports()};
        Path latest = app.reports().resolve(RunLauncher.LATEST_WORKBOOK);
        // the run completes, its copy to the latest fails (as a process killed during it would leave it)
        Files.createDirectories(latest.resolve("kept"));
        Outcome first = app.run(nightly);
        assertThat(first.exitCode()).as(first.both()).isEqualTo(ExitCodes.RUN_FAILED);
        Files.delete(latest.resolve("kept"));
        Files.delete(latest);
        Path dated = dated(app);
        // the next night stops on a broken file: the morning's latest is the night before's all the same
        Path labourForce = input.resolve("employment/labour_force.csv");
        String good = Files.readString(labourForce);
        Files.writeString(labourForce, "period;geo\n2024;MA\n");
        Outcome next = app.run(nightly);
        assertThat(next.exitCode()).as(next.both()).isEqualTo(ExitCodes.INPUT_CONTRACT);
        assertThat(next.stdout()).contains(RunLauncher.LATEST_WORKBOOK + " refreshed from the workbook of run 0, which"
                + " completed without refreshing it");
        assertThat(Files.readAllBytes(latest)).isEqualTo(Files.readAllBytes(dated));

        // once finished, it is not done again
        Files.writeString(labourForce, good);
        Outcome third = app.run(nightly);
        assertThat(third.exitCode()).as(third.both()).isZero();
        assertThat(third.stdout()).doesNotContain("completed without refreshing it").contains("Latest workbook refreshed");
    }

    @Test
    void aSchedulerStartedAgainFinishesACopyAKillLeftUndoneWithoutWaitingForTheNight() throws Exception {
        InProcess app = new InProcess(work);
        Path input = InProcess.FIXTURES.toAbsolutePath(); // the scheduler's process starts in the test's folder
        Path latest = app.reports().resolve(RunLauncher.LATEST_WORKBOOK);
        Outcome night = app.run("--input-dir=" + input, "--output-dir=" + app.reports());
        assertThat(night.exitCode()).as(night.both()).isZero();
        // as a process killed as it copied leaves it: the night before's workbook, a day older
        Files.writeString(latest, "the night before's workbook");
        Files.setLastModifiedTime(latest, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(1))));

        List<String> args = new ArrayList<>(ChildJvm.options(work, ChildJvm.freePort()));
        int month = YearMonth.now(CASABLANCA).plusMonths(6).getMonthValue(); // a night that cannot come meanwhile
        args.addAll(List.of("--input-dir=" + input, "--schedule", "--schedule-cron=0 0 3 1 " + month + " *"));
        try (ChildJvm scheduler = ChildJvm.start(work, "scheduler", args)) {
            scheduler.await("the scheduler up", () -> scheduler.stdout().contains("Scheduler up"), Duration.ofSeconds(60));
            assertThat(scheduler.stdout()).contains(RunLauncher.LATEST_WORKBOOK + " refreshed from the workbook of run 0");
            assertThat(Files.readAllBytes(latest)).isEqualTo(Files.readAllBytes(dated(app)));
            scheduler.process().destroy();
            assertThat(scheduler.waitFor(Duration.ofSeconds(40))).as(scheduler.output()).isTrue();
        }
    }

    @Test
    void aWorkbookAnotherRunHasWrittenAgainIsNotCopiedOverTheLatest() throws Exception {
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        Path latest = app.reports().resolve(RunLauncher.LATEST_WORKBOOK);
        Files.createDirectories(latest.resolve("kept"));
        Outcome night = app.run("--input-dir=" + input, "--output-dir=" + app.reports());
        assertThat(night.exitCode()).as(night.both()).isEqualTo(ExitCodes.RUN_FAILED);
        Files.delete(latest.resolve("kept"));
        Files.delete(latest);
        // an ad-hoc run of the same months, on a draft of the data, writes the night's file name again
        Path workbook = dated(app);
        Files.setLastModifiedTime(workbook, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(60)));
        PeriodRange window = PeriodRange.nightlyWindow(YearMonth.now(CASABLANCA));
        Outcome adHoc = app.run("--input-dir=" + input, "--output-dir=" + app.reports(), "--from=" + window.from(),
                "--to=" + window.to());
        Assumptions.assumeTrue(window.equals(PeriodRange.nightlyWindow(YearMonth.now(CASABLANCA))),
                "the month turned in Casablanca during the test; run it again");
        assertThat(adHoc.exitCode()).as(adHoc.both()).isZero();
        assertThat(dated(app)).isEqualTo(workbook);

        Path labourForce = input.resolve("employment/labour_force.csv");
        Files.writeString(labourForce, "period;geo\n2024;MA\n");
        Outcome next = app.run("--input-dir=" + input, "--output-dir=" + app.reports());

        assertThat(next.exitCode()).as(next.both()).isEqualTo(ExitCodes.INPUT_CONTRACT);
        assertThat(latest).doesNotExist(); // an ad-hoc run never makes the latest workbook
        assertThat(next.stdout()).contains("is no longer as that run left it: the latest is left to the next completed"
                + " nightly run");
    }

    private static Path dated(InProcess app) throws java.io.IOException {
        try (Stream<Path> files = Files.list(app.reports())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xlsx")
                    && !f.getFileName().toString().equals(RunLauncher.LATEST_WORKBOOK)).findFirst().orElseThrow();
        }
    }

    @Test
    void theNightlyRunsOwnConfigurationShapesTheLatestWorkbookAsTheSchedulersWould() throws Exception {
        InProcess app = new InProcess(work);
        Path properties = work.resolve("application.properties");
        Files.writeString(properties, "observatory.only=employment\n");

        Outcome outcome = app.run("--input-dir=" + InProcess.FIXTURES, "--output-dir=" + app.reports(),
                "--spring.config.additional-location=file:" + properties);

        assertThat(outcome.exitCode()).as(outcome.both()).isZero();
        assertThat(outcome.stdout()).as(outcome.both()).contains("Latest workbook refreshed");
        // the latest workbook is the employment-only one the configuration asks for
        try (ma.observatory.WorkbookReader book = new ma.observatory.WorkbookReader(
                app.reports().resolve(RunLauncher.LATEST_WORKBOOK))) {
            assertThat(book.sheetNames()).contains("Emploi").doesNotContain("Arrivées touristiques",
                    "Délocalisations", "Emplois de l’externalisation");
        }
    }

    @Test
    void anOlderNightResumedAfterANewerOneCompletedLeavesTheLatestWorkbookToTheNewer() throws Exception {
        InProcess app = new InProcess(work);
        String input = "--input-dir=" + InProcess.FIXTURES;
        String output = "--output-dir=" + app.reports();
        Path latest = app.reports().resolve(RunLauncher.LATEST_WORKBOOK);
        // the older night, configured for employment only, fails as it puts its workbook in place
        Path properties = work.resolve("application.properties");
        Files.writeString(properties, "observatory.only=employment\n");
        YearMonth month = YearMonth.now(CASABLANCA);
        String window = PeriodRange.nightlyWindow(month).toString();
        Path blocked = app.reports().resolve("labour-market-report_" + window + "_employment.xlsx");
        Files.createDirectories(blocked.resolve("in-the-way"));
        // the same folder spelt otherwise
        Outcome older = app.run(input, "--output-dir=" + app.reports().resolve("."),
                "--spring.config.additional-location=file:" + properties);
        // the run took the window of its own start: a month that turned meanwhile named another workbook
        Assumptions.assumeTrue(month.equals(YearMonth.now(CASABLANCA)),
                "the month turned in Casablanca during the test; run it again");
        assertThat(older.exitCode()).as(older.both()).isEqualTo(ExitCodes.RUN_FAILED);

        // the next night completes and refreshes the latest workbook
        Files.delete(properties);
        Outcome newer = app.run(input, output);
        assertThat(newer.exitCode()).as(newer.both()).isZero();
        byte[] newest = Files.readAllBytes(latest);

        Files.delete(blocked.resolve("in-the-way"));
        Files.delete(blocked);
        Outcome resumed = app.run("--restart");
        assertThat(resumed.exitCode()).as(resumed.both()).isZero();
        assertThat(blocked).isRegularFile();
        assertThat(resumed.stdout()).contains(RunLauncher.LATEST_WORKBOOK + " left as it is: run 1, a later nightly run,"
                + " wrote it");
        assertThat(Files.readAllBytes(latest)).isEqualTo(newest);
    }
}

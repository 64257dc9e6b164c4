package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.run.InProcess.Outcome;

/** {@code labour-market-report_latest.xlsx} is what economists open: only a nightly-shaped run replaces it. */
class LatestWorkbookTests {

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
    void theNightlyRunsOwnConfigurationShapesTheLatestWorkbookAsTheSchedulersWould() throws Exception {
        InProcess app = new InProcess(work);
        Path properties = work.resolve("application.properties");
        Files.writeString(properties, "observatory.only=employment\n");

        Outcome outcome = app.run("--input-dir=" + InProcess.FIXTURES, "--output-dir=" + app.reports(),
                "--spring.config.additional-location=file:" + properties);

        assertThat(outcome.exitCode()).as(outcome.both()).isZero();
        assertThat(app.reports().resolve(RunLauncher.LATEST_WORKBOOK)).exists();
    }
}

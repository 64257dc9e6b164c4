package ma.observatory.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.observatory.run.InProcess.Outcome;

/** One process running night after night, as the scheduler's does: each night reads its files anew. */
class NightAfterNightTests {

    @TempDir
    Path work;

    @Test
    void aFileRewrittenWithItsSizeAndTimeKeptIsReadInItsNewDialect() throws Exception {
        InProcess app = new InProcess(work);
        Path input = app.copyOfFixtures();
        String[] args = {"--input-dir=" + input, "--output-dir=" + app.reports(), "--from=2023", "--to=2024",
            "--only=employment"};
        assertThat(app.run(args).exitCode()).isZero();
        // saved again by a French Excel, the same number of bytes, copied with its time kept (cp -p)
        Path sectors = input.resolve("employment/employment_by_sector.csv");
        FileTime time = Files.getLastModifiedTime(sectors);
        String semicolons = Files.readString(sectors, StandardCharsets.UTF_8).replace(',', ';');
        Files.writeString(sectors, semicolons, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(sectors, time);

        Outcome outcome = app.run(args);

        // read as comma-separated, the header was one column "period;geo;…": exit 3 every night after
        assertThat(outcome.exitCode()).as(outcome.both()).isZero();
        assertThat(ChildJvm.lines(work, "SELECT separator FROM input_file"
                + " WHERE file = 'employment/employment_by_sector.csv' AND run_id = 1")).containsExactly(";");
    }
}

package ma.observatory.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second real client opens the workbook: LibreOffice converts it to PDF. {@code .ci/run}
 * installs LibreOffice; where it is absent the test is skipped and says why.
 */
class LibreOfficeConversionTests {

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void libreOfficeConvertsTheWorkbookToPdf(String language) throws IOException, InterruptedException {
        String soffice = findSoffice();
        Assumptions.assumeTrue(soffice != null, () -> {
            String reason = "LibreOffice (soffice) is not installed: the conversion test is skipped;"
                    + " install libreoffice-calc-nogui to run it (.ci/run does)";
            System.out.println(reason);
            return reason;
        });
        Path workbook = ShippedWorkbooks.build(work, language);
        Path pdfDir = Files.createDirectories(work.resolve("pdf-" + language));

        Process process = new ProcessBuilder(soffice, "--headless", "-env:UserInstallation=file://"
                + work.resolve("lo-profile").toAbsolutePath(), "--convert-to", "pdf", "--outdir",
                pdfDir.toString(), workbook.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("soffice.log").toFile()).start();
        boolean done = process.waitFor(180, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }

        assertThat(done).as("LibreOffice finished within 3 minutes").isTrue();
        Path pdf = pdfDir.resolve(workbook.getFileName().toString().replace(".xlsx", ".pdf"));
        assertThat(pdf).as(Files.readString(work.resolve("soffice.log"))).exists();
        byte[] head = new byte[5];
        try (var in = Files.newInputStream(pdf)) {
            assertThat(in.read(head)).isEqualTo(5);
        }
        assertThat(new String(head)).isEqualTo("%PDF-");
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
    }

    private static String findSoffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "soffice");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}

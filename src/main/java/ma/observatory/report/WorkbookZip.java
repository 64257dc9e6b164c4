package ma.observatory.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.util.TempFile;

/**
 * Writes the package of a streamed workbook: every part POI made, with each sheet's rows (kept by
 * SXSSF in a temporary file) put into the sheet's part in place of its empty {@code <sheetData/>}.
 * What SXSSF does itself, except that sheets are deflated on all cores by {@link BlockDeflater} and
 * stored as already-compressed zip entries.
 *
 * <p>The zip is commons-compress's with Zip64 used only for an entry that needs it (POI's
 * {@code Zip64Mode.AsNeeded}): entries of known size and checksum, no data descriptors for the
 * sheets; Excel, LibreOffice and POI read it.
 */
final class WorkbookZip {

    /**
     * The unit of work of one thread: small enough that a mid-sized sheet uses all cores, large
     * enough that the 32 KiB each block restarts from costs nothing measurable in size.
     */
    static final int BLOCK_BYTES = 256 * 1024;

    private static final String EMPTY_SHEET_DATA = "<sheetData/>";
    private static final String OPEN_SHEET_DATA = "<sheetData>";
    private static final String CLOSE_SHEET_DATA = "</sheetData>";

    /** A worksheet part's rows, for the parts that are worksheets. */
    interface SheetRows {
        /** The rows of the worksheet stored under this part name, or null if the part is not one. */
        InputStream open(String partName) throws IOException;
    }

    private final int level;
    private final long entryTime;

    /**
     * @param entryTime the time every entry is stamped with (the workbook's creation time): the clock
     *                  would make two writes of the same workbook differ
     */
    WorkbookZip(int level, Instant entryTime) {
        this.level = level;
        this.entryTime = entryTime.toEpochMilli();
    }

    void write(ZipEntrySource parts, SheetRows sheets, OutputStream out) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "workbook-deflate");
            thread.setDaemon(true);
            return thread;
        });
        // The caller closes (and forces to disk) its own stream.
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(CloseShieldOutputStream.wrap(out))) {
            zip.setUseZip64(Zip64Mode.AsNeeded);
            zip.setLevel(level);
            BlockDeflater deflater = new BlockDeflater(pool, threads, BLOCK_BYTES, level);
            Enumeration<? extends ZipArchiveEntry> entries = parts.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry part = entries.nextElement();
                try (InputStream template = partStream(parts, part)) {
                    InputStream rows = sheets.open(part.getName());
                    if (rows == null) {
                        copy(part, template, zip);
                    } else {
                        try (InputStream sheet = splice(part.getName(), template, rows)) {
                            writeDeflated(part, sheet, deflater, zip);
                        }
                    }
                }
            }
            zip.finish();
        } finally {
            pool.shutdownNow();
            parts.close();
        }
    }

    private static InputStream partStream(ZipEntrySource parts, ZipArchiveEntry part) throws IOException {
        InputStream in = parts.getInputStream(part);
        if (in instanceof ZipArchiveThresholdInputStream guarded) {
            // As SXSSF does (POI bug 59743): the parts are our own, not an untrusted upload.
            guarded.setGuardState(false);
        }
        return in;
    }

    private void copy(ZipArchiveEntry part, InputStream in, ZipArchiveOutputStream zip) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(part.getName());
        if (part.getSize() >= 0) {
            entry.setSize(part.getSize());
        }
        entry.setTime(entryTime);
        zip.putArchiveEntry(entry);
        in.transferTo(zip);
        zip.closeArchiveEntry();
    }

    /** The worksheet part with its rows between {@code <sheetData>} and {@code </sheetData>}. */
    private static InputStream splice(String name, InputStream template, InputStream rows) throws IOException {
        String xml = new String(template.readAllBytes(), StandardCharsets.UTF_8);
        int start = xml.indexOf(EMPTY_SHEET_DATA);
        int end = start + EMPTY_SHEET_DATA.length();
        if (start < 0) {
            start = xml.indexOf(OPEN_SHEET_DATA);
            end = xml.indexOf(CLOSE_SHEET_DATA, Math.max(start, 0));
            if (start < 0 || end < 0) {
                rows.close();
                throw new IOException("worksheet " + name + " has no sheetData element to put its rows in");
            }
            end += CLOSE_SHEET_DATA.length();
        }
        byte[] head = (xml.substring(0, start) + OPEN_SHEET_DATA).getBytes(StandardCharsets.UTF_8);
        byte[] tail = (CLOSE_SHEET_DATA + xml.substring(end)).getBytes(StandardCharsets.UTF_8);
        List<InputStream> pieces = List.of(new ByteArrayInputStream(head), rows, new ByteArrayInputStream(tail));
        return new SequenceInputStream(Collections.enumeration(pieces));
    }

    /**
     * Compresses into a temporary file first: a zip entry written from compressed bytes needs its
     * sizes and checksum up front.
     */
    private void writeDeflated(ZipArchiveEntry part, InputStream sheet, BlockDeflater deflater,
                                      ZipArchiveOutputStream zip) throws IOException {
        Path compressed = TempFile.createTempFile("observatory-sheet", ".deflate").toPath();
        try {
            BlockDeflater.Result result;
            try (OutputStream out = Files.newOutputStream(compressed)) {
                result = deflater.deflate(sheet, out);
            }
            ZipArchiveEntry entry = new ZipArchiveEntry(part.getName());
            entry.setMethod(ZipEntry.DEFLATED);
            entry.setSize(result.size());
            entry.setCompressedSize(result.compressedSize());
            entry.setCrc(result.crc());
            entry.setTime(entryTime);
            try (InputStream in = Files.newInputStream(compressed)) {
                zip.addRawArchiveEntry(entry, in);
            }
        } finally {
            Files.deleteIfExists(compressed);
        }
    }
}

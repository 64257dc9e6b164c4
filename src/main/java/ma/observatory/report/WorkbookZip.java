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
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;

/**
 * Writes the package of a streamed workbook: every part POI made, with each sheet's rows put into
 * the sheet's part in place of its empty {@code <sheetData/>}. What SXSSF does itself, except that
 * the rows arrive already deflated: {@link BlockDeflater} compressed them on the other cores while
 * they were written, into a temporary file per sheet. The part's opening (up to {@code <sheetData>}) and
 * closing are deflated here as two more pieces of the same deflate stream, and the three are
 * stored as one already-compressed zip entry, its checksum put together from theirs.
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

    private static final String STYLES_PART = "xl/styles.xml";
    private static final String CELL_XFS_END = "</cellXfs>";
    /** Where the schema puts it: after the cell formats, before the differential ones. */
    private static final String NORMAL_STYLE =
            "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>";
    private static final String EMPTY_SHEET_DATA = "<sheetData/>";
    private static final String OPEN_SHEET_DATA = "<sheetData>";
    private static final String CLOSE_SHEET_DATA = "</sheetData>";

    /** A worksheet's rows, deflated as a piece that does not end its deflate stream. */
    record DeflatedRows(Path file, BlockDeflater.Result result) {
    }

    /** A worksheet part's rows, for the parts that are worksheets. */
    interface SheetRows {
        /** The rows of the worksheet stored under this part name, or null if the part is not one. */
        DeflatedRows rows(String partName) throws IOException;
    }

    private final BlockDeflater deflater;
    private final int level;
    private final long entryTime;

    /**
     * @param level     the deflate level of the parts that are not worksheets, those the deflater's
     * @param entryTime the time every entry is stamped with (the workbook's creation time): the clock
     *                  would make two writes of the same workbook differ
     */
    WorkbookZip(BlockDeflater deflater, int level, Instant entryTime) {
        this.deflater = deflater;
        this.level = level;
        this.entryTime = entryTime.toEpochMilli();
    }

    void write(ZipEntrySource parts, SheetRows sheets, OutputStream out) throws IOException {
        // The caller closes (and forces to disk) its own stream.
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(CloseShieldOutputStream.wrap(out))) {
            zip.setUseZip64(Zip64Mode.AsNeeded);
            zip.setLevel(level);
            Enumeration<? extends ZipArchiveEntry> entries = parts.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry part = entries.nextElement();
                try (InputStream template = partStream(parts, part)) {
                    DeflatedRows rows = sheets.rows(part.getName());
                    if (STYLES_PART.equals(part.getName())) {
                        copy(part.getName(), withNormalStyle(template.readAllBytes()), zip);
                    } else if (rows == null) {
                        copy(part, template, zip);
                    } else {
                        writeSheet(part, template.readAllBytes(), rows, zip);
                    }
                }
            }
            zip.finish();
        } finally {
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

    /**
     * The styles part with the built-in "Normal" cell style that POI leaves out. Without it
     * LibreOffice lays every cell that has no font of its own in its own default font, Liberation
     * Sans, wider than the Calibri the widths and row heights are counted for (or Carlito, its
     * metric twin): a table sized for the page's width printed past it. Excel names the style
     * Normal either way.
     */
    static byte[] withNormalStyle(byte[] styles) {
        String xml = new String(styles, StandardCharsets.UTF_8);
        int cellXfsEnd = xml.indexOf(CELL_XFS_END);
        if (xml.contains("<cellStyles") || cellXfsEnd < 0) {
            return styles;
        }
        int at = cellXfsEnd + CELL_XFS_END.length();
        return (xml.substring(0, at) + NORMAL_STYLE + xml.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private void copy(String name, byte[] content, ZipArchiveOutputStream zip) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setSize(content.length);
        entry.setTime(entryTime);
        zip.putArchiveEntry(entry);
        zip.write(content);
        zip.closeArchiveEntry();
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
    private void writeSheet(ZipArchiveEntry part, byte[] template, DeflatedRows rows, ZipArchiveOutputStream zip)
            throws IOException {
        String xml = new String(template, StandardCharsets.UTF_8);
        int start = xml.indexOf(EMPTY_SHEET_DATA);
        int end = start + EMPTY_SHEET_DATA.length();
        if (start < 0) {
            start = xml.indexOf(OPEN_SHEET_DATA);
            end = xml.indexOf(CLOSE_SHEET_DATA, Math.max(start, 0));
            if (start < 0 || end < 0) {
                throw new IOException("worksheet " + part.getName() + " has no sheetData element to put its rows in");
            }
            end += CLOSE_SHEET_DATA.length();
        }
        byte[] head = (xml.substring(0, start) + OPEN_SHEET_DATA).getBytes(StandardCharsets.UTF_8);
        byte[] tail = (CLOSE_SHEET_DATA + xml.substring(end)).getBytes(StandardCharsets.UTF_8);
        byte[] headDeflated = deflater.piece(head, false);
        byte[] tailDeflated = deflater.piece(tail, true);
        BlockDeflater.Result middle = rows.result();
        long crc = BlockDeflater.combineCrc(crc(head), middle.crc(), middle.size());
        crc = BlockDeflater.combineCrc(crc, crc(tail), tail.length);

        ZipArchiveEntry entry = new ZipArchiveEntry(part.getName());
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setSize(head.length + middle.size() + tail.length);
        entry.setCompressedSize(headDeflated.length + middle.compressedSize() + tailDeflated.length);
        entry.setCrc(crc);
        entry.setTime(entryTime);
        List<InputStream> pieces = List.of(new ByteArrayInputStream(headDeflated), Files.newInputStream(rows.file()),
                new ByteArrayInputStream(tailDeflated));
        try (InputStream in = new SequenceInputStream(Collections.enumeration(pieces))) {
            zip.addRawArchiveEntry(entry, in);
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}

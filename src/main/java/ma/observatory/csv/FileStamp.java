package ma.observatory.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says of an input file — its size, last change and identity — taken when the
 * run hashes it. The checksum proves what the run started from; the stamp, compared when an import
 * opens the file and when it reaches its end, proves the import read those same bytes: a file still
 * being copied, rewritten in place or replaced by another while the run reads it changes one of the
 * three, at no cost per row.
 *
 * @param key the file system's identity of the file (device and inode), or its path where there is none
 */
public record FileStamp(long size, long modifiedNanos, String key) {

    /** What stops the run when a file's stamp is not the one recorded: {@code when} says when it changed. */
    public static InputContractException changed(String file, String when) {
        return new InputContractException("The file " + file + " changed " + when + " (it was still being written or"
                + " copied, or was replaced): nothing was written. Run again once the file is complete.");
    }

    public static FileStamp of(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        Object key = a.fileKey();
        return new FileStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                key == null ? path.toAbsolutePath().toString() : key.toString());
    }
}

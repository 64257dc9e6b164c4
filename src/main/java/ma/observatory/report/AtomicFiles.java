package ma.observatory.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file so that readers see either the previous content or the complete new content, never
 * a half-written file.
 *
 * <p>The content goes to a temporary file {@code .<target-name>.<random>.part} in the target's own
 * directory (so the final rename stays on one file system), is forced to disk, made readable by
 * everyone ({@code rw-r--r--} on POSIX file systems; the temporary file starts as {@code rw-------})
 * and then renamed over the target, atomically where the file system allows it. If anything fails,
 * the temporary file is deleted and the previous target is left untouched.
 */
public final class AtomicFiles {

    /** Writes the content to the given stream; the stream is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    static final String PART_SUFFIX = ".part";
    /** A temporary file not written to for this long belongs to no running process. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(AtomicFiles.class);

    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with what {@code writer} writes, creating the parent directory if it is
     * missing.
     *
     * @throws IOException whatever the writer or the file system threw; the target is then unchanged
     */
    public static void write(Path target, StreamWriter writer) throws IOException {
        prepare(target, writer).commit();
    }

    /**
     * Writes the content beside {@code target}, forced to disk, to be put in place later: a file
     * that must not replace its target before another one is in place (a workbook's CSV, after the
     * workbook).
     *
     * @throws IOException whatever the writer or the file system threw; nothing is left behind
     */
    public static Prepared prepare(Path target, StreamWriter writer) throws IOException {
        Objects.requireNonNull(writer, "writer");
        Path absolute = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
        Path directory = absolute.getParent();
        if (directory == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException("not a file path: " + target);
        }
        Files.createDirectories(directory);
        removeAbandoned(directory, "." + absolute.getFileName() + ".", PART_SUFFIX);

        Path part = Files.createTempFile(directory, "." + absolute.getFileName() + ".", PART_SUFFIX);
        boolean written = false;
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                try (ChannelOutputStream out = new ChannelOutputStream(channel)) {
                    writer.writeTo(out);
                }
                channel.force(true);
            }
            if (Files.getFileStore(part).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(part, READABLE_BY_ALL);
            }
            written = true;
        } finally {
            if (!written) {
                deleteQuietly(part);
            }
        }
        return new Prepared(part, absolute);
    }

    /** A complete file beside its target, not yet in place. */
    public static final class Prepared {
        private final Path part;
        private final Path target;

        private Prepared(Path part, Path target) {
            this.part = part;
            this.target = target;
        }

        public Path target() {
            return target;
        }

        /** Renames the file over its target, atomically where the file system allows it. */
        public void commit() throws IOException {
            boolean moved = false;
            try {
                try {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                }
                moved = true;
            } finally {
                if (!moved) {
                    deleteQuietly(part);
                }
            }
            syncDirectory(target.getParent());
        }

        /** Deletes the file: its target stays as it was. */
        public void discard() {
            deleteQuietly(part);
        }
    }

    /**
     * Deletes the files named {@code <prefix>…<suffix>} in the directory that nothing has written to
     * for {@link #ABANDONED_AFTER}: left by a process killed as it wrote (kill -9, a power cut), which
     * had no chance to delete them. A file being written is written to all the time.
     */
    static void removeAbandoned(Path directory, String prefix, String suffix) {
        Instant before = Instant.now().minus(ABANDONED_AFTER);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(suffix))) {
            for (Path f : files) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                    log.info("Removed {}, left by a run that was killed as it wrote", f);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not look for files left by a killed run in {}", directory, e);
        }
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException | RuntimeException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory (Linux, macOS). */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not supported on this platform (e.g. Windows): the file content itself is already on disk
        }
    }

    /**
     * A buffered stream over the channel whose {@code close()} flushes but leaves the channel open, so
     * a writer that closes its stream does not stop us from forcing the data to disk.
     */
    private static final class ChannelOutputStream extends OutputStream {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        private boolean closed;

        ChannelOutputStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            if (!buffer.hasRemaining()) {
                drain();
            }
            buffer.put((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            ensureOpen();
            while (length > 0) {
                if (!buffer.hasRemaining()) {
                    drain();
                }
                int n = Math.min(length, buffer.remaining());
                buffer.put(bytes, offset, n);
                offset += n;
                length -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            ensureOpen();
            drain();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                drain();
                closed = true;
            }
        }

        private void drain() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        private void ensureOpen() throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
        }
    }
}

package dev.locus.server.persistence;

import dev.locus.server.LocusServerException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane's data directory is private to the user that runs it: the directory (and any
 * directory below it) mode 700, every file mode 600. Files are created that way ({@link
 * #writePrivate}), and {@link #secure} corrects an existing installation's modes at start. On a
 * file system without POSIX permissions both do nothing beyond creating. Thread-safe (stateless).
 */
public final class DataDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    /** {@code rwx------}. */
    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    /** {@code rw-------}. */
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {}

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dir} (mode 700) when missing and sets every directory below it to 700 and every
     * regular file to 600 (symbolic links are left alone, not followed).
     *
     * @return how many modes were corrected
     * @throws LocusServerException when the directory cannot be created or a mode cannot be set
     */
    public static int secure(Path dir) {
        try {
            createPrivateDirectories(dir);
            if (!posix()) {
                return 0;
            }
            int fixed = 0;
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (Files.isSymbolicLink(p)) {
                        continue;
                    }
                    Set<PosixFilePermission> want = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                            ? DIRECTORY_MODE
                            : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? FILE_MODE : null;
                    if (want != null
                            && !Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)
                                    .equals(want)) {
                        Files.setPosixFilePermissions(p, want);
                        fixed++;
                    }
                }
            }
            if (fixed > 0) {
                LOG.info("data directory {}: made {} files and directories private to this user (700/600)", dir, fixed);
            }
            return fixed;
        } catch (IOException e) {
            throw new LocusServerException(
                    "cannot make the data directory " + dir + " private (mode 700, files 600): " + e.getMessage(), e);
        }
    }

    /** Creates {@code dir} and any missing parents; the ones created here get mode 700. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        if (posix()) {
            Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
            Files.setPosixFilePermissions(abs, DIRECTORY_MODE); // the umask may have narrowed it further
        } else {
            Files.createDirectory(abs);
        }
    }

    /**
     * Writes {@code content} to {@code file} with mode 600 from the moment it exists: written to a
     * new private temporary file beside it, forced to disk, then moved into place atomically.
     *
     * @throws LocusServerException when it cannot be written
     */
    public static void writePrivate(Path file, String content) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            createPrivateDirectories(dir);
            List<FileAttribute<?>> attrs =
                    posix() ? List.of(PosixFilePermissions.asFileAttribute(FILE_MODE)) : List.of();
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attrs.toArray(FileAttribute[]::new));
            try {
                try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    ch.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new LocusServerException("cannot write " + file + " (mode 600): " + e.getMessage(), e);
        }
    }
}

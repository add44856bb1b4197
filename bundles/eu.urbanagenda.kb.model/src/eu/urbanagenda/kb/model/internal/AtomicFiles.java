package eu.urbanagenda.kb.model.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new contents, never a mix: the new
 * contents go to a temporary file in the same folder, are forced to disk, the old file is kept as
 * {@code <name>.bak}, and the temporary file is renamed over the old one (an atomic rename on one file system).
 */
public final class AtomicFiles {

    /** Writes the new contents to the stream it is given; may throw, the target is then left untouched. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Set<PosixFilePermission> DEFAULT_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /** The backup of a file: the same name with {@code .bak} appended, in the same folder. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /**
     * Replaces {@code target} with what {@code content} writes, keeping the previous file as its backup.
     * If anything fails (including {@code content} itself) the target and its backup are as they were and no
     * temporary file is left behind.
     */
    public static void write(Path target, ContentWriter content) throws IOException {
        Path file = target.toAbsolutePath();
        Path folder = file.getParent();
        Files.createDirectories(folder);
        String name = file.getFileName().toString();
        Path temporary = Files.createTempFile(folder, "." + name + ".", ".tmp");
        Path backupTemporary = null;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            setPermissions(temporary, file);
            if (Files.exists(file)) {
                backupTemporary = folder.resolve(temporary.getFileName() + ".bak");
                linkOrCopy(file, backupTemporary);
                move(backupTemporary, backupOf(file));
                backupTemporary = null;
            }
            move(temporary, file);
            temporary = null;
            forceFolder(folder);
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
            if (backupTemporary != null) {
                Files.deleteIfExists(backupTemporary);
            }
        }
    }

    /** A hard link shares the old file's bytes without copying them; where links are not possible, a forced copy. */
    private static void linkOrCopy(Path file, Path copy) throws IOException {
        try {
            Files.createLink(copy, file);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this happens only on exotic file systems; a plain replace is the best they offer.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void setPermissions(Path temporary, Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(Files.exists(file) ? Files.getPosixFilePermissions(file) : DEFAULT_PERMISSIONS);
        }
    }

    /** Makes the rename itself durable (POSIX); a no-op where folders cannot be opened. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; its rename is durable enough for our purpose.
        }
    }
}

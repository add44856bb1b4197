package eu.urbanagenda.kb.model.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new contents, never a mix: the new
 * contents go to a temporary file {@code .<name>.<digits>.tmp} in the same folder, are forced to disk, and the
 * temporary file is renamed over the old one (atomic on one file system), then the folder is forced to disk. One
 * rename, no hard links. A process killed in between leaves its temporary file; the next write of the same file
 * removes it (and the {@code .tmp.bak} files older versions left), and nothing else.
 * <p>
 * Failures are {@link IOException}s whose message says in words what happened, which file it was, and whether the
 * target is unchanged or already replaced.
 */
public final class AtomicFiles {

    /** The new contents are in place, but the folder could not be forced to disk: they may not survive a power cut. */
    public static final class FolderNotForcedException extends IOException {
        private static final long serialVersionUID = 1L;

        FolderNotForcedException(String message, IOException cause) {
            super(message, cause);
        }
    }

    private static final Set<PosixFilePermission> DEFAULT_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private AtomicFiles() {
    }

    /**
     * Replaces {@code file} with {@code bytes}. If anything fails before the rename, the file is as it was and no
     * temporary file is left; if forcing the folder fails after it, the new contents are in place and the message
     * says they may not survive a power cut.
     */
    public static void replace(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("the folder " + folder + " cannot be created: " + describe(e), e);
        }
        cleanLeftovers(target);
        Path temporary;
        try {
            temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException(describe(e) + " (creating a temporary file in " + folder + "); the file is unchanged", e);
        }
        boolean renamed = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            } catch (IOException e) {
                throw new IOException(describe(e) + " (writing " + temporary + "); the file is unchanged", e);
            }
            try {
                setPermissions(temporary, target);
                move(temporary, target);
                renamed = true;
            } catch (IOException e) {
                throw new IOException(describe(e) + " (renaming " + temporary.getFileName() + " over it); the file is unchanged", e);
            }
            try {
                forceFolder(folder);
            } catch (IOException e) {
                throw new FolderNotForcedException("the folder " + folder + " could not be forced to disk (" + describe(e)
                    + "); the new version is in place but may not survive a power cut", e);
            }
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Whether {@code candidate} is a temporary file a killed {@link #replace} of {@code file} left behind. */
    public static boolean isLeftover(Path file, Path candidate) {
        return candidate.getParent() != null && candidate.getParent().equals(file.toAbsolutePath().getParent())
            && leftoverName(file.getFileName().toString()).matcher(candidate.getFileName().toString()).matches();
    }

    /** Removes what killed writes of {@code file} left behind: its own temporary files, never anything else. */
    public static void cleanLeftovers(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Pattern leftover = leftoverName(target.getFileName().toString());
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target.getParent(),
            entry -> leftover.matcher(entry.getFileName().toString()).matches())) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (NoSuchFileException e) {
            // no folder, nothing left over
        }
    }

    private static Pattern leftoverName(String name) {
        // Files.createTempFile puts an unsigned number between prefix and suffix; ".tmp.bak" is what the
        // hard-link backups of earlier versions left
        return Pattern.compile("\\." + Pattern.quote(name) + "\\.\\d+\\.tmp(\\.bak)?");
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
            view.setPermissions(Files.isRegularFile(file) ? Files.getPosixFilePermissions(file) : DEFAULT_PERMISSIONS);
        }
    }

    /** Makes renames and new files in {@code folder} durable (POSIX); Windows cannot open a folder, nor needs to. */
    public static void forceFolder(Path folder) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** An I/O failure in words: what the system said, without class names ("the disk is full (no space left on device)"). */
    public static String describe(IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        String what;
        if (e instanceof NoSuchFileException) {
            what = "no such file or folder";
        } else if (e instanceof AccessDeniedException) {
            what = "permission denied";
        } else if (reason == null || reason.isBlank()) {
            what = "an input/output error";
        } else {
            String lower = reason.toLowerCase(Locale.ROOT);
            if (lower.contains("no space left")) {
                what = "the disk is full (no space left on device)";
            } else if (lower.contains("quota")) {
                what = "the disk quota is used up (" + reason + ")";
            } else if (lower.contains("read-only file system")) {
                what = "the file system is read-only";
            } else if (lower.contains("input/output error")) {
                what = "an input/output error (the disk or file system reported a fault)";
            } else if (lower.contains("permission denied") || lower.contains("operation not permitted")) {
                what = "permission denied";
            } else {
                what = UnreadableFiles.words(reason);
            }
        }
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            what += ": " + fs.getFile();
        }
        return what;
    }
}

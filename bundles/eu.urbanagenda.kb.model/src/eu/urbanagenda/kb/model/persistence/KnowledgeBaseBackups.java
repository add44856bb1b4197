package eu.urbanagenda.kb.model.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.urbanagenda.kb.model.internal.AtomicFiles;

/**
 * The backups of a knowledge-base file: every {@link KnowledgeBaseFiles#save save} (and the first copy of the
 * bundled knowledge base) also writes what it saved to {@code <file>.backups/NNNNNN-yyyyMMddTHHmmssZ.xmi}, after
 * checking that it loads cleanly; the last {@value #KEPT} are kept. So when the file itself is damaged (cut off by
 * another program, a disk fault, an edit by hand), {@link #newestGood(Path)} is the last version saved, and
 * {@link #restore(Path, Backup)} puts it back. Headless: the workbench and the command line offer it on top.
 */
public final class KnowledgeBaseBackups {

    /** How many backups are kept per file (the newest ones). */
    public static final int KEPT = 5;

    /** One backup: its file, its number (higher is newer), when it was saved, its size in bytes. */
    public record Backup(Path file, long number, Instant savedAt, long size) {
    }

    /** What {@link #restore(Path, Backup)} did: the backup put back, and where the replaced file was kept, if anywhere. */
    public record Restored(Backup backup, Optional<Path> replacedFileKeptAs) {
    }

    @FunctionalInterface
    interface IoAction<T> {
        T run() throws IOException;
    }

    private static final Pattern BACKUP_NAME = Pattern.compile("(\\d{6,})-(\\d{8}T\\d{6}Z)\\.xmi");
    private static final Pattern LEFTOVER_NAME = Pattern.compile("\\.\\d{6,}-\\d{8}T\\d{6}Z\\.xmi\\.\\d+\\.tmp");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String LOCK_FILE = ".lock";
    /** Saves within this JVM take turns (a file lock is per process); other processes wait on the file lock. */
    private static final Object JVM_LOCK = new Object();

    private KnowledgeBaseBackups() {
    }

    /** The folder of {@code file}'s backups: {@code <file>.backups} beside it. */
    public static Path folderOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".backups");
    }

    /** The backups of {@code file}, newest first (empty when there are none). */
    public static List<Backup> list(Path file) throws IOException {
        Path folder = folderOf(file);
        List<Backup> backups = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Matcher name = BACKUP_NAME.matcher(entry.getFileName().toString());
                if (name.matches() && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    backups.add(new Backup(entry, Long.parseLong(name.group(1)), savedAt(name.group(2), entry), Files.size(entry)));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        backups.sort(Comparator.comparingLong(Backup::number).reversed());
        return backups;
    }

    private static Instant savedAt(String stamp, Path entry) throws IOException {
        try {
            return STAMP.parse(stamp, Instant::from);
        } catch (DateTimeParseException e) {
            return Files.getLastModifiedTime(entry).toInstant();
        }
    }

    /** Loads a backup (strictly, like any knowledge base): throws when it is damaged. */
    public static LoadResult load(Backup backup) throws KnowledgeBaseLoadException {
        return KnowledgeBaseFiles.load(backup.file());
    }

    /** The newest backup of {@code file} that loads cleanly. */
    public static Optional<Backup> newestGood(Path file) throws IOException {
        for (Backup backup : list(file)) {
            try {
                LoadResult result = load(backup);
                result.resource().unload();
                return Optional.of(backup);
            } catch (KnowledgeBaseLoadException e) {
                // damaged since it was written: try an older one
            }
        }
        return Optional.empty();
    }

    /**
     * Puts {@code backup} back as {@code file}, atomically, after checking that it loads cleanly. The file it replaces
     * is kept beside it as {@code <name>.replaced-<time>.xmi} unless it is the same as one of the backups, so a restore
     * loses nothing either.
     *
     * @throws IOException naming the backup or the file and the problem; the file is then unchanged
     */
    public static Restored restore(Path file, Backup backup) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        byte[] bytes;
        try {
            bytes = KnowledgeBaseFiles.readFile(backup.file());
            KnowledgeBaseFiles.checkLoadsBack(bytes, target, false).resource().unload();
        } catch (IOException e) {
            throw new IOException("Cannot restore backup " + backup.number() + " (" + backup.file() + "): " + e.getMessage(), e);
        }
        return underLock(target, () -> {
            Path keptAs = null;
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("Cannot restore over " + target + ": it is not a regular file; nothing was changed");
                }
                byte[] current = Files.readAllBytes(target);
                if (!sameAsABackup(target, current)) {
                    keptAs = keepAside(target, current);
                }
            }
            try {
                AtomicFiles.replace(target, bytes);
            } catch (IOException e) {
                throw new IOException("Cannot restore " + target + ": " + e.getMessage(), e);
            }
            return new Restored(backup, Optional.ofNullable(keptAs));
        });
    }

    private static boolean sameAsABackup(Path file, byte[] bytes) throws IOException {
        for (Backup backup : list(file)) {
            if (backup.size() == bytes.length && Arrays.equals(bytes, Files.readAllBytes(backup.file()))) {
                return true;
            }
        }
        return false;
    }

    private static Path keepAside(Path file, byte[] bytes) throws IOException {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".xmi") ? name.substring(0, name.length() - 4) : name;
        String stamp = STAMP.format(Instant.now());
        Path kept = file.resolveSibling(stem + ".replaced-" + stamp + ".xmi");
        for (int n = 2; Files.exists(kept, LinkOption.NOFOLLOW_LINKS); n++) {
            kept = file.resolveSibling(stem + ".replaced-" + stamp + "-" + n + ".xmi");
        }
        try {
            AtomicFiles.replace(kept, bytes);
        } catch (IOException e) {
            throw new IOException("Cannot restore " + file + ": the file it would replace cannot be kept as " + kept + ": " + e.getMessage(), e);
        }
        return kept;
    }

    /** Runs {@code action} holding {@code target}'s save lock (a lock file in its backup folder). */
    static <T> T underLock(Path target, IoAction<T> action) throws IOException {
        Path folder = folderOf(target);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("the backup folder " + folder + " cannot be created: " + AtomicFiles.describe(e) + "; the file is unchanged", e);
        }
        synchronized (JVM_LOCK) {
            try (FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
                return action.run();
            }
        }
    }

    /**
     * Writes {@code bytes} (already checked to load cleanly) as the newest backup of {@code target}, after removing
     * what killed saves left in the backup folder. Called under the save lock.
     */
    static Backup add(Path target, byte[] bytes) throws IOException {
        Path folder = folderOf(target);
        cleanLeftovers(folder);
        List<Backup> existing = list(target);
        long number = existing.isEmpty() ? 1 : existing.get(0).number() + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path file = folder.resolve(String.format("%06d-%s.xmi", number, STAMP.format(now)));
        try {
            AtomicFiles.replace(file, bytes);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw new IOException("its backup cannot be written: " + e.getMessage(), e);
        }
        return new Backup(file, number, now, bytes.length);
    }

    /** Removes a backup whose save did not happen after all. */
    static void discard(Backup backup) throws IOException {
        Files.deleteIfExists(backup.file());
    }

    /** Keeps the newest {@value #KEPT} backups of {@code target}. Called under the save lock. */
    static void prune(Path target) throws IOException {
        List<Backup> backups = list(target);
        for (Backup old : backups.subList(Math.min(KEPT, backups.size()), backups.size())) {
            Files.deleteIfExists(old.file());
        }
    }

    private static void cleanLeftovers(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
            entry -> LEFTOVER_NAME.matcher(entry.getFileName().toString()).matches())) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (NoSuchFileException e) {
            // no folder yet
        }
    }
}

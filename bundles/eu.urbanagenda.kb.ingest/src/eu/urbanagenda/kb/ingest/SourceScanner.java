package eu.urbanagenda.kb.ingest;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;

/**
 * Lists the files under a set of files and folders, recursively, following symbolic links (loops are reported).
 * Hidden files and folders (names starting with a dot) are left out unless given explicitly. Every other regular file
 * is listed: whether it is usable is decided by {@link DocumentExtractor}.
 */
public final class SourceScanner {

    /**
     * A file or folder that could not be listed, or that is no file to read (a named pipe, a device, a dangling link).
     *
     * @param path the file or folder
     * @param reason why
     * @param unavailable whether it may come back (an unreadable or unmounted folder): what was indexed from it is kept
     */
    public record Problem(Path path, String reason, boolean unavailable) {
    }

    /**
     * The result of a scan.
     *
     * @param files the files, sorted by path, without duplicates
     * @param problems files and folders that could not be listed
     */
    public record Result(List<SourceFile> files, List<Problem> problems) {
    }

    private SourceScanner() {
    }

    /**
     * @param roots files and folders
     * @return the files under them
     */
    public static Result scan(Collection<Path> roots) {
        TreeMap<Path, SourceFile> files = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path root : roots) {
            Path start = root.toAbsolutePath().normalize();
            if (!Files.exists(start)) {
                problems.add(Files.isSymbolicLink(start) ? new Problem(start, danglingLink(start), false)
                        : new Problem(start, "does not exist", true));
                continue;
            }
            try {
                Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                                return !dir.equals(start) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                        : FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (!file.equals(start) && isHidden(file)) {
                                    return FileVisitResult.CONTINUE;
                                }
                                Path p = file.toAbsolutePath().normalize();
                                if (attrs.isRegularFile()) {
                                    files.put(p, new SourceFile(p, attrs.size(), attrs.lastModifiedTime().toMillis()));
                                } else if (!attrs.isDirectory()) {
                                    problems.add(new Problem(p, "not a regular file (" + kind(p) + ")", false));
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                Path p = file.toAbsolutePath().normalize();
                                boolean dangling = e instanceof NoSuchFileException && Files.isSymbolicLink(p);
                                problems.add(dangling ? new Problem(p, danglingLink(p), false) : new Problem(p, reason(e), true));
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                problems.add(new Problem(start, reason(e), true));
            }
        }
        return new Result(List.copyOf(files.values()), problems);
    }

    /** What kind of file other than a regular file or folder it is, in words. */
    private static String kind(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return switch (mode & 0170000) {
            case 0010000 -> "a named pipe";
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            case 0140000 -> "a socket";
            default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    private static String danglingLink(Path link) {
        try {
            return "a symbolic link to " + Files.readSymbolicLink(link) + ", which does not exist";
        } catch (IOException e) {
            return "a symbolic link to nothing";
        }
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "vanished while listing" : "cannot list: " + IoProblems.describe(e);
    }
}

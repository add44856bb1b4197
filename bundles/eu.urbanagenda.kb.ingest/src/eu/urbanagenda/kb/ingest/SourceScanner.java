package eu.urbanagenda.kb.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
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
     * A file or folder that could not be listed.
     *
     * @param path the file or folder
     * @param reason why
     */
    public record Problem(Path path, String reason) {
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
                problems.add(new Problem(start, "does not exist"));
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
                                if (attrs.isRegularFile() && (file.equals(start) || !isHidden(file))) {
                                    Path p = file.toAbsolutePath().normalize();
                                    files.put(p, new SourceFile(p, attrs.size(), attrs.lastModifiedTime().toMillis()));
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                problems.add(new Problem(file.toAbsolutePath().normalize(), reason(e)));
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                problems.add(new Problem(start, reason(e)));
            }
        }
        return new Result(List.copyOf(files.values()), problems);
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "vanished while listing";
        }
        return "cannot list: " + e.getMessage();
    }
}

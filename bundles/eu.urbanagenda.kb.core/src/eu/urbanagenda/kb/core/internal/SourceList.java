package eu.urbanagenda.kb.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files and folders indexed so far, kept in a text file of the data directory: one absolute path a line, with
 * backslash, line feed and carriage return written as {@code \\}, {@code \n} and {@code \r}, so that every path a
 * file system allows comes back as it was (a name may hold a line break). A file written before this format (no
 * header line) is read one path a line, as it was written.
 */
public final class SourceList {

    static final String HEADER = "# kb sources 2: one path a line; \\\\ \\n \\r stand for backslash, line feed, carriage return";

    private final Path file;

    public SourceList(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The recorded paths, in the order they were first recorded; empty when nothing was recorded yet. */
    public List<Path> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean escaped = !lines.isEmpty() && lines.get(0).startsWith("# kb sources 2");
        List<Path> paths = new ArrayList<>();
        for (String line : escaped ? lines.subList(1, lines.size()) : lines) {
            if (escaped ? !line.isEmpty() : !line.isBlank()) {
                paths.add(Path.of(escaped ? unescape(line) : line.strip()));
            }
        }
        return paths;
    }

    /** Records paths besides those recorded before (atomically: the file is replaced, never half written). */
    public void add(Collection<Path> paths) throws IOException {
        Set<Path> all = new LinkedHashSet<>(read());
        if (all.containsAll(paths) && isCurrentFormat()) {
            return;
        }
        all.addAll(paths);
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        all.forEach(p -> lines.add(escape(p.toString())));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private boolean isCurrentFormat() throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first != null && first.startsWith("# kb sources 2");
        }
    }

    static String escape(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            switch (c) {
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

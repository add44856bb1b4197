package eu.urbanagenda.kb.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which documents are linked to which partnership, as of the knowledge base file it was taken from, in a small text file
 * beside it: a search needs only this of the knowledge base, and reading it takes a millisecond where loading the
 * knowledge base takes a large part of a command's start. It counts only while the knowledge base file is the one it
 * was taken from (same size, time and file), so an edit by any other means makes it unused until the next save.
 * <p>
 * The format: a header line, a line with the knowledge base file's size, time and identity, then one line per
 * partnership in the knowledge base's order: its id, a tab, and the SHA-256 of its documents separated by spaces.
 */
public final class LinksSnapshot {

    static final String HEADER = "# kb document links 1";
    private static final String KEY = "# of: ";

    private final Path file;
    private final Path knowledgeBase;

    public LinksSnapshot(Path file, Path knowledgeBase) {
        this.file = file;
        this.knowledgeBase = knowledgeBase;
    }

    /** The documents by partnership id, when the snapshot is of the knowledge base file as it is now. */
    public Optional<Map<String, Set<String>>> read() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).equals(KEY + key())) {
                return Optional.empty();
            }
            Map<String, Set<String>> byPartnership = new LinkedHashMap<>();
            for (String line : lines.subList(2, lines.size())) {
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    return Optional.empty();
                }
                String documents = line.substring(tab + 1).strip();
                byPartnership.put(line.substring(0, tab), documents.isEmpty() ? Set.of() : Set.of(documents.split(" ")));
            }
            return Optional.of(byPartnership);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or not ours: the knowledge base itself tells
        }
    }

    /**
     * Writes the snapshot of the knowledge base file as it is now (atomically); call it when the model and the file agree
     * (just loaded or saved). A data directory that cannot be written keeps no snapshot.
     */
    public void write(Map<String, Set<String>> documentsByPartnership) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            lines.add(KEY + key());
            documentsByPartnership.forEach((id, documents) -> lines.add(id + "\t" + String.join(" ", documents.stream().sorted().toList())));
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing was written then
            }
        }
    }

    /** Whether the snapshot is of the knowledge base file as it is now. */
    public boolean current() {
        return read().isPresent();
    }

    private String key() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(knowledgeBase, BasicFileAttributes.class);
        return attributes.size() + " " + attributes.lastModifiedTime().toMillis() + " " + attributes.fileKey();
    }
}

package eu.urbanagenda.kb.index;

import java.nio.file.Path;

/**
 * A file that was not indexed.
 *
 * @param file the file or folder
 * @param reason why, e.g. "binary file (PNG image)"
 */
public record SkippedFile(Path file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason;
    }
}

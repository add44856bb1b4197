package eu.urbanagenda.kb.ingest;

import java.nio.file.Path;

/**
 * A file found by {@link SourceScanner}.
 *
 * @param path absolute, normalised path
 * @param size size in bytes
 * @param lastModified modification time in milliseconds since the epoch
 */
public record SourceFile(Path path, long size, long lastModified) {
}

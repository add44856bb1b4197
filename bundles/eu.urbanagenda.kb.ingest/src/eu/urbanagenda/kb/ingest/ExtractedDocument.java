package eu.urbanagenda.kb.ingest;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A document extracted from a file: its text for display and indexing, and its metadata.
 *
 * @param path the absolute, normalised path of the file
 * @param format the format it was read as
 * @param encoding the character encoding that was used (e.g. {@code windows-1251}), or {@code null} for PDF
 * @param encodingSource how the encoding was determined
 * @param language the detected language
 * @param title the title (HTML title, PDF title, or the first line of a text), never {@code null}, maybe empty
 * @param description the HTML meta description or PDF subject, or {@code null}
 * @param date the publication date from metadata or the beginning of the text, or {@code null}
 * @param size the file size in bytes
 * @param lastModified the file's modification time in milliseconds since the epoch
 * @param sha256 the lower-case hex SHA-256 of the file's bytes
 * @param text the text (NFC; soft hyphens and stress accents kept, they are removed by the analyzers for matching)
 */
public record ExtractedDocument(Path path, DocumentFormat format, String encoding, EncodingSource encodingSource,
        Language language, String title, String description, LocalDate date, long size, long lastModified,
        String sha256, String text) {
}

package eu.urbanagenda.kb.index;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.Language;

/**
 * One hit: a document, shown by its best-matching file, with the other files that hold the same text.
 *
 * @param path the file ({@code archive.zip!/member} for a member of an archive)
 * @param title its title (maybe empty)
 * @param lang its language
 * @param format the format it was read from
 * @param encoding the encoding used to decode it, or {@code null} (formats with their own encoding)
 * @param date publication date, or {@code null}
 * @param score relevance score (NaN when sorted by date without scores)
 * @param sha256 lower-case hex SHA-256 of the file
 * @param snippet the best passages with the matched words, or {@code null} when snippets are off or nothing matched
 *            in the text (e.g. a match in the title only)
 * @param metadata author, dates and OCR confidence from the file
 * @param copies the other files of the same document (exact or near copies: a PDF export, a scan), best first
 */
public record SearchHit(Path path, String title, Language lang, DocumentFormat format, String encoding, LocalDate date,
        float score, String sha256, Snippet snippet, DocumentMetadata metadata, List<Copy> copies) {

    /**
     * Another file of the same document.
     *
     * @param path the file
     * @param format its format
     * @param sha256 its SHA-256
     * @param ocrConfidence its OCR confidence, or {@code null}
     */
    public record Copy(Path path, DocumentFormat format, String sha256, Double ocrConfidence) {
    }
}

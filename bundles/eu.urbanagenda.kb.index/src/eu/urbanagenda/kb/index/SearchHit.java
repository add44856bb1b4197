package eu.urbanagenda.kb.index;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One hit: a document, shown by its best-matching file, with the other files that hold the same text.
 *
 * @param path the file ({@code archive.zip!/member} for a member of an archive)
 * @param title its title (maybe empty)
 * @param lang language code
 * @param format format id (text, html, pdf, docx, odt, image, …)
 * @param encoding the encoding used to decode it, or {@code null} (formats with their own encoding)
 * @param date publication date, or {@code null}
 * @param score relevance score (NaN when sorted by date without scores)
 * @param sha256 lower-case hex SHA-256 of the file
 * @param snippet the best passages with matched words (any inflected form) marked {@code <b>…</b>}; the text's own
 *            {@code <}, {@code >} and {@code &} are escaped as HTML entities; {@code null} when snippets are off
 * @param author the author from the document's metadata, or {@code null}
 * @param created the creation time from the document's metadata, or {@code null}
 * @param modified the modification time from the document's metadata, or {@code null}
 * @param ocrConfidence for text recognised by OCR, the mean word confidence (0–100), else {@code null}
 * @param copies the other files of the same document (exact or near copies: a PDF export, a scan), best first
 */
public record SearchHit(Path path, String title, String lang, String format, String encoding, LocalDate date,
        float score, String sha256, String snippet, String author, Instant created, Instant modified,
        Double ocrConfidence, List<Copy> copies) {

    /**
     * Another file of the same document.
     *
     * @param path the file
     * @param format its format id
     * @param sha256 its SHA-256
     * @param ocrConfidence its OCR confidence, or {@code null}
     */
    public record Copy(Path path, String format, String sha256, Double ocrConfidence) {
    }
}

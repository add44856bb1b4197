package eu.urbanagenda.kb.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A document extracted from a file: its text for display and indexing, and its metadata.
 *
 * @param path the absolute, normalised path of the file; a member of an archive is {@code archive.zip!/dir/file}
 * @param format the format it was read as
 * @param encoding the character encoding that was used (e.g. {@code windows-1251}), or {@code null} when the format
 *            has its own (PDF, office documents)
 * @param encodingSource how the encoding was determined
 * @param language the detected language
 * @param title the title (document metadata, HTML title, or the first line of the text), never {@code null}
 * @param description the HTML meta description, PDF subject or document description, or {@code null}
 * @param date the publication date from metadata or the beginning of the text, or {@code null}
 * @param size the size in bytes (of the member, for a member of an archive)
 * @param lastModified the file's modification time in milliseconds since the epoch
 * @param sha256 the lower-case hex SHA-256 of the bytes (of the member, for a member of an archive)
 * @param text the text (NFC; soft hyphens and stress accents kept, they are removed by the analyzers for matching)
 * @param author the author from the document's metadata (for e-mail: the sender), or {@code null}
 * @param created the creation time from the document's metadata, or {@code null}
 * @param modified the modification time from the document's metadata, or {@code null}
 * @param ocrConfidence for text recognised by OCR, Tesseract's mean word confidence (0–100); else {@code null}
 */
public record ExtractedDocument(Path path, DocumentFormat format, String encoding, EncodingSource encodingSource,
        Language language, String title, String description, LocalDate date, long size, long lastModified,
        String sha256, String text, String author, Instant created, Instant modified, Double ocrConfidence) {

    /** A document without author, creation and modification times, not read by OCR. */
    public ExtractedDocument(Path path, DocumentFormat format, String encoding, EncodingSource encodingSource,
            Language language, String title, String description, LocalDate date, long size, long lastModified,
            String sha256, String text) {
        this(path, format, encoding, encodingSource, language, title, description, date, size, lastModified, sha256,
                text, null, null, null, null);
    }

    /** @return whether the text was recognised by OCR */
    public boolean ocr() {
        return ocrConfidence != null;
    }
}

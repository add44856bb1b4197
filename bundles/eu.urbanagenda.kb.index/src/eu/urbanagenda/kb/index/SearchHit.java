package eu.urbanagenda.kb.index;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One hit.
 *
 * @param path the file
 * @param title its title (maybe empty)
 * @param lang language code
 * @param format format id (text, html, pdf)
 * @param encoding the encoding used to decode it, or {@code null} (PDF)
 * @param date publication date, or {@code null}
 * @param score relevance score (NaN when sorted by date without scores)
 * @param sha256 lower-case hex SHA-256 of the file
 * @param snippet the best passages with matched words (any inflected form) marked {@code <b>…</b>}; the text's own
 *            {@code <}, {@code >} and {@code &} are escaped as HTML entities; {@code null} when snippets are off
 */
public record SearchHit(Path path, String title, String lang, String format, String encoding, LocalDate date,
        float score, String sha256, String snippet) {
}

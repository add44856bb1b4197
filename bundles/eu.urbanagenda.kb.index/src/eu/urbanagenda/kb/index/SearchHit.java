package eu.urbanagenda.kb.index;

import java.nio.file.Path;
import java.time.LocalDate;

import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.Language;

/**
 * One hit.
 *
 * @param path the file
 * @param title its title (maybe empty)
 * @param lang its language
 * @param format the format it was read from
 * @param encoding the encoding used to decode it, or {@code null} (PDF)
 * @param date publication date, or {@code null}
 * @param score relevance score (NaN when sorted by date without scores)
 * @param sha256 lower-case hex SHA-256 of the file
 * @param snippet the best passages with the matched words, or {@code null} when snippets are off or nothing matched
 *            in the text (e.g. a match in the title only)
 */
public record SearchHit(Path path, String title, Language lang, DocumentFormat format, String encoding, LocalDate date,
        float score, String sha256, Snippet snippet) {
}

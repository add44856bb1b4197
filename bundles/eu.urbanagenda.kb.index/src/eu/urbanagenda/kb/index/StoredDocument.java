package eu.urbanagenda.kb.index;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.EncodingSource;
import eu.urbanagenda.kb.ingest.Language;

/**
 * A document as stored in the index, for the document viewer.
 *
 * @param path the file
 * @param title the title
 * @param description the description, or {@code null}
 * @param lang its language
 * @param format the format it was read from
 * @param encoding the encoding used, or {@code null}
 * @param encodingSource how the encoding was chosen
 * @param date publication date, or {@code null}
 * @param size file size in bytes
 * @param lastModified file time in milliseconds
 * @param sha256 SHA-256 of the file
 * @param text the full text as extracted (with stress accents and soft hyphens)
 * @param highlights the matches of the query in {@code text}, in order, not overlapping
 * @param metadata author, dates and OCR confidence from the file
 * @param copies the other files of the same document (exact or near copies), as search hits list them
 */
public record StoredDocument(Path path, String title, String description, Language lang, DocumentFormat format,
        String encoding, EncodingSource encodingSource, LocalDate date, long size, long lastModified, String sha256,
        String text, List<Highlight> highlights, DocumentMetadata metadata, List<SearchHit.Copy> copies) {

    /** @return the text with each highlight marked {@code <b>…</b>} (see {@link Highlight#marked}) */
    public String markedText() {
        return Highlight.marked(text, highlights);
    }
}

package eu.urbanagenda.kb.index;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A document as stored in the index, for the document viewer.
 *
 * @param path the file
 * @param title the title
 * @param description the description, or {@code null}
 * @param lang language code
 * @param format format id
 * @param encoding the encoding used, or {@code null}
 * @param encodingSource how the encoding was chosen (see {@link eu.urbanagenda.kb.ingest.EncodingSource})
 * @param date publication date, or {@code null}
 * @param size file size in bytes
 * @param lastModified file time in milliseconds
 * @param sha256 SHA-256 of the file
 * @param text the full text as extracted (with stress accents and soft hyphens)
 * @param highlights the matches of the query in {@code text}, in order, not overlapping
 * @param author the author from the document's metadata, or {@code null}
 * @param created the creation time from the document's metadata, or {@code null}
 * @param modified the modification time from the document's metadata, or {@code null}
 * @param ocrConfidence for text recognised by OCR, the mean word confidence (0–100: "recognised by OCR, N %
 *            confidence"), else {@code null}
 */
public record StoredDocument(Path path, String title, String description, String lang, String format,
        String encoding, String encodingSource, LocalDate date, long size, long lastModified, String sha256,
        String text, List<Highlight> highlights, String author, Instant created, Instant modified,
        Double ocrConfidence) {

    /**
     * A match in the text.
     *
     * @param start start offset (inclusive) in {@link StoredDocument#text()}
     * @param end end offset (exclusive)
     */
    public record Highlight(int start, int end) {
    }

    /** @return the text with each highlight marked {@code <b>…</b>} (and {@code <}, {@code >}, {@code &} escaped) */
    public String markedText() {
        StringBuilder b = new StringBuilder(text.length() + highlights.size() * 7);
        int pos = 0;
        for (Highlight h : highlights) {
            escape(b, text, pos, h.start());
            b.append("<b>");
            escape(b, text, h.start(), h.end());
            b.append("</b>");
            pos = h.end();
        }
        escape(b, text, pos, text.length());
        return b.toString();
    }

    static void escape(StringBuilder b, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> b.append(c);
            }
        }
    }
}

package eu.urbanagenda.kb.index;

import java.time.Instant;

/**
 * What a document's file says of it beside its text, where its format has it.
 *
 * @param author        the author from the document's metadata, or {@code null}
 * @param created       the creation time from the document's metadata, or {@code null}
 * @param modified      the modification time from the document's metadata, or {@code null}
 * @param ocrConfidence for text recognised by OCR, the mean word confidence (0–100: "recognised by OCR, N %
 *                      confidence"), else {@code null}
 */
public record DocumentMetadata(String author, Instant created, Instant modified, Double ocrConfidence) {

    /** Nothing known. */
    public static final DocumentMetadata NONE = new DocumentMetadata(null, null, null, null);

    /** Whether the text was recognised by OCR. */
    public boolean recognised() {
        return ocrConfidence != null;
    }
}

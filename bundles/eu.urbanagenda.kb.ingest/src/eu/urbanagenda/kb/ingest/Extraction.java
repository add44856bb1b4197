package eu.urbanagenda.kb.ingest;

import java.util.List;

/**
 * What a file gave: one document, or for an archive one per readable member, and the members that were skipped.
 *
 * @param documents the documents (at least one)
 * @param skipped members of an archive that were skipped, each with the reason
 */
public record Extraction(List<ExtractedDocument> documents, List<SkippedFileException> skipped) {

    /** @return whether a skipped member could be read once something missing is installed (read it again next time) */
    public boolean incomplete() {
        return skipped.stream().anyMatch(SkippedFileException::retry);
    }
}

package eu.urbanagenda.kb.link;

import java.nio.file.Path;
import java.util.List;

import eu.urbanagenda.kb.index.SearchHit;

/**
 * A proposed link of an indexed document to a partnership or an actor, with why: the terms that matched
 * and the best passage.
 *
 * @param targetId   the partnership's or actor's id
 * @param targetType "Partnership" or "Actor"
 * @param document   the document as the index found it, with its best passage
 * @param score      how surely the document speaks of the target, 0 to 1
 * @param matched    the names and keywords found, as written in the knowledge base, with their counts
 */
public record Proposal(String targetId, String targetType, SearchHit document, double score, List<String> matched) {

    public String sha256() {
        return document.sha256();
    }

    public Path path() {
        return document.path();
    }

    /** The best passage as plain text, as the knowledge base keeps it; {@code null} when there is none. */
    public String passage() {
        return document.snippet() == null ? null : document.snippet().text();
    }
}

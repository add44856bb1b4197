package eu.urbanagenda.kb.link;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A proposed link of an indexed document to a partnership or an actor, with why: the terms that matched
 * and the best passage.
 *
 * @param targetId   the partnership's or actor's id
 * @param targetType "Partnership" or "Actor"
 * @param snippet    the best passage, matched words marked {@code <b>…</b>}, other text plain
 * @param matched    the names and keywords found, as written in the knowledge base, with their counts
 */
public record Proposal(String targetId, String targetType, String sha256, Path path, String title, String language,
        String format, String encoding, LocalDate date, double score, String snippet, List<String> matched) {
}

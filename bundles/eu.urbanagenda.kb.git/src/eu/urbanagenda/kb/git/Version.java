package eu.urbanagenda.kb.git;

import java.time.Instant;
import java.util.List;

/**
 * One version of the knowledge base in its history: a commit.
 *
 * @param id      the commit id (40 hex digits)
 * @param parents the ids of the versions it follows (two for a merge of the shared knowledge base)
 * @param author  who made it
 * @param email   the author's e-mail address (may be empty)
 * @param when    when it was made
 * @param message what was done ("Set Status; Add Coordinator Sofia (BG)"), first line first
 */
public record Version(String id, List<String> parents, String author, String email, Instant when, String message) {

    /** The first seven digits of the id, as Git shows it (enough to name it in `kb diff`). */
    public String shortId() {
        return id.substring(0, 7);
    }

    /** The first line of the message. */
    public String subject() {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /** Whether it merged the changes of another copy of the knowledge base. */
    public boolean isMerge() {
        return parents.size() > 1;
    }
}

package eu.urbanagenda.kb.index;

import java.util.List;

/**
 * The best passages of a hit: plain text (white space collapsed, passages joined by "…") with the words that matched
 * the query, in any inflected form, as {@link Highlight}s into it.
 *
 * @param text       the passages
 * @param highlights the matches in {@code text}, in order, not overlapping
 */
public record Snippet(String text, List<Highlight> highlights) {

    public Snippet {
        highlights = List.copyOf(highlights);
    }

    /** The passages with the matches marked {@code <b>…</b>} (see {@link Highlight#marked}). */
    public String marked() {
        return Highlight.marked(text, highlights);
    }

    /** The matched words, as they stand in the text. */
    public List<String> matchedWords() {
        return highlights.stream().map(h -> text.substring(h.start(), h.end())).toList();
    }
}

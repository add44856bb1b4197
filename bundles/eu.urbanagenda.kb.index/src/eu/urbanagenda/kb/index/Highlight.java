package eu.urbanagenda.kb.index;

import java.util.List;

/**
 * A match of the query in a text: the characters from {@code start} (inclusive) to {@code end} (exclusive).
 *
 * @param start start offset
 * @param end   end offset
 */
public record Highlight(int start, int end) {

    /**
     * The text with every highlight marked {@code <b>…</b>} and the text's own {@code <}, {@code >} and {@code &}
     * escaped as HTML entities: the one place where a highlighted text becomes markup (for scripts and HTML).
     *
     * @param highlights in order, not overlapping
     */
    public static String marked(String text, List<Highlight> highlights) {
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

    private static void escape(StringBuilder b, String s, int from, int to) {
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

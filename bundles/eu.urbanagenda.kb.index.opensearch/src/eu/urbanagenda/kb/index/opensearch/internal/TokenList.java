package eu.urbanagenda.kb.index.opensearch.internal;

import java.util.List;

/**
 * Writes analysed terms as the text the plugin's {@code kb_tokens} analyzer reads back: positions separated by a space,
 * the terms at one position by {@code |}, an empty position for each gap, and a backslash before a space, {@code |} or
 * backslash inside a term (the reader is {@code TokenListAnalyzer} in the plugin module).
 */
public final class TokenList {

    private TokenList() {
    }

    /**
     * @param terms the terms at one position
     * @return the text of that one position
     */
    public static String position(List<String> terms) {
        StringBuilder b = new StringBuilder();
        appendPosition(b, terms);
        return b.toString();
    }

    /**
     * @param positions the terms at each position, in order
     * @param numbers the number of each position (increasing; a step of more than one is a gap)
     * @return the text
     */
    public static String encode(List<List<String>> positions, int[] numbers) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < positions.size(); i++) {
            if (i > 0) {
                b.append(" ".repeat(Math.max(1, numbers[i] - numbers[i - 1])));
            }
            appendPosition(b, positions.get(i));
        }
        return b.toString();
    }

    private static void appendPosition(StringBuilder b, List<String> terms) {
        for (int t = 0; t < terms.size(); t++) {
            if (t > 0) {
                b.append('|');
            }
            String term = terms.get(t);
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (c == ' ' || c == '|' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
        }
    }
}

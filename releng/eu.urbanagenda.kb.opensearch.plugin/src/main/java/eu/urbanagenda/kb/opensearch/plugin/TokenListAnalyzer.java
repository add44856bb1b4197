package eu.urbanagenda.kb.opensearch.plugin;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Terms that were analysed already, written as text: positions separated by a space, the terms at one position
 * separated by {@code |}, an empty position for a gap, and a backslash before a space, {@code |} or backslash that is
 * part of a term. {@code "громада|громади цифровий"} is two positions, the first with two terms.
 * <p>
 * The product parses a query with its own parser and analyzers on the client and sends the result to the cluster; a
 * {@code match} or {@code match_phrase} query over this analyzer makes the engine build the same synonym, phrase and
 * multi-phrase queries from those terms as the desktop index does (same classes, same scores).
 */
public final class TokenListAnalyzer extends Analyzer {

    /** The name under which the plugin registers it. */
    public static final String NAME = "kb_tokens";

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new TokenListTokenizer());
    }

    /** Reads the whole (short) text on reset and emits its terms. */
    static final class TokenListTokenizer extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final List<String> terms = new ArrayList<>();
        private final List<Integer> increments = new ArrayList<>();
        private int next;
        private int length;

        @Override
        public void reset() throws IOException {
            super.reset();
            String text = readAll(input);
            length = text.length();
            parse(text, terms, increments);
            next = 0;
        }

        @Override
        public boolean incrementToken() {
            if (next >= terms.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms.get(next));
            increment.setPositionIncrement(increments.get(next));
            offset.setOffset(0, length);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(length, length);
        }

        private static String readAll(Reader reader) throws IOException {
            StringBuilder b = new StringBuilder();
            char[] buffer = new char[1024];
            for (int n; (n = reader.read(buffer)) > 0;) {
                b.append(buffer, 0, n);
            }
            return b.toString();
        }

        /** Splits the text into terms with their position increments. */
        static void parse(String text, List<String> terms, List<Integer> increments) {
            terms.clear();
            increments.clear();
            StringBuilder current = new StringBuilder();
            int pending = 1;
            boolean firstAtPosition = true;
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : ' ';
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == '|' || c == ' ') {
                    if (current.length() > 0) {
                        terms.add(current.toString());
                        increments.add(firstAtPosition ? pending : 0);
                        firstAtPosition = false;
                        current.setLength(0);
                    }
                    if (c == ' ') {
                        // a position without terms is a gap: the next term's increment grows
                        pending = firstAtPosition ? pending + 1 : 1;
                        firstAtPosition = true;
                    }
                } else {
                    current.append(c);
                }
            }
        }
    }
}

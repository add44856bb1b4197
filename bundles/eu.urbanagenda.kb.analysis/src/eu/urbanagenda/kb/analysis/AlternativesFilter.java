package eu.urbanagenda.kb.analysis;

import java.io.IOException;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Emits each word and, at the same position, its alternatives (e.g. its lemmas), as given by a function from the word
 * to the alternatives that differ from it; or, for queries, the alternatives instead of the word where there are any
 * (a lemma then matches every form of the word alike, the typed form included). The function is usually a
 * {@link WordCache}, so frequent words are looked up once.
 */
public final class AlternativesFilter extends TokenFilter {

    private static final String[] NONE = new String[0];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final Function<String, String[]> alternatives;
    private final boolean keepWord;
    private String[] pending = NONE;
    private int next;
    private AttributeSource.State state;

    /**
     * @param input lower-cased words
     * @param alternatives from a word to its alternatives, none equal to the word, without duplicates
     */
    public AlternativesFilter(TokenStream input, Function<String, String[]> alternatives) {
        this(input, alternatives, true);
    }

    /**
     * @param input lower-cased words
     * @param alternatives from a word to its alternatives, without duplicates
     * @param keepWord whether the word itself is emitted too (indexing) or replaced by its alternatives where it has
     *            any (querying)
     */
    public AlternativesFilter(TokenStream input, Function<String, String[]> alternatives, boolean keepWord) {
        super(input);
        this.alternatives = alternatives;
        this.keepWord = keepWord;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < pending.length) {
            restoreState(state);
            term.setEmpty().append(pending[next++]);
            posInc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        pending = alternatives.apply(term.toString());
        next = 0;
        if (pending.length > 0) {
            state = captureState();
            if (!keepWord) {
                term.setEmpty().append(pending[next++]);
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = NONE;
        next = 0;
        state = null;
    }
}

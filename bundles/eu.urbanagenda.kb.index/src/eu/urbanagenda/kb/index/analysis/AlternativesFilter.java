package eu.urbanagenda.kb.index.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Emits, at the position of each word, the word itself and its alternatives from several normalisers (e.g. Ukrainian
 * lemmas and the Bulgarian stem), lower-cased and without duplicates. Used for fields whose language is not known at
 * query time, such as titles.
 */
public final class AlternativesFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final List<Function<String, List<String>>> normalisers;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private AttributeSource.State state;

    /**
     * @param input lower-cased words
     * @param normalisers functions from a word to its alternatives
     */
    public AlternativesFilter(TokenStream input, List<Function<String, List<String>>> normalisers) {
        super(input);
        this.normalisers = normalisers;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!queue.isEmpty()) {
            restoreState(state);
            term.setEmpty().append(queue.poll());
            posInc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String surface = term.toString();
        Set<String> alternatives = new LinkedHashSet<>();
        for (Function<String, List<String>> n : normalisers) {
            for (String a : n.apply(surface)) {
                alternatives.add(a.toLowerCase(Locale.ROOT));
            }
        }
        alternatives.remove(surface);
        if (!alternatives.isEmpty()) {
            state = captureState();
            queue.addAll(alternatives);
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        queue.clear();
        state = null;
    }
}

package eu.urbanagenda.kb.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Replaces each word by its {@link Transliteration#searchKey(String, boolean) search key}; drops words without letters
 * and, if asked, words in Cyrillic (for query-side use where only Latin input should reach the transliteration field).
 */
public final class TranslitFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final boolean stem;
    private final boolean latinOnly;
    private final boolean keepAll;
    private final WordCache<String> keys;

    /**
     * @param input the tokens
     * @param stem whether endings are removed
     * @param latinOnly whether words with Cyrillic letters are dropped
     */
    public TranslitFilter(TokenStream input, boolean stem, boolean latinOnly) {
        this(input, stem, latinOnly, false);
    }

    /**
     * @param input the tokens
     * @param stem whether endings are removed
     * @param latinOnly whether words with Cyrillic letters are dropped
     * @param keepAll whether every token is kept (unchanged when it has no key), as normalisation requires
     */
    public TranslitFilter(TokenStream input, boolean stem, boolean latinOnly, boolean keepAll) {
        super(input);
        this.stem = stem;
        this.latinOnly = latinOnly && !keepAll;
        this.keepAll = keepAll;
        this.keys = new WordCache<>(w -> {
            String k = Transliteration.searchKey(w, stem);
            return k == null ? "" : k;
        }, KbAnalyzers.CACHE_WORDS);
    }

    @Override
    protected boolean accept() throws IOException {
        boolean letter = false;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (latinOnly && c >= '\u0400' && c <= '\u04FF') {
                    return false;
                }
            }
        }
        if (!letter) {
            return keepAll;
        }
        String key = keys.apply(term.toString());
        if (key.isEmpty()) {
            return keepAll;
        }
        term.setEmpty().append(key);
        return true;
    }
}

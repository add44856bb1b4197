package eu.urbanagenda.kb.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

import eu.urbanagenda.kb.analysis.text.Homoglyphs;

/**
 * Repairs words where Latin look-alikes replace Cyrillic letters: a word that mixes Cyrillic letters with Latin
 * look-alikes is rewritten in Cyrillic; optionally a word made only of look-alikes (e.g. Latin "ca" for Bulgarian "са")
 * is also emitted in Cyrillic at the same position, next to its Latin form.
 */
public final class MixedScriptFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final boolean ukrainian;
    private final boolean addLookAlikes;
    private AttributeSource.State pending;
    private String pendingText;

    /**
     * @param input the tokens
     * @param ukrainian whether Latin i/I stands for Ukrainian і/І
     * @param addLookAlikes whether words made only of Latin look-alikes also get their Cyrillic reading
     */
    public MixedScriptFilter(TokenStream input, boolean ukrainian, boolean addLookAlikes) {
        super(input);
        this.ukrainian = ukrainian;
        this.addLookAlikes = addLookAlikes;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            term.setEmpty().append(pendingText);
            posInc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        char[] buf = term.buffer();
        int len = term.length();
        if (!Homoglyphs.foldMixedWord(buf, 0, len, ukrainian) && addLookAlikes && len >= 2 && len <= 12) {
            String cyr = Homoglyphs.allLookAlike(term, ukrainian);
            if (cyr != null) {
                pending = captureState();
                pendingText = cyr;
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        pendingText = null;
    }
}

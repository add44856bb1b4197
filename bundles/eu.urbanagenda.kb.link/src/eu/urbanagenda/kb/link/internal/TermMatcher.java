package eu.urbanagenda.kb.link.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import eu.urbanagenda.kb.analysis.KbAnalyzers;

/**
 * Compares words the way the index does: each text becomes a sequence of positions, each position the set of
 * forms the language's analyzer gives (surface form and lemmas or stems). Two texts match when their sequences
 * line up and every position shares a form, so «цифрової трансформації» matches the keyword «цифрова
 * трансформація», and «дигиталния преход» matches «дигитален преход».
 */
public final class TermMatcher {

    private static final Map<String, Analyzer> ANALYZERS = new ConcurrentHashMap<>();

    private TermMatcher() {
    }

    /** The analyzer of a language code: uk, bg, ru, en; anything else the generic one. */
    public static Analyzer analyzer(String language) {
        return ANALYZERS.computeIfAbsent(language, lang -> switch (lang) {
            case "uk" -> KbAnalyzers.ukrainian();
            case "bg" -> KbAnalyzers.bulgarian();
            case "ru" -> KbAnalyzers.russian();
            case "en" -> KbAnalyzers.english();
            default -> KbAnalyzers.generic();
        });
    }

    /** The text's positions, each with the forms the analyzer gives there. */
    public static List<Set<String>> positions(String text, String language) {
        List<Set<String>> positions = new ArrayList<>();
        try (TokenStream stream = analyzer(language).tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0 || positions.isEmpty()) {
                    positions.add(new HashSet<>());
                }
                positions.get(positions.size() - 1).add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return positions;
    }

    /** Whether {@code term} occurs in {@code text} as a run of consecutive positions. */
    public static boolean contains(List<Set<String>> text, List<Set<String>> term) {
        if (term.isEmpty() || term.size() > text.size()) {
            return false;
        }
        for (int start = 0; start + term.size() <= text.size(); start++) {
            if (matchesAt(text, term, start)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the two have the same length and share a form at every position. */
    public static boolean same(List<Set<String>> a, List<Set<String>> b) {
        return a.size() == b.size() && !a.isEmpty() && matchesAt(a, b, 0);
    }

    private static boolean matchesAt(List<Set<String>> text, List<Set<String>> term, int start) {
        for (int i = 0; i < term.size(); i++) {
            Set<String> forms = text.get(start + i);
            boolean shared = false;
            for (String form : term.get(i)) {
                if (forms.contains(form)) {
                    shared = true;
                    break;
                }
            }
            if (!shared) {
                return false;
            }
        }
        return true;
    }
}

package eu.urbanagenda.kb.index.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

import eu.urbanagenda.kb.analysis.CyrillicSpellings;
import eu.urbanagenda.kb.index.KbFields;

/**
 * A Latin query word read as the Cyrillic words it can stand for ({@link CyrillicSpellings}), searched in the Ukrainian
 * or Bulgarian text through their lemmas or stems, as if the Cyrillic word had been typed. The Cyrillic words are
 * those of the Ukrainian dictionary and those the index itself has: its Ukrainian and Bulgarian words, and the
 * Bulgarian spellings of the Latin word whose stem is in the index (so a form that no document has is still found).
 */
final class LatinReadings {

    /** At most this many Cyrillic readings per field, the most frequent first. */
    private static final int MAX_READINGS = 12;
    /** At most this many Bulgarian spellings of a Latin word are checked against the index. */
    private static final int MAX_GENERATED = 128;

    private LatinReadings() {
    }

    /**
     * @param reader the index, or {@code null} (then only the dictionary is asked)
     * @param queryAnalyzer the query analyzer of the fields
     * @param field {@link KbFields#TEXT_UK} or {@link KbFields#TEXT_BG}
     * @param word a word
     * @return the query of the word's Cyrillic readings in the field, or {@code null} if it is no Latin word or has none
     */
    static Query query(IndexReader reader, Analyzer queryAnalyzer, String field, String word) {
        CyrillicSpellings spellings = CyrillicSpellings.of(word);
        if (spellings == null) {
            return null;
        }
        try {
            Set<String> readings = readings(reader, queryAnalyzer, field, spellings);
            if (readings.isEmpty()) {
                return null;
            }
            Set<String> terms = new LinkedHashSet<>();
            for (String r : readings) {
                terms.addAll(analyze(queryAnalyzer, field, r));
            }
            if (KbFields.TEXT_UK.equals(field)) {
                SynonymQuery.Builder b = new SynonymQuery.Builder(field);
                terms.forEach(t -> b.addTerm(new Term(field, t)));
                return b.build();
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            terms.forEach(t -> b.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD));
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> readings(IndexReader reader, Analyzer queryAnalyzer, String field,
            CyrillicSpellings spellings) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        boolean ukrainian = KbFields.TEXT_UK.equals(field);
        if (ukrainian) {
            out.addAll(spellings.ukrainianWords(MAX_READINGS));
        }
        Terms terms = reader == null ? null : MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return out;
        }
        Map<String, Integer> found = new LinkedHashMap<>();
        TermsEnum te = new CompiledAutomaton(spellings.automaton(spellings.key().length()), false, true, false)
                .getTermsEnum(terms);
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            found.merge(t.utf8ToString(), te.docFreq(), Math::max);
        }
        if (!ukrainian) {
            // Bulgarian words that no document has in this form: known when their stem is in the index
            for (String word : spellings.bulgarianWords(MAX_GENERATED)) {
                int df = 0;
                for (String stem : analyze(queryAnalyzer, field, word)) {
                    df = Math.max(df, reader.docFreq(new Term(field, stem)));
                }
                if (df > 0) {
                    found.merge(word, df, Math::max);
                }
            }
        }
        List<Map.Entry<String, Integer>> byFrequency = new ArrayList<>(found.entrySet());
        byFrequency.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
        for (Map.Entry<String, Integer> e : byFrequency) {
            if (out.size() >= MAX_READINGS) {
                break;
            }
            out.add(e.getKey());
        }
        return out;
    }

    private static List<String> analyze(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}

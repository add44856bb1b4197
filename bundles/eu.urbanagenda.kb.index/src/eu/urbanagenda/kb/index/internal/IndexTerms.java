package eu.urbanagenda.kb.index.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * What the query parser asks of the index it parses for: in how many documents terms occur (the rarity of a plain
 * text's words, the Bulgarian readings of a Latin word), and, where the engine can list its terms, which terms of a
 * field an automaton accepts (the Cyrillic words a Latin word spells). The desktop index answers from its reader
 * ({@link #of(IndexReader)}); a cluster answers document frequencies with one request per batch and lists no terms.
 */
public interface IndexTerms {

    /** @return a key of this state of the index for caches of what it answered, or {@code null} for none */
    Object cacheKey();

    /**
     * @param terms terms
     * @return the number of documents that have each term, in the order given
     * @throws IOException if the index cannot be read
     */
    long[] docFreqs(List<Term> terms) throws IOException;

    /**
     * @param field a field
     * @param automaton the words wanted
     * @return the terms of the field that the automaton accepts, in term order, with their document frequencies; or
     *         {@code null} if this index cannot list its terms
     * @throws IOException if the index cannot be read
     */
    Map<String, Integer> accepted(String field, CompiledAutomaton automaton) throws IOException;

    /**
     * @param reader an index reader, or {@code null}
     * @return its terms, or {@code null} for no reader
     */
    static IndexTerms of(IndexReader reader) {
        if (reader == null) {
            return null;
        }
        return new IndexTerms() {
            @Override
            public Object cacheKey() {
                IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
                return helper == null ? null : helper.getKey();
            }

            @Override
            public long[] docFreqs(List<Term> terms) throws IOException {
                long[] out = new long[terms.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = reader.docFreq(terms.get(i));
                }
                return out;
            }

            @Override
            public Map<String, Integer> accepted(String field, CompiledAutomaton automaton) throws IOException {
                Map<String, Integer> found = new LinkedHashMap<>();
                Terms terms = MultiTerms.getTerms(reader, field);
                if (terms != null) {
                    TermsEnum te = automaton.getTermsEnum(terms);
                    for (BytesRef t = te.next(); t != null; t = te.next()) {
                        found.merge(t.utf8ToString(), te.docFreq(), Math::max);
                    }
                }
                return found;
            }
        };
    }
}

package eu.urbanagenda.kb.index.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
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
    private static final int MAX_GENERATED = 48;

    private final IndexTerms index;
    private final Analyzer queryAnalyzer;
    /** Latin words of this query whose readings reach other forms of a word (through lemmas or stems). */
    private final Set<String> inflected = new HashSet<>();
    /**
     * The spellings of recent Latin words, with their automaton (a word is read for two fields, and typed again as
     * the query grows); they depend on the word alone.
     */
    private static final Map<String, Optional<Spelled>> WORDS = recent();
    /** The readings of recent Latin words per state of the index and field (the same query is often run again). */
    private static final Map<List<Object>, Set<String>> READINGS = recent();

    private static <K, V> Map<K, V> recent() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > 512;
            }
        });
    }

    private record Spelled(CyrillicSpellings spellings, CompiledAutomaton automaton) {
    }

    /**
     * @param index the index, or {@code null} (then only the dictionary is asked)
     * @param queryAnalyzer the query analyzer of the fields
     */
    LatinReadings(IndexTerms index, Analyzer queryAnalyzer) {
        this.index = index;
        this.queryAnalyzer = queryAnalyzer;
    }

    /**
     * @param field {@link KbFields#TEXT_UK} or {@link KbFields#TEXT_BG}
     * @param word a word
     * @return the query of the word's Cyrillic readings in the field, or {@code null} if it is no Latin word or has none
     */
    Query query(String field, String word) {
        Spelled spelled = WORDS.computeIfAbsent(word, w -> Optional.ofNullable(CyrillicSpellings.of(w))
                .map(s -> new Spelled(s, new CompiledAutomaton(s.automaton(s.key().length()), true, true, false))))
                .orElse(null);
        if (spelled == null) {
            return null;
        }
        try {
            Object state = index == null ? null : index.cacheKey();
            List<Object> key = state == null ? null : List.of(state, field, word);
            Set<String> readings = key == null ? null : READINGS.get(key);
            if (readings == null) {
                readings = readings(field, spelled);
                if (key != null) {
                    READINGS.put(key, readings);
                }
            }
            if (readings.isEmpty()) {
                return null;
            }
            Set<String> terms = new LinkedHashSet<>();
            for (String r : readings) {
                List<String> forms = analyze(field, r);
                terms.addAll(forms);
                if (!forms.equals(List.of(r))) {
                    inflected.add(word);
                }
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

    /**
     * @param word a word of the query, after {@link #query(String, String)}
     * @return whether its Cyrillic readings match other forms of the words they are (then the transliteration keys,
     *         whose endings are cut crudely, add nothing but other words)
     */
    boolean readAsInflected(String word) {
        return inflected.contains(word);
    }

    /**
     * The words of the index that spell the Latin word; only if it has none, the dictionary's words (Ukrainian) or the
     * Bulgarian spellings whose stem the index has (the analysis of a word of the index already finds its lemmas and
     * stems, so these only add forms that no document has). An index that cannot list its words (a cluster) is asked
     * for the document frequencies of the Bulgarian spellings only.
     */
    private Set<String> readings(String field, Spelled spelled) throws IOException {
        Map<String, Integer> listed = index == null ? null : index.accepted(field, spelled.automaton());
        Map<String, Integer> found = listed == null ? new LinkedHashMap<>() : new LinkedHashMap<>(listed);
        if (found.isEmpty() && KbFields.TEXT_UK.equals(field)) {
            return new LinkedHashSet<>(spelled.spellings().ukrainianWords(MAX_READINGS));
        }
        if (found.isEmpty() && index != null) {
            // the official reading first, then those with one informal choice, then two: the first that the index
            // knows are taken
            Set<String> tried = new HashSet<>();
            Map<String, Long> stems = new HashMap<>();
            for (int deviations = 0; deviations <= 2 && found.isEmpty(); deviations++) {
                Map<String, List<String>> stemsOf = new LinkedHashMap<>();
                List<Term> unknown = new ArrayList<>();
                for (String word : spelled.spellings().bulgarianWords(deviations, MAX_GENERATED)) {
                    if (!tried.add(word)) {
                        continue;
                    }
                    List<String> wordStems = analyze(field, word);
                    stemsOf.put(word, wordStems);
                    for (String stem : wordStems) {
                        if (stems.putIfAbsent(stem, -1L) == null) {
                            unknown.add(new Term(field, stem));
                        }
                    }
                }
                // one question for the stems of all spellings of this round
                long[] dfs = unknown.isEmpty() ? new long[0] : index.docFreqs(unknown);
                for (int i = 0; i < dfs.length; i++) {
                    stems.put(unknown.get(i).text(), dfs[i]);
                }
                stemsOf.forEach((word, wordStems) -> {
                    long df = 0;
                    for (String stem : wordStems) {
                        df = Math.max(df, stems.get(stem));
                    }
                    if (df > 0) {
                        found.merge(word, (int) Math.min(Integer.MAX_VALUE, df), Math::max);
                    }
                });
            }
        }
        List<Map.Entry<String, Integer>> byFrequency = new ArrayList<>(found.entrySet());
        byFrequency.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, Integer> e : byFrequency) {
            if (out.size() >= MAX_READINGS) {
                break;
            }
            out.add(e.getKey());
        }
        return out;
    }

    private List<String> analyze(String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = queryAnalyzer.tokenStream(field, text)) {
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

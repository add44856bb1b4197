package eu.urbanagenda.kb.analysis;

import java.util.HashMap;
import java.util.function.Function;

/**
 * A bounded memo of a function of words (lemma lookup, transliteration key). Word frequencies follow Zipf's law, so a
 * few tens of thousands of entries answer most tokens. Two generations: when the young one is full it becomes the old
 * one, and words found in the old one move back to the young one, so frequent words stay. Not thread-safe: one per
 * analysis chain (Lucene reuses chains per thread).
 *
 * @param <V> the value type
 */
final class WordCache<V> implements Function<String, V> {

    private HashMap<String, V> young = new HashMap<>();
    private HashMap<String, V> old = new HashMap<>();
    private final Function<String, V> function;
    private final int generation;

    /**
     * @param function the function to memoise
     * @param capacity at most this many words are kept
     */
    WordCache(Function<String, V> function, int capacity) {
        this.function = function;
        this.generation = Math.max(16, capacity / 2);
    }

    @Override
    public V apply(String word) {
        V v = young.get(word);
        if (v != null) {
            return v;
        }
        v = old.get(word);
        if (v == null) {
            v = function.apply(word);
        }
        if (young.size() >= generation) {
            old = young;
            young = new HashMap<>();
        }
        young.put(word, v);
        return v;
    }
}

package eu.urbanagenda.kb.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;

/**
 * The analyzers of {@link KbAnalyzers} by name. The index's field table ({@code KbFields}) names the analyzer of each
 * text field here, and the OpenSearch analysis plugin registers every one of them as {@code kb_<name>}: a field is
 * analysed the same way by the desktop index and by a cluster, and an analyzer added here reaches both. Each name
 * also has a query form ({@link #create(String, boolean)}, e.g. {@link KbAnalyzers#ukrainian(boolean)}): queries are
 * analysed on the client with it by every engine, so the plugin needs only the index forms.
 */
public final class NamedAnalyzers {

    /** The prefix of the names under which the OpenSearch plugin registers the analyzers. */
    public static final String OPENSEARCH_PREFIX = "kb_";

    /** Ukrainian: surface forms and dictionary lemmas. */
    public static final String UKRAINIAN = "uk";
    /** Bulgarian: surface forms and light stems. */
    public static final String BULGARIAN = "bg";
    /** Russian: surface forms and light stems. */
    public static final String RUSSIAN = "ru";
    /** English: surface forms and Porter stems. */
    public static final String ENGLISH = "en";
    /** Other languages: lower case and ASCII folding. */
    public static final String GENERIC = "generic";
    /** Transliteration search keys of every word. */
    public static final String TRANSLIT = "translit";
    /** Titles: surface forms, Ukrainian lemmas and Bulgarian stems. */
    public static final String TITLE = "title";

    /** Each analyzer by name, given whether it analyses queries. */
    private static final Map<String, Function<Boolean, Analyzer>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(UKRAINIAN, KbAnalyzers::ukrainian);
        FACTORIES.put(BULGARIAN, KbAnalyzers::bulgarian);
        FACTORIES.put(RUSSIAN, KbAnalyzers::russian);
        FACTORIES.put(ENGLISH, KbAnalyzers::english);
        // lower case and folding, and the transliteration keys, are the same for documents and queries
        FACTORIES.put(GENERIC, query -> KbAnalyzers.generic());
        FACTORIES.put(TRANSLIT, query -> KbAnalyzers.translit(false));
        FACTORIES.put(TITLE, KbAnalyzers::title);
    }

    private NamedAnalyzers() {
    }

    /** @return the names, in a fixed order */
    public static Set<String> names() {
        return java.util.Collections.unmodifiableSet(FACTORIES.keySet());
    }

    /**
     * @param name one of {@link #names()}
     * @return a new analyzer of that name, for indexing
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Analyzer create(String name) {
        return create(name, false);
    }

    /**
     * @param name one of {@link #names()}
     * @param query whether the analyzer is for queries (a word's lemmas or stems instead of the word)
     * @return a new analyzer of that name
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Analyzer create(String name, boolean query) {
        Function<Boolean, Analyzer> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("no analyzer named \"" + name + "\"; names: " + FACTORIES.keySet());
        }
        return factory.apply(query);
    }
}

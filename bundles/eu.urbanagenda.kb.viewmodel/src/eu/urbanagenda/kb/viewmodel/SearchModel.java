package eu.urbanagenda.kb.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import eu.urbanagenda.kb.core.DocumentLinks;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;
import eu.urbanagenda.kb.index.FacetCount;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.link.CrossLanguageQuery;
import eu.urbanagenda.kb.link.CrossLanguageQuery.Expansion;
import eu.urbanagenda.kb.link.LinkVocabulary;

/**
 * What the Search view shows and does, without widgets: the query, the language and partnership filters, "across
 * languages", paging, the result with its facet counts, the history of queries. Searching runs in a job, a moment after
 * typing stops (at once when a filter changes); an answer to an older request is dropped. The setters are called on
 * one thread (the UI thread in the workbench); listeners are told on the job's thread.
 */
public final class SearchModel {

    /** How long typing must pause before a search starts. */
    public static final int DEBOUNCE_MILLIS = 250;
    /** Hits fetched (with their passages) per page; {@link #more()} fetches another page. */
    public static final int PAGE = 50;
    /** Queries kept in the history. */
    public static final int HISTORY_SIZE = 20;

    /** Where the history of queries is kept between sessions. */
    public interface History {
        List<String> load();

        void store(List<String> queries);
    }

    /** Told when {@link #state()} changed; on any thread. */
    @FunctionalInterface
    public interface Listener {
        void changed(State state);
    }

    /** Where a request stands. */
    public enum Phase {
        /** No query: nothing to show. */
        EMPTY,
        /** A search is on its way. */
        SEARCHING,
        /** {@link State#result()} is the answer. */
        DONE,
        /** {@link State#failure()} says why there is no answer (a syntax error, the knowledge base could not open). */
        FAILED
    }

    /**
     * One request and its answer.
     *
     * @param generation increases with every request; an answer belongs to the request of its generation
     * @param query      the query as typed (stripped)
     * @param shownQuery the query searched: widened across languages when that was asked
     * @param expansion  how the query was widened, or {@code null} when "across languages" is off
     * @param failure    why there is no answer, when {@link #phase()} is FAILED
     */
    public record State(long generation, Phase phase, String query, String shownQuery, SearchResult result,
            Expansion expansion, Throwable failure, long millis) {

        static final State INITIAL = new State(0, Phase.EMPTY, "", "", null, null, null, -1);

        /** Whether more documents match than are shown (a hit is a document, shown with its copies). */
        public boolean hasMore() {
            return result != null && result.hits().size() < result.totalDocuments();
        }
    }

    private final KbSessionService sessions;
    private final Supplier<List<String>> fields;
    private final History history;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private String query = "";
    private Language language;
    private String partnership;
    private boolean acrossLanguages;
    private int limit = PAGE;
    private volatile State state = State.INITIAL;
    private volatile Map<String, Long> languageCounts = Map.of();
    private volatile Map<String, Long> partnershipCounts = Map.of();
    private Job pending;
    private LinkVocabulary vocabulary;
    private DocumentLinks vocabularyOf;

    /**
     * @param fields  the fields a word without field name searches ({@code null}: the index's defaults), read for
     *                every request (a preference)
     * @param history where the history of queries is kept
     */
    public SearchModel(KbSessionService sessions, Supplier<List<String>> fields, History history) {
        this.sessions = sessions;
        this.fields = fields;
        this.history = history;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------------------------------------ requests

    /** Sets the query as typed: searches once typing pauses. */
    public void setQuery(String text) {
        query = text == null ? "" : text.strip();
        schedule(DEBOUNCE_MILLIS, true);
    }

    public String query() {
        return query;
    }

    /** Only documents in this language; {@code null} for all. Searches at once. */
    public void setLanguage(Language language) {
        this.language = language;
        schedule(0, true);
    }

    public Language language() {
        return language;
    }

    /** Only documents linked to this partnership; {@code null} for all. Searches at once. */
    public void setPartnership(String id) {
        this.partnership = id == null || id.isEmpty() ? null : id;
        schedule(0, true);
    }

    public String partnership() {
        return partnership;
    }

    /** Whether a partnership's name in one language also finds the others. Searches at once. */
    public void setAcrossLanguages(boolean across) {
        this.acrossLanguages = across;
        schedule(0, true);
    }

    public boolean acrossLanguages() {
        return acrossLanguages;
    }

    /** Searches the current request at once (Enter, the index changed). */
    public void searchNow() {
        schedule(0, true);
    }

    /** Fetches another page of hits. */
    public void more() {
        limit += PAGE;
        schedule(0, false);
    }

    private void schedule(int delay, boolean firstPage) {
        if (firstPage) {
            limit = PAGE;
        }
        long request = generation.incrementAndGet();
        if (pending != null) {
            pending.cancel();
        }
        if (query.isEmpty()) {
            publish(new State(request, Phase.EMPTY, "", "", null, null, null, -1));
            return;
        }
        String text = query;
        Language lang = language;
        String id = partnership;
        int count = limit;
        List<String> searched = fields.get();
        LinkVocabulary words = acrossLanguages ? vocabulary() : null;
        boolean across = acrossLanguages;
        Job job = Job.create("Search", (IProgressMonitor monitor) -> {
            if (request != generation.get() || monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            long start = System.nanoTime();
            publish(new State(request, Phase.SEARCHING, text, text, null, null, null, -1));
            try {
                KbSession session = sessions.session();
                LinkVocabulary vocabularyNow = across && words == null ? LinkVocabulary.of(session.model().knowledgeBase()) : words;
                Expansion expansion = across ? CrossLanguageQuery.expand(text, vocabularyNow) : null;
                String shown = expansion == null ? text : expansion.query();
                SearchRequest.Builder builder = SearchRequest.builder(shown).page(0, count);
                if (searched != null) {
                    builder.fields(searched);
                }
                if (lang != null) {
                    builder.languages(List.of(lang.code()));
                }
                SearchResult result = session.search(builder, id == null ? List.of() : List.of(id));
                if (request == generation.get()) {
                    languageCounts = counts(result.facets().languages());
                    partnershipCounts = counts(result.facets().groups());
                }
                publish(new State(request, Phase.DONE, text, shown, result, expansion, null, (System.nanoTime() - start) / 1_000_000));
            } catch (Exception e) {
                publish(new State(request, Phase.FAILED, text, text, null, null, e, -1));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.setPriority(Job.INTERACTIVE);
        pending = job;
        job.schedule(delay);
    }

    /**
     * The partnerships' names and keywords in every language: read from the knowledge base on the calling thread (where
     * it is edited), again once a command changed it.
     */
    private LinkVocabulary vocabulary() {
        KbSession session = sessions.current().orElse(null);
        if (session == null) {
            return null; // the job builds it once the session is open
        }
        if (vocabulary == null || vocabularyOf != session.links()) {
            vocabularyOf = session.links();
            vocabulary = LinkVocabulary.of(session.model().knowledgeBase());
        }
        return vocabulary;
    }

    private static Map<String, Long> counts(List<FacetCount> facets) {
        Map<String, Long> counts = new LinkedHashMap<>();
        facets.forEach(f -> counts.put(f.value(), f.count()));
        return Map.copyOf(counts);
    }

    /** Keeps the state of the newest request only. */
    private void publish(State next) {
        synchronized (this) {
            if (next.generation() != generation.get() || next.generation() < state.generation()) {
                return; // an answer to an older request
            }
            state = next;
        }
        listeners.forEach(listener -> listener.changed(next));
    }

    // ------------------------------------------------------------------------------------------------ answers

    /** The newest request and, once there, its answer. */
    public State state() {
        return state;
    }

    /** Whether the answer to the newest request is there (or there is nothing to ask). */
    public boolean isSettled() {
        State now = state;
        return now.generation() == generation.get() && now.phase() != Phase.SEARCHING;
    }

    /** The number of hits per language code in the last answer (for the language filter). */
    public Map<String, Long> languageCounts() {
        return languageCounts;
    }

    /** The number of hits per partnership id in the last answer (for the partnership filter). */
    public Map<String, Long> partnershipCounts() {
        return partnershipCounts;
    }

    // ------------------------------------------------------------------------------------------------ history

    /** The queries remembered, newest first. */
    public List<String> history() {
        return history.load();
    }

    /** Puts a query at the top of the history. */
    public void remember(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return;
        }
        List<String> queries = new ArrayList<>(history.load());
        queries.remove(value);
        queries.add(0, value);
        history.store(queries.subList(0, Math.min(HISTORY_SIZE, queries.size())));
    }

    /** Stops any search on its way. */
    public void dispose() {
        generation.incrementAndGet();
        if (pending != null) {
            pending.cancel();
        }
        listeners.clear();
    }
}

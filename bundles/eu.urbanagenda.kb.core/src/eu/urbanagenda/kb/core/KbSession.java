package eu.urbanagenda.kb.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import eu.urbanagenda.kb.core.internal.LinksSnapshot;
import eu.urbanagenda.kb.git.KnowledgeBaseRepository;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.ingest.IoProblems;

/**
 * A user's data directory, opened: the knowledge base ({@link #model()}), the documents and their index
 * ({@link #library()}), and which documents are linked to which partnership ({@link #links()}). What the command line
 * and the workbench both work on, through the {@link KbSessionService}.
 * <p>
 * On first use the data directory is set up: the bundled knowledge base is copied there, and the bundled seed
 * documents are indexed ({@link DocumentLibrary#ensureIndexed}), so a search works on a fresh install with no set-up.
 * The knowledge base is edited on one thread at a time; searches may run on any thread.
 */
public final class KbSession implements AutoCloseable {

    /** The knowledge base file in the data directory. */
    public static final String KNOWLEDGE_BASE_FILE = "urban-agenda.xmi";
    /** The snapshot of {@link #links()} as of the knowledge base file, beside it (written on every save). */
    public static final String LINKS_FILE = "document-links.tsv";

    private final Path dataDirectory;
    private final KbEvents.Sink events;
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<String>> noticeListeners = new CopyOnWriteArrayList<>();
    private final History history = new History();
    private final DocumentLibrary library;
    private final LinksSnapshot snapshot;
    private final Object loading = new Object();
    private volatile KbModel model;
    private volatile DocumentLinks links;

    private KbSession(Path dataDirectory, BackendSetting backend, KbEvents.Sink events, boolean modelOnDemand)
            throws IOException {
        this.dataDirectory = dataDirectory;
        this.events = events;
        this.library = new DocumentLibrary(dataDirectory, backend, this::notice, this::announce);
        this.snapshot = new LinksSnapshot(dataDirectory.resolve(LINKS_FILE), knowledgeBaseFile());
        Optional<Map<String, Set<String>>> kept = modelOnDemand ? snapshot.read() : Optional.empty();
        if (kept.isPresent()) {
            links = DocumentLinks.of(kept.get());
        } else {
            loadModel();
        }
    }

    /** Opens a data directory on its own with its local index, telling nobody of what happens (tests, tools). */
    public static KbSession open(Path dataDirectory) throws IOException {
        return open(dataDirectory, BackendSetting.local(), KbEvents.Sink.NONE);
    }

    /**
     * Opens the data directory, creating it and copying the bundled knowledge base into it when missing. The index (or
     * the connection to the cluster) is opened on first need.
     * <p>
     * A knowledge base that does not load cleanly (cut off, invalid bytes, a dangling reference, a duplicate id, a
     * reference outside the file …) is refused, so that nothing works on, or saves over, part of it: the file stays
     * as it is, and {@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups} can put back the last good one.
     *
     * @param backend the engine that holds the documents
     * @param events where the session posts its {@link KbEvents} (the session service forwards them to Event Admin)
     * @throws IOException naming the directory or file and the problem, e.g. a
     *                     {@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException} naming file, line and
     *                     problem for a damaged knowledge base
     */
    public static KbSession open(Path dataDirectory, BackendSetting backend, KbEvents.Sink events) throws IOException {
        return open(dataDirectory, backend, events, false);
    }

    /**
     * Opens the data directory as {@link #open(Path, BackendSetting, KbEvents.Sink)} does, but with {@code modelOnDemand}
     * the knowledge base is loaded only when first needed ({@link #loadModel()}) while the snapshot of its links
     * ({@link #LINKS_FILE}) is current: a search needs only the index and the links.
     */
    public static KbSession open(Path dataDirectory, BackendSetting backend, KbEvents.Sink events, boolean modelOnDemand)
            throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the data directory " + dir + ": " + IoProblems.describe(e), e);
        }
        return new KbSession(dir, backend, events, modelOnDemand);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The knowledge base file of a data directory, for working on it without opening a session (e.g. to restore it). */
    public static Path knowledgeBaseFile(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().normalize().resolve(KNOWLEDGE_BASE_FILE);
    }

    /** The knowledge base file, loaded or not. */
    public Path knowledgeBaseFile() {
        return dataDirectory.resolve(KNOWLEDGE_BASE_FILE);
    }

    /**
     * The knowledge base and its editing domain. A session opened with the model on demand loads it here on first call,
     * and an unreadable file is then an {@link UncheckedIOException}: call {@link #loadModel()} first where that matters.
     */
    public KbModel model() {
        KbModel loaded = model;
        if (loaded != null) {
            return loaded;
        }
        try {
            return loadModel();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the knowledge base is loaded (a session opened with the model on demand loads it on first need). */
    public boolean modelLoaded() {
        return model != null;
    }

    /**
     * The knowledge base, loaded now if it is not yet (see {@link #open(Path, BackendSetting, KbEvents.Sink, boolean)}).
     *
     * @throws IOException naming the file and the problem, e.g. a
     *                     {@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException} for a corrupt file
     */
    public KbModel loadModel() throws IOException {
        KbModel loaded = model;
        if (loaded != null) {
            return loaded;
        }
        synchronized (loading) {
            if (model == null) {
                KbModel opened = KbModel.open(knowledgeBaseFile(), this::notice, this::announce, history);
                links = DocumentLinks.of(opened.knowledgeBase());
                opened.editingDomain().getCommandStack().addCommandStackListener(e -> links = DocumentLinks.of(opened.knowledgeBase()));
                if (!snapshot.current()) {
                    snapshot.write(links.documentsByPartnership());
                }
                model = opened;
            }
            return model;
        }
    }

    /**
     * The history of the knowledge base (a Git repository in the data directory), opened on first need: a data directory
     * without one gets one then, in place (see {@link KnowledgeBaseRepository}).
     *
     * @throws IOException naming the data directory and the problem
     */
    public KnowledgeBaseRepository history() throws IOException {
        return history.open();
    }

    /** The history, opened once by the first that needs it (a save, `kb history`, a synchronization). */
    final class History {

        private KnowledgeBaseRepository repository;

        synchronized KnowledgeBaseRepository open() throws IOException {
            if (repository == null) {
                repository = KnowledgeBaseRepository.open(dataDirectory, KNOWLEDGE_BASE_FILE);
            }
            return repository;
        }

        synchronized void close() {
            if (repository != null) {
                repository.close();
                repository = null;
            }
        }
    }

    /** The documents: the index and the sources it was built from. */
    public DocumentLibrary library() {
        return library;
    }

    /** Which documents are linked to which partnership, as of the last command. */
    public DocumentLinks links() {
        return links;
    }

    /**
     * Searches the index; every partnership is a document group (facet counts per partnership), and when
     * {@code partnershipIds} is not empty only documents linked to one of them are found.
     *
     * @throws IllegalArgumentException naming an unknown partnership id
     */
    public SearchResult search(SearchRequest.Builder request, Collection<String> partnershipIds)
            throws QuerySyntaxException, IOException {
        DocumentLinks current = links;
        for (String id : partnershipIds) {
            if (!current.hasPartnership(id)) {
                throw new IllegalArgumentException("unknown partnership '" + id + "'");
            }
        }
        current.documentsByPartnership().forEach(request::group);
        request.groupFilter(partnershipIds);
        return library.index().search(request.build());
    }

    /** Notices for the user about what the session did on its own (first-use set-up, index rebuilds). */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /**
     * Receives notices from now on (those already given are in {@link #notices()}).
     *
     * @return stops them (a command run by a service that outlives it)
     */
    public Runnable onNotice(java.util.function.Consumer<String> listener) {
        noticeListeners.add(listener);
        return () -> noticeListeners.remove(listener);
    }

    private void notice(String text) {
        notices.add(text);
        noticeListeners.forEach(listener -> listener.accept(text));
    }

    private void announce(String topic) {
        if (topic.equals(KbEvents.MODEL_SAVED) || topic.equals(KbEvents.MODEL_RELOADED)) {
            // the model and its file agree now: so does the snapshot of their links
            snapshot.write(links.documentsByPartnership());
        }
        events.post(topic, this);
    }

    @Override
    public void close() throws IOException {
        try {
            library.close();
        } finally {
            history.close();
            KbModel loaded = model;
            if (loaded != null) {
                loaded.dispose();
            }
        }
    }
}

package eu.urbanagenda.kb.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

    private final Path dataDirectory;
    private final KbEvents.Sink events;
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<String>> noticeListeners = new CopyOnWriteArrayList<>();
    private final History history = new History();
    private final KbModel model;
    private final DocumentLibrary library;
    private volatile DocumentLinks links;

    private KbSession(Path dataDirectory, KbEvents.Sink events) throws IOException {
        this.dataDirectory = dataDirectory;
        this.events = events;
        this.model = KbModel.open(dataDirectory.resolve(KNOWLEDGE_BASE_FILE), this::notice, this::announce, history);
        this.library = new DocumentLibrary(dataDirectory, this::notice, this::announce);
        this.links = DocumentLinks.of(model.knowledgeBase());
        model.editingDomain().getCommandStack().addCommandStackListener(e -> links = DocumentLinks.of(model.knowledgeBase()));
    }

    /** Opens a data directory on its own, telling nobody of what happens (tests, tools). */
    public static KbSession open(Path dataDirectory) throws IOException {
        return open(dataDirectory, KbEvents.Sink.NONE);
    }

    /**
     * Opens the data directory, creating it and copying the bundled knowledge base into it when missing. The index is
     * opened on first need.
     * <p>
     * A knowledge base that does not load cleanly (cut off, invalid bytes, a dangling reference, a duplicate id, a
     * reference outside the file …) is refused, so that nothing works on, or saves over, part of it: the file stays
     * as it is, and {@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups} can put back the last good one.
     *
     * @param events where the session posts its {@link KbEvents} (the session service forwards them to Event Admin)
     * @throws IOException naming the directory or file and the problem, e.g. a
     *                     {@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException} naming file, line and
     *                     problem for a damaged knowledge base
     */
    public static KbSession open(Path dataDirectory, KbEvents.Sink events) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the data directory " + dir + ": " + IoProblems.describe(e), e);
        }
        return new KbSession(dir, events);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The knowledge base file of a data directory, for working on it without opening a session (e.g. to restore it). */
    public static Path knowledgeBaseFile(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().normalize().resolve(KNOWLEDGE_BASE_FILE);
    }

    /** The knowledge base and its editing domain. */
    public KbModel model() {
        return model;
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

    /** Receives notices from now on (those already given are in {@link #notices()}). */
    public void onNotice(java.util.function.Consumer<String> listener) {
        noticeListeners.add(listener);
    }

    private void notice(String text) {
        notices.add(text);
        noticeListeners.forEach(listener -> listener.accept(text));
    }

    private void announce(String topic) {
        events.post(topic, this);
    }

    @Override
    public void close() throws IOException {
        try {
            library.close();
        } finally {
            history.close();
            model.dispose();
        }
    }
}

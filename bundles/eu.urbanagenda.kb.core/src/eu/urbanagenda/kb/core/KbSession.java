package eu.urbanagenda.kb.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
    private final KbModel model;
    private final DocumentLibrary library;
    private volatile DocumentLinks links;

    private KbSession(Path dataDirectory, BackendSetting backend, KbEvents.Sink events) throws IOException {
        this.dataDirectory = dataDirectory;
        this.events = events;
        this.model = KbModel.open(dataDirectory.resolve(KNOWLEDGE_BASE_FILE), this::notice, this::announce);
        this.library = new DocumentLibrary(dataDirectory, backend, this::notice, this::announce);
        this.links = DocumentLinks.of(model.knowledgeBase());
        model.editingDomain().getCommandStack().addCommandStackListener(e -> links = DocumentLinks.of(model.knowledgeBase()));
    }

    /** Opens a data directory on its own with its local index, telling nobody of what happens (tests, tools). */
    public static KbSession open(Path dataDirectory) throws IOException {
        return open(dataDirectory, BackendSetting.local(), KbEvents.Sink.NONE);
    }

    /**
     * Opens the data directory, creating it and copying the bundled knowledge base into it when missing. The index (or
     * the connection to the cluster) is opened on first need.
     *
     * @param backend the engine that holds the documents
     * @param events where the session posts its {@link KbEvents} (the session service forwards them to Event Admin)
     * @throws IOException naming the directory or file and the problem, e.g. a
     *                     {@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException} for a corrupt file
     */
    public static KbSession open(Path dataDirectory, BackendSetting backend, KbEvents.Sink events) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the data directory " + dir + ": " + IoProblems.describe(e), e);
        }
        return new KbSession(dir, backend, events);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The knowledge base and its editing domain. */
    public KbModel model() {
        return model;
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
            model.dispose();
        }
    }
}

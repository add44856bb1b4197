package eu.urbanagenda.kb.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;

import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.EvidenceTarget;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseEditing;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.LoadProblem;
import eu.urbanagenda.kb.model.persistence.LoadResult;
import eu.urbanagenda.kb.model.validation.KnowledgeBaseValidation;

/**
 * A user's knowledge base and search index, opened together from a data directory; what the command line
 * and the workbench both work on.
 * <p>
 * On first use the data directory is set up: the bundled knowledge base is copied there, and the bundled seed
 * documents are indexed when the index is created, so a search works on a fresh install with no set-up.
 * <p>
 * The knowledge base is edited through {@link #editingDomain()} (its command stack gives undo and redo) on one
 * thread at a time; searches may run on any thread, since they use a snapshot of which documents are linked to
 * which partnership, renewed after every command and load.
 */
public final class KbSession implements AutoCloseable {

    /** The knowledge base file in the data directory. */
    public static final String KNOWLEDGE_BASE_FILE = "urban-agenda.xmi";
    /** The index folder in the data directory. */
    public static final String INDEX_DIRECTORY = "index";
    /** The files and folders indexed so far, one absolute path a line; `kb index` with no path re-scans them. */
    public static final String SOURCES_FILE = "sources.txt";

    private final Path dataDirectory;
    private final ComposedAdapterFactory adapterFactory;
    private final AdapterFactoryEditingDomain editingDomain;
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> noticeListeners = new CopyOnWriteArrayList<>();
    private KnowledgeBase knowledgeBase;
    private List<LoadProblem> loadProblems;
    private KbIndex index;
    private boolean indexCreated;
    private volatile Links links = Links.EMPTY;

    private KbSession(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.adapterFactory = KnowledgeBaseEditing.createAdapterFactory();
        this.editingDomain = KnowledgeBaseEditing.createEditingDomain(adapterFactory);
        editingDomain.getCommandStack().addCommandStackListener(event -> refreshLinks());
    }

    /**
     * Opens the data directory, creating it and copying the bundled knowledge base into it when missing. The
     * index is opened on first need ({@link #index()}).
     * <p>
     * A knowledge base that does not load cleanly (cut off, invalid bytes, a dangling reference, a duplicate id, a
     * reference outside the file …) is refused, so that nothing works on, or saves over, part of it: the file stays
     * as it is, and {@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups} can put back the last good one.
     *
     * @throws IOException naming the directory or file and the problem, e.g. a
     *                     {@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException} naming file, line and
     *                     problem for a damaged knowledge base
     */
    public static KbSession open(Path dataDirectory) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the data directory " + dir + ": " + describe(e), e);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("the data directory " + dir + " is not writable");
        }
        KbSession session = new KbSession(dir);
        try {
            session.loadKnowledgeBase();
        } catch (IOException | RuntimeException e) {
            session.adapterFactory.dispose();
            throw e;
        }
        return session;
    }

    private void loadKnowledgeBase() throws IOException {
        Path file = knowledgeBaseFile();
        if (BundledKnowledgeBase.copyIfMissing(file)) {
            notice("Created the knowledge base " + file + " from the bundled one");
        }
        LoadResult result = KnowledgeBaseEditing.load(editingDomain, file);
        knowledgeBase = result.knowledgeBase();
        loadProblems = List.copyOf(result.problems());
        editingDomain.getCommandStack().flush();
        refreshLinks();
    }

    /** Throws away unsaved changes and loads the knowledge base file again. */
    public void reload() throws IOException {
        editingDomain.getResourceSet().getResources().clear();
        loadKnowledgeBase();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path knowledgeBaseFile() {
        return knowledgeBaseFile(dataDirectory);
    }

    /** The knowledge base file of a data directory, for working on it without opening a session (e.g. to restore it). */
    public static Path knowledgeBaseFile(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().normalize().resolve(KNOWLEDGE_BASE_FILE);
    }

    public Path indexDirectory() {
        return dataDirectory.resolve(INDEX_DIRECTORY);
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    /** Always empty: a knowledge base with load problems is refused by {@link #open(Path)}. */
    public List<LoadProblem> loadProblems() {
        return loadProblems;
    }

    public AdapterFactoryEditingDomain editingDomain() {
        return editingDomain;
    }

    public ComposedAdapterFactory adapterFactory() {
        return adapterFactory;
    }

    /** Notices for the user about what the session did on its own (first-use set-up, index rebuilds). */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** Receives notices from now on (those already given are in {@link #notices()}). */
    public void onNotice(Consumer<String> listener) {
        noticeListeners.add(listener);
    }

    private void notice(String text) {
        notices.add(text);
        for (Consumer<String> listener : noticeListeners) {
            listener.accept(text);
        }
    }

    /** True when the knowledge base has changes not yet saved. */
    public boolean isDirty() {
        return ((BasicCommandStack) editingDomain.getCommandStack()).isSaveNeeded();
    }

    /**
     * Saves atomically, each save kept as a backup ({@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups}),
     * and marks the command stack's save point; see {@link KnowledgeBaseFiles#save}.
     */
    public void save() throws IOException {
        KnowledgeBaseFiles.save(knowledgeBase, knowledgeBaseFile());
        ((BasicCommandStack) editingDomain.getCommandStack()).saveIsDone();
    }

    /** Runs the model's constraints over the whole knowledge base. */
    public Diagnostic validate() {
        return KnowledgeBaseValidation.validate(knowledgeBase);
    }

    public Optional<Partnership> partnership(String id) {
        return knowledgeBase.getPartnerships().stream().filter(p -> id.equals(p.getId())).findFirst();
    }

    public Optional<SourceDocument> documentByChecksum(String sha256) {
        return knowledgeBase.getDocuments().stream().filter(d -> sha256.equals(d.getChecksum())).findFirst();
    }

    // ---------------------------------------------------------------------------------------------- index

    /**
     * The search index, opened (or created) on first call. A format change (new Lucene or analysis version)
     * rebuilds it empty, with a notice; the files recorded in {@link #SOURCES_FILE} are then indexed again by
     * {@link #ensureIndexed(IProgressMonitor)}.
     *
     * @throws eu.urbanagenda.kb.index.IndexLockedException when another process is writing it
     */
    public synchronized KbIndex index() throws IOException {
        if (index == null) {
            Path dir = indexDirectory();
            indexCreated = !Files.isDirectory(dir);
            index = KbIndex.open(dir);
            index.formatChange().ifPresent(change -> notice(change.message()));
        }
        return index;
    }

    /**
     * First use, and after an index rebuild: indexes the bundled seeds (a new index) or every recorded source
     * (a rebuilt one). Does nothing otherwise.
     *
     * @return the report of the run, when one was needed
     */
    public synchronized Optional<UpdateReport> ensureIndexed(IProgressMonitor monitor) throws IOException {
        KbIndex idx = index();
        boolean rebuilt = idx.formatChange().isPresent();
        if (!indexCreated && !rebuilt) {
            return Optional.empty();
        }
        indexCreated = false;
        List<Path> sources = recordedSources();
        if (sources.isEmpty()) {
            Optional<Path> seeds = KbLocations.seedsDirectory();
            if (seeds.isEmpty()) {
                return Optional.empty();
            }
            sources = List.of(seeds.get());
        }
        UpdateReport report = update(sources, UpdateRequest.builder(), monitor);
        notice((rebuilt ? "Indexed again after the rebuild: " : "Indexed the bundled seed documents: ") + report.summary());
        return Optional.of(report);
    }

    /**
     * Indexes files and folders incrementally and records them as sources. With no paths, re-scans every
     * recorded source (new files added, changed ones re-indexed, deleted ones removed).
     *
     * @param options encoding overrides, size limit and threads; its sources are replaced by {@code paths}
     */
    public UpdateReport update(List<Path> paths, UpdateRequest.Builder options, IProgressMonitor monitor) throws IOException {
        List<Path> sources = paths.isEmpty() ? recordedSources() : paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        List<Path> expanded = new ArrayList<>();
        for (Path source : sources) {
            expanded.addAll(expandSeeds(source));
        }
        UpdateRequest request = options.sources(expanded).build();
        UpdateReport report = index().update(request, monitor);
        recordSources(sources);
        return report;
    }

    /** The seeds folder stands for its documents: its README is about them, not one of them. */
    private static List<Path> expandSeeds(Path source) throws IOException {
        Optional<Path> seeds = KbLocations.seedsDirectory();
        if (seeds.isEmpty() || !source.equals(seeds.get())) {
            return List.of(source);
        }
        try (Stream<Path> files = Files.list(source)) {
            return files.filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md")).sorted().toList();
        }
    }

    /** The files and folders indexed so far (as given, absolute). */
    public List<Path> recordedSources() throws IOException {
        Path file = dataDirectory.resolve(SOURCES_FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Path> result = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                result.add(Path.of(line.strip()));
            }
        }
        return result;
    }

    private void recordSources(List<Path> sources) throws IOException {
        Set<Path> all = new LinkedHashSet<>(recordedSources());
        all.addAll(sources);
        Path file = dataDirectory.resolve(SOURCES_FILE);
        Path tmp = dataDirectory.resolve(SOURCES_FILE + ".tmp");
        Files.write(tmp, all.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    // ---------------------------------------------------------------------------------------------- search

    /**
     * Searches the index; every partnership is a document group (facet counts per partnership), and when
     * {@code partnershipIds} is not empty only documents linked to one of them are found.
     *
     * @throws IllegalArgumentException naming an unknown partnership id
     */
    public SearchResult search(SearchRequest.Builder request, Collection<String> partnershipIds)
            throws QuerySyntaxException, IOException {
        Links current = links;
        for (String id : partnershipIds) {
            if (!current.documentsByPartnership.containsKey(id)) {
                throw new IllegalArgumentException("unknown partnership '" + id + "'");
            }
        }
        current.documentsByPartnership.forEach(request::group);
        request.groupFilter(partnershipIds);
        return index().search(request.build());
    }

    /** The ids of the partnerships a document (by checksum) is linked to, confirmed or suggested; sorted. */
    public List<String> partnershipsOf(String sha256) {
        return links.partnershipsByDocument.getOrDefault(sha256, List.of());
    }

    /** Partnership id to the checksums of its documents (evidence not rejected, on it or its actions). */
    public Map<String, Set<String>> documentsByPartnership() {
        return links.documentsByPartnership;
    }

    /** Renews the snapshot of links; runs after each command and load, on the thread that edits. */
    private void refreshLinks() {
        if (knowledgeBase == null) {
            links = Links.EMPTY;
            return;
        }
        Map<String, Set<String>> byPartnership = new LinkedHashMap<>();
        for (Partnership partnership : knowledgeBase.getPartnerships()) {
            byPartnership.put(partnership.getId(), new TreeSet<>());
        }
        Map<String, Set<String>> byDocument = new TreeMap<>();
        for (Evidence evidence : knowledgeBase.getEvidence()) {
            if (evidence.getStatus() == EvidenceStatus.REJECTED || evidence.getDocument() == null
                    || evidence.getDocument().getChecksum() == null) {
                continue;
            }
            Partnership partnership = owningPartnership(evidence.getTarget());
            if (partnership != null && byPartnership.containsKey(partnership.getId())) {
                String sha = evidence.getDocument().getChecksum();
                byPartnership.get(partnership.getId()).add(sha);
                byDocument.computeIfAbsent(sha, k -> new TreeSet<>()).add(partnership.getId());
            }
        }
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        byPartnership.forEach((id, shas) -> frozen.put(id, Set.copyOf(shas)));
        Map<String, List<String>> frozenDocs = new TreeMap<>();
        byDocument.forEach((sha, ids) -> frozenDocs.put(sha, List.copyOf(ids)));
        links = new Links(Collections.unmodifiableMap(frozen), Collections.unmodifiableMap(frozenDocs));
    }

    /** The partnership itself, or the one that contains an action or priority; null for actors and issues. */
    private static Partnership owningPartnership(EvidenceTarget target) {
        for (EObject object = target; object != null; object = object.eContainer()) {
            if (object instanceof Partnership partnership) {
                return partnership;
            }
        }
        return null;
    }

    private record Links(Map<String, Set<String>> documentsByPartnership, Map<String, List<String>> partnershipsByDocument) {
        static final Links EMPTY = new Links(Map.of(), Map.of());
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return message == null ? kind : kind + " " + message;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (index != null) {
                index.close();
                index = null;
            }
        } finally {
            adapterFactory.dispose();
        }
    }
}

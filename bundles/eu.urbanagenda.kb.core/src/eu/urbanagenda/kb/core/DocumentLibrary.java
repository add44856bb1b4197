package eu.urbanagenda.kb.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import eu.urbanagenda.kb.core.internal.SourceList;
import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.index.opensearch.OpenSearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchOptions;

/**
 * The documents of a data directory: the search index and the files and folders it was built from. The index is the
 * local one in the data directory, or an OpenSearch cluster's when the session's {@link BackendSetting} names one: the
 * rest of the product uses only {@link SearchBackend}, so the command line, the workbench and linking work the same on
 * both. With a cluster, the files indexed from this computer are recorded separately per cluster, the extraction log
 * and OCR cache are kept in the data directory's {@value #CLUSTER_WORK_DIRECTORY} folder, and no seed documents are put
 * into the organisation's shared index.
 * <p>
 * First use is resumable and safe when two processes start together: until a first indexing has recorded its sources,
 * the data directory counts as new, and the bundled seed documents are indexed (again, incrementally) under a lock
 * that a second process waits for. A crash at any point therefore leaves a state the next run completes.
 */
public final class DocumentLibrary implements AutoCloseable {

    /** The index folder in the data directory. */
    public static final String INDEX_DIRECTORY = "index";
    /** The files and folders indexed so far; `kb index` with no path re-scans them. */
    public static final String SOURCES_FILE = "sources.txt";
    /** Where updates of a cluster's index keep what the local index keeps in its folder (extraction log, OCR cache). */
    public static final String CLUSTER_WORK_DIRECTORY = "opensearch";
    private static final String FIRST_USE_LOCK = ".first-use.lock";

    private final Path dataDirectory;
    private final BackendSetting backend;
    private final SourceList sources;
    private final Consumer<String> notice;
    private final Consumer<String> announce;
    private SearchBackend index;
    private boolean rebuildIndexed;

    DocumentLibrary(Path dataDirectory, BackendSetting backend, Consumer<String> notice, Consumer<String> announce) {
        this.dataDirectory = dataDirectory;
        this.backend = backend;
        this.sources = new SourceList(dataDirectory.resolve(backend.isLocal() ? SOURCES_FILE : clusterSourcesFile(backend)));
        this.notice = notice;
        this.announce = announce;
    }

    /** The sources indexed into one cluster's index from here: one file per URL (without credentials). */
    private static String clusterSourcesFile(BackendSetting backend) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(backend.display().getBytes(StandardCharsets.UTF_8));
            return "sources-opensearch-" + HexFormat.of().formatHex(digest, 0, 6) + ".txt";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The engine that holds the documents. */
    public BackendSetting backend() {
        return backend;
    }

    public Path indexDirectory() {
        return dataDirectory.resolve(INDEX_DIRECTORY);
    }

    /**
     * The search index, opened (or created, or connected to) on first call. A local index of another format (new
     * Lucene or analysis version) is rebuilt empty, with a notice; {@link #ensureIndexed(IProgressMonitor)} then indexes
     * the recorded sources again. A cluster's index of another version is left alone (others share it): opening fails
     * with a message saying so.
     *
     * @throws eu.urbanagenda.kb.index.IndexLockedException when another process is writing the local index
     * @throws IOException naming the index or cluster (never its password) and the problem, e.g. a cluster that does
     *             not answer
     */
    public synchronized SearchBackend index() throws IOException {
        if (index == null) {
            index = backend.isLocal() ? KbIndex.open(indexDirectory()) : connect(backend);
            index.formatChange().ifPresent(change -> notice.accept(change.message()));
        }
        return index;
    }

    private SearchBackend connect(BackendSetting cluster) throws IOException {
        OpenSearchOptions.Builder options = OpenSearchOptions.builder()
                .workDirectory(dataDirectory.resolve(CLUSTER_WORK_DIRECTORY));
        if (cluster.user() != null) {
            options.credentials(cluster.user(), cluster.password());
        }
        if (cluster.caCertificate() != null) {
            options.caCertificate(cluster.caCertificate());
        }
        return OpenSearchBackend.open(cluster.url(), options.build());
    }

    /**
     * First use (the bundled seeds), and after an index rebuild (every recorded source): brings the local index up to
     * date. Does nothing otherwise, and nothing with a cluster (others share its index).
     *
     * @return the report of the run, when one was needed
     */
    public synchronized Optional<UpdateReport> ensureIndexed(IProgressMonitor monitor) throws IOException {
        if (!backend.isLocal()) {
            // nothing to set up: the cluster is connected to on first search or update, which say so if it cannot be
            return Optional.empty();
        }
        if (sources.read().isEmpty() && !KbLocations.seedDocuments().isEmpty() && Files.isWritable(dataDirectory)) {
            // first use: the index is created under the lock too, so two first starts never race for it
            try (FileChannel channel = FileChannel.open(dataDirectory.resolve(FIRST_USE_LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = waitFor(channel, monitor)) {
                index();
                if (sources.read().isEmpty()) {
                    UpdateReport report = update(KbLocations.seedDocuments(), UpdateRequest.builder(), monitor);
                    notice.accept("Indexed the bundled seed documents: " + report.summary());
                    return Optional.of(report);
                }
                // another process set it up meanwhile
            }
        }
        SearchBackend idx = index();
        if (idx.formatChange().isPresent() && !rebuildIndexed) {
            rebuildIndexed = true;
            List<Path> recorded = sources.read();
            if (!recorded.isEmpty()) {
                UpdateReport report = update(recorded, UpdateRequest.builder(), monitor);
                notice.accept("Indexed again after the rebuild: " + report.summary());
                return Optional.of(report);
            }
        }
        return Optional.empty();
    }

    /** Waits for the first-use lock, checking for cancellation every 100 ms. */
    private static FileLock waitFor(FileChannel channel, IProgressMonitor monitor) throws IOException {
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // held by another thread of this process: wait the same way
            }
            if (monitor != null && monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationCanceledException();
            }
        }
    }

    /**
     * Indexes files and folders incrementally and records them as sources. With no paths, re-scans every recorded
     * source (new files added, changed ones re-indexed, deleted ones removed).
     *
     * @param options encoding overrides, size limit and threads; its sources are replaced by {@code paths}
     */
    public UpdateReport update(List<Path> paths, UpdateRequest.Builder options, IProgressMonitor monitor) throws IOException {
        List<Path> targets = paths.isEmpty() ? sources.read() : paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        UpdateReport report = index().update(options.sources(targets).build(), monitor);
        if (!report.cancelled()) {
            sources.add(targets);
        }
        announce.accept(KbEvents.INDEX_CHANGED);
        return report;
    }

    /**
     * Indexes files and folders under the recorded sources again, without recording them as sources of their own:
     * what a {@link SourceWatcher} saw change (a new, changed or deleted file; a folder whose content changed).
     */
    public UpdateReport refresh(List<Path> changed, IProgressMonitor monitor) throws IOException {
        UpdateReport report = index().update(UpdateRequest.builder().sources(changed).build(), monitor);
        announce.accept(KbEvents.INDEX_CHANGED);
        return report;
    }

    /** The files and folders indexed so far (absolute, as given). */
    public List<Path> recordedSources() throws IOException {
        return sources.read();
    }

    @Override
    public synchronized void close() throws IOException {
        if (index != null) {
            index.close();
            index = null;
        }
    }
}

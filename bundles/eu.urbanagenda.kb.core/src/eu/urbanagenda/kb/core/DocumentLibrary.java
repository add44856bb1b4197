package eu.urbanagenda.kb.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.core.internal.SourceList;

/**
 * The documents of a data directory: the search index and the files and folders it was built from.
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
    private static final String FIRST_USE_LOCK = ".first-use.lock";

    private final Path dataDirectory;
    private final SourceList sources;
    private final Consumer<String> notice;
    private final Consumer<String> announce;
    private KbIndex index;
    private boolean rebuildIndexed;

    DocumentLibrary(Path dataDirectory, Consumer<String> notice, Consumer<String> announce) {
        this.dataDirectory = dataDirectory;
        this.sources = new SourceList(dataDirectory.resolve(SOURCES_FILE));
        this.notice = notice;
        this.announce = announce;
    }

    public Path indexDirectory() {
        return dataDirectory.resolve(INDEX_DIRECTORY);
    }

    /**
     * The search index, opened (or created) on first call. A format change (new Lucene or analysis version) rebuilds
     * it empty, with a notice; {@link #ensureIndexed(IProgressMonitor)} then indexes the recorded sources again.
     *
     * @throws eu.urbanagenda.kb.index.IndexLockedException when another process is writing it
     */
    public synchronized KbIndex index() throws IOException {
        if (index == null) {
            index = KbIndex.open(indexDirectory());
            index.formatChange().ifPresent(change -> notice.accept(change.message()));
        }
        return index;
    }

    /**
     * First use (the bundled seeds), and after an index rebuild (every recorded source): brings the index up to date.
     * Does nothing otherwise.
     *
     * @return the report of the run, when one was needed
     */
    public synchronized Optional<UpdateReport> ensureIndexed(IProgressMonitor monitor) throws IOException {
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
        KbIndex idx = index();
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

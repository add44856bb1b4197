package eu.urbanagenda.kb.index;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.SubMonitor;

import eu.urbanagenda.kb.index.internal.NearDuplicates;
import eu.urbanagenda.kb.ingest.DocumentExtractor;
import eu.urbanagenda.kb.ingest.EncodingOverrides;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.Extraction;
import eu.urbanagenda.kb.ingest.ExtractionCancelledException;
import eu.urbanagenda.kb.ingest.ExtractionSettings;
import eu.urbanagenda.kb.ingest.FolderOverrides;
import eu.urbanagenda.kb.ingest.LibraryLogging;
import eu.urbanagenda.kb.ingest.SkippedFileException;
import eu.urbanagenda.kb.ingest.SourceFile;
import eu.urbanagenda.kb.ingest.SourceScanner;

/**
 * One incremental indexing run: list the sources, compare with the index (path, size, time, then checksum), remove
 * what disappeared, and read, extract and index the rest on worker threads while the calling thread reports progress
 * (OCR page by page), refreshes near-real-time readers and commits periodically; at the end, the copies of one
 * document are grouped ({@link NearDuplicates}). A file is keyed by its path on disk: an archive's members are
 * replaced together when it changes. A file that could not be read completely (OCR missing) is read again next time.
 * The same run serves every {@link SearchBackend}: each writes through its {@link Target}.
 */
public final class IndexUpdate {

    private static final long COMMIT_NANOS = 60_000_000_000L;

    /**
     * What the index knows of a file (an archive's members share their archive's state).
     *
     * @param size file size in bytes
     * @param mtime modification time in milliseconds
     * @param sha256 lower-case hex SHA-256 of the file's bytes ("" for an archive)
     * @param override the name of the encoding override that applied, or ""
     * @param complete false when the file must be read again (OCR was missing)
     */
    public record State(long size, long mtime, String sha256, String override, boolean complete) {
    }

    /**
     * Where a run writes: an index of one engine. {@link #put}, {@link #touch} and {@link #delete} are called from
     * several threads at once; the others from the thread that runs the update. Files are keyed by their path on disk
     * (an archive for its members).
     */
    public interface Target {
        /** @return what the index knows of each file on disk, by absolute path */
        Map<String, State> states() throws IOException;

        /** Called once the files are listed, before the first change. */
        void begin() throws IOException;

        /** Removes the documents of a file (all the members of an archive). */
        void delete(String file) throws IOException;

        /** Records a new modification time of a file whose content is unchanged. */
        void touch(String file, long mtime) throws IOException;

        /**
         * Replaces the documents of a file: one, or an archive's members.
         *
         * @throws SkippedFileException if the engine cannot index them (the reason names the problem)
         */
        void put(Path file, long fileSize, List<ExtractedDocument> documents, Charset override, boolean complete)
                throws IOException, SkippedFileException;

        /** After a run that changed documents: groups the copies of one document ({@link NearDuplicates}). */
        void regroup() throws IOException;

        /**
         * @return whether the files were grouped by an earlier rule than {@link NearDuplicates#RULE}, so that a run
         *         regroups them even if no file changed
         */
        default boolean groupedByEarlierRule() {
            return false;
        }

        /**
         * Makes the changes so far durable.
         *
         * @return documents the engine refused since the last commit (an engine that writes in batches learns this
         *         late), each with the reason
         */
        List<SkippedFile> commit() throws IOException;

        /** Called after the last commit: searches see every change from now on. */
        void end() throws IOException;

        /** @return the number of documents in the index */
        int documents() throws IOException;

        /** @return whether the index was closed meanwhile (the run then stops as if cancelled) */
        boolean closed();

        /** @return a folder on this computer for the run's extraction log and OCR cache */
        Path workDirectory();
    }

    /** A file to read. */
    private record Task(SourceFile file, State state, Charset override, List<String> ocrLanguages) {
    }

    private enum Kind {
        ADDED, UPDATED, TOUCHED, SKIPPED, CANCELLED
    }

    /** The outcome of a task. */
    private record Outcome(Task task, Kind kind, String reason, long bytes, boolean removedStale,
            List<SkippedFile> skippedMembers) {
    }

    private final Target target;
    private final UpdateRequest request;
    private final SubMonitor progress;
    private final DocumentExtractor extractor;
    /** Progress notes of the workers (OCR pages), shown by the calling thread. */
    private final ConcurrentLinkedQueue<String> notes = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;

    private final List<Path> added = new ArrayList<>();
    private final List<Path> updated = new ArrayList<>();
    private final List<Path> removed = new ArrayList<>();
    private final List<SkippedFile> skipped = new ArrayList<>();
    private final List<SkippedFile> refused = new ArrayList<>();
    private int unchanged;
    private long bytes;
    private int changesSinceCommit;
    private long lastCommit = System.nanoTime();

    /**
     * @param target the index to write
     * @param request the files and options
     * @param progress progress and cancellation, 1000 units
     */
    public IndexUpdate(Target target, UpdateRequest request, SubMonitor progress) {
        this.target = target;
        this.request = request;
        this.progress = progress;
        ExtractionSettings settings = request.extraction();
        LibraryLogging.configure(target.workDirectory().resolve("extraction.log"));
        this.extractor = new DocumentExtractor(settings.toBuilder().maxFileSize(request.maxFileSize())
                .ocrCache(settings.ocrCache() != null ? settings.ocrCache()
                        : target.workDirectory().resolve("ocr-cache"))
                .cancelled(() -> stopping || target.closed()).build());
    }

    /**
     * Runs the update.
     *
     * @return what was done
     * @throws IOException if the index cannot be written
     */
    public UpdateReport run() throws IOException {
        long start = System.nanoTime();
        progress.subTask("Listing files");
        SourceScanner.Result scan = SourceScanner.scan(request.sources());
        progress.worked(20);
        Map<String, State> states = target.states();
        Set<Path> keep = new HashSet<>();
        List<String> gone = new ArrayList<>();
        for (SourceScanner.Problem p : scan.problems()) {
            if (!p.unavailable()) {
                skipped.add(new SkippedFile(p.path(), p.reason()));
            } else if (!(states.containsKey(p.path().toString()) && !Files.exists(p.path()))) {
                // (a file given by name that was deleted is removed below like any other)
                // a missing or unreadable folder (e.g. an unmounted drive) removes nothing
                skipped.add(new SkippedFile(p.path(), p.reason() + "; documents indexed from it are kept"));
                keep.add(p.path());
            }
        }
        target.begin();
        progress.worked(10);

        List<Path> roots = request.sources().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Set<String> seen = new HashSet<>();
        scan.files().forEach(f -> seen.add(f.path().toString()));
        for (String p : states.keySet()) {
            Path path = Path.of(p);
            if (!seen.contains(p) && under(path, roots) && !under(path, keep)) {
                gone.add(p);
            }
        }
        EncodingOverrides overrides = new EncodingOverrides(request.encodingOverrides());
        FolderOverrides<List<String>> ocrLanguages = new FolderOverrides<>(request.ocrLanguages());
        List<Task> tasks = new ArrayList<>();
        for (SourceFile f : scan.files()) {
            State st = states.get(f.path().toString());
            Charset ov = overrides.forFile(f.path());
            if (st != null && st.complete() && st.size() == f.size() && st.mtime() == f.lastModified()
                    && st.override().equals(name(ov))) {
                unchanged++;
            } else {
                tasks.add(new Task(f, st, ov, ocrLanguages.forFile(f.path())));
            }
        }
        SubMonitor loop = progress.split(970).setWorkRemaining(Math.max(1, gone.size() + tasks.size()));
        for (String p : gone) {
            target.delete(p);
            removed.add(Path.of(p));
            loop.worked(1);
            changed();
        }
        boolean cancelled = runTasks(tasks, loop);
        commit();
        if (!refused.isEmpty()) {
            applyRefusals();
            commit();
        }
        if (!added.isEmpty() || !updated.isEmpty() || !removed.isEmpty() || target.groupedByEarlierRule()) {
            loop.subTask("Grouping copies of the same document");
            target.regroup();
            commit();
        }
        target.end();
        return new UpdateReport(List.copyOf(added), List.copyOf(updated), List.copyOf(removed), unchanged,
                List.copyOf(skipped), cancelled, bytes, Duration.ofNanos(System.nanoTime() - start),
                target.documents());
    }

    private static String name(Charset cs) {
        return cs == null ? "" : cs.name();
    }

    private static boolean under(Path p, Iterable<Path> roots) {
        for (Path r : roots) {
            if (p.startsWith(r)) {
                return true;
            }
        }
        return false;
    }

    /** Documents the engine refused after their outcome was counted: skipped, and their old version removed. */
    private void applyRefusals() throws IOException {
        for (SkippedFile r : refused) {
            if (updated.remove(r.file())) {
                target.delete(r.file().toString());
                removed.add(r.file());
            } else {
                added.remove(r.file());
            }
            skipped.add(r);
        }
        refused.clear();
    }

    /** Runs the tasks on worker threads; the calling thread handles outcomes. @return whether cancelled */
    private boolean runTasks(List<Task> tasks, SubMonitor loop) throws IOException {
        if (tasks.isEmpty()) {
            return cancelled();
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(request.threads(), r -> {
            Thread t = new Thread(r, "kb-index-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
        int maxInFlight = request.threads() * 2;
        int next = 0;
        int inFlight = 0;
        boolean cancelled = false;
        try {
            while (next < tasks.size() || inFlight > 0) {
                while (!cancelled && next < tasks.size() && inFlight < maxInFlight) {
                    Task t = tasks.get(next++);
                    done.submit(() -> process(t));
                    inFlight++;
                }
                Future<Outcome> f = done.poll(100, TimeUnit.MILLISECONDS);
                if (f != null) {
                    inFlight--;
                    handle(get(f), loop);
                }
                showNotes(loop);
                if (!cancelled && cancelled()) {
                    cancelled = true;
                    stopping = true;
                    loop.subTask("Cancelling: finishing the files in progress");
                }
                if (cancelled && inFlight == 0) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return cancelled;
    }

    private void showNotes(SubMonitor loop) {
        String last = null;
        for (String n = notes.poll(); n != null; n = notes.poll()) {
            last = n;
        }
        if (last != null) {
            loop.subTask(last);
        }
    }

    private boolean cancelled() {
        return progress.isCanceled() || target.closed();
    }

    private static Outcome get(Future<Outcome> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing was interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }

    private void handle(Outcome o, SubMonitor loop) throws IOException {
        Path p = o.task().file().path();
        switch (o.kind()) {
            case ADDED -> added.add(p);
            case UPDATED -> updated.add(p);
            case TOUCHED -> unchanged++;
            case SKIPPED -> {
                skipped.add(new SkippedFile(p, o.reason()));
                if (o.removedStale()) {
                    removed.add(p);
                }
            }
            case CANCELLED -> {
                return;
            }
        }
        skipped.addAll(o.skippedMembers());
        bytes += o.bytes();
        loop.subTask(p.toString());
        loop.worked(1);
        changed();
    }

    private void changed() throws IOException {
        changesSinceCommit++;
        int every = request.commitEveryDocuments();
        if (every > 0 ? changesSinceCommit >= every : System.nanoTime() - lastCommit > COMMIT_NANOS) {
            commit();
        }
    }

    private void commit() throws IOException {
        refused.addAll(target.commit());
        changesSinceCommit = 0;
        lastCommit = System.nanoTime();
    }

    /** On a worker thread: read, compare the checksum, extract and index one file (an archive's members). */
    private Outcome process(Task t) throws IOException {
        Path p = t.file().path();
        String key = p.toString();
        try {
            DocumentExtractor.checkSize(p, t.file().size(), request.maxFileSize());
            byte[] content = DocumentExtractor.read(p);
            if (t.state() != null && t.state().complete() && t.state().override().equals(name(t.override()))
                    && t.state().sha256().equals(DocumentExtractor.sha256(content))) {
                target.touch(key, t.file().lastModified());
                return new Outcome(t, Kind.TOUCHED, null, 0, false, List.of());
            }
            Extraction x;
            try {
                x = extractor.extractAll(p, content, t.file().lastModified(),
                        new DocumentExtractor.FileOptions(t.override(), t.ocrLanguages(), notes::add));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
                // a parser that fails on one file (or cannot run at all) skips that file, not the whole run
                throw new SkippedFileException(p, "cannot be read: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            }
            target.put(p, t.file().size(), x.documents(), t.override(), !x.incomplete());
            List<SkippedFile> members = x.skipped().stream().map(e -> new SkippedFile(e.file(), e.reason())).toList();
            return new Outcome(t, t.state() == null ? Kind.ADDED : Kind.UPDATED, null, content.length, false, members);
        } catch (ExtractionCancelledException e) {
            return new Outcome(t, Kind.CANCELLED, null, 0, false, List.of());
        } catch (SkippedFileException e) {
            boolean stale = t.state() != null;
            if (stale) {
                target.delete(key);
            }
            return new Outcome(t, Kind.SKIPPED, e.reason(), 0, stale, List.of());
        }
    }
}

package eu.urbanagenda.kb.core;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;

import eu.urbanagenda.kb.index.IndexLockedException;
import eu.urbanagenda.kb.index.UpdateReport;

/**
 * Keeps the index up to date with the files and folders it was built from while an application runs: a file saved,
 * changed, renamed or deleted under a recorded source is indexed (or removed) a moment after the change, through
 * {@link DocumentLibrary#refresh}. A source folder that goes away (an unmounted drive, a folder moved elsewhere) removes
 * nothing, as {@code kb index} promises; it is watched, and indexed again, once it is back.
 * <p>
 * Folders are watched with the file system's notifications ({@link WatchService}: inotify on Linux), each folder of a
 * tree on its own, breadth first, hidden folders (names starting with a dot) and the data directory left out. A watch is
 * a kernel resource shared by all of the user's programs ({@code fs.inotify.max_user_watches}): at most
 * {@link #maxFolders()} are used, by default half the system's limit and never more than {@link #DEFAULT_MAX_FOLDERS}.
 * When that many are watched, or the system refuses more, the rest is not watched and a note says so; changes there
 * are indexed by the next import or {@code kb index}. Nothing else changes.
 * <p>
 * Changes are collected on a thread of the watcher's and indexed once no change came for {@link #QUIET_MILLIS} (a save
 * writes a file in several steps; a copy of many files is one run), at the latest {@link #MAX_WAIT_MILLIS} after the
 * first one. Who runs the indexing is the {@link Runner}'s choice: the workbench runs it in a job that holds its
 * index-write rule; {@link #start(DocumentLibrary, Consumer)} uses a thread of the watcher's own.
 */
public final class SourceWatcher implements AutoCloseable {

    /** How long no change must come before the changed files are indexed. */
    public static final long QUIET_MILLIS = 500;
    /** The longest a change waits while others keep coming (a large copy). */
    public static final long MAX_WAIT_MILLIS = 5_000;
    /** The most folders watched, whatever the system allows. */
    public static final int DEFAULT_MAX_FOLDERS = 20_000;
    /** How often the recorded sources are read again and missing source folders looked for. */
    static final long CHECK_MILLIS = 2_000;
    /** When the index is locked by another process, indexing is tried again after this. */
    static final long RETRY_MILLIS = 5_000;

    private static final Path MAX_USER_WATCHES = Path.of("/proc/sys/fs/inotify/max_user_watches");

    /** Runs {@link SourceWatcher#runPending} for the watcher. */
    @FunctionalInterface
    public interface Runner {
        /**
         * Asks for {@link SourceWatcher#runPending} to be called on another thread than the caller's, not before the
         * delay (it may be called earlier or more often than asked: it waits for the changes to settle itself).
         *
         * @param delayMillis how long to wait first
         */
        void runSoon(long delayMillis);
    }

    /**
     * What the watcher tells.
     *
     * @param problem whether it keeps changes from being indexed (a limit reached, a failure), else information
     * @param text    a sentence for the user or the log
     */
    public record Note(boolean problem, String text) {
    }

    /**
     * What is watched.
     *
     * @param ready      whether the sources have been gone through once (changes before that may be missed)
     * @param folders    how many folders are watched
     * @param everyFolder whether every folder of the sources is watched (false: a limit was reached)
     * @param missing    source folders that are not there (unmounted, moved away): their documents are kept
     */
    public record Status(boolean ready, int folders, boolean everyFolder, List<Path> missing) {
    }

    private final DocumentLibrary library;
    private final Runner runner;
    private final Consumer<Note> notes;
    private volatile int maxFolders;
    private final Path dataDirectory;
    private final WatchService service;
    private final Thread thread;
    /** Watched folders, by key and by path; written on the watcher's thread only. */
    private final Map<WatchKey, Path> folderOfKey = new ConcurrentHashMap<>();
    private final Map<Path, WatchKey> keyOfFolder = new ConcurrentHashMap<>();
    /** The file system's id (device and inode) of each watched folder, and the folder of each id. */
    private final Map<Path, Object> idOfFolder = new HashMap<>();
    private final Map<Object, Path> folderOfId = new HashMap<>();
    /** Watched folders whose watch ended (deleted, moved away) before their parent told of it; on the watcher's thread. */
    private final Set<Path> vanished = new HashSet<>();
    /** Source → the folder it is watched by (itself, or a file's parent); on the watcher's thread. */
    private final Map<Path, Path> roots = new LinkedHashMap<>();
    private final Set<Path> missing = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ownThread;

    private final Object lock = new Object();
    private final Set<Path> pending = new LinkedHashSet<>(); // guarded by lock
    private long firstChange; // guarded by lock
    private long lastChange; // guarded by lock
    private long notBefore; // guarded by lock: after a locked index

    private volatile boolean ready;
    private volatile boolean limitReached;
    private volatile boolean running;
    private volatile boolean closed;
    private volatile boolean lockedNoted;

    private SourceWatcher(DocumentLibrary library, Runner runner, ScheduledExecutorService ownThread,
            Consumer<Note> notes, int maxFolders) throws IOException {
        this.library = library;
        this.ownThread = ownThread;
        this.runner = runner != null ? runner
                : delay -> {
                    try {
                        ownThread.schedule(() -> runPending(null), delay, TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException e) {
                        // closed
                    }
                };
        this.notes = notes;
        this.maxFolders = maxFolders;
        this.dataDirectory = library.indexDirectory().getParent();
        try {
            this.service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new IOException("cannot watch the sources for changes: " + e.getMessage()
                    + " (the system's limit of inotify instances, fs.inotify.max_user_instances, may be reached)", e);
        }
        this.thread = new Thread(this::watch, "kb: watch the sources");
        thread.setDaemon(true);
    }

    /**
     * Watches the recorded sources of a library, indexing their changes on a thread of the watcher's own.
     *
     * @param notes told what the watcher does and what keeps it from watching everything, in a sentence each
     * @throws IOException if the system cannot watch files at all
     */
    public static SourceWatcher start(DocumentLibrary library, Consumer<Note> notes) throws IOException {
        return start(library, null, notes, 0);
    }

    /**
     * Watches the recorded sources of a library.
     *
     * @param runner     runs the indexing of what changed ({@code null}: a thread of the watcher's own)
     * @param notes      told what the watcher does and what keeps it from watching everything, in a sentence each
     * @param maxFolders the most folders to watch; 0 for {@link #defaultMaxFolders()}
     * @throws IOException if the system cannot watch files at all
     */
    public static SourceWatcher start(DocumentLibrary library, Runner runner, Consumer<Note> notes, int maxFolders)
            throws IOException {
        ScheduledExecutorService own = runner != null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kb: index the changed sources");
            t.setDaemon(true);
            return t;
        });
        try {
            SourceWatcher watcher = new SourceWatcher(library, runner, own, notes, Math.max(0, maxFolders));
            watcher.thread.start();
            return watcher;
        } catch (IOException | RuntimeException e) {
            if (own != null) {
                own.shutdownNow();
            }
            throw e;
        }
    }

    /** Half the system's limit of inotify watches (other programs need some), at most {@link #DEFAULT_MAX_FOLDERS}. */
    public static int defaultMaxFolders() {
        long system = systemWatchLimit();
        return system <= 0 ? DEFAULT_MAX_FOLDERS : (int) Math.max(1, Math.min(DEFAULT_MAX_FOLDERS, system / 2));
    }

    private static long systemWatchLimit() {
        // read as a stream: Files.readString trusts the size /proc reports (0) and returns the first character only
        try (var in = Files.newBufferedReader(MAX_USER_WATCHES)) {
            String line = in.readLine();
            return line == null ? -1 : Long.parseLong(line.strip());
        } catch (IOException | RuntimeException e) {
            return -1; // not Linux, or not readable
        }
    }

    /** @return the most folders this watcher watches (0 until it has started) */
    public int maxFolders() {
        return maxFolders;
    }

    /** @return what is watched now */
    public Status status() {
        return new Status(ready, keyOfFolder.size(), !limitReached, List.copyOf(new TreeSet<>(missing)));
    }

    /** @return whether no change waits to be indexed and none is being indexed */
    public boolean isQuiet() {
        synchronized (lock) {
            return pending.isEmpty() && !running;
        }
    }

    // ------------------------------------------------------------------------------------------------ watching

    private void watch() {
        try {
            if (maxFolders == 0) {
                maxFolders = defaultMaxFolders();
            }
            readSources();
            ready = true;
            note("Watching " + keyOfFolder.size() + (keyOfFolder.size() == 1 ? " folder" : " folders") + " of "
                    + roots.size() + (roots.size() == 1 ? " source" : " sources") + " for changes.");
            long nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS);
            while (!closed) {
                WatchKey key = service.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
                for (; key != null; key = service.poll()) {
                    handle(key);
                }
                if (System.nanoTime() - nextCheck >= 0) {
                    readSources();
                    nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed
        } catch (RuntimeException | Error e) {
            if (!closed) {
                problem("Stopped watching the sources for changes: " + e);
            }
        }
    }

    /**
     * Registers the sources recorded since the last look (at first, all of them) and scans each once for what changed
     * while nobody watched; registers source folders that came back; notes those gone.
     */
    private void readSources() {
        List<Path> recorded;
        try {
            recorded = library.recordedSources().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        } catch (IOException e) {
            return; // read again next time
        }
        for (Path source : recorded) {
            if (!roots.containsKey(source)) {
                Path folder = Files.isRegularFile(source) ? source.getParent() : source;
                roots.put(source, folder);
                if (Files.isDirectory(folder)) {
                    register(folder, !folder.equals(source) ? 0 : Integer.MAX_VALUE);
                    changed(source);
                } else if (missing.add(folder)) {
                    note(folder + " is not there (moved, or a drive not mounted): its documents stay in the index, "
                            + "and it is watched again when it is back.");
                }
            }
        }
        for (Path folder : new LinkedHashSet<>(roots.values())) {
            boolean there = Files.isDirectory(folder);
            if (missing.contains(folder) && there) {
                missing.remove(folder);
                List<Path> sources = roots.entrySet().stream().filter(r -> r.getValue().equals(folder))
                        .map(Map.Entry::getKey).toList();
                register(folder, sources.contains(folder) ? Integer.MAX_VALUE : 0);
                note(folder + " is back: indexing what changed in it meanwhile.");
                sources.forEach(this::changed);
            } else if (!missing.contains(folder) && (!there || moved(folder))) {
                missing.add(folder);
                forget(folder);
                note(folder + " is gone (moved, or a drive unmounted): its documents stay in the index, and it is "
                        + "watched again when it is back.");
            }
        }
    }

    /** Whether a watched folder's path now names another folder than the one watched (it was moved away). */
    private boolean moved(Path folder) {
        WatchKey key = keyOfFolder.get(folder);
        if (key == null || !key.isValid()) {
            return false;
        }
        Object id = fileId(folder);
        return id != null && !id.equals(idOfFolder.get(folder));
    }

    /** Watches a folder and its subfolders (down to a depth), breadth first, within the limit. */
    private void register(Path start, int depth) {
        Deque<Path> queue = new ArrayDeque<>();
        Map<Path, Integer> depths = new HashMap<>();
        queue.add(start);
        depths.put(start, 0);
        while (!queue.isEmpty() && !closed) {
            Path dir = queue.poll();
            if (!keyOfFolder.containsKey(dir)) {
                if (keyOfFolder.size() >= maxFolders) {
                    limit("the limit of " + maxFolders + " folders this application watches ("
                            + (systemWatchLimit() > 0 ? "half the system's " + systemWatchLimit()
                                    + " inotify watches, fs.inotify.max_user_watches" : "its own limit") + ")");
                    return;
                }
                Object id = fileId(dir);
                if (id != null && folderOfId.containsKey(id)) {
                    continue; // the same folder through a symbolic link: watched already (and no loop)
                }
                try {
                    vanished.remove(dir);
                    WatchKey key = dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
                    folderOfKey.put(key, dir);
                    keyOfFolder.put(dir, key);
                    if (id != null) {
                        idOfFolder.put(dir, id);
                        folderOfId.put(id, dir);
                    }
                } catch (IOException e) {
                    String m = String.valueOf(e.getMessage());
                    if (m.contains("inotify watches") || m.contains("No space left")) {
                        limit("the system's limit of inotify watches (fs.inotify.max_user_watches = "
                                + systemWatchLimit() + ", shared by all programs of the user)");
                        return;
                    }
                    continue; // unreadable or vanished: nothing to watch there
                }
            }
            int level = depths.get(dir);
            if (level >= depth) {
                continue;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path child : children) {
                    if (!hidden(child) && !child.startsWith(dataDirectory) && Files.isDirectory(child)) {
                        queue.add(child);
                        depths.put(child, level + 1);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // unreadable or vanished: its subfolders are not watched
            }
        }
    }

    private void limit(String what) {
        if (!limitReached) {
            limitReached = true;
            problem("Not every folder of the sources is watched: " + what + " is reached at " + keyOfFolder.size()
                    + " folders. Changes in the other folders are indexed by File > Import Documents… or kb index. "
                    + "To watch more, raise the limit: sysctl fs.inotify.max_user_watches=524288.");
        }
    }

    /** Stops watching a folder and everything below it. */
    private void forget(Path folder) {
        for (var e : List.copyOf(keyOfFolder.entrySet())) {
            if (e.getKey().startsWith(folder)) {
                e.getValue().cancel();
                unwatched(e.getKey(), e.getValue());
            }
        }
    }

    private void unwatched(Path folder, WatchKey key) {
        keyOfFolder.remove(folder, key);
        folderOfKey.remove(key);
        Object id = idOfFolder.remove(folder);
        if (id != null) {
            folderOfId.remove(id, folder);
        }
    }

    private void handle(WatchKey key) {
        Path dir = folderOfKey.get(key);
        List<WatchEvent<?>> events = key.pollEvents();
        if (dir == null) {
            return; // forgotten meanwhile
        }
        for (WatchEvent<?> event : events) {
            if (event.kind() == OVERFLOW) {
                // the system dropped events: look at the whole folder
                changed(dir);
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            if (hidden(child) || child.startsWith(dataDirectory) || !underSource(child)) {
                continue;
            }
            if (event.kind() == ENTRY_DELETE && (keyOfFolder.containsKey(child) || vanished.remove(child))) {
                // a folder deleted or moved away within a source: the documents under it go (its parent is scanned)
                forget(child);
                changed(dir);
            } else {
                if (event.kind() == ENTRY_CREATE && isWatchedTree(child) && Files.isDirectory(child)) {
                    register(child, Integer.MAX_VALUE); // a new (or moved-in) folder, with what is already in it
                }
                changed(child);
            }
        }
        if (!key.reset()) {
            // the folder was deleted or moved away (its parent tells which, maybe only later), or its drive unmounted
            unwatched(dir, key);
            vanished.add(dir);
        }
    }

    /** Whether a path is under a source: below a source folder, or a source file itself. */
    private boolean underSource(Path path) {
        for (var root : roots.entrySet()) {
            if (root.getKey().equals(root.getValue()) ? path.startsWith(root.getKey()) : path.equals(root.getKey())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a path is below a source folder (not only beside a source file), so that its subfolders are watched. */
    private boolean isWatchedTree(Path path) {
        for (var root : roots.entrySet()) {
            if (root.getKey().equals(root.getValue()) && path.startsWith(root.getKey())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static Object fileId(Path dir) {
        try {
            return Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------ indexing

    /** Notes a changed file or folder; the first change of a batch asks the runner to index it. */
    private void changed(Path path) {
        boolean first;
        long now = System.nanoTime();
        synchronized (lock) {
            first = pending.isEmpty() && !running;
            if (pending.isEmpty()) {
                firstChange = now;
            }
            pending.add(path);
            lastChange = now;
        }
        if (first) {
            runner.runSoon(QUIET_MILLIS);
        }
    }

    /**
     * Indexes what changed, once the changes have settled (else asks the runner to call again later). Called by the
     * {@link Runner}, never on the watcher's thread; one call at a time.
     *
     * @param monitor progress and cancellation, or {@code null}
     * @return the report of the indexing, or {@code null} when nothing was indexed now
     */
    public UpdateReport runPending(IProgressMonitor monitor) {
        List<Path> batch;
        synchronized (lock) {
            if (pending.isEmpty() || closed) {
                return null;
            }
            long now = System.nanoTime();
            long due = Math.max(notBefore, Math.min(lastChange + TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS),
                    firstChange + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS)));
            if (now - due < 0) {
                runner.runSoon(Math.max(1, TimeUnit.NANOSECONDS.toMillis(due - now)));
                return null;
            }
            batch = outermost(pending);
            pending.clear();
            running = true;
        }
        UpdateReport report = null;
        boolean again = false;
        try {
            List<Path> present = batch.stream().filter(this::sourceThere).toList();
            if (!present.isEmpty()) {
                report = library.refresh(present, monitor);
                lockedNoted = false;
                again = report.cancelled();
            }
        } catch (IndexLockedException e) {
            if (!lockedNoted) {
                lockedNoted = true;
                problem("The changed files wait to be indexed: " + e.getMessage());
            }
            again = true;
            synchronized (lock) {
                notBefore = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS);
            }
        } catch (IOException | RuntimeException e) {
            problem("Indexing the changed files failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } finally {
            boolean more;
            synchronized (lock) {
                if (again && !closed) {
                    if (pending.isEmpty()) {
                        firstChange = System.nanoTime();
                        lastChange = firstChange;
                    }
                    pending.addAll(batch);
                }
                running = false;
                more = !pending.isEmpty() && !closed;
            }
            if (more) {
                runner.runSoon(again ? RETRY_MILLIS : QUIET_MILLIS);
            }
        }
        return report;
    }

    /** Whether the source a changed path belongs to is there: nothing is removed while a source folder is away. */
    private boolean sourceThere(Path path) {
        for (Path folder : missing) {
            if (path.startsWith(folder)) {
                return false;
            }
        }
        return true;
    }

    /** The paths without those under another of them. */
    private static List<Path> outermost(Set<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : new TreeSet<>(paths)) { // a folder sorts before what is under it
            if (out.stream().noneMatch(p::startsWith)) {
                out.add(p);
            }
        }
        return out;
    }

    private void note(String text) {
        if (!closed) {
            notes.accept(new Note(false, text));
        }
    }

    private void problem(String text) {
        if (!closed) {
            notes.accept(new Note(true, text));
        }
    }

    /** Stops watching; an indexing run in progress finishes (closing the index cancels it). */
    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            // nothing more to release
        }
        if (ownThread != null) {
            ownThread.shutdownNow();
        }
        thread.interrupt();
    }
}

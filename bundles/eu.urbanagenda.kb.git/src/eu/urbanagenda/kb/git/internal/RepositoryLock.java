package eu.urbanagenda.kb.git.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Keeps the writers of one data directory's history apart: a lock of this process (threads) and a file lock (other
 * processes) in the data directory. There are two: {@link #holding} for the short work on the local history (a save's
 * version, the index, the branch, the configuration) and {@link #syncing} for the talk with the shared repository
 * (which may take long, and must not keep a save waiting). The operating system releases a file lock when its process
 * dies, so a writer killed in the middle of its work never blocks the next one; and since every writer of ours holds
 * the lock for what it writes, the lock files of Git's own found by the holder (an {@code index.lock}, a branch's
 * {@code .lock}, a fetched ref's {@code .lock}) were left by a killed writer and are removed.
 */
public final class RepositoryLock {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long PATIENCE_SECONDS = 60;
    private static final List<String> LOCAL_LOCKS = List.of("index.lock", "HEAD.lock", "config.lock", "ORIG_HEAD.lock",
            "MERGE_HEAD.lock", "MERGE_MSG.lock");
    private static final List<String> SYNC_LOCKS = List.of("FETCH_HEAD.lock", "packed-refs.lock");

    private RepositoryLock() {
    }

    /** Work done while holding the lock. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    /** The lock file of the local history, beside the knowledge base (kept out of the history by its .gitignore). */
    public static final String FILE = ".history.lock";
    /** The lock file of a synchronization. */
    public static final String SYNC_FILE = ".sync.lock";

    /** Runs {@code work} holding the lock of the data directory's local history, waiting up to a minute for it. */
    public static <T> T holding(Path dataDirectory, Work<T> work) throws IOException {
        return locked(dataDirectory.toAbsolutePath().normalize().resolve(FILE), LOCAL_LOCKS, "refs/heads", work);
    }

    /** Runs {@code work} as the one synchronization of the data directory, waiting up to a minute for another to end. */
    public static <T> T syncing(Path dataDirectory, Work<T> work) throws IOException {
        return locked(dataDirectory.toAbsolutePath().normalize().resolve(SYNC_FILE), SYNC_LOCKS, "refs/remotes", work);
    }

    private static <T> T locked(Path lockFile, List<String> staleLocks, String staleRefs, Work<T> work) throws IOException {
        Path key = lockFile.getParent();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        try {
            if (!local.tryLock(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("the history of " + key + " is busy (another save or synchronization of this program)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the history of " + key, e);
        }
        try {
            if (local.getHoldCount() > 1) {
                return work.run(); // this thread holds the file lock already
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = waitFor(channel, key)) {
                removeStaleLocks(key.resolve(".git"), staleLocks, staleRefs);
                return work.run();
            }
        } finally {
            local.unlock();
        }
    }

    private static FileLock waitFor(FileChannel channel, Path key) throws IOException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > until) {
                throw new IOException("the history of " + key + " is busy (another kb process is saving or synchronizing)");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the history of " + key, e);
            }
        }
    }

    /** Git's lock files left by a writer that was killed (only ever called while holding the lock). */
    private static void removeStaleLocks(Path gitDirectory, List<String> names, String refsFolder) throws IOException {
        if (!Files.isDirectory(gitDirectory)) {
            return;
        }
        for (String name : names) {
            Files.deleteIfExists(gitDirectory.resolve(name));
        }
        Path refs = gitDirectory.resolve(refsFolder);
        if (Files.isDirectory(refs)) {
            try (Stream<Path> files = Files.walk(refs)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".lock")).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}

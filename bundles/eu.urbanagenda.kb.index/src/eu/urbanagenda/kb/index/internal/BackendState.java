package eu.urbanagenda.kb.index.internal;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * The life of a search backend (the local index, an OpenSearch index): open until closed, one update at a time in this
 * process, and a close that stops a running update (the update watches {@link #isClosed()}) and waits for it before
 * the backend lets go of its resources.
 */
public final class BackendState {

    /** An update of the backend, run alone. */
    @FunctionalInterface
    public interface Update<T> {
        T run(SubMonitor progress) throws IOException;
    }

    /** What the backend lets go of when it is closed. */
    @FunctionalInterface
    public interface Resources {
        void close() throws IOException;
    }

    private final String name;
    private final ReentrantLock updateLock = new ReentrantLock();
    private volatile boolean closed;

    /** @param name the backend for messages, e.g. "the index /data/index" */
    public BackendState(String name) {
        this.name = name;
    }

    public boolean isClosed() {
        return closed;
    }

    /** @throws IllegalStateException if the backend was closed */
    public void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
    }

    /**
     * Runs an update, unless another one is running in this process.
     *
     * @param busy the failure when another update is running
     */
    public <T> T update(IProgressMonitor monitor, Supplier<? extends IOException> busy, Update<T> update) throws IOException {
        ensureOpen();
        SubMonitor progress = SubMonitor.convert(monitor, "Indexing", 1000);
        if (!updateLock.tryLock()) {
            throw busy.get();
        }
        try {
            return update.run(progress);
        } finally {
            updateLock.unlock();
            if (monitor != null) {
                monitor.done();
            }
        }
    }

    /** Closes the backend once: a running update is cancelled and waited for, then the resources are closed. */
    public void close(Resources resources) throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        updateLock.lock();
        try {
            resources.close();
        } finally {
            updateLock.unlock();
        }
    }
}

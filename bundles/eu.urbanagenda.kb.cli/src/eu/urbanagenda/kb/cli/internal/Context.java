package eu.urbanagenda.kb.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;

/**
 * What a command runs with: the console, the caller's working directory, input and interrupts ({@link Invocation}), and
 * the session of the {@link KbSessionService}, opened on first need.
 */
public final class Context implements AutoCloseable {

    /** Work on the knowledge base, run on the model's thread. */
    @FunctionalInterface
    public interface ModelWork<T> {
        T run(KbSession session) throws UsageException, DataException;
    }

    private final Console console;
    private final KbSessionService sessions;
    private final Invocation invocation;
    private KbSession session;
    private Runnable stopNotices;
    private boolean unsavedChangesTold;

    public Context(Console console, KbSessionService sessions, Invocation invocation) {
        this.console = console;
        this.sessions = sessions;
        this.invocation = invocation;
    }

    public Console console() {
        return console;
    }

    public Path dataDirectory() {
        return sessions.dataDirectory();
    }

    /** The session service (for `kb serve`, which offers it to others). */
    public KbSessionService sessions() {
        return sessions;
    }

    /** A path of the command line, absolute: relative to the caller's working directory. */
    public Path path(String path) {
        return invocation.path(path);
    }

    /** The caller's standard input. */
    public InputStream stdin() {
        return invocation.stdin();
    }

    /** See {@link Interrupts#onInterrupt(Runnable)}. */
    public Interrupts.Registration onInterrupt(Runnable onInterrupt) {
        return invocation.interrupts().onInterrupt(onInterrupt);
    }

    public Timings timings() {
        return invocation.timings();
    }

    /** Whether a service runs this command (with a session it keeps open for others). */
    public boolean served() {
        return invocation.served();
    }

    /** The session (the data directory is set up on first use); its notices go to stderr. */
    public KbSession session() throws DataException {
        if (session == null) {
            KbSession opened;
            try {
                opened = sessions.session();
            } catch (IOException e) {
                throw cannotOpen(e);
            }
            timings().mark("session opened");
            if (!served()) {
                // this command opened the session: what it set up is news to the user (a service's earlier notices are not)
                opened.notices().forEach(this::notice);
            }
            stopNotices = opened.onNotice(this::notice);
            session = opened;
        }
        return session;
    }

    /**
     * Runs work that reads or edits the knowledge base on the thread that edits it (the UI thread of a workbench that runs
     * this command; this thread standalone) and returns its result.
     */
    public <T> T onModelThread(ModelWork<T> work) throws UsageException, DataException {
        KbSession current = session();
        try {
            current.loadModel(); // off the model's thread: a session opened without it (standalone) loads it now
        } catch (IOException e) {
            throw cannotOpen(e);
        }
        timings().mark("knowledge base loaded");
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            sessions.modelExecutor().execute(() -> {
                try {
                    result.complete(work.run(current));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new DataException("kb: the knowledge base is being closed; run the command again");
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("kb: interrupted");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
            case UsageException usage -> throw usage;
            case DataException data -> throw data;
            case RuntimeException runtime -> throw runtime;
            case Error error -> throw error;
            case null, default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * {@link #onModelThread} for work that only reads the knowledge base. When the workbench runs the command while it has
     * unsaved changes, stderr says once that they are included: standalone `kb` reads the saved file.
     */
    public <T> T readModel(ModelWork<T> work) throws UsageException, DataException {
        return onModelThread(s -> {
            if (served() && !unsavedChangesTold && s.model().isDirty()) {
                unsavedChangesTold = true;
                notice("the knowledge base has changes not yet saved in the workbench; they are included here");
            }
            return work.run(s);
        });
    }

    private DataException cannotOpen(IOException e) {
        if (e instanceof KnowledgeBaseLoadException load) {
            // refused, so that no command works on (and `link` or `index` saves) part of it
            List<String> more = new ArrayList<>();
            more.add("kb: the file was left as it is" + (load.getProblems().size() > 1 ? "; 'kb validate' lists every problem" : ""));
            RestoreAdvice.line(dataDirectory(), Path.of(load.getFile())).ifPresent(line -> more.add("kb: " + line));
            return new DataException("kb: the knowledge base cannot be loaded: " + e.getMessage(), more, e);
        }
        return new DataException("kb: " + e.getMessage(), e);
    }

    private void notice(String text) {
        console.error("kb: " + text);
    }

    /** Stops the session's notices to this command's stderr. */
    @Override
    public void close() {
        if (stopNotices != null) {
            stopNotices.run();
            stopNotices = null;
        }
    }
}

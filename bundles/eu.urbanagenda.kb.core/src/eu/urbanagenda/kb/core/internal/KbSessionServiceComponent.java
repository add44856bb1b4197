package eu.urbanagenda.kb.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import eu.urbanagenda.kb.core.BackendSetting;
import eu.urbanagenda.kb.core.KbEvents;
import eu.urbanagenda.kb.core.KbLocations;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;

/**
 * The {@link KbSessionService} as a Declarative Services component. The lock guards only which data directory and
 * which opening are current; the session is opened on a thread of its own, and events are posted outside the lock
 * (Event Admin delivers them asynchronously), so no caller ever waits for another's I/O by accident.
 */
@Component(service = KbSessionService.class)
public class KbSessionServiceComponent implements KbSessionService {

    private final Object lock = new Object();
    private final ExecutorService opener = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kb: open the knowledge base");
        thread.setDaemon(true);
        return thread;
    });
    /** Where and with which engine the next session opens; written under the lock. */
    private volatile Settings settings = new Settings(KbLocations.defaultDataDirectory(),
            BackendSetting.fromEnvironment(System.getenv()));
    private CompletableFuture<KbSession> opening; // guarded by lock
    private volatile KbSession current;
    private volatile Throwable failure;
    private volatile Executor modelExecutor = Runnable::run;
    private volatile boolean modelOnDemand;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Override
    public CompletableFuture<KbSession> open() {
        synchronized (lock) {
            if (opening == null || opening.isCompletedExceptionally()) {
                Settings chosen = settings;
                CompletableFuture<KbSession> attempt = new CompletableFuture<>();
                opening = attempt;
                opener.execute(() -> openInBackground(chosen.dataDirectory(), chosen.backend(), attempt));
            }
            return opening;
        }
    }

    private void openInBackground(Path directory, BackendSetting engine, CompletableFuture<KbSession> attempt) {
        KbSession session;
        try {
            session = KbSession.open(directory, engine, this::post, modelOnDemand);
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            attempt.completeExceptionally(e);
            post(KbEvents.SESSION_FAILED, e);
            return;
        }
        boolean stillWanted;
        synchronized (lock) {
            stillWanted = opening == attempt;
            if (stillWanted) {
                current = session;
                failure = null;
            }
        }
        if (!stillWanted) {
            // the data directory or engine changed while this one was opening
            closeQuietly(session);
            attempt.completeExceptionally(new CancellationException("the data directory or search engine changed"));
            return;
        }
        attempt.complete(session);
        post(KbEvents.SESSION_OPENED, session);
    }

    @Override
    public Optional<KbSession> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public KbSession session() throws IOException {
        try {
            return open().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the knowledge base was opening", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause == null ? e.toString() : cause.toString(), cause);
        }
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public Path dataDirectory() {
        return settings.dataDirectory();
    }

    @Override
    public void setDataDirectory(Path directory) {
        Path normalized = directory.toAbsolutePath().normalize();
        reconfigure(old -> new Settings(normalized, old.backend()));
    }

    @Override
    public Executor modelExecutor() {
        return modelExecutor;
    }

    @Override
    public void setModelExecutor(Executor executor) {
        modelExecutor = executor == null ? Runnable::run : executor;
    }

    @Override
    public void setModelOnDemand(boolean onDemand) {
        modelOnDemand = onDemand;
    }

    @Override
    public BackendSetting backend() {
        return settings.backend();
    }

    @Override
    public void setBackend(BackendSetting setting) {
        Objects.requireNonNull(setting);
        reconfigure(old -> new Settings(old.dataDirectory(), setting));
    }

    /** Where and with which engine a session opens. */
    private record Settings(Path dataDirectory, BackendSetting backend) {
    }

    /** Changes the settings; when they changed, the session opened with the old ones is closed. */
    private void reconfigure(UnaryOperator<Settings> change) {
        KbSession closing;
        synchronized (lock) {
            Settings changed = change.apply(settings);
            if (changed.equals(settings)) {
                return;
            }
            settings = changed;
            closing = forgetSession();
        }
        close(closing);
    }

    /** The session to close: the next {@link #open()} opens anew. Called under the lock. */
    private KbSession forgetSession() {
        opening = null;
        failure = null;
        KbSession closing = current;
        current = null;
        return closing;
    }

    @Deactivate
    void deactivate() {
        KbSession closing;
        synchronized (lock) {
            opening = null;
            closing = current;
            current = null;
        }
        close(closing);
        opener.shutdown();
    }

    private void close(KbSession session) {
        if (session != null) {
            closeQuietly(session);
            post(KbEvents.SESSION_CLOSED, session);
        }
    }

    private static void closeQuietly(KbSession session) {
        try {
            session.close();
        } catch (IOException e) {
            // the index is closed as far as it can be; nothing else is left to do
        }
    }

    private void post(String topic, Object data) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, KbEvents.properties(data)));
        }
    }
}

package eu.urbanagenda.kb.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The one session of a running application (an OSGi service): the command line and every view and editor of the
 * workbench work on the same knowledge base, editing domain and index. The session is opened once, in the background,
 * at the data directory ({@link KbLocations#defaultDataDirectory()} unless set) with the search engine of
 * {@link #backend()}, and closed when either changes or the service goes away. What happens is told as {@link KbEvents} through OSGi Event Admin; nothing is
 * called while the service holds a lock.
 */
public interface KbSessionService {

    /**
     * The session, opening it in the background on first call: the same future for every caller until the data
     * directory changes. After a failed opening (see {@link #failure()}) the next call tries again. Never blocks.
     */
    CompletableFuture<KbSession> open();

    /** The session if it is open now; never waits. */
    Optional<KbSession> current();

    /**
     * The session, opened now if needed: waits for {@link #open()}. For the command line and jobs, never for a UI
     * thread.
     *
     * @throws IOException why it cannot be opened (naming the file and the problem)
     */
    KbSession session() throws IOException;

    /** Why the last attempt to open a session failed; empty while none has failed since the last success. */
    Optional<Throwable> failure();

    /** The data directory the session uses or will use. */
    Path dataDirectory();

    /** Uses another data directory: closes the open session (unsaved changes are lost), posting its closing. */
    void setDataDirectory(Path directory);

    /**
     * Where work on the knowledge base runs when it may meet the application's own edits: the UI thread in the workbench,
     * a thread of its own under {@code kb serve}; the calling thread unless set. The model is edited on one thread.
     */
    Executor modelExecutor();

    /** Sets the thread of {@link #modelExecutor()}; {@code null}: the calling thread. */
    void setModelExecutor(Executor executor);

    /**
     * Whether the next session opens without loading the knowledge base, which it then loads on first need (see
     * {@link KbSession#open(Path, BackendSetting, KbEvents.Sink, boolean)}): for a command that may need only the index. The default,
     * false, loads it as the session opens, so that an application has it at once.
     */
    void setModelOnDemand(boolean onDemand);

    /**
     * Where the session's documents are searched: the local index unless set, or unless the environment names a
     * cluster ({@link BackendSetting#fromEnvironment}).
     */
    BackendSetting backend();

    /**
     * Searches and indexes with another engine: closes the open session when the setting differs (unsaved changes are
     * lost), posting its closing; the next {@link #open()} connects to it. Connecting happens on first need of the
     * index, in the background like the rest of opening.
     */
    void setBackend(BackendSetting backend);
}

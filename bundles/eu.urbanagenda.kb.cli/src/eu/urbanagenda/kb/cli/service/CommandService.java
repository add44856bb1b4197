package eu.urbanagenda.kb.cli.service;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import eu.urbanagenda.kb.core.KbEvents;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;

/**
 * The command line offered to other processes: while this service listens, `kb COMMAND` for its data directory is run
 * here, through the session this process has open (its knowledge base, editing domain and index), instead of in a
 * process of its own, and prints byte for byte what it would print standalone. The workbench hosts one for the data
 * directory of its session, and `kb serve` one for its own.
 * <p>
 * Commands run on threads of their own; what they read or change of the knowledge base runs on
 * {@link KbSessionService#modelExecutor()}, the host's thread for model edits.
 */
public final class CommandService {

    private final KbSessionService sessions;
    private final String host;
    private final Consumer<String> problems;
    private final Consumer<String> activity;
    private final String build = build();
    private final ExecutorService binding = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kb service: follow the session");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<ServedCommand> running = ConcurrentHashMap.newKeySet();
    private volatile ServiceSocket socket; // changed on the binding thread
    private volatile boolean stopped;
    private ServiceRegistration<EventHandler> events;

    private CommandService(KbSessionService sessions, String host, Consumer<String> problems, Consumer<String> activity) {
        this.sessions = sessions;
        this.host = host;
        this.problems = problems;
        this.activity = activity;
    }

    /**
     * Serves one data directory now, until stopped.
     *
     * @param host     who serves, as clients and a second service are told, e.g. "kb serve, pid 1234"
     * @param activity told of each command that ended, in one line: the command, its exit status and time
     * @throws IOException saying why not, e.g. when another process serves it already
     */
    public static CommandService serve(KbSessionService sessions, Path dataDirectory, String host, Consumer<String> activity)
            throws IOException {
        CommandService service = new CommandService(sessions, host, problem -> {
        }, activity);
        service.socket = ServiceSocket.open(dataDirectory, host);
        service.socket.accept(service::accept);
        return service;
    }

    /**
     * Serves the data directory of the session service's session whenever one is open (it follows the session through
     * {@link KbEvents}), until stopped.
     *
     * @param problems told, in words, why a data directory cannot be served (read-only, served by another process)
     */
    public static CommandService follow(KbSessionService sessions, String host, Consumer<String> problems) {
        CommandService service = new CommandService(sessions, host, problems, line -> {
        });
        Bundle bundle = FrameworkUtil.getBundle(CommandService.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context != null) {
            Dictionary<String, Object> topics = new Hashtable<>();
            topics.put(EventConstants.EVENT_TOPIC, new String[] { KbEvents.SESSION_OPENED, KbEvents.SESSION_CLOSED });
            service.events = context.registerService(EventHandler.class, service::sessionEvent, topics);
        }
        sessions.current().ifPresent(session -> service.binding.execute(() -> service.bind(session.dataDirectory())));
        return service;
    }

    /** The socket served now. */
    public Optional<Path> socket() {
        ServiceSocket current = socket;
        return current == null ? Optional.empty() : Optional.of(current.socket());
    }

    /**
     * Stops taking commands and asks those running to stop (an index run commits what it has done).
     *
     * @return completes when the last of them has ended
     */
    public CompletableFuture<Void> stop() {
        stopped = true;
        if (events != null) {
            try {
                events.unregister();
            } catch (IllegalStateException e) {
                // the framework is stopping: gone already
            }
        }
        CompletableFuture<Void> unbound = CompletableFuture.runAsync(this::unbind, binding);
        binding.shutdown();
        running.forEach(ServedCommand::interrupt);
        return unbound.thenCompose(done -> CompletableFuture.allOf(running.stream().map(ServedCommand::done)
                .toArray(CompletableFuture[]::new)));
    }

    private void sessionEvent(Event event) {
        if (!(event.getProperty(KbEvents.DATA) instanceof KbSession session) || stopped) {
            return;
        }
        Path directory = session.dataDirectory();
        try {
            if (event.getTopic().equals(KbEvents.SESSION_OPENED)) {
                binding.execute(() -> bind(directory));
            } else {
                binding.execute(() -> {
                    ServiceSocket current = socket;
                    if (current != null && current.dataDirectory().equals(directory)) {
                        unbind();
                    }
                });
            }
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // stopped meanwhile
        }
    }

    private void bind(Path directory) {
        ServiceSocket current = socket;
        if (stopped || current != null && current.dataDirectory().equals(directory)) {
            return;
        }
        unbind();
        try {
            ServiceSocket opened = ServiceSocket.open(directory, host);
            socket = opened;
            opened.accept(this::accept);
        } catch (IOException e) {
            problems.accept("kb commands for " + directory + " run standalone: " + e.getMessage());
        }
    }

    private void unbind() {
        ServiceSocket current = socket;
        socket = null;
        if (current != null) {
            current.close();
        }
    }

    private void accept(SocketChannel channel) {
        ServiceSocket current = socket;
        if (stopped || current == null) {
            ServiceSocket.closeQuietly(channel);
            return;
        }
        ServedCommand command = new ServedCommand(channel, current.dataDirectory(), host, build, sessions, activity);
        running.add(command);
        command.done().whenComplete((result, failure) -> running.remove(command));
        Thread thread = new Thread(command::serve, "kb service: a client");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The build clients must be of: this bundle's version, which the start script takes from the name of the product's
     * cli jar (a product rebuilt or upgraded while a service of the old one runs gets no answer from it).
     */
    public static String build() {
        Bundle bundle = FrameworkUtil.getBundle(CommandService.class);
        return bundle == null ? "" : bundle.getVersion().toString();
    }
}

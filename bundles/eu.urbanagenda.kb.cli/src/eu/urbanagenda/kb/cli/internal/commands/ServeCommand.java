package eu.urbanagenda.kb.cli.internal.commands;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import eu.urbanagenda.kb.cli.internal.Command;
import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.Interrupts;
import eu.urbanagenda.kb.cli.internal.Invocation;
import eu.urbanagenda.kb.cli.internal.KbCli;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.ProgressPrinter;
import eu.urbanagenda.kb.cli.internal.Timings;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.cli.service.CommandService;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;

/** `kb serve`: keeps the data directory open and runs the other `kb` commands for it, until Ctrl+C or SIGTERM. */
public final class ServeCommand implements Command {

    /** Searches run once before serving, so that the first client meets loaded analyzers and compiled code. */
    private static final List<List<String>> WARM_UP = List.of(List.of("--json", "search", "громада"),
            List.of("search", "--facets", "община"), List.of("search", "hromada OR obshtina"), List.of("partnerships"));

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "keep the knowledge base and index open, and answer kb commands for this data directory at once";
    }

    @Override
    public String description() {
        return """
                Runs in the foreground until Ctrl+C or SIGTERM. Meanwhile every kb command for this data
                directory (from a terminal or a script) is handed to it by the start script and answered in
                milliseconds, with exactly the output and exit status it would have on its own; without a
                service kb runs as usual. The workbench does the same for its data directory while it is
                open. Clients connect through the socket DATA/.kb-service/socket, which only this user can
                use; nothing listens on the network.""";
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        if (context.served()) {
            throw new DataException("kb serve: " + context.dataDirectory() + " is served already");
        }
        KbSessionService sessions = context.sessions();
        ExecutorService modelThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kb serve: the knowledge base");
            thread.setDaemon(true);
            return thread;
        });
        sessions.setModelExecutor(modelThread);
        Console console = context.console();
        KbSession session = context.session();
        try {
            session.loadModel(); // what every command may need is open before the first one comes
            ProgressPrinter progress = new ProgressPrinter(console.err(), console.errTerminal());
            session.library().ensureIndexed(progress);
            progress.done();
        } catch (IOException e) {
            throw new DataException("kb serve: " + e.getMessage(), e);
        }
        CommandService service;
        try {
            service = CommandService.serve(sessions, session.dataDirectory(), "kb serve, pid " + ProcessHandle.current().pid(),
                    line -> console.error("kb serve: " + line));
        } catch (IOException e) {
            throw new DataException("kb serve: " + e.getMessage(), e);
        }
        warmUp(sessions, session.dataDirectory());
        console.error("kb serve: serving " + session.dataDirectory() + " (socket " + service.socket().map(Path::toString).orElse("?")
                + "); stop with Ctrl+C or SIGTERM");
        CountDownLatch stop = new CountDownLatch(1);
        try (Interrupts.Registration signal = context.onInterrupt(stop::countDown)) {
            stop.await();
            service.stop().get(Interrupts.STOP_SECONDS - 5, TimeUnit.SECONDS);
            console.error("kb serve: stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            console.error("kb serve: stopped before every command had ended");
        } finally {
            modelThread.shutdown();
        }
        return ExitStatus.OK;
    }

    /** Runs a few commands with their output discarded: the analyzers and dictionaries load, the JIT compiles. */
    private static void warmUp(KbSessionService sessions, Path dataDirectory) {
        Console.Factory nowhere = json -> Console.of(OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), false,
                false, null, json);
        for (List<String> command : WARM_UP) {
            new KbCli().run(new Invocation(command, dataDirectory, nowhere, java.io.InputStream.nullInputStream(),
                    onInterrupt -> () -> {
                    }, Timings.off(), true), sessions);
        }
    }
}

package eu.urbanagenda.kb.cli.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Interrupts;
import eu.urbanagenda.kb.cli.internal.Invocation;
import eu.urbanagenda.kb.cli.internal.KbCli;
import eu.urbanagenda.kb.cli.internal.Timings;
import eu.urbanagenda.kb.core.KbSessionService;

/**
 * One client's command: the request checked, then {@link KbCli} run here with the client's arguments, working directory,
 * terminal flags, environment, standard input and output ({@link Wire} says how they travel), and its exit status sent
 * last. Ctrl+C of the client, or the client going away, asks the command to stop as a signal would standalone.
 */
final class ServedCommand implements Interrupts {

    /** In the input queues: the client went away. */
    private static final byte[] GONE = new byte[0];
    private static final String GONE_TEXT = new String("the client went away");

    private final SocketChannel channel;
    private final Wire wire;
    private final Path dataDirectory;
    private final String host;
    private final String build;
    private final KbSessionService sessions;
    private final Consumer<String> activity;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final List<Runnable> interruptions = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<String> written = new LinkedBlockingQueue<>();
    private boolean interrupted; // guarded by interruptions
    private volatile boolean ended;

    /** @param activity told of each command that ended: what it was, its exit status and time */
    ServedCommand(SocketChannel channel, Path dataDirectory, String host, String build, KbSessionService sessions,
            Consumer<String> activity) {
        this.channel = channel;
        this.wire = new Wire(channel);
        this.dataDirectory = dataDirectory;
        this.host = host;
        this.build = build;
        this.sessions = sessions;
        this.activity = activity;
    }

    /** Completes when the command has ended and the client has its exit status (or is gone). */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Serves the connection on the calling thread, to its end. */
    void serve() {
        try {
            Wire.Frame first = wire.read();
            if (first.type != Wire.REQUEST) {
                return;
            }
            Request request = Request.decode(first.data);
            String refusal = refusal(request);
            if (refusal != null) {
                wire.writeText(Wire.REFUSED, refusal);
                return;
            }
            wire.writeText(Wire.ACCEPTED, host);
            if (wire.read().type != Wire.GO) {
                return; // the client gave up waiting, or was stopped: it runs nothing, nor do we
            }
            run(request);
        } catch (IOException e) {
            // the client went away before its command began
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ServiceSocket.closeQuietly(channel);
            done.complete(null);
        }
    }

    private String refusal(Request request) {
        if (request.protocol() != Wire.PROTOCOL) {
            return "the client speaks protocol " + request.protocol() + ", the service " + Wire.PROTOCOL;
        }
        if (!request.build().equals(build)) {
            return "the client is build " + request.build() + ", the service " + build;
        }
        try {
            if (Files.isSameFile(Path.of(request.dataDirectory()), dataDirectory)) {
                return null;
            }
        } catch (IOException | InvalidPathException e) {
            // not the same
        }
        return "the service serves " + dataDirectory;
    }

    private void run(Request request) throws InterruptedException {
        String name = Thread.currentThread().getName();
        String command = "kb service: kb " + String.join(" ", request.arguments());
        Thread.currentThread().setName(command.length() <= 200 ? command : command.substring(0, 199) + "…");
        Outbox outbox = new Outbox(wire, "kb service: output");
        Thread reader = new Thread(this::readFromClient, "kb service: input");
        reader.setDaemon(true);
        reader.start();
        try {
            OutputStream out = new ClientOutput(outbox, Wire.STDOUT);
            OutputStream err = new ClientOutput(outbox, Wire.STDERR);
            String noColor = request.environment().get("NO_COLOR");
            Invocation invocation = new Invocation(request.arguments(), Path.of(request.workingDirectory()),
                    json -> Console.of(out, err, request.stdoutTerminal(), request.stderrTerminal(), noColor, json),
                    new ClientInput(outbox), this, Timings.ofService("1".equals(request.environment().get("KB_TIMINGS"))), true);
            long started = System.nanoTime();
            int status = new KbCli().run(invocation, sessions);
            ended = true;
            activity.accept(Console.escapeControls("kb " + String.join(" ", request.arguments())) + ": exit " + status + ", "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            outbox.send(Wire.EXIT, ByteBuffer.allocate(4).putInt(status).array());
            outbox.finish();
        } finally {
            Thread.currentThread().setName(name);
        }
    }

    /** Input, answers and Ctrl+C from the client, until it closes the connection. */
    private void readFromClient() {
        try {
            while (true) {
                Wire.Frame frame = wire.read();
                switch (frame.type) {
                case Wire.STDIN -> input.add(frame.data);
                case Wire.WRITTEN -> written.add(frame.text());
                case Wire.CANCEL -> interrupt();
                default -> throw new IOException("an unknown frame");
                }
            }
        } catch (IOException e) {
            input.add(GONE);
            written.add(GONE_TEXT);
            if (!ended) {
                interrupt(); // a client killed mid-command: nobody waits for the rest
            }
        }
    }

    @Override
    public Registration onInterrupt(Runnable onInterrupt) {
        boolean now;
        synchronized (interruptions) {
            interruptions.add(onInterrupt);
            now = interrupted;
        }
        if (now) {
            onInterrupt.run();
        }
        return () -> interruptions.remove(onInterrupt);
    }

    /** Asks the command to stop (Ctrl+C of the client, the client gone, the service stopping). */
    void interrupt() {
        synchronized (interruptions) {
            if (interrupted) {
                return;
            }
            interrupted = true;
        }
        interruptions.forEach(Runnable::run);
    }

    /** The command's standard output or error, sent to the client. */
    private final class ClientOutput extends OutputStream implements Console.ConfirmedOutput {

        private final Outbox outbox;
        private final byte type;

        ClientOutput(Outbox outbox, byte type) {
            this.outbox = outbox;
            this.type = type;
        }

        @Override
        public void write(int b) {
            outbox.send(type, new byte[] { (byte) b });
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > 0) {
                outbox.send(type, Arrays.copyOfRange(b, off, off + len));
            }
        }

        /** Asks the client whether all of it could be written: a full disk there is the same error as standalone. */
        @Override
        public void confirm() throws IOException {
            if (type != Wire.STDOUT) {
                return;
            }
            outbox.send(Wire.SYNC, new byte[0]);
            String answer = take(written);
            if (answer == GONE_TEXT) {
                throw new IOException("Broken pipe"); // as standalone when the reader is gone: no error
            }
            if (!answer.isEmpty()) {
                throw new IOException(answer);
            }
        }
    }

    /** The client's standard input, read as the command reads it. */
    private final class ClientInput extends InputStream {

        private final Outbox outbox;
        private boolean ended;

        ClientInput(Outbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (ended) {
                return -1;
            }
            outbox.send(Wire.READ, ByteBuffer.allocate(4).putInt(len).array());
            byte[] data = take(input);
            if (data == GONE) {
                input.add(GONE);
                throw new IOException("the client went away");
            }
            if (data.length == 0) {
                ended = true;
                return -1;
            }
            int n = Math.min(len, data.length);
            System.arraycopy(data, 0, b, off, n);
            return n;
        }
    }

    /** The client's next answer, waiting for it; an interrupt is an I/O error, as for a blocked read. */
    private static <T> T take(LinkedBlockingQueue<T> answers) throws IOException {
        try {
            return answers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

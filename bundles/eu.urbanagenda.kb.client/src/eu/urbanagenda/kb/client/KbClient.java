package eu.urbanagenda.kb.client;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * `kb COMMAND ...` handed to the service of its data directory (the workbench, or `kb serve`), which runs it with the
 * knowledge base and index it has open and sends back what the command prints and its exit status. The product's start
 * script runs this on the plain class path, without OSGi, when the data directory has a service socket:
 *
 * <pre>java -Dkb.data=DIR -Dkb.stdout.tty=BOOL -Dkb.stderr.tty=BOOL -cp CLIENT_JAR eu.urbanagenda.kb.client.KbClient ARGS...</pre>
 *
 * The exit status is the command's, or {@value #NO_SERVICE} when no service took the command (none listens, it did not
 * answer within {@value #ANSWER_MILLIS} ms, or it serves another data directory or build): the script then runs the command
 * itself. Ctrl+C and termination signals are passed on, and the client waits for the command to stop as standalone `kb`
 * would.
 */
public final class KbClient {

    /** No service took the command; the start script runs it standalone. */
    public static final int NO_SERVICE = 75;
    /** How long a service may take to accept a command. */
    static final long ANSWER_MILLIS = 2000;
    /** How long the client waits for a command it asked to stop (the same as standalone `kb index` waits). */
    private static final long STOP_MILLIS = 30_000;
    /** The exit status when the service went away during the command. */
    private static final int DATA_ERROR = 3;

    private final FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
    private final FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);
    private final InputStream stdin = new FileInputStream(FileDescriptor.in);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Object answer = new Object();
    private boolean answered; // guarded by answer
    private boolean timedOut; // guarded by answer
    private volatile boolean interrupted;
    private String outputFailure;
    private boolean readerGone;

    public static void main(String[] args) {
        long started = System.currentTimeMillis();
        KbClient client = new KbClient();
        int status = client.run(Arrays.asList(args), started);
        client.finished.countDown();
        if (!client.interrupted) {
            // nothing is buffered; the shutdown hook has nothing to do
            Runtime.getRuntime().halt(status);
        }
        // Ctrl+C came: the hook ends the JVM with the signal's status, as standalone kb would end
    }

    int run(java.util.List<String> arguments, long started) {
        String data = System.getProperty("kb.data");
        if (data == null || data.isEmpty()) {
            return NO_SERVICE;
        }
        ServiceAddress address = new ServiceAddress(Path.of(data).toAbsolutePath().normalize());
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            return NO_SERVICE;
        }
        try {
            channel.connect(address.connectAddress());
        } catch (IOException | RuntimeException e) {
            // no socket; one nobody listens on (a service that was killed: removed unless a service holds the lock);
            // or not ours to use (another user's data directory)
            address.removeIfStale();
            close(channel);
            return NO_SERVICE;
        }
        Wire wire = new Wire(channel);
        String who;
        try {
            who = accepted(wire, channel, address, arguments);
        } catch (IOException e) {
            who = null;
        }
        if (who == null) {
            close(channel);
            return NO_SERVICE;
        }
        Thread onSignal = new Thread(new Runnable() {
            @Override
            public void run() {
                stopOnSignal(wire);
            }
        }, "kb: pass Ctrl+C on to the service");
        Runtime.getRuntime().addShutdownHook(onSignal);
        int status;
        try {
            wire.write(Wire.GO, new byte[0]);
            status = relay(wire);
        } catch (IOException e) {
            StringBuilder message = new StringBuilder("kb: the service running this command (").append(who)
                    .append(") stopped before the command finished; run it again (the index and the knowledge base keep")
                    .append(" what was saved before)\n");
            writeQuietly(stderr, message.toString().getBytes(StandardCharsets.UTF_8));
            status = DATA_ERROR;
        } finally {
            close(channel);
        }
        if (timings()) {
            long now = System.currentTimeMillis();
            long scriptStarted = Long.getLong("kb.started", started).longValue();
            StringBuilder lines = new StringBuilder();
            lines.append("kb timings: ").append(started - scriptStarted).append(" ms  start script and client JVM start\n");
            lines.append("kb timings: ").append(now - started).append(" ms  answered by ").append(who).append('\n');
            lines.append("kb timings: ").append(now - scriptStarted).append(" ms  in all, from the start script\n");
            writeQuietly(stderr, lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        return status;
    }

    /** Sends the request; the service's name when it took it, null when it refused or did not answer in time. */
    private String accepted(Wire wire, SocketChannel channel, ServiceAddress address, java.util.List<String> arguments)
            throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : Request.ENVIRONMENT) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        Request request = new Request(Wire.PROTOCOL, build(), address.dataDirectory().toString(),
                System.getProperty("user.dir"), Locale.getDefault().toLanguageTag(), Boolean.getBoolean("kb.stdout.tty"),
                Boolean.getBoolean("kb.stderr.tty"), environment, arguments);
        Thread watchdog = new Thread(new Runnable() {
            @Override
            public void run() {
                giveUpAfterWaiting(channel);
            }
        }, "kb: wait for the service");
        watchdog.setDaemon(true);
        watchdog.start();
        Wire.Frame frame;
        try {
            wire.write(Wire.REQUEST, request.encode());
            frame = wire.read();
        } catch (IOException e) {
            return null; // closed by the watchdog, or by the service
        }
        synchronized (answer) {
            if (timedOut) {
                return null;
            }
            answered = true;
            answer.notifyAll();
        }
        return frame.type == Wire.ACCEPTED ? frame.text() : null;
    }

    private void giveUpAfterWaiting(SocketChannel channel) {
        synchronized (answer) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_MILLIS);
            long left;
            while (!answered && (left = end - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(answer, left);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!answered) {
                timedOut = true;
                close(channel);
            }
        }
    }

    /** Passes the command's output on until its exit status comes. @throws IOException when the service went away */
    private int relay(Wire wire) throws IOException {
        while (true) {
            Wire.Frame frame = wire.read();
            switch (frame.type) {
            case Wire.STDOUT -> writeOut(frame.data);
            case Wire.STDERR -> writeQuietly(stderr, frame.data);
            case Wire.READ -> wire.write(Wire.STDIN, readIn(frame.intValue()));
            case Wire.SYNC -> wire.writeText(Wire.WRITTEN, outputFailure == null ? "" : outputFailure);
            case Wire.EXIT -> {
                return frame.intValue();
            }
            default -> throw new IOException("an unknown frame");
            }
        }
    }

    /** Standard output as standalone `kb` writes it: a reader that went away is no error, any other failure is. */
    private void writeOut(byte[] data) {
        if (outputFailure != null || readerGone) {
            return;
        }
        try {
            stdout.write(data);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (reason.contains("Broken pipe")) {
                readerGone = true;
            } else {
                outputFailure = reason;
            }
        }
    }

    private byte[] readIn(int max) {
        byte[] buffer = new byte[Math.max(1, Math.min(max, 1 << 20))];
        try {
            int n = stdin.read(buffer);
            return n <= 0 ? new byte[0] : Arrays.copyOf(buffer, n);
        } catch (IOException e) {
            return new byte[0]; // an unreadable input ends as an empty one would
        }
    }

    private void stopOnSignal(Wire wire) {
        if (finished.getCount() == 0) {
            return;
        }
        interrupted = true;
        try {
            wire.write(Wire.CANCEL, new byte[0]);
            finished.await(STOP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // the service is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean timings() {
        return "1".equals(System.getenv("KB_TIMINGS"));
    }

    /** This client's build: the Bundle-Version of its jar, which a service of the same build has too. */
    static String build() {
        try (InputStream manifest = KbClient.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            if (manifest == null) {
                return "";
            }
            String text = new String(manifest.readAllBytes(), StandardCharsets.UTF_8);
            int at = text.indexOf("\nBundle-Version:");
            if (at < 0) {
                return "";
            }
            int end = text.indexOf('\n', at + 1);
            return text.substring(at + "\nBundle-Version:".length(), end < 0 ? text.length() : end).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void writeQuietly(FileOutputStream stream, byte[] data) {
        try {
            stream.write(data);
        } catch (IOException e) {
            // standalone kb's standard error swallows failures too
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing only
        }
    }
}

package eu.urbanagenda.kb.model.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A named pipe that tells whether anyone opened it for reading: a thread waits to open it for writing, which
 * returns only once a reader has opened the other end. Opening it for reading without a writer would hang forever,
 * which is what a loader must never do.
 */
public final class Fifo implements AutoCloseable {

    private final Path path;
    private final AtomicBoolean openedByOthers = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Thread writer;

    public Fifo(Path path) throws IOException, InterruptedException {
        this.path = path;
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            throw new IOException("mkfifo " + path + " failed");
        }
        writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(path)) {
                if (!closing.get()) {
                    openedByOthers.set(true);
                }
            } catch (IOException e) {
                // closed
            }
        }, "fifo-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public Path path() {
        return path;
    }

    /** Whether something other than {@link #close()} opened the pipe for reading. */
    public boolean wasOpened() {
        return openedByOthers.get();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closing.set(true);
        if (writer.isAlive()) {
            try (InputStream in = Files.newInputStream(path)) {
                // lets the waiting writer go
            }
        }
        writer.join(5000);
    }
}

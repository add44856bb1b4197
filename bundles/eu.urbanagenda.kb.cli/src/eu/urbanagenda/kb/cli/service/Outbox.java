package eu.urbanagenda.kb.cli.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The frames to one client, written by a thread of their own: a command never waits for its client (it may print while
 * it holds the workbench's UI thread, and the client may be slow to read, e.g. into a pager). Output and error keep their
 * order; neighbouring pieces of one stream go out as one frame.
 */
final class Outbox {

    private static final int MAX_MERGED = 256 * 1024;

    private record Piece(byte type, byte[] data) {
    }

    private static final Piece END = new Piece((byte) 0, new byte[0]);

    private final Wire wire;
    private final LinkedBlockingQueue<Piece> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean broken;

    Outbox(Wire wire, String name) {
        this.wire = wire;
        this.writer = new Thread(this::writeAll, name);
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a frame; nothing happens once the client cannot be written to. */
    void send(byte type, byte[] data) {
        if (!broken) {
            queue.add(new Piece(type, data));
        }
    }

    /** Whether writing to the client failed (it went away). */
    boolean broken() {
        return broken;
    }

    /** Writes what is queued, then stops; waits for that. */
    void finish() throws InterruptedException {
        queue.add(END);
        writer.join();
    }

    private void writeAll() {
        try {
            Piece next = queue.take();
            while (next != END) {
                Piece piece = next;
                next = null;
                if (piece.type() == Wire.STDOUT || piece.type() == Wire.STDERR) {
                    ByteArrayOutputStream merged = null;
                    Piece following;
                    while ((following = queue.peek()) != null && following.type() == piece.type()
                            && (merged == null ? piece.data().length : merged.size()) + following.data().length <= MAX_MERGED) {
                        queue.remove();
                        if (merged == null) {
                            merged = new ByteArrayOutputStream(piece.data().length * 2);
                            merged.writeBytes(piece.data());
                        }
                        merged.writeBytes(following.data());
                    }
                    if (merged != null) {
                        piece = new Piece(piece.type(), merged.toByteArray());
                    }
                }
                if (!broken) {
                    try {
                        wire.write(piece.type(), piece.data());
                    } catch (IOException e) {
                        broken = true; // the client is gone; what is left is dropped
                    }
                }
                next = queue.take();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

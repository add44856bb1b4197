package eu.urbanagenda.kb.cli.service;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The frames that `kb` (the client, the product's {@code lib/kb-client}) and a running service exchange over the service's
 * Unix domain socket: a type byte, a length (4 bytes, big-endian) and that many bytes.
 * <p>
 * The client sends a {@link #REQUEST}; the service answers {@link #ACCEPTED}, or {@link #REFUSED} (the client then runs
 * the command itself); the client commits with {@link #GO} (a client that gave up waiting never does, so a command never
 * runs twice). The service then sends the command's output as it is written, and its exit status last. Standard input is
 * read only when the command reads it ({@link #READ}), so `kb` consumes no more of a script's input than it would
 * standalone. Before the command's status is final the service asks whether standard output could be written
 * ({@link #SYNC}), so a full disk is the same error as standalone.
 */
final class Wire {

    /** The version of this exchange; a service of another version refuses. */
    static final int PROTOCOL = 1;

    /** Client to service: the {@link Request}. */
    static final byte REQUEST = 'Q';
    /** Client to service: run it (after {@link #ACCEPTED}). */
    static final byte GO = 'G';
    /** Client to service: bytes of standard input, no bytes at its end (the answer to {@link #READ}). */
    static final byte STDIN = 'I';
    /** Client to service: the answer to {@link #SYNC}: no bytes when all output was written, else why it was not. */
    static final byte WRITTEN = 'W';
    /** Client to service: Ctrl+C or a termination signal: stop the command as standalone `kb` would. */
    static final byte CANCEL = 'C';

    /** Service to client: the request is taken; the text says who runs it, e.g. "kb serve (pid 1234)". */
    static final byte ACCEPTED = 'A';
    /** Service to client: not taken (another data directory, another version); the text says why. */
    static final byte REFUSED = 'R';
    /** Service to client: bytes of the command's standard output. */
    static final byte STDOUT = '1';
    /** Service to client: bytes of the command's standard error. */
    static final byte STDERR = '2';
    /** Service to client: the command reads standard input, at most this many bytes (a 4-byte int). */
    static final byte READ = 'i';
    /** Service to client: answer with {@link #WRITTEN}. */
    static final byte SYNC = 's';
    /** Service to client: the exit status (a 4-byte int); the last frame. */
    static final byte EXIT = 'x';

    /** No frame is larger (a request with huge arguments, a chunk of output). */
    static final int MAX_FRAME = 64 << 20;

    private final SocketChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(5);
    private final Object writing = new Object();

    Wire(SocketChannel channel) {
        this.channel = channel;
    }

    /** One frame, blocking; one thread reads. @throws EOFException when the other side closed the connection */
    Frame read() throws IOException {
        header.clear();
        fill(header);
        header.flip();
        byte type = header.get();
        int length = header.getInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("a frame of " + length + " bytes");
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        fill(body);
        return new Frame(type, body.array());
    }

    private void fill(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the connection was closed");
            }
        }
    }

    /** Writes one frame; any thread may write. */
    void write(byte type, byte[] data, int offset, int length) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(5 + length);
        frame.put(type).putInt(length).put(data, offset, length).flip();
        synchronized (writing) {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        }
    }

    void write(byte type, byte[] data) throws IOException {
        write(type, data, 0, data.length);
    }

    void writeInt(byte type, int value) throws IOException {
        write(type, ByteBuffer.allocate(4).putInt(value).array());
    }

    void writeText(byte type, String text) throws IOException {
        write(type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One frame read: its type and its bytes. */
    static final class Frame {

        final byte type;
        final byte[] data;

        Frame(byte type, byte[] data) {
            this.type = type;
            this.data = data;
        }

        /** The frame's 4-byte int ({@link #READ}, {@link #EXIT}). */
        int intValue() throws IOException {
            if (data.length != 4) {
                throw new IOException("a number of " + data.length + " bytes");
            }
            return ByteBuffer.wrap(data).getInt();
        }

        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }
}

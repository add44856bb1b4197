package eu.urbanagenda.kb.model.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 that records every connection and request line. Answering, it serves a small
 * knowledge base with an actor {@code x} for any path (so that a loader that fetched would succeed); silent, it
 * accepts and never answers (so that a loader that fetched would hang). Tests assert it saw nothing.
 */
public final class LoopbackServer implements AutoCloseable {

    private final ServerSocket socket;
    private final boolean answers;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final Thread acceptor;

    private LoopbackServer(boolean answers) throws IOException {
        this.answers = answers;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "loopback-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers every request with a knowledge base holding an actor 'x'. */
    public static LoopbackServer answering() throws IOException {
        return new LoopbackServer(true);
    }

    /** Accepts connections and never answers. */
    public static LoopbackServer silent() throws IOException {
        return new LoopbackServer(false);
    }

    /** {@code http://127.0.0.1:PORT} + path. */
    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** Every connection, as "connection" or its request line. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Completes at the first connection: a test can wait for its work or for this, whichever comes first. */
    public CompletableFuture<Void> connected() {
        return connected;
    }

    /** Closes the connections a silent server holds, so that a client waiting for an answer gets an error. */
    public void hangUp() throws IOException {
        for (Socket client : held) {
            client.close();
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                requests.add("connection from " + client.getRemoteSocketAddress());
                connected.complete(null);
                if (answers) {
                    serve(client);
                } else {
                    held.add(client);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(2000);
            InputStream in = client.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) >= 0 && c != '\n';) {
                line.append((char) c);
            }
            requests.add(line.toString().strip());
            byte[] body = TestFiles.knowledgeBase("  <actors id=\"x\" kind=\"city\" country=\"BG\"><names language=\"en\" value=\"X\"/></actors>\n")
                .getBytes(StandardCharsets.UTF_8);
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.0 200 OK\r\nContent-Type: application/xml\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
        } catch (SocketException e) {
            // the client went away
        } catch (IOException e) {
            requests.add("failed to answer: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        hangUp();
    }
}

package eu.urbanagenda.kb.git.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import eu.urbanagenda.kb.git.SyncException;
import eu.urbanagenda.kb.model.PartnershipStatus;

/** An unreachable remote, a refused push and refused credentials: one clear message each, nothing lost here. */
class SyncProblemsTest {

    @TempDir
    Path root;

    private static void assertInWords(String message) {
        assertFalse(message.matches("(?s).*\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*(Exception|Error).*"), "no class names: " + message);
        assertFalse(message.contains("\n\tat "), "no stack trace: " + message);
    }

    @Test
    void aRepositoryThatIsNotThereIsUnreachable() throws Exception {
        try (Coordinator ana = new Coordinator("Ana", root.resolve("ana"))) {
            String missing = root.resolve("nowhere.git").toUri().toString();
            SyncException e = assertThrows(SyncException.class, () -> ana.sync(missing, null));
            assertEquals(SyncException.Kind.UNREACHABLE, e.kind());
            assertTrue(e.getMessage().contains("nowhere.git"), e.getMessage());
            assertInWords(e.getMessage());

            // digits of a folder's name are no HTTP status (a temporary folder ...432401 was once taken for "401")
            String inFolder401 = root.resolve("junit-432401").resolve("nowhere.git").toUri().toString();
            SyncException e401 = assertThrows(SyncException.class, () -> ana.sync(inFolder401, null));
            assertEquals(SyncException.Kind.UNREACHABLE, e401.kind(), e401.getMessage());

            int closed;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed = probe.getLocalPort();
            }
            SyncException refused = assertThrows(SyncException.class, () -> ana.sync("git://127.0.0.1:" + closed + "/shared.git", null));
            assertEquals(SyncException.Kind.UNREACHABLE, refused.kind());
            assertTrue(refused.getMessage().startsWith("cannot reach the shared repository git://127.0.0.1:" + closed), refused.getMessage());
            assertInWords(refused.getMessage());
        }
    }

    @Test
    void aPushTheServerRefusesIsSaidAndTheVersionsStayHere() throws Exception {
        Path shared = GitProcess.bare(root.resolve("shared.git"));
        Path hook = shared.resolve("hooks/pre-receive");
        Files.writeString(hook, "#!/bin/sh\necho 'the knowledge base is frozen for the review' >&2\nexit 1\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (GitProcess.Daemon daemon = new GitProcess.Daemon(root); Coordinator ana = new Coordinator("Ana", root.resolve("ana"))) {
            ana.edit(Edits.status(ana, "food", PartnershipStatus.COMPLETED)).save();
            byte[] before = Files.readAllBytes(ana.session().model().file());
            String head = ana.session().history().head().id();
            SyncException e = assertThrows(SyncException.class, () -> ana.sync(daemon.url("shared.git"), null));
            assertEquals(SyncException.Kind.REJECTED, e.kind());
            assertTrue(e.getMessage().startsWith("the shared repository " + daemon.url("shared.git") + " refused the changes"), e.getMessage());
            assertInWords(e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(ana.session().model().file()));
            assertEquals(head, ana.session().history().head().id());
        }
    }

    @Test
    void refusedCredentialsAreSaidAndNeverShown() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> { // a server that accepts no one
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"knowledge base\"");
            byte[] body = "authentication required".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (Coordinator ana = new Coordinator("Ana", root.resolve("ana"))) {
            String url = "http://ana:s3cret-pa55@127.0.0.1:" + server.getAddress().getPort() + "/shared.git";
            SyncException e = assertThrows(SyncException.class, () -> ana.sync(url, null));
            assertEquals(SyncException.Kind.CREDENTIALS, e.kind(), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret-pa55"), e.getMessage());
            assertTrue(e.getMessage().contains("http://ana@127.0.0.1:"), e.getMessage());
            assertInWords(e.getMessage());
            String config = Files.readString(root.resolve("ana/.git/config"));
            assertFalse(config.contains("s3cret-pa55"), "never stored: " + config);
            assertFalse(ana.text().contains("s3cret-pa55"));
        } finally {
            server.stop(0);
        }
    }
}

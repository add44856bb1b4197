package eu.urbanagenda.kb.model.tests.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.persistence.LoadProblem;
import eu.urbanagenda.kb.model.persistence.LoadResult;
import eu.urbanagenda.kb.model.tests.Fifo;
import eu.urbanagenda.kb.model.tests.LoopbackServer;
import eu.urbanagenda.kb.model.tests.TestFiles;
import eu.urbanagenda.kb.model.validation.KnowledgeBaseValidation;

/**
 * Loading reads the file and nothing else: proxies to other files or addresses, unknown namespaces and schema
 * locations are problems on their line, and nothing is fetched — checked against a real HTTP server on loopback that
 * records every connection, one that never answers, a FIFO (opening it would hang) and a file outside.
 */
class OutsideReferencesTest {

    private static final String KB_NS = "xmlns:kb=\"http://urbanagenda.eu/kb/model/1.0\"";

    @TempDir
    Path folder;

    @Test
    void nothingOutsideTheFileIsOpenedAndEachReferenceIsAProblemOnItsLine(@TempDir Path outside) throws Exception {
        Path secret = TestFiles.write(outside.resolve("secret.xmi"),
            TestFiles.knowledgeBase("  <actors id=\"x\" kind=\"city\" country=\"BG\"><names language=\"en\" value=\"X\"/></actors>\n"));
        String text = DamagedFilesTest.bundledText();
        String participation = "<participations actor=\"city-oulu\" role=\"coordinator\"/>";
        assertTrue(text.contains(participation));
        int participationLine = DamagedFilesTest.lineOf(text, participation);
        try (LoopbackServer server = LoopbackServer.answering(); LoopbackServer silent = LoopbackServer.silent();
            Fifo fifo = new Fifo(outside.resolve("pipe.xmi"))) {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("href element", text.replace(participation,
                "<participations role=\"coordinator\"><actor href=\"" + server.url("/other.xmi#x") + "\"/></participations>"));
            files.put("id reference with a fragment", text.replace(participation,
                "<participations actor=\"" + server.url("/other.xmi#x") + "\" role=\"coordinator\"/>"));
            files.put("id reference without a fragment", text.replace(participation,
                "<participations actor=\"" + server.url("/other.xmi") + "\" role=\"coordinator\"/>"));
            files.put("a server that never answers", text.replace(participation,
                "<participations role=\"coordinator\"><actor href=\"" + silent.url("/slow.xmi#x") + "\"/></participations>"));
            files.put("a file outside", text.replace(participation,
                "<participations actor=\"" + secret.toUri() + "#x\" role=\"coordinator\"/>"));
            files.put("/etc/passwd", text.replace(participation, "<participations actor=\"file:///etc/passwd#x\" role=\"coordinator\"/>"));
            files.put("a FIFO outside", text.replace(participation,
                "<participations role=\"coordinator\"><actor href=\"" + fifo.path().toUri() + "#x\"/></participations>"));
            files.put("a relative file", text.replace(participation,
                "<participations role=\"coordinator\"><actor href=\"../" + outside.getFileName() + "/secret.xmi#x\"/></participations>"));
            for (Map.Entry<String, String> entry : files.entrySet()) {
                Path file = TestFiles.write(folder.resolve("outside.xmi"), entry.getValue());
                KnowledgeBaseLoadException e = refused(file, silent);
                LoadProblem problem = e.getProblems().get(0);
                assertEquals(LoadProblem.Kind.OUTSIDE_REFERENCE, problem.kind(), entry.getKey() + ": " + e.getProblems());
                assertEquals(participationLine, problem.line(), entry.getKey() + ": " + problem);
                assertEquals(1, e.getProblems().size(), entry.getKey() + ": " + e.getProblems());
                inspectAndValidate(file, silent);
            }

            Map<String, String> namespaces = new LinkedHashMap<>();
            namespaces.put("the model's namespace replaced", text.replace(KB_NS, "xmlns:kb=\"" + server.url("/ns2") + "\""));
            namespaces.put("a namespace on a silent server", text.replace(KB_NS, "xmlns:kb=\"" + silent.url("/ns2") + "\""));
            namespaces.put("a java: namespace", text.replace(KB_NS, "xmlns:kb=\"java://java.lang.Runtime\""));
            namespaces.put("a file namespace", text.replace(KB_NS, "xmlns:kb=\"" + fifo.path().toUri() + "\""));
            namespaces.put("a schema location", text.replace(KB_NS, KB_NS + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://urbanagenda.eu/kb/model/1.0 " + server.url("/ns.ecore") + "\""));
            namespaces.put("an element of another namespace", text.replace(participation,
                participation + "<x:Gadget xmlns:x=\"" + server.url("/ns3") + "\"/>"));
            namespaces.put("a type of another namespace", text.replace(participation,
                "<participations xmlns:x=\"" + server.url("/ns4") + "\" xsi:type=\"x:Participation\""
                    + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" actor=\"city-oulu\" role=\"coordinator\"/>"));
            for (Map.Entry<String, String> entry : namespaces.entrySet()) {
                Path file = TestFiles.write(folder.resolve("namespace.xmi"), entry.getValue());
                KnowledgeBaseLoadException e = refused(file, silent);
                assertTrue(e.getProblem().contains("outside") || e.getProblem().contains("unknown namespace")
                    || e.getProblem().contains("unknown element"), entry.getKey() + ": " + e.getMessage());
                assertTrue(e.getLine() > 0, entry.getKey() + ": " + e.getMessage());
                try {
                    inspectAndValidate(file, silent);
                } catch (KnowledgeBaseLoadException notAKnowledgeBase) {
                    // the root itself was in the unknown namespace: nothing to inspect
                }
            }
            assertEquals(List.of(), server.requests(), "requests to the answering server");
            assertEquals(List.of(), silent.requests(), "connections to the silent server");
            assertFalse(fifo.wasOpened(), "the FIFO was opened");
        }
    }

    private static KnowledgeBaseLoadException refused(Path file, LoopbackServer silent) throws Exception {
        return unlessItWaitsFor(silent, () -> assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file)));
    }

    /** What `kb validate FILE` does: inspect, then run the constraints, which resolve every reference. */
    private static void inspectAndValidate(Path file, LoopbackServer silent) throws Exception {
        LoadResult result = unlessItWaitsFor(silent, () -> KnowledgeBaseFiles.inspect(file));
        assertFalse(result.problems().isEmpty());
        unlessItWaitsFor(silent, () -> KnowledgeBaseValidation.validate(result.knowledgeBase()));
        assertTrue(Files.isRegularFile(file));
    }

    /**
     * Runs work to its end, unless it connects to the silent server, where it would wait for an answer forever: then the
     * connection is hung up and the test fails. It waits for one or the other, never for a time. (The FIFO cannot hold
     * a reader: its writer opens and closes it at once.)
     */
    private static <T> T unlessItWaitsFor(LoopbackServer silent, ThrowingSupplier<T> work) throws Exception {
        CompletableFuture<T> done = CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (Throwable t) {
                throw new CompletionException(t);
            }
        });
        CompletableFuture.anyOf(done.handle((value, failure) -> null), silent.connected()).join();
        if (!done.isDone()) {
            try {
                silent.hangUp();
            } catch (java.io.IOException e) {
                // the connection is gone already
            }
            fail("loading connected to " + silent.url("") + " and waited for its answer: " + silent.requests());
        }
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}

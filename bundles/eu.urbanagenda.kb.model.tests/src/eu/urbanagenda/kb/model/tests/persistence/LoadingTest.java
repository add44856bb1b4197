package eu.urbanagenda.kb.model.tests.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.persistence.LoadProblem;
import eu.urbanagenda.kb.model.persistence.LoadResult;
import eu.urbanagenda.kb.model.tests.TestFiles;

/**
 * Bad input: a clear message with file, line and problem; hostile XML refused; a file with any problem refused by
 * {@code load} (never part of a knowledge base) and listed in full by {@code inspect}.
 */
class LoadingTest {

    @TempDir
    Path folder;

    @Test
    void aDanglingReferenceIsReportedWithItsLine() throws Exception {
        Path file = TestFiles.write(folder.resolve("dangling.xmi"), TestFiles.knowledgeBase(
            "  <documents id=\"doc-1\" location=\"seeds/x.txt\" checksum=\"" + "0".repeat(64) + "\"/>\n"
                + "  <evidence id=\"evidence-1\" document=\"doc-1\" target=\"no-such-partnership\" status=\"confirmed\"/>\n"));
        KnowledgeBaseLoadException refused = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertEquals(5, refused.getLine());
        assertTrue(refused.getMessage().startsWith(file.toAbsolutePath() + ":5:"), refused.getMessage());
        assertTrue(refused.getProblem().contains("no-such-partnership"), refused.getProblem());

        LoadResult result = KnowledgeBaseFiles.inspect(file);
        assertEquals(1, result.problems().size(), result.problems().toString());
        LoadProblem problem = result.problems().get(0);
        assertEquals(LoadProblem.Kind.DANGLING_REFERENCE, problem.kind());
        assertEquals(5, problem.line());
        assertTrue(problem.toString().startsWith(file.toAbsolutePath() + ":5:"), problem.toString());
        assertTrue(problem.message().contains("no-such-partnership"), problem.message());
        assertNull(result.knowledgeBase().getEvidence().get(0).getTarget(), "inspecting shows what could be read");
        assertEquals("doc-1", result.knowledgeBase().getEvidence().get(0).getDocument().getId());
    }

    @Test
    void anUnknownElementIsRefusedAndListed() throws Exception {
        Path file = TestFiles.write(folder.resolve("unknown.xmi"), TestFiles.knowledgeBase("  <gadgets id=\"x\"/>\n"));
        assertEquals(4, assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file)).getLine());
        LoadResult result = KnowledgeBaseFiles.inspect(file);
        assertEquals(LoadProblem.Kind.UNKNOWN_FEATURE, result.problems().get(0).kind());
        assertEquals(4, result.problems().get(0).line());
        assertTrue(result.problems().get(0).message().contains("gadgets"), result.problems().get(0).message());
    }

    @Test
    void anIllegalValueIsReportedWithItsLine() throws Exception {
        Path file = TestFiles.write(folder.resolve("value.xmi"), TestFiles.knowledgeBase(
            "  <partnerships id=\"p\" status=\"finished\"/>\n"));
        assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        LoadResult result = KnowledgeBaseFiles.inspect(file);
        assertEquals(LoadProblem.Kind.ILLEGAL_VALUE, result.problems().get(0).kind(), result.problems().toString());
        assertEquals(4, result.problems().get(0).line());
    }

    @Test
    void malformedXmlNamesFileAndLine() throws Exception {
        Path file = TestFiles.write(folder.resolve("malformed.xmi"), TestFiles.knowledgeBase(
            "  <partnerships id=\"p\">\n    <names language=\"en\" value=\"P\">\n  </partnerships>\n"));
        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertEquals(file.toAbsolutePath().toString(), e.getFile());
        assertEquals(6, e.getLine());
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ":6:"), e.getMessage());
        assertTrue(e.getProblem().startsWith("not well-formed XML at line 6, column"), e.getProblem());
        assertTrue(e.getProblem().contains("names"), "the parser's own words about the element: " + e.getProblem());
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        String whole = TestFiles.knowledgeBase("  <partnerships id=\"p\"/>\n");
        Path file = TestFiles.write(folder.resolve("truncated.xmi"), whole.substring(0, whole.length() / 2));
        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertTrue(e.getMessage().contains("truncated.xmi"), e.getMessage());
        assertTrue(e.getProblem().contains("cut off"), e.getProblem());
    }

    @Test
    void externalEntitiesAreRefused(@TempDir Path secrets) throws Exception {
        Path secret = Files.writeString(secrets.resolve("secret.txt"), "TOP-SECRET-VALUE");
        Path file = TestFiles.write(folder.resolve("xxe.xmi"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE kb:KnowledgeBase [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<kb:KnowledgeBase xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:kb=\"http://urbanagenda.eu/kb/model/1.0\" id=\"x\">\n"
                + "  <names language=\"en\" value=\"&xxe;\"/>\n</kb:KnowledgeBase>\n");
        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertEquals(2, e.getLine());
        assertTrue(e.getProblem().contains("DTDs and entity declarations are refused"), e.getProblem());
        assertFalse(e.getMessage().contains("TOP-SECRET-VALUE"));
    }

    @Test
    void billionLaughsAreRefused() throws Exception {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        doc.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            doc.append(" <!ENTITY lol").append(i).append(" \"");
            doc.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        doc.append("]>\n<kb:KnowledgeBase xmlns:kb=\"http://urbanagenda.eu/kb/model/1.0\" id=\"x\"><names language=\"en\" value=\"&lol9;\"/></kb:KnowledgeBase>\n");
        Path file = TestFiles.write(folder.resolve("lol.xmi"), doc.toString());
        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertEquals(2, e.getLine());
        assertTrue(e.getProblem().contains("refused"), e.getProblem());
    }

    @Test
    void anExternalDtdIsRefused() throws Exception {
        Path file = TestFiles.write(folder.resolve("dtd.xmi"), "<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"http://localhost:9/evil.dtd\">\n"
            + "<kb:KnowledgeBase xmlns:kb=\"http://urbanagenda.eu/kb/model/1.0\" id=\"x\"/>\n");
        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertTrue(e.getProblem().contains("refused"), e.getProblem());
    }

    @Test
    void aFileThatIsNotAKnowledgeBaseIsRefused() throws Exception {
        Path file = TestFiles.root().resolve("bundles/eu.urbanagenda.kb.model/model/urbanagenda.ecore");
        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertTrue(e.getProblem().startsWith("not a knowledge base: unknown namespace 'http://www.eclipse.org/emf/2002/Ecore'"), e.getProblem());
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = folder.resolve("nowhere.xmi");
        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertEquals("no such file", e.getProblem());
        assertTrue(e.getMessage().contains("nowhere.xmi"));
    }
}

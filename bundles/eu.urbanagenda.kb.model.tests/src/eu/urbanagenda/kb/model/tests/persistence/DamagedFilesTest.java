package eu.urbanagenda.kb.model.tests.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.persistence.LoadProblem;
import eu.urbanagenda.kb.model.persistence.LoadResult;
import eu.urbanagenda.kb.model.tests.Fifo;
import eu.urbanagenda.kb.model.tests.TestFiles;

/**
 * The damage seen in the field, on the bundled knowledge base: each is refused with file, line and problem in words,
 * never loaded as part of a knowledge base, and what was read with problems can never be saved over the file.
 */
class DamagedFilesTest {

    @TempDir
    Path folder;

    static byte[] bundled() throws IOException {
        try (InputStream in = BundledKnowledgeBase.open()) {
            return in.readAllBytes();
        }
    }

    static String bundledText() throws IOException {
        return new String(bundled(), StandardCharsets.UTF_8);
    }

    private static void assertInWords(KnowledgeBaseLoadException e, Path file) {
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath().toString()), "names the file: " + e.getMessage());
        assertFalse(e.getMessage().replaceAll("'[^']*'", "").matches("(?s).*(Exception|\\b[a-z]+\\.[a-z]+\\.[a-z.]*[A-Z]\\w+).*"),
            "no class names: " + e.getMessage());
    }

    /** One invalid byte before the documents: the loader stopped there and returned 21 partnerships without references. */
    @Test
    void anInvalidUtf8ByteIsRefusedWithItsPlace() throws Exception {
        byte[] good = bundled();
        String text = new String(good, StandardCharsets.UTF_8);
        int documents = text.indexOf("<documents");
        int offset = text.substring(0, documents).getBytes(StandardCharsets.UTF_8).length - 2; // before the indentation
        ByteArrayOutputStream damaged = new ByteArrayOutputStream();
        damaged.write(good, 0, offset);
        damaged.write(0xff);
        damaged.write(good, offset, good.length - offset);
        Path file = Files.write(folder.resolve("utf8.xmi"), damaged.toByteArray());
        int line = lineOf(text, "<documents");

        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertInWords(e, file);
        assertEquals(line, e.getLine(), e.getMessage());
        assertEquals("invalid UTF-8 byte 0xFF at line " + line + ", column 1 (the file is damaged there, or was saved in another encoding)",
            e.getProblem());
        assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.inspect(file), "not even inspected in part");
    }

    /** Cut-off files said "DTDs and entity declarations are refused" because the parser's message mentions an entity. */
    @Test
    void aCutOffFileSaysSoWithTheElementItEndsIn() throws Exception {
        String text = bundledText();
        for (String cutBefore : new String[] { "<documents id=\"seed-002\"", "value=\"Housing\"", "</kb:KnowledgeBase>" }) {
            Path file = TestFiles.write(folder.resolve("cut.xmi"), text.substring(0, text.indexOf(cutBefore) + 5));
            KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
            assertInWords(e, file);
            assertFalse(e.getProblem().contains("DTD"), e.getProblem());
            assertTrue(e.getProblem().startsWith("the file ends at line " + e.getLine()), e.getProblem());
            assertTrue(e.getProblem().contains("probably cut off"), e.getProblem());
        }
        Path file = TestFiles.write(folder.resolve("cut.xmi"), text.substring(0, text.indexOf("value=\"Housing\"") + 3));
        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertTrue(e.getProblem().contains("inside <partnerships id=\"housing\"> of line " + lineOf(text, "id=\"housing\"")), e.getProblem());
        Path cyrillic = folder.resolve("cut-in-a-letter.xmi");
        int letter0 = text.substring(0, text.indexOf("Програмата")).getBytes(StandardCharsets.UTF_8).length;
        Files.write(cyrillic, Arrays.copyOf(bundled(), letter0 + 1)); // the first byte of "П" only
        KnowledgeBaseLoadException letter = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(cyrillic));
        assertTrue(letter.getProblem().contains("cut off"), letter.getProblem());
    }

    @Test
    void anEmptyFileIsNamedEmpty() throws Exception {
        Path file = Files.write(folder.resolve("empty.xmi"), new byte[0]);
        assertEquals("the file is empty", assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file)).getProblem());
    }

    /** Two objects with one id: EMF resolves references to either, silently; `kb link` then rewrote such files. */
    @Test
    void aDuplicateIdIsRefusedNamingBothLines() throws Exception {
        String text = bundledText();
        Path file = TestFiles.write(folder.resolve("duplicate.xmi"), text.replaceFirst("id=\"housing\"", "id=\"urban-mobility\""));
        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertInWords(e, file);
        LoadProblem duplicate = e.getProblems().stream().filter(p -> p.kind() == LoadProblem.Kind.DUPLICATE_ID).findFirst().orElseThrow();
        int first = lineOf(text, "id=\"urban-mobility\"");
        int second = lineOf(text, "id=\"housing\"");
        assertEquals(Math.max(first, second), duplicate.line(), duplicate.toString());
        assertTrue(duplicate.message().contains("'urban-mobility' is already used on line " + Math.min(first, second)), duplicate.toString());
    }

    @Test
    void aDanglingReferenceIsRefusedAndEveryOneIsListed() throws Exception {
        Path file = TestFiles.write(folder.resolve("dangling.xmi"), bundledText().replace("document=\"seed-004\"", "document=\"seed-999\""));
        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertInWords(e, file);
        assertTrue(e.getProblems().size() > 1 && e.getProblems().stream().allMatch(p -> p.kind() == LoadProblem.Kind.DANGLING_REFERENCE),
            e.getProblems().toString());
        assertTrue(e.getProblem().contains("more problems"), e.getProblem());
        assertEquals(e.getProblems(), KnowledgeBaseFiles.inspect(file).problems(), "inspect lists the same problems");
    }

    /** EMF takes a reference value with a colon for a type name and sets nothing, without a word. */
    @Test
    void aReferenceThatIsNoIdIsRefused() throws Exception {
        String text = bundledText();
        Path file = TestFiles.write(folder.resolve("colon.xmi"), text.replaceFirst("actor=\"[a-z-]+\"", "actor=\"city:oulu\""));
        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));
        assertEquals(LoadProblem.Kind.OUTSIDE_REFERENCE, e.getProblems().get(0).kind());
        assertEquals(lineOf(text, "actor=\""), e.getLine());
    }

    /** References to objects of the same file written as hrefs are fine, and resolved. */
    @Test
    void sameFileHrefsLoadAndResolve() throws Exception {
        String text = bundledText();
        Path file = TestFiles.write(folder.resolve("href.xmi"), text.replaceFirst(
            "<participations actor=\"([a-z-]+)\" role=\"coordinator\"/>", "<participations role=\"coordinator\"><actor href=\"#$1\"/></participations>"));
        LoadResult result = KnowledgeBaseFiles.load(file);
        Participation first = result.knowledgeBase().getPartnerships().stream().flatMap(p -> p.getParticipations().stream())
            .findFirst().orElseThrow();
        assertFalse(first.getActor().eIsProxy(), "resolved");
        assertTrue(EcoreUtil.equals(BundledKnowledgeBase.load().knowledgeBase(), result.knowledgeBase()));
    }

    @Test
    void aFolderOrAFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path dir = Files.createDirectory(folder.resolve("a-folder.xmi"));
        assertEquals("is a folder, not a knowledge-base file",
            assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(dir)).getProblem());
        try (Fifo fifo = new Fifo(folder.resolve("pipe.xmi"))) {
            KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(fifo.path()));
            assertTrue(e.getProblem().startsWith("is not a regular file"), e.getProblem());
            assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.inspect(fifo.path()));
            assertFalse(fifo.wasOpened(), "the pipe was not opened");
        }
    }

    /** What `inspect` read of a damaged file is not the whole knowledge base: saving it is refused, the file kept. */
    @Test
    void aKnowledgeBaseReadWithProblemsIsNeverSaved() throws Exception {
        Path file = TestFiles.write(folder.resolve("damaged.xmi"), bundledText().replace("document=\"seed-004\"", "document=\"seed-999\""));
        byte[] before = Files.readAllBytes(file);
        LoadResult partial = KnowledgeBaseFiles.inspect(file);
        KnowledgeBase kb = partial.knowledgeBase();
        IOException e = assertThrows(IOException.class, () -> KnowledgeBaseFiles.save(kb, file));
        assertTrue(e.getMessage().startsWith("Cannot save " + file.toAbsolutePath() + ": the knowledge base was read from"), e.getMessage());
        assertTrue(e.getMessage().contains("saving it would lose what could not be read"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertThrows(IOException.class, () -> KnowledgeBaseFiles.save(kb, folder.resolve("elsewhere.xmi")));
        assertFalse(Files.exists(folder.resolve("elsewhere.xmi")));
        assertThrows(IOException.class, () -> partial.resource().save(new ByteArrayOutputStream(), null), "nor through EMF directly");
    }

    static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }
}

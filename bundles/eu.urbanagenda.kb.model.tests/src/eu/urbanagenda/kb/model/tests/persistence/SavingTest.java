package eu.urbanagenda.kb.model.tests.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.UrbanAgendaFactory;
import eu.urbanagenda.kb.model.internal.AtomicFiles;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.tests.ModelBuilder;

/** Atomic saves with a backup; a failed save changes nothing. */
class SavingTest {

    @TempDir
    Path folder;

    @Test
    void savesUtf8XmiWithReadableIdReferences() throws Exception {
        Path file = folder.resolve("kb.xmi");
        KnowledgeBaseFiles.save(new ModelBuilder().kb, file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), text);
        assertTrue(text.contains("<participations actor=\"city-sofia\" role=\"coordinator\"/>"), text);
        assertTrue(text.contains("document=\"doc-1\" target=\"digital-transition\""), text);
        assertTrue(text.contains("value=\"Софія\""), "Cyrillic is written as is, not as character references");
        assertFalse(text.contains("xmi:id") || text.contains("//@"), "no UUIDs nor positional paths");
        assertFalse(text.contains("\r"), "LF line ends on every platform");
    }

    @Test
    void keepsThePreviousVersionAsBackup() throws Exception {
        Path file = folder.resolve("kb.xmi");
        ModelBuilder model = new ModelBuilder();
        KnowledgeBaseFiles.save(model.kb, file);
        byte[] first = Files.readAllBytes(file);
        assertFalse(Files.exists(KnowledgeBaseFiles.backupOf(file)), "no backup before a second save");
        model.sofia.getNames().add(Localized.of(Language.RU, "София", true));
        KnowledgeBaseFiles.save(model.kb, file);
        assertArrayEquals(first, Files.readAllBytes(KnowledgeBaseFiles.backupOf(file)));
        assertTrue(Files.readString(file).contains("language=\"ru\""));
        assertEquals(2, countFiles(), "the file and its backup, no temporary files left");
    }

    @Test
    void aWriteInterruptedMidwayLeavesTheLastGoodFile() throws Exception {
        Path file = folder.resolve("kb.xmi");
        ModelBuilder model = new ModelBuilder();
        KnowledgeBaseFiles.save(model.kb, file);
        byte[] good = Files.readAllBytes(file);
        byte[] next = KnowledgeBaseFiles.toBytes(model.kb);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write(next, 0, next.length / 2);
            out.flush();
            throw new IOException("disk unplugged");
        }));
        assertEquals("disk unplugged", e.getMessage());
        assertArrayEquals(good, Files.readAllBytes(file));
        assertEquals(1, countFiles(), "neither a temporary file nor a backup of a save that did not happen");
        assertEquals("digital-transition", KnowledgeBaseFiles.load(file).knowledgeBase().getPartnerships().get(0).getId());
    }

    @Test
    void aDanglingReferenceIsRefusedAndTheFileLeftAlone() throws Exception {
        Path file = folder.resolve("kb.xmi");
        ModelBuilder model = new ModelBuilder();
        KnowledgeBaseFiles.save(model.kb, file);
        byte[] good = Files.readAllBytes(file);
        Actor stranger = UrbanAgendaFactory.eINSTANCE.createActor();
        stranger.setId("city-nowhere");
        model.evidence.setTarget(stranger);
        IOException e = assertThrows(IOException.class, () -> KnowledgeBaseFiles.save(model.kb, file));
        assertTrue(e.getMessage().contains("Cannot save " + file) && e.getMessage().contains("dangling reference"), e.getMessage());
        assertArrayEquals(good, Files.readAllBytes(file));
        assertEquals(1, countFiles());
    }

    @Test
    void savingIsDeterministic() throws Exception {
        KnowledgeBase kb = new ModelBuilder().kb;
        Path file = folder.resolve("kb.xmi");
        KnowledgeBaseFiles.save(kb, file);
        KnowledgeBase again = KnowledgeBaseFiles.load(file).knowledgeBase();
        assertArrayEquals(Files.readAllBytes(file), KnowledgeBaseFiles.toBytes(again));
    }

    private long countFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}

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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.UrbanAgendaFactory;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.tests.ModelBuilder;
import eu.urbanagenda.kb.model.tests.TestFiles;

/** Atomic saves, each kept as a backup; a failed save changes nothing; leftovers of killed saves are cleaned up. */
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
    void keepsEachSaveAsABackupTheLastFive() throws Exception {
        Path file = folder.resolve("kb.xmi");
        ModelBuilder model = new ModelBuilder();
        for (int version = 1; version <= 7; version++) {
            model.sofia.setCountry(version % 2 == 0 ? "BG" : "EU");
            model.kb.getDescriptions().clear();
            model.kb.getDescriptions().add(Localized.of(Language.EN, "version " + version, false));
            KnowledgeBaseFiles.save(model.kb, file);
        }
        List<KnowledgeBaseBackups.Backup> backups = KnowledgeBaseBackups.list(file);
        assertEquals(List.of(7L, 6L, 5L, 4L, 3L), backups.stream().map(KnowledgeBaseBackups.Backup::number).toList());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(backups.get(0).file()), "the newest backup is the last save");
        assertTrue(Files.readString(backups.get(4).file()).contains("version 3"));
        for (KnowledgeBaseBackups.Backup backup : backups) {
            assertTrue(KnowledgeBaseBackups.load(backup).problems().isEmpty());
        }
        assertEquals(List.of("kb.xmi", "kb.xmi.backups"), TestFiles.names(folder), "no temporary files left");
        assertEquals(6, TestFiles.names(KnowledgeBaseBackups.folderOf(file)).size(), "five backups and the save lock");
        assertEquals(backups.get(0).file(), KnowledgeBaseFiles.backupOf(file));
    }

    /** A control character cannot be written in XML 1.0: a clear message, and nothing written. */
    @Test
    void aValueXmlCannotHoldIsRefusedAndTheLastGoodFileStays() throws Exception {
        IOException e = refusedSave(model -> model.sofia.getNames().get(0).setValue("Sofia\u0001"));
        assertTrue(e.getMessage().startsWith("Cannot save " + folder.resolve("kb.xmi") + ": a value cannot be written as XML: "), e.getMessage());
        assertTrue(e.getMessage().contains("Sofia") && e.getMessage().endsWith("the file is unchanged"), e.getMessage());
        assertEquals("digital-transition", KnowledgeBaseFiles.load(folder.resolve("kb.xmi")).knowledgeBase().getPartnerships().get(0).getId());
    }

    @Test
    void aDanglingReferenceIsRefusedAndTheFileLeftAlone() throws Exception {
        IOException e = refusedSave(model -> {
            Actor stranger = UrbanAgendaFactory.eINSTANCE.createActor();
            stranger.setId("city-nowhere");
            model.evidence.setTarget(stranger);
        });
        assertTrue(e.getMessage().contains("Cannot save " + folder.resolve("kb.xmi")) && e.getMessage().contains("dangling reference"), e.getMessage());
    }

    /** Two objects with one id would be written, and then refused on loading: refused when saving instead. */
    @Test
    void aDuplicateIdIsRefusedAndTheFileLeftAlone() throws Exception {
        IOException e = refusedSave(model -> model.document.setId("city-sofia"));
        assertEquals("Cannot save " + folder.resolve("kb.xmi") + ": two objects have the id 'city-sofia': Actor 'city-sofia' (Sofia) and"
            + " SourceDocument 'city-sofia' (ids must be unique; change one of them); the file is unchanged", e.getMessage());
    }

    /** Saves a model, changes it, and checks that saving again fails and changes no file. */
    private IOException refusedSave(java.util.function.Consumer<ModelBuilder> change) throws Exception {
        Path file = folder.resolve("kb.xmi");
        ModelBuilder model = new ModelBuilder();
        KnowledgeBaseFiles.save(model.kb, file);
        Map<String, String> before = TestFiles.snapshot(folder);
        change.accept(model);
        IOException e = assertThrows(IOException.class, () -> KnowledgeBaseFiles.save(model.kb, file));
        assertEquals(before, TestFiles.snapshot(folder), "neither the file nor a backup nor a temporary file changed");
        return e;
    }

    /** What killed saves leave (temporary files, and the .tmp.bak of the old hard-link scheme) goes; nothing else. */
    @Test
    void theNextSaveRemovesLeftoversOfKilledSavesAndNothingElse() throws Exception {
        Path file = folder.resolve("kb.xmi");
        ModelBuilder model = new ModelBuilder();
        KnowledgeBaseFiles.save(model.kb, file);
        Path backups = KnowledgeBaseBackups.folderOf(file);
        List<Path> leftovers = List.of(folder.resolve(".kb.xmi.4711.tmp"), folder.resolve(".kb.xmi.815.tmp.bak"),
            backups.resolve(".000002-20261128T071522Z.xmi.42.tmp"));
        List<Path> kept = List.of(folder.resolve("kb.xmi.tmp"), folder.resolve(".kb.xmi.notes.tmp"), folder.resolve(".other.xmi.12.tmp"),
            folder.resolve("notes.txt"), folder.resolve("kb.xmi.bak"), backups.resolve("my-copy.xmi"), backups.resolve(".12.tmp"));
        for (Path path : leftovers) {
            Files.writeString(path, "<?xml version=\"1.0\"?><kb:Knowl");
        }
        for (Path path : kept) {
            Files.writeString(path, "a user's file");
        }
        KnowledgeBaseFiles.save(model.kb, file);
        for (Path path : leftovers) {
            assertFalse(Files.exists(path), path + " was left");
        }
        for (Path path : kept) {
            assertEquals("a user's file", Files.readString(path), path + " is kept as it was");
        }
    }

    /** A kill between the two renames of the old scheme left the file and its .bak as links to one inode. */
    @Test
    void aFileHardLinkedToAnotherIsReplacedNotWrittenThrough() throws Exception {
        Path file = folder.resolve("kb.xmi");
        ModelBuilder model = new ModelBuilder();
        KnowledgeBaseFiles.save(model.kb, file);
        byte[] first = Files.readAllBytes(file);
        Path bak = Files.createLink(folder.resolve("kb.xmi.bak"), file);
        model.kb.getDescriptions().add(Localized.of(Language.EN, "second", false));
        KnowledgeBaseFiles.save(model.kb, file);
        assertArrayEquals(first, Files.readAllBytes(bak), "the other link keeps the old contents");
        assertEquals(1, Files.getAttribute(file, "unix:nlink"), "the saved file is a file of its own");
        assertEquals(List.of("kb.xmi", "kb.xmi.backups", "kb.xmi.bak"), TestFiles.names(folder));
        for (Path backup : TestFiles.names(KnowledgeBaseBackups.folderOf(file)).stream().map(KnowledgeBaseBackups.folderOf(file)::resolve).toList()) {
            assertEquals(1, Files.getAttribute(backup, "unix:nlink"), backup + " is a copy, not a link");
        }
    }

    @Test
    void savingIsDeterministic() throws Exception {
        KnowledgeBase kb = new ModelBuilder().kb;
        Path file = folder.resolve("kb.xmi");
        KnowledgeBaseFiles.save(kb, file);
        KnowledgeBase again = KnowledgeBaseFiles.load(file).knowledgeBase();
        assertArrayEquals(Files.readAllBytes(file), KnowledgeBaseFiles.toBytes(again));
    }

}

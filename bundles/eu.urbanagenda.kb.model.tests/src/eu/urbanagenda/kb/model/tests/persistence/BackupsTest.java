package eu.urbanagenda.kb.model.tests.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups.Backup;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups.Restored;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.tests.ModelBuilder;
import eu.urbanagenda.kb.model.tests.TestFiles;

/** The way back from a damaged file: list the backups, find the newest good one, restore it; nothing is lost. */
class BackupsTest {

    @TempDir
    Path folder;

    private Path savedSixTimes(ModelBuilder model) throws IOException {
        Path file = folder.resolve("kb.xmi");
        for (int version = 1; version <= 6; version++) {
            model.kb.getDescriptions().clear();
            model.kb.getDescriptions().add(Localized.of(Language.EN, "version " + version, false));
            KnowledgeBaseFiles.save(model.kb, file);
        }
        return file;
    }

    @Test
    void aDamagedFileIsRestoredFromTheNewestGoodBackupAndKeptAside() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS); // backups are stamped to the second
        Path file = savedSixTimes(new ModelBuilder());
        Instant after = Instant.now();
        List<Backup> backups = KnowledgeBaseBackups.list(file);
        assertEquals(5, backups.size());
        Instant saved = backups.get(0).savedAt();
        assertTrue(!saved.isBefore(before) && !saved.isAfter(after), "stamped with the time of its save: " + backups.get(0));
        byte[] good = Files.readAllBytes(file);
        byte[] damaged = Arrays.copyOf(good, good.length / 2);
        Files.write(file, damaged);
        assertThrows(KnowledgeBaseLoadException.class, () -> KnowledgeBaseFiles.load(file));

        // the newest backup is damaged too (as by the same disk fault): the one before it is the newest good one
        Files.write(backups.get(0).file(), Arrays.copyOf(good, 100));
        Backup newestGood = KnowledgeBaseBackups.newestGood(file).orElseThrow();
        assertEquals(5, newestGood.number());

        Restored restored = KnowledgeBaseBackups.restore(file, newestGood);
        assertEquals(newestGood, restored.backup());
        assertTrue(Files.readString(file).contains("version 5"));
        assertArrayEquals(Files.readAllBytes(newestGood.file()), Files.readAllBytes(file));
        Path keptAs = restored.replacedFileKeptAs().orElseThrow();
        assertTrue(keptAs.getFileName().toString().matches("kb\\.replaced-\\d{8}T\\d{6}Z\\.xmi"), keptAs.toString());
        assertArrayEquals(damaged, Files.readAllBytes(keptAs), "the damaged file is kept, to rescue from it what can be");
        assertTrue(KnowledgeBaseFiles.load(file).problems().isEmpty());
    }

    @Test
    void aDamagedBackupIsNotRestored() throws Exception {
        Path file = savedSixTimes(new ModelBuilder());
        Backup newest = KnowledgeBaseBackups.list(file).get(0);
        Files.writeString(newest.file(), "<?xml version=\"1.0\"?>\n<kb:KnowledgeBase");
        Map<String, String> before = TestFiles.snapshot(folder);
        IOException e = assertThrows(IOException.class, () -> KnowledgeBaseBackups.restore(file, newest));
        assertTrue(e.getMessage().startsWith("Cannot restore backup 6 (" + newest.file() + "): "), e.getMessage());
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
        assertEquals(before, TestFiles.snapshot(folder), "nothing changed");
    }

    @Test
    void restoringAnOlderVersionOfAGoodFileKeepsNothingAsideSinceItIsABackup() throws Exception {
        Path file = savedSixTimes(new ModelBuilder());
        Backup oldest = KnowledgeBaseBackups.list(file).get(4);
        Restored restored = KnowledgeBaseBackups.restore(file, oldest);
        assertEquals(Optional.empty(), restored.replacedFileKeptAs(), "the replaced file is backup 6");
        assertTrue(Files.readString(file).contains("version 2"));
        assertEquals(List.of("kb.xmi", "kb.xmi.backups"), TestFiles.names(folder));
    }

    @Test
    void theFirstCopyOfTheBundledBaseIsTheFirstBackup() throws Exception {
        Path file = folder.resolve("urban-agenda.xmi");
        assertTrue(BundledKnowledgeBase.copyIfMissing(file));
        List<Backup> backups = KnowledgeBaseBackups.list(file);
        assertEquals(1, backups.size());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(backups.get(0).file()));
    }

    @Test
    void aFileNeverSavedHasNoBackups() throws Exception {
        assertEquals(List.of(), KnowledgeBaseBackups.list(folder.resolve("never.xmi")));
        assertEquals(Optional.empty(), KnowledgeBaseBackups.newestGood(folder.resolve("never.xmi")));
    }
}

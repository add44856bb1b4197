package eu.urbanagenda.kb.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.edit.command.SetCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.core.BackendSetting;
import eu.urbanagenda.kb.core.DocumentLibrary;
import eu.urbanagenda.kb.core.DocumentLinks;
import eu.urbanagenda.kb.core.KbEvents;
import eu.urbanagenda.kb.core.KbLocations;
import eu.urbanagenda.kb.core.KbModel;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.UrbanAgendaPackage;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;

/** A data directory set up on first use, searched with partnership filters, and kept safe across sessions. */
class KbSessionTest {

    @TempDir
    Path data;

    @Test
    void firstUseCopiesTheBundledBaseAndIndexesTheSeedsOnce() throws Exception {
        try (KbSession session = KbSession.open(data)) {
            assertTrue(Files.isRegularFile(data.resolve(KbSession.KNOWLEDGE_BASE_FILE)));
            assertEquals(21, session.model().knowledgeBase().getPartnerships().size());
            assertTrue(session.notices().get(0).startsWith("Created the knowledge base"), session.notices().toString());
            Optional<UpdateReport> first = session.library().ensureIndexed(new NullProgressMonitor());
            assertTrue(first.isPresent());
            assertEquals(5, first.get().added().size(), "the five seeds, not their README: " + first.get().added());
            assertEquals(KbLocations.seedDocuments(), session.library().recordedSources());
            assertEquals(Optional.empty(), session.library().ensureIndexed(new NullProgressMonitor()), "only once");
        }
        try (KbSession again = KbSession.open(data)) {
            assertEquals(List.of(), again.notices(), "nothing set up the second time");
            assertEquals(Optional.empty(), again.library().ensureIndexed(new NullProgressMonitor()));
            assertEquals(5, again.library().index().documentCount());
        }
    }

    @Test
    void anInterruptedFirstUseIsCompletedByTheNextRun() throws Exception {
        // what a run killed after creating the index folder (or `mkdir -p D/index`) leaves behind
        Files.createDirectories(data.resolve(DocumentLibrary.INDEX_DIRECTORY));
        try (KbSession session = KbSession.open(data)) {
            Optional<UpdateReport> report = session.library().ensureIndexed(new NullProgressMonitor());
            assertTrue(report.isPresent(), "the seeds are indexed although the index folder was there");
            assertEquals(5, session.library().index().documentCount());
        }
    }

    @Test
    void twoFirstStartsAtOnceIndexTheSeedsOnce() throws Exception {
        try (KbSession first = KbSession.open(data); KbSession second = KbSession.open(data)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Optional<UpdateReport>> a = pool.submit(() -> first.library().ensureIndexed(null));
                Future<Optional<UpdateReport>> b = pool.submit(() -> {
                    // the second waits for the first-use lock, then finds the work done
                    return second.library().ensureIndexed(null);
                });
                long runs = Stream.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS)).filter(Optional::isPresent).count();
                assertEquals(1, runs, "one of them set it up");
            } finally {
                pool.shutdownNow();
            }
            first.library().index().refresh();
            assertEquals(5, first.library().index().documentCount());
        }
    }

    @Test
    void sourcesWithLineBreaksAndBackslashesInTheirNamesRoundTrip() throws Exception {
        Path odd = Files.createDirectories(data.resolve("docs")).resolve("new\nline\\ and \r.txt");
        Path withNewline = data.resolve("docs").resolve("new\nline.txt");
        Files.writeString(withNewline, "Громада і партнерство: рядок у назві файлу.", StandardCharsets.UTF_8);
        Files.writeString(odd, "Друга громада з дивною назвою.", StandardCharsets.UTF_8);
        try (KbSession session = KbSession.open(data)) {
            session.library().ensureIndexed(null);
            session.library().update(List.of(withNewline, odd), UpdateRequest.builder(), null);
        }
        try (KbSession session = KbSession.open(data)) {
            assertTrue(session.library().recordedSources().containsAll(List.of(withNewline, odd)),
                    session.library().recordedSources().toString());
            UpdateReport rescan = session.library().update(List.of(), UpdateRequest.builder(), null);
            assertEquals(List.of(), rescan.skipped(), "every recorded source is found again");
            assertEquals(List.of(), rescan.removed());
        }
    }

    @Test
    void searchesFilterAndCountByPartnership() throws Exception {
        try (KbSession session = KbSession.open(data)) {
            session.library().ensureIndexed(new NullProgressMonitor());
            SearchResult all = session.search(SearchRequest.builder("громад*").page(0, 20), List.of());
            SearchResult digital = session.search(SearchRequest.builder("громад*").page(0, 20), List.of("digital-transition"));
            assertTrue(digital.totalHits() > 0 && digital.totalHits() < all.totalHits(),
                    "003 is about communities but linked to no partnership: " + all.totalHits() + " / " + digital.totalHits());
            for (SearchHit hit : digital.hits()) {
                assertTrue(session.links().partnershipsOf(hit.sha256()).contains("digital-transition"), hit.path().toString());
            }
            long counted = all.facets().groups().stream().filter(f -> f.value().equals("digital-transition"))
                    .mapToLong(f -> f.count()).sum();
            assertEquals(digital.totalHits(), counted, "the facet counts what the filter finds");
            assertThrows(IllegalArgumentException.class,
                    () -> session.search(SearchRequest.builder("громада"), List.of("no-such-partnership")));
        }
    }

    /**
     * A search needs only the index and the links: a session opened with the model on demand takes them from the snapshot
     * that the last load or save left beside the knowledge base, for as long as the file is the one it was taken from.
     */
    @Test
    void aSessionWithTheModelOnDemandSearchesFromTheLinksSnapshot() throws Exception {
        DocumentLinks before;
        try (KbSession session = KbSession.open(data)) {
            session.library().ensureIndexed(null);
            before = session.links();
            assertTrue(Files.isRegularFile(data.resolve(KbSession.LINKS_FILE)), "loading the model left a snapshot");
        }
        try (KbSession session = KbSession.open(data, BackendSetting.local(), KbEvents.Sink.NONE, true)) {
            assertFalse(session.modelLoaded());
            assertEquals(before, session.links());
            SearchResult digital = session.search(SearchRequest.builder("громад*").page(0, 20), List.of("digital-transition"));
            assertTrue(digital.totalHits() > 0, "filtered by partnership from the snapshot");
            assertThrows(IllegalArgumentException.class, () -> session.search(SearchRequest.builder("громада"), List.of("no-such-one")));
            assertFalse(session.modelLoaded(), "a search, also by partnership, reads no knowledge base");

            // an edit, saved: the snapshot follows
            KbModel model = session.loadModel();
            Evidence confirmed = model.knowledgeBase().getEvidence().stream()
                    .filter(e -> e.getTarget() == model.partnership("digital-transition").orElseThrow() && e.getStatus() == EvidenceStatus.CONFIRMED)
                    .findFirst().orElseThrow();
            model.editingDomain().getCommandStack().execute(SetCommand.create(model.editingDomain(), confirmed,
                    UrbanAgendaPackage.Literals.EVIDENCE__STATUS, EvidenceStatus.REJECTED));
            model.save();
        }
        DocumentLinks edited;
        try (KbSession session = KbSession.open(data, BackendSetting.local(), KbEvents.Sink.NONE, true)) {
            assertFalse(session.modelLoaded());
            edited = session.links();
            assertNotEquals(before, edited, "the rejected link is gone from the snapshot");
        }
        try (KbSession session = KbSession.open(data)) {
            assertEquals(edited, session.links(), "the snapshot is what the knowledge base says");
        }

        // the file changed by other means (its previous version put back): the snapshot is not of it
        Path file = data.resolve(KbSession.KNOWLEDGE_BASE_FILE);
        Files.copy(KnowledgeBaseBackups.list(file).get(1).file(), file, StandardCopyOption.REPLACE_EXISTING); // newest first
        try (KbSession session = KbSession.open(data, BackendSetting.local(), KbEvents.Sink.NONE, true)) {
            assertTrue(session.modelLoaded(), "the knowledge base is read when the snapshot is not of it");
            assertEquals(before, session.links());
        }
    }

    @Test
    void editsAreSavedAtomicallyWithABackupAndSurviveReopening() throws Exception {
        try (KbSession session = KbSession.open(data)) {
            Partnership food = session.model().partnership("food").orElseThrow();
            session.model().editingDomain().getCommandStack().execute(SetCommand.create(session.model().editingDomain(), food,
                    UrbanAgendaPackage.Literals.PARTNERSHIP__ACTION_PLAN_YEAR, 2024));
            assertTrue(session.model().isDirty());
            session.model().save();
            assertFalse(session.model().isDirty());
            List<KnowledgeBaseBackups.Backup> backups = KnowledgeBaseBackups.list(session.model().file());
            assertEquals(2, backups.size(), "the bundled copy and the save are kept as backups: " + backups);
            assertArrayEquals(Files.readAllBytes(session.model().file()), Files.readAllBytes(backups.get(0).file()));
        }
        try (KbSession session = KbSession.open(data)) {
            assertEquals(2024, session.model().partnership("food").orElseThrow().getActionPlanYear());
        }
    }

    @Test
    void aCorruptKnowledgeBaseIsReportedWithFileAndLineAndLeftAsItIs() throws Exception {
        Path file = data.resolve(KbSession.KNOWLEDGE_BASE_FILE);
        String broken = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kb:KnowledgeBase xmlns:kb=\"http://urbanagenda.eu/kb/model/1.0\">\n  <partnerships id=\"x\"\n";
        Files.writeString(file, broken, StandardCharsets.UTF_8);
        KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KbSession.open(data));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(e.getLine() > 0, "the line of the problem: " + e.getMessage());
        assertEquals(broken, Files.readString(file, StandardCharsets.UTF_8), "the broken file is not overwritten");
    }

    /**
     * A knowledge base that loads with problems was opened as what could be read (every reference of the partnerships
     * empty after an invalid byte), and the next save wrote that over the file. Now it is refused, and kept as it is.
     */
    @Test
    void aKnowledgeBaseThatDoesNotLoadCleanlyIsRefusedAndLeftAsItIs() throws Exception {
        try (KbSession session = KbSession.open(data)) {
            assertEquals(21, session.model().knowledgeBase().getPartnerships().size(), "a clean file opens");
        }
        Path file = KbSession.knowledgeBaseFile(data);
        String good = Files.readString(file, StandardCharsets.UTF_8);
        byte[] goodBytes = good.getBytes(StandardCharsets.UTF_8);
        int documents = good.substring(0, good.indexOf("<documents")).getBytes(StandardCharsets.UTF_8).length;
        byte[] invalidByte = new byte[goodBytes.length + 1];
        System.arraycopy(goodBytes, 0, invalidByte, 0, documents);
        invalidByte[documents] = (byte) 0xff;
        System.arraycopy(goodBytes, documents, invalidByte, documents + 1, goodBytes.length - documents);
        for (byte[] damaged : List.of(invalidByte, good.replace("document=\"seed-004\"", "document=\"seed-999\"").getBytes(StandardCharsets.UTF_8),
                good.replaceFirst("id=\"housing\"", "id=\"food\"").getBytes(StandardCharsets.UTF_8))) {
            Files.write(file, damaged);
            KnowledgeBaseLoadException e = assertThrows(KnowledgeBaseLoadException.class, () -> KbSession.open(data));
            assertTrue(e.getMessage().startsWith(file + ":" + e.getLine() + ":"), e.getMessage());
            assertTrue(e.getLine() > 0, e.getMessage());
            assertArrayEquals(damaged, Files.readAllBytes(file), "the damaged file is left as it is");
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsNamed() throws Exception {
        Path blocker = data.resolve("a-file");
        Files.writeString(blocker, "not a folder");
        IOException e = assertThrows(IOException.class, () -> KbSession.open(blocker.resolve("kb")));
        assertTrue(e.getMessage().contains(blocker.resolve("kb").toString()), e.getMessage());
    }
}

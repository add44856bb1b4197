package eu.urbanagenda.kb.git.tests;

import static eu.urbanagenda.kb.git.tests.GitProcess.git;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.command.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.compare.MergePlan;
import eu.urbanagenda.kb.core.KbModel;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.git.KnowledgeBaseRepository;
import eu.urbanagenda.kb.git.Version;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;

/** Every save of the session is a version of a real Git repository in the data directory. */
class HistoryTest {

    @TempDir
    Path data;

    @Test
    void everySaveIsAVersionNamedByTheEditsSinceTheLastSave() throws Exception {
        try (Coordinator ana = new Coordinator("Ana Petrova", data)) {
            ana.edit(Edits.status(ana, "digital-transition", PartnershipStatus.ACTIVE));
            ana.edit(Edits.coordinator(ana, "digital-transition", "city-gdansk"));
            KbModel.Saved saved = ana.save();
            Version version = saved.version().orElseThrow();
            assertTrue(version.subject().startsWith("Set Status; Add Coordinator Gdańsk"), version.subject());
            assertEquals("Ana Petrova", version.author());
            assertEquals("ana petrova@example.eu", version.email());
            assertEquals(Optional.empty(), saved.historyProblem());

            ana.edit(Edits.name(ana, "digital-transition", Language.BG, "Цифров преход"));
            ana.edit(Edits.name(ana, "digital-transition", Language.BG, "Дигитален преход (2)"));
            Version second = ana.save().version().orElseThrow();
            assertEquals("Set Name (2\u00d7)", second.subject());
            assertEquals(Optional.empty(), ana.save().version(), "a save without edits is no version");

            KnowledgeBaseRepository history = ana.session().history();
            List<Version> all = history.versions(null, 100, null);
            assertEquals(List.of(second.id(), version.id()), all.subList(0, 2).stream().map(Version::id).toList());
            assertEquals(3, all.size(), "and the product's first version");
            assertEquals(List.of(second.id(), version.id(), all.get(2).id()),
                    history.versions("digital-transition", 100, null).stream().map(Version::id).toList());
            assertEquals(List.of(version.id(), all.get(2).id()),
                    history.versions("city-gdansk", 100, null).stream().map(Version::id).toList(), "the actor's new participation");
            assertEquals(List.of(all.get(2).id()), history.versions("housing", 100, null).stream().map(Version::id).toList());
        }
        // the real Git reads the same history, and only the knowledge base (and its ignore rules) are in it
        String log = git(data, "log", "--format=%an|%s");
        assertTrue(log.startsWith("Ana Petrova|Set Name (2\u00d7)\nAna Petrova|Set Status; Add Coordinator Gdańsk"), log);
        git(data, "fsck", "--strict");
        assertEquals(".gitignore\nurban-agenda.xmi\n", git(data, "ls-files"));
        assertEquals("", git(data, "status", "--porcelain"), "the index and the backups stay out");
    }

    @Test
    void anExistingDataDirectoryIsConvertedInPlaceAndLosesNothing() throws Exception {
        Path file = data.resolve(KbSession.KNOWLEDGE_BASE_FILE);
        try (KbSession before = KbSession.open(data)) { // as a version without history left it
            before.model().partnership("food").orElseThrow().setStatus(PartnershipStatus.COMPLETED);
            KnowledgeBaseFiles.save(before.model().knowledgeBase(), file);
        }
        Files.writeString(data.resolve("notes.txt"), "my own notes");
        byte[] kb = Files.readAllBytes(file);
        try (Coordinator ana = new Coordinator("Ana", data)) {
            List<Version> versions = ana.session().history().versions(null, 10, null);
            assertEquals(2, versions.size());
            assertEquals("The knowledge base as it was before its history was kept", versions.get(0).subject());
            assertEquals("The knowledge base as bundled with the product", versions.get(1).subject());
            assertEquals(List.of("Partnership Food: Status: active \u2192 completed"),
                    ana.session().history().changeOf(versions.get(0)).describe().stream().map(c -> c.line(null)).toList());
        }
        assertArrayEquals(kb, Files.readAllBytes(file));
        assertEquals("my own notes", Files.readString(data.resolve("notes.txt")));
        assertEquals(".gitignore\nurban-agenda.xmi\n", git(data, "ls-files"));
    }

    @Test
    void theAuthorIsGitsConfigurationUnlessChosen() throws Exception {
        try (KbSession session = KbSession.open(data)) {
            KnowledgeBaseRepository history = session.history();
            git(data, "config", "user.name", "Olena Kovalenko");
            git(data, "config", "user.email", "olena@example.ua");
            session.model().partnership("housing").orElseThrow().setStartYear(2017);
            session.model().save();
            Version version = history.head();
            assertEquals("Olena Kovalenko", version.author());
            assertEquals("olena@example.ua", version.email());
        }
    }

    @Test
    void aVersionsChangeIsTakenBackAsOneUndoableCommand() throws Exception {
        try (Coordinator ana = new Coordinator("Ana", data)) {
            Version status = ana.edit(Edits.status(ana, "food", PartnershipStatus.COMPLETED)).save().version().orElseThrow();
            assertEquals("1\t1\turban-agenda.xmi", git(data, "show", "--numstat", "--format=", status.id()).strip(),
                    "one edit, one line of the file changed");
            ana.edit(Edits.name(ana, "food", Language.BG, "Храна")).save();
            KnowledgeBaseRepository history = ana.session().history();
            MergePlan revert = history.revertOf(status, ana.kb());
            assertEquals(List.of(), revert.conflicts());
            Command command = revert.command(ana.kb(), Map.of(), "Revert \"Set Status\"");
            ana.session().model().editingDomain().getCommandStack().execute(command);
            assertEquals(PartnershipStatus.ACTIVE, ana.partnership("food").getStatus(), "taken back");
            assertEquals("Храна", Edits.nameOf(ana.partnership("food"), Language.BG), "the later edit stays");
            ana.session().model().editingDomain().getCommandStack().undo();
            assertEquals(PartnershipStatus.COMPLETED, ana.partnership("food").getStatus(), "undone as one");
            ana.session().model().editingDomain().getCommandStack().redo();
            assertTrue(ana.save().version().orElseThrow().subject().startsWith("Revert"));

            // changed again since: a conflict, not an overwrite
            Version name = history.versions("food", 10, null).get(1);
            assertEquals("Set Name", name.subject());
            ana.edit(Edits.name(ana, "food", Language.BG, "Храни и хранене")).save();
            assertEquals(1, history.revertOf(name, ana.kb()).conflicts().size());
        }
    }

    @Test
    void copiesStartedFromTheProductShareTheirFirstVersion(@TempDir Path other) throws Exception {
        try (KbSession one = KbSession.open(data); KbSession two = KbSession.open(other)) {
            assertEquals(one.history().head().id(), two.history().head().id());
        }
    }
}

package eu.urbanagenda.kb.link.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.edit.command.SetCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.link.LinkChanges;
import eu.urbanagenda.kb.link.LinkOptions;
import eu.urbanagenda.kb.link.LinkVocabulary;
import eu.urbanagenda.kb.link.Linker;
import eu.urbanagenda.kb.link.Proposal;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.UrbanAgendaPackage;

/** Storing proposals in a real knowledge-base file: idempotent, undoable, and people's decisions stay. */
class LinkStorageTest {

    @TempDir
    Path data;

    KbSession session;

    @BeforeEach
    void open() throws Exception {
        session = KbSession.open(data);
        session.library().ensureIndexed(new NullProgressMonitor());
        Path corpus = LabelledSet.shared().resolve("corpus/uk");
        session.library().update(List.of(corpus.resolve("uk_brown_G_Malynovska_Mihratsiyna_polityka_hlobalnyi_kontekst_ta_ukrayinski_realiyi_1_2018.txt"),
                corpus.resolve("uk_brown_A_Povaha_Kobyliatska_Zhinky_na_dyplomatychnykh_terenakh_postup_i_zrushennia_2015.txt")),
                UpdateRequest.builder(), new NullProgressMonitor());
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    List<Proposal> propose() throws Exception {
        return new Linker(session.library().index()).propose(LinkVocabulary.of(session.model().knowledgeBase()), LinkOptions.defaults(),
                new NullProgressMonitor());
    }

    LinkChanges storeAndSave() throws Exception {
        LinkChanges changes = LinkChanges.plan(session.model().editingDomain(), session.model().knowledgeBase(), propose());
        if (!changes.isEmpty()) {
            session.model().editingDomain().getCommandStack().execute(changes.command());
            session.model().save();
        }
        return changes;
    }

    static Evidence evidence(KbSession session, String targetId, String fileNamePart) {
        return session.model().knowledgeBase().getEvidence().stream()
                .filter(e -> e.getTarget().getId().equals(targetId) && e.getDocument().getLocation().contains(fileNamePart))
                .findFirst().orElse(null);
    }

    @Test
    void reRunningChangesNothing() throws Exception {
        LinkChanges first = storeAndSave();
        assertTrue(first.added() >= 2, "new suggestions: " + first.summary());
        assertTrue(first.newDocuments() >= 2, "the corpus documents became source documents: " + first.summary());
        byte[] saved = Files.readAllBytes(session.model().file());

        LinkChanges second = storeAndSave();
        assertNull(second.command(), second.summary());
        assertEquals(first.added(), second.unchanged(), second.summary());
        assertEquals(-1L, Files.mismatch(session.model().file(), writeTemp(saved)), "the file is byte for byte the same");
    }

    @Test
    void storedSuggestionsSurviveReloadAndAreSuggested() throws Exception {
        storeAndSave();
        session.model().reload();
        Evidence migrants = evidence(session, "inclusion-of-migrants-and-refugees", "Malynovska");
        assertNotNull(migrants, "the migration-policy text is linked to Inclusion of Migrants and Refugees");
        assertEquals(EvidenceStatus.SUGGESTED, migrants.getStatus());
        assertTrue(migrants.getScore() >= LinkOptions.DEFAULT_THRESHOLD);
        assertTrue(migrants.getSnippet().contains("мігрант"), "the passage that speaks of it is kept: " + migrants.getSnippet());
        assertFalse(migrants.getSnippet().contains("<b>"), "as plain text, as the workbench keeps it: " + migrants.getSnippet());
        assertTrue(session.model().validate().getSeverity() < org.eclipse.emf.common.util.Diagnostic.ERROR,
                "the knowledge base stays valid: " + session.model().validate());
    }

    @Test
    void confirmedAndRejectedLinksSurviveARerun() throws Exception {
        LinkChanges first = storeAndSave();
        Evidence confirmed = evidence(session, "inclusion-of-migrants-and-refugees", "Malynovska");
        Evidence rejected = evidence(session, "cities-of-equality", "Kobyliatska");
        assertNotNull(confirmed);
        assertNotNull(rejected);
        var stack = session.model().editingDomain().getCommandStack();
        stack.execute(SetCommand.create(session.model().editingDomain(), confirmed, UrbanAgendaPackage.Literals.EVIDENCE__STATUS, EvidenceStatus.CONFIRMED));
        stack.execute(SetCommand.create(session.model().editingDomain(), confirmed, UrbanAgendaPackage.Literals.EVIDENCE__SCORE, 1.0));
        stack.execute(SetCommand.create(session.model().editingDomain(), rejected, UrbanAgendaPackage.Literals.EVIDENCE__STATUS, EvidenceStatus.REJECTED));
        session.model().save();
        int evidenceBefore = session.model().knowledgeBase().getEvidence().size();

        LinkChanges rerun = storeAndSave();
        assertEquals(first.keptConfirmed() + 1, rerun.keptConfirmed(), "the seeds' links and the one confirmed now: " + rerun.summary());
        assertEquals(first.keptRejected() + 1, rerun.keptRejected(), rerun.summary());
        assertEquals(0, rerun.added(), rerun.summary());
        session.model().reload();
        assertEquals(evidenceBefore, session.model().knowledgeBase().getEvidence().size(), "no duplicate evidence");
        assertEquals(EvidenceStatus.CONFIRMED, evidence(session, "inclusion-of-migrants-and-refugees", "Malynovska").getStatus());
        assertEquals(1.0, evidence(session, "inclusion-of-migrants-and-refugees", "Malynovska").getScore());
        assertEquals(EvidenceStatus.REJECTED, evidence(session, "cities-of-equality", "Kobyliatska").getStatus());
    }

    @Test
    void storingIsOneUndoableCommand() throws Exception {
        int documents = session.model().knowledgeBase().getDocuments().size();
        int evidence = session.model().knowledgeBase().getEvidence().size();
        LinkChanges changes = LinkChanges.plan(session.model().editingDomain(), session.model().knowledgeBase(), propose());
        session.model().editingDomain().getCommandStack().execute(changes.command());
        assertTrue(session.model().isDirty());
        assertFalse(session.model().knowledgeBase().getEvidence().size() == evidence);
        session.model().editingDomain().getCommandStack().undo();
        assertEquals(documents, session.model().knowledgeBase().getDocuments().size());
        assertEquals(evidence, session.model().knowledgeBase().getEvidence().size());
        assertFalse(session.model().isDirty());
    }

    private Path writeTemp(byte[] bytes) throws Exception {
        Path copy = data.resolve("before-rerun.xmi");
        Files.write(copy, bytes);
        return copy;
    }
}

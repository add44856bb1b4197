package eu.urbanagenda.kb.compare.tests;

import static eu.urbanagenda.kb.compare.tests.Versions.actor;
import static eu.urbanagenda.kb.compare.tests.Versions.edit;
import static eu.urbanagenda.kb.compare.tests.Versions.partnership;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.compare.ChangeDescription;
import eu.urbanagenda.kb.compare.ModelDiff;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.UrbanAgendaPackage.Literals;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;

/** What changed between two versions written to XMI files, object by object, and the same in words. */
class ModelDiffTest {

    @TempDir
    Path files;

    @Test
    void aVersionSavedAgainUnchangedHasNoChanges() {
        KnowledgeBase base = Versions.saved(Versions.bundled(), files, "a");
        assertTrue(ModelDiff.between(base, Versions.saved(Versions.copy(base), files, "b")).isEmpty());
    }

    @Test
    void changesAreSaidInWordsAndFoundPerObject() {
        KnowledgeBase before = Versions.saved(Versions.bundled(), files, "before");
        KnowledgeBase after = Versions.copy(before);
        edit(after, d -> KnowledgeBaseCommands.set(d, partnership(after, "digital-transition"), Literals.PARTNERSHIP__STATUS,
                PartnershipStatus.ACTIVE, "Set Status"));
        edit(after, d -> KnowledgeBaseCommands.addCoordinator(d, partnership(after, "digital-transition"), actor(after, "city-gdansk")));
        edit(after, d -> KnowledgeBaseCommands.setName(d, partnership(after, "digital-transition"), Language.BG, "Цифров преход"));
        edit(after, d -> KnowledgeBaseCommands.setName(d, partnership(after, "housing"), Language.UK, "Житло і доступність"));
        ModelDiff diff = ModelDiff.between(before, Versions.saved(after, files, "after"));

        List<String> digital = diff.describe(diff.changesOf("digital-transition")).stream().map(c -> c.line("digital-transition")).toList();
        assertEquals(3, digital.size(), digital.toString());
        assertTrue(digital.contains("Status: completed \u2192 active"), digital.toString());
        assertTrue(digital.stream().anyMatch(l -> l.startsWith("Coordinator") && l.contains("Gdańsk") && l.endsWith("added")), digital.toString());
        assertTrue(digital.stream().anyMatch(l -> l.startsWith("Name (bg) changed")), digital.toString());

        List<ChangeDescription> all = diff.describe();
        assertEquals(4, all.size(), all.toString());
        assertTrue(all.stream().anyMatch(c -> "housing".equals(c.subjectId()) && c.text().equals("Name (uk) changed")), all.toString());
        assertTrue(diff.changesOf("city-gdansk").size() == 1, "the actor's history shows its new participation");
    }

    @Test
    void aDeletedPartnershipIsOneRemoval() {
        KnowledgeBase before = Versions.saved(Versions.bundled(), files, "before");
        KnowledgeBase after = Versions.copy(before);
        edit(after, d -> KnowledgeBaseCommands.delete(d, partnership(after, "food")));
        ModelDiff diff = ModelDiff.between(before, Versions.saved(after, files, "after"));
        List<String> lines = diff.describe().stream().map(c -> c.line(null)).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("Food") && l.endsWith("removed")), lines.toString());
        assertTrue(lines.stream().filter(l -> l.contains("Food")).count() >= 1);
    }
}

package eu.urbanagenda.kb.git.tests;

import static eu.urbanagenda.kb.git.tests.Edits.nameOf;
import static eu.urbanagenda.kb.git.tests.Edits.partnership;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.compare.Conflict;
import eu.urbanagenda.kb.compare.Side;
import eu.urbanagenda.kb.git.SyncPlan;
import eu.urbanagenda.kb.git.SyncReport;
import eu.urbanagenda.kb.git.Version;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.PartnershipStatus;

/**
 * The scripted scenarios: two coordinators (three in one) with data directories of their own, sharing one bare
 * repository through a transport given by the subclass (file:// or git daemon).
 */
abstract class SharingScenarios {

    @TempDir
    Path root;

    Coordinator ana;
    Coordinator boris;
    String url;

    /** The address of the bare repository {@code root/shared.git} for the transport tested. */
    abstract String url(Path root) throws Exception;

    @BeforeEach
    void share() throws Exception {
        GitProcess.bare(root.resolve("shared.git"));
        url = url(root);
        ana = new Coordinator("Ana", root.resolve("ana"));
        boris = new Coordinator("Boris", root.resolve("boris"));
        assertEquals(SyncPlan.Kind.PUSH, ana.sync(url, null).plan().kind(), "the first copy starts the shared repository");
        assertEquals(SyncPlan.Kind.UP_TO_DATE, boris.sync(url, null).plan().kind());
    }

    @AfterEach
    void close() {
        ana.close();
        boris.close();
    }

    /** Both synchronize once more and have the same knowledge base, byte for byte, and the same latest version. */
    void assertShared(Coordinator... all) throws Exception {
        for (Coordinator c : all) {
            c.sync(url, null);
        }
        for (Coordinator c : all) {
            assertEquals(all[0].text(), c.text(), c.name + " has the shared knowledge base");
            assertEquals(all[0].session().history().head().id(), c.session().history().head().id());
            assertFalse(c.session().model().isDirty());
        }
    }

    @Test
    void editsOfDifferentPartnershipsMerge() throws Exception {
        ana.edit(Edits.status(ana, "digital-transition", PartnershipStatus.ACTIVE)).save();
        boris.edit(Edits.name(boris, "housing", Language.BG, "Жилищно настаняване")).save();
        assertEquals(SyncPlan.Kind.PUSH, ana.sync(url, null).plan().kind());
        SyncReport merged = boris.sync(url, null);
        assertEquals(SyncPlan.Kind.MERGE, merged.plan().kind());
        assertEquals(List.of("Partnership Digital Transition: Status: completed \u2192 active"),
                merged.taken().stream().map(c -> c.line(null)).toList());
        assertEquals(2, merged.sent(), "his version and the merge");
        assertEquals(SyncPlan.Kind.FAST_FORWARD, ana.sync(url, null).plan().kind());
        assertShared(ana, boris);
        assertEquals(PartnershipStatus.ACTIVE, ana.partnership("digital-transition").getStatus());
        assertEquals("Жилищно настаняване", nameOf(ana.partnership("housing"), Language.BG), "in her open session too");
        List<Version> versions = ana.session().history().versions("housing", 10, null);
        assertEquals("Boris", versions.get(0).author(), "she sees who changed it");
        assertEquals("Set Name", versions.get(0).subject());
    }

    @Test
    void differentFeaturesOfOnePartnershipMerge() throws Exception {
        ana.edit(Edits.status(ana, "digital-transition", PartnershipStatus.ACTIVE)).save();
        boris.edit(Edits.coordinator(boris, "digital-transition", "city-gdansk"))
                .edit(Edits.name(boris, "digital-transition", Language.BG, "Цифров преход")).save();
        ana.sync(url, null);
        boris.sync(url, null);
        assertShared(ana, boris);
        Partnership shared = ana.partnership("digital-transition");
        assertEquals(PartnershipStatus.ACTIVE, shared.getStatus());
        assertEquals("Цифров преход", nameOf(shared, Language.BG));
        assertTrue(shared.getParticipations().stream().anyMatch(p -> p.getActor().getId().equals("city-gdansk")));
    }

    @Test
    void theSameFeatureChangedTwoWaysStopsWithTheLocalKnowledgeBaseAsItWas() throws Exception {
        ana.edit(Edits.status(ana, "digital-transition", PartnershipStatus.ACTIVE)).save();
        boris.edit(Edits.status(boris, "digital-transition", PartnershipStatus.STARTING)).save();
        ana.sync(url, null);
        byte[] before = Files.readAllBytes(boris.session().model().file());
        String head = boris.session().history().head().id();

        SyncReport stopped = boris.sync(url, null);
        assertTrue(stopped.stopped());
        List<Conflict> conflicts = stopped.plan().merge().conflicts();
        assertEquals(1, conflicts.size());
        assertEquals("digital-transition", conflicts.get(0).subjectId());
        assertArrayEquals(before, Files.readAllBytes(boris.session().model().file()));
        assertEquals(head, boris.session().history().head().id());
        assertEquals(PartnershipStatus.STARTING, boris.partnership("digital-transition").getStatus());
        assertFalse(boris.session().model().isDirty());

        boris.sync(url, Side.THEIRS);
        assertShared(ana, boris);
        assertEquals(PartnershipStatus.ACTIVE, boris.partnership("digital-transition").getStatus());
    }

    @Test
    void aPartnershipDeletedOnOneSideAndEditedOnTheOtherIsAConflictNotALoss() throws Exception {
        ana.edit(Edits.delete(ana, "food")).save();
        boris.edit(Edits.status(boris, "food", PartnershipStatus.COMPLETED)).save();
        ana.sync(url, null);
        SyncReport stopped = boris.sync(url, null);
        assertTrue(stopped.stopped());
        assertEquals(Conflict.Kind.DELETED_THERE, stopped.plan().merge().conflicts().get(0).kind());
        boris.sync(url, Side.MINE);
        assertShared(ana, boris);
        assertEquals(PartnershipStatus.COMPLETED, ana.partnership("food").getStatus(), "his edit kept, the partnership back");
    }

    @Test
    void actionsAddedOnBothSidesAreBothKept() throws Exception {
        ana.edit(Edits.action(ana, "digital-transition", "Open data portal")).save();
        boris.edit(Edits.action(boris, "digital-transition", "Digital twins")).save();
        ana.sync(url, null);
        boris.sync(url, null);
        assertShared(ana, boris);
        List<String> actions = ana.partnership("digital-transition").getActions().stream().map(a -> a.getId()).toList();
        assertTrue(actions.contains("digital-transition-open-data-portal"), actions.toString());
        assertTrue(actions.contains("digital-transition-digital-twins"), actions.toString());
    }

    @Test
    void threeCoordinatorsInTurn() throws Exception {
        try (Coordinator cleo = new Coordinator("Cleo", root.resolve("cleo"))) {
            cleo.edit(Edits.status(cleo, "food", PartnershipStatus.COMPLETED)).save();
            assertEquals(SyncPlan.Kind.PUSH, cleo.sync(url, null).plan().kind());
            ana.edit(Edits.name(ana, "housing", Language.UK, "Житло")).save();
            boris.edit(Edits.coordinator(boris, "housing", "city-sofia")).save();
            ana.sync(url, null);
            boris.sync(url, null);
            cleo.edit(Edits.status(cleo, "housing", PartnershipStatus.ACTIVE)).save();
            cleo.sync(url, null);
            assertShared(ana, boris, cleo);
            Partnership housing = partnership(cleo.kb(), "housing");
            assertNotNull(housing);
            assertEquals("Житло", nameOf(housing, Language.UK));
            assertEquals(PartnershipStatus.ACTIVE, housing.getStatus());
            assertEquals(PartnershipStatus.COMPLETED, ana.partnership("food").getStatus());
            assertTrue(housing.getParticipations().stream().anyMatch(p -> p.getActor().getId().equals("city-sofia")));
        }
    }
}

package eu.urbanagenda.kb.viewmodel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.databinding.observable.Realm;
import org.eclipse.emf.common.command.CommandStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;
import eu.urbanagenda.kb.viewmodel.ModelValue;
import eu.urbanagenda.kb.viewmodel.PartnershipForm;

/** The partnership editor's form, driven without a display: every change a labelled command, undo shown at once. */
class PartnershipFormTest {

    /** The realm of a test: everything happens on the test's thread. */
    static final class ThisThread extends Realm {
        @Override
        public boolean isCurrent() {
            return true;
        }
    }

    @TempDir
    Path data;

    private KbSession session;
    private PartnershipForm form;
    private CommandStack stack;
    private Partnership digital;

    @BeforeEach
    void open() throws Exception {
        session = KbSession.open(data);
        digital = session.model().partnership("digital-transition").orElseThrow();
        form = new PartnershipForm(new ThisThread(), session.model().editingDomain(), digital);
        stack = session.model().editingDomain().getCommandStack();
    }

    @AfterEach
    void close() throws Exception {
        form.dispose();
        session.close();
    }

    @Test
    void aNameIsSetAsOneLabelledCommandAndUndoIsToldToTheField() {
        ModelValue<String> bulgarian = form.name(Language.BG);
        String original = bulgarian.getValue();
        List<String> seen = new ArrayList<>();
        bulgarian.addValueChangeListener(e -> seen.add(e.diff.getNewValue()));

        bulgarian.setValue("Цифрова трансформация");
        assertEquals(KnowledgeBaseCommands.label("setName"), stack.getUndoCommand().getLabel());
        assertTrue(session.model().isDirty());
        stack.undo();
        assertEquals(original, bulgarian.getValue());
        assertEquals(List.of("Цифрова трансформация", original), seen, "the field hears of the edit and of the undo");

        bulgarian.setValue(original);
        assertNull(stack.getUndoCommand(), "setting the value it has is no command");
    }

    @Test
    void aBlankNameRemovesItAndTheTranslatedFlagFollows() {
        ModelValue<Boolean> hasUkrainian = form.hasName(Language.UK);
        assertTrue(hasUkrainian.getValue());
        form.name(Language.UK).setValue("  ");
        assertEquals(KnowledgeBaseCommands.label("removeName"), stack.getUndoCommand().getLabel());
        assertFalse(hasUkrainian.getValue(), "no name: nothing to mark translated");
        stack.undo();
        assertTrue(hasUkrainian.getValue());
    }

    @Test
    void numbersAreCheckedBeforeTheyBecomeCommands() {
        assertNull(PartnershipForm.checkNumber("2024"));
        assertNull(PartnershipForm.checkNumber(""), "empty unsets the field");
        assertEquals("twenty", PartnershipForm.checkNumber(" twenty "));
        ModelValue<String> start = form.number(PartnershipForm.Number.START_YEAR, "Start year");
        start.setValue("2019");
        assertEquals(2019, digital.getStartYear());
        assertEquals(KnowledgeBaseCommands.label("set", "Start year"), stack.getUndoCommand().getLabel());
        start.setValue("");
        assertNull(digital.getStartYear());
    }

    @Test
    void statusCoordinatorsAndCountry() {
        ModelValue<PartnershipStatus> status = form.status();
        PartnershipStatus other = digital.getStatus() == PartnershipStatus.STARTING ? PartnershipStatus.ACTIVE : PartnershipStatus.STARTING;
        status.setValue(other);
        assertEquals(other, digital.getStatus());
        assertEquals(KnowledgeBaseCommands.label("setStatus"), stack.getUndoCommand().getLabel());

        ModelValue<List<Participation>> coordinators = form.coordinators();
        int before = coordinators.getValue().size();
        Actor newcomer = form.coordinatorCandidates().get(0);
        stack.execute(form.addCoordinators(List.of(newcomer)));
        assertEquals(before + 1, coordinators.getValue().size(), "the list follows the command");
        assertNull(form.addCoordinators(List.of(newcomer)), "a coordinator already: nothing to do");

        Participation added = coordinators.getValue().stream().filter(p -> p.getActor() == newcomer).findFirst().orElseThrow();
        stack.execute(form.removeCoordinators(List.of(added)));
        assertEquals(before, coordinators.getValue().size());

        String country = "BG".equals(newcomer.getCountry()) ? "ro" : " bg ";
        stack.execute(form.setCountry(newcomer, country));
        assertEquals(country.strip().toUpperCase(), newcomer.getCountry(), "upper case, without spaces");
        assertEquals(KnowledgeBaseCommands.label("setCountry"), stack.getUndoCommand().getLabel());
    }
}

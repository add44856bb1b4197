package eu.urbanagenda.kb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.git.Version;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.UrbanAgendaPackage.Literals;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;
import eu.urbanagenda.kb.ui.internal.PartnershipsPerspective;
import eu.urbanagenda.kb.ui.internal.history.HistoryView;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorView;
import eu.urbanagenda.kb.ui.testing.Screenshots;
import eu.urbanagenda.kb.ui.testing.UiWait;
import eu.urbanagenda.kb.ui.testing.Workbench;

/**
 * The History view follows the navigator's selection, lists the saves of the selected partnership with author and
 * message, says what a version changed in words, and takes a version's change back as one undoable command, asking
 * side by side when the same feature was changed again since.
 */
class HistoryViewTest {

    @AfterEach
    void cleanUp() {
        Workbench.discardChanges();
        Workbench.closeShells("Revert: changed again since");
    }

    @Test
    void historyOfTheSelectionInWordsAndRevertAsOneCommand() throws Exception {
        KbSession session = Workbench.session();
        session.history().setAuthor(new eu.urbanagenda.kb.git.Author("Ana Petrova", "ana@example.eu"));
        CommandStack stack = session.model().editingDomain().getCommandStack();
        Partnership food = session.model().partnership("food").orElseThrow();
        String bgName = food.getNames().stream().filter(n -> n.getLanguage() == Language.BG).findFirst().orElseThrow().getValue();
        stack.execute(KnowledgeBaseCommands.set(session.model().editingDomain(), food, Literals.PARTNERSHIP__STATUS,
                PartnershipStatus.COMPLETED, KnowledgeBaseCommands.label("setStatus")));
        session.model().save();
        stack.execute(KnowledgeBaseCommands.setName(session.model().editingDomain(), food, Language.BG, "Храна за градовете"));
        session.model().save();

        IWorkbenchPage page = Workbench.page();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(PartnershipsPerspective.ID));
        NavigatorView navigator = (NavigatorView) page.showView(NavigatorView.ID);
        HistoryView history = (HistoryView) page.showView(HistoryView.ID);
        assertTrue(UiWait.until(Workbench.display(), () -> navigator.reveal(food)), "the navigator shows the partnership");
        page.activate(navigator);
        assertTrue(UiWait.until(Workbench.display(), () -> history.getVersions().size() >= 3 && !history.isBusy()),
                "the saves of the partnership: " + history.getVersions());
        List<Version> versions = history.getVersions();
        assertEquals("Set Name", versions.get(0).subject());
        assertEquals("Ana Petrova", versions.get(0).author());
        assertEquals("Set Status", versions.get(1).subject());
        assertTrue(UiWait.until(Workbench.display(), () -> history.getChangeLines().equals(List.of("Name (bg) changed (" + bgName
                + " \u2192 Храна за градовете)"))), "the latest change in words: " + history.getChangeLines());

        // the status version: what it changed; then taken back as one command
        UiWait.idle(Workbench.display());
        history.getVersionViewer().setSelection(new StructuredSelection(versions.get(1)), true);
        assertTrue(UiWait.until(Workbench.display(), () -> history.getChangeLines().equals(List.of("Status: active \u2192 completed"))),
                "in words: " + history.getChangeLines());
        page.activate(history);
        page.setPartState(page.getReference(history), IWorkbenchPage.STATE_MAXIMIZED);
        UiWait.idle(Workbench.display());
        Screenshots.take(Workbench.window().getShell(), "history-view"); // docs/history-view.png is this one
        page.setPartState(page.getReference(history), IWorkbenchPage.STATE_RESTORED);
        history.revertSelected();
        assertEquals(PartnershipStatus.ACTIVE, food.getStatus(), "taken back");
        assertEquals("Храна за градовете", food.getNames().stream().filter(n -> n.getLanguage() == Language.BG).findFirst()
                .orElseThrow().getValue(), "the later change stays");
        stack.undo();
        assertEquals(PartnershipStatus.COMPLETED, food.getStatus(), "undone as one");
        stack.redo();

        // the name version, changed again since: side by side, theirs taken
        stack.execute(KnowledgeBaseCommands.setName(session.model().editingDomain(), food, Language.BG, "Храни и хранене"));
        session.model().save();
        assertTrue(UiWait.until(Workbench.display(), () -> !history.isBusy() && history.getVersions().size() >= 4));
        Version name = history.getVersions().stream().filter(v -> v.subject().equals("Set Name")).findFirst().orElseThrow();
        UiWait.idle(Workbench.display());
        history.getVersionViewer().setSelection(new StructuredSelection(name), true);
        assertTrue(UiWait.until(Workbench.display(), () -> !history.isBusy()));
        AtomicBoolean asked = Workbench.whenShellAppears("Revert: changed again since", shell -> {
            List<Button> sides = Workbench.find(shell, Button.class, b -> (b.getStyle() & SWT.RADIO) != 0);
            assertEquals(2, sides.size());
            Workbench.click(sides.get(1));
            Workbench.press(shell, "Take");
        });
        history.revertSelected();
        assertTrue(asked.get(), "the conflict was shown");
        assertEquals(bgName, food.getNames().stream().filter(n -> n.getLanguage() == Language.BG).findFirst().orElseThrow().getValue(),
                "the version before it taken");
        session.model().save();
        assertFalse(session.model().isDirty());
    }
}

package eu.urbanagenda.kb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.ui.KbCommands;
import eu.urbanagenda.kb.ui.internal.Messages;
import eu.urbanagenda.kb.ui.internal.PartnershipsPerspective;
import eu.urbanagenda.kb.ui.internal.editor.OverviewPage;
import eu.urbanagenda.kb.ui.internal.editor.PartnershipEditor;
import eu.urbanagenda.kb.ui.internal.editor.SourcesPage;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorView;
import eu.urbanagenda.kb.ui.search.internal.viewer.DocumentViewer;
import eu.urbanagenda.kb.ui.testing.Screenshots;
import eu.urbanagenda.kb.ui.testing.UiWait;
import eu.urbanagenda.kb.ui.testing.Workbench;

/**
 * The partnership editor on the real workbench and session: edit the Bulgarian name, undo, redo, save, reopen; the
 * prompt on close with unsaved changes (a real dialog, answered by pressing its buttons); the Sources page.
 */
class PartnershipEditorTest {

    private static final String ORIGINAL = "Дигитален преход";
    private static final String CHANGED = "Дигитален преход (партньорство)";

    private KbSession session;
    private IWorkbenchPage page;

    @BeforeEach
    void open() {
        session = Workbench.session();
        page = Workbench.page();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(PartnershipsPerspective.ID));
    }

    @AfterEach
    void cleanUp() throws Exception {
        page.closeAllEditors(false);
        Workbench.discardChanges();
        Partnership digital = digital();
        if (!ORIGINAL.equals(bulgarianName(digital))) {
            // a test saved its change: put the name back and save, so every test starts from the bundled facts
            session.model().editingDomain().getCommandStack().execute(
                    KnowledgeBaseCommands.setName(session.model().editingDomain(), digital, Language.BG, ORIGINAL));
            session.model().save();
        }
        UiWait.idle(Workbench.display());
    }

    private Partnership digital() {
        return session.model().partnership("digital-transition").orElseThrow();
    }

    private static String bulgarianName(Partnership partnership) {
        return Localized.find(partnership.getNames(), Language.BG).map(n -> n.getValue()).orElse(null);
    }

    /** Opens the partnership the way a user does: select it in the navigator, run Open Partnership. */
    private PartnershipEditor openFromNavigator() throws Exception {
        NavigatorView navigator = (NavigatorView) page.showView(NavigatorView.ID);
        // after a reload (Don't Save in an earlier test) the navigator hears of the new model through the event broker
        assertTrue(UiWait.until(Workbench.display(), UiWait.PATIENCE, () -> navigator.reveal(digital())),
                "the navigator shows the partnership");
        page.activate(navigator);
        assertTrue(Workbench.isEnabled(KbCommands.OPEN_PARTNERSHIP), "Open Partnership is enabled on a partnership");
        Workbench.execute(KbCommands.OPEN_PARTNERSHIP);
        IEditorPart editor = page.getActiveEditor();
        assertTrue(editor instanceof PartnershipEditor, "the partnership editor is open: " + editor);
        UiWait.idle(Workbench.display());
        return (PartnershipEditor) editor;
    }

    /** Types into a field and presses Enter. */
    private static void type(Text text, String value) {
        text.setFocus();
        text.setText(value);
        text.notifyListeners(SWT.DefaultSelection, new Event());
    }

    @Test
    void changeBulgarianNameUndoRedoSaveReopen() throws Exception {
        PartnershipEditor editor = openFromNavigator();
        OverviewPage overview = editor.getOverviewPage();
        Text bulgarian = overview.getNameText(Language.BG);
        assertEquals(ORIGINAL, bulgarian.getText());
        assertEquals("Digital Transition", overview.getNameText(Language.EN).getText());
        assertEquals("Цифровий перехід", overview.getNameText(Language.UK).getText());
        assertTrue(overview.getTranslatedButton(Language.UK).getSelection(), "the Ukrainian name is flagged as our translation");
        assertFalse(editor.isDirty());

        bulgarian.setFocus();
        bulgarian.setText(CHANGED);
        assertTrue(editor.isDirty(), "typing makes the editor dirty before the edit becomes a command");
        bulgarian.notifyListeners(SWT.DefaultSelection, new Event());
        assertEquals(CHANGED, bulgarianName(digital()));
        assertTrue(session.model().isDirty());
        assertEquals(KnowledgeBaseCommands.label("setName"), session.model().editingDomain().getCommandStack().getUndoCommand().getLabel());
        assertTrue(Workbench.isEnabled("org.eclipse.ui.edit.undo"));
        assertEquals("Undo Set Name", editMenuItem("Undo"), "the Edit menu names the command to undo");

        Workbench.execute("org.eclipse.ui.edit.undo");
        assertEquals(ORIGINAL, bulgarianName(digital()));
        assertEquals(ORIGINAL, bulgarian.getText(), "the form shows the undone value");
        assertFalse(editor.isDirty(), "back at the save point");
        assertTrue(Workbench.isEnabled("org.eclipse.ui.edit.redo"));

        Workbench.execute("org.eclipse.ui.edit.redo");
        assertEquals(CHANGED, bulgarianName(digital()));
        assertEquals(CHANGED, bulgarian.getText());
        assertTrue(editor.isDirty());

        // the keys, as typed: Ctrl+Z undoes, Ctrl+Y redoes
        page.activate(editor);
        editor.getOverviewPage().getCoordinatorsViewer().getControl().setFocus();
        press('z');
        assertTrue(UiWait.until(Workbench.display(), () -> ORIGINAL.equals(bulgarianName(digital()))), "Ctrl+Z undid");
        press('y');
        assertTrue(UiWait.until(Workbench.display(), () -> CHANGED.equals(bulgarianName(digital()))), "Ctrl+Y redid");

        page.activate(editor);
        Workbench.execute("org.eclipse.ui.file.save");
        assertFalse(editor.isDirty(), "saved");
        assertFalse(session.model().isDirty());
        KnowledgeBase onDisk = KnowledgeBaseFiles.load(session.model().file()).knowledgeBase();
        Partnership saved = onDisk.getPartnerships().stream().filter(p -> "digital-transition".equals(p.getId())).findFirst().orElseThrow();
        assertEquals(CHANGED, bulgarianName(saved), "the file holds the new name");
        assertTrue(Files.exists(KnowledgeBaseFiles.backupOf(session.model().file())), "the save is kept among the backups");

        assertTrue(page.closeEditor(editor, true));
        PartnershipEditor reopened = PartnershipEditor.open(page, digital());
        UiWait.idle(Workbench.display());
        assertEquals(CHANGED, reopened.getOverviewPage().getNameText(Language.BG).getText(), "reopened: the change is there");
        assertFalse(reopened.isDirty());
        reopened.getOverviewPage().getCoordinatorsViewer().setSelection(
                new StructuredSelection(reopened.getOverviewPage().getCoordinatorsViewer().getElementAt(0)));
        Screenshots.take(Workbench.window().getShell(), "partnership-editor");
    }

    /** Ctrl and a letter through the display's event queue (XTest under Xvfb), as the keyboard sends them. */
    private static void press(char key) {
        org.eclipse.swt.widgets.Display display = Workbench.display();
        // without a window manager the X server gives the keyboard to the window under the pointer
        Shell shell = Workbench.window().getShell();
        org.eclipse.swt.graphics.Rectangle bounds = shell.getBounds();
        Event move = new Event();
        move.type = SWT.MouseMove;
        move.x = bounds.x + bounds.width / 2;
        move.y = bounds.y + bounds.height / 2;
        display.post(move);
        shell.forceActive();
        UiWait.idle(display);
        Event event = new Event();
        event.type = SWT.KeyDown;
        event.keyCode = SWT.CTRL;
        display.post(event);
        event = new Event();
        event.type = SWT.KeyDown;
        event.character = key;
        event.keyCode = key;
        display.post(event);
        event = new Event();
        event.type = SWT.KeyUp;
        event.character = key;
        event.keyCode = key;
        display.post(event);
        event = new Event();
        event.type = SWT.KeyUp;
        event.keyCode = SWT.CTRL;
        display.post(event);
        UiWait.idle(display);
    }

    /** The text of the Edit menu item whose text starts with {@code prefix}, as the menu shows it (without the key). */
    private static String editMenuItem(String prefix) {
        Menu bar = Workbench.window().getShell().getMenuBar();
        for (MenuItem top : bar.getItems()) {
            if (top.getText().replace("&", "").equals("Edit")) {
                Menu menu = top.getMenu();
                menu.notifyListeners(SWT.Show, new Event());
                UiWait.idle(Workbench.display());
                try {
                    for (MenuItem item : menu.getItems()) {
                        String text = item.getText().replace("&", "");
                        int tab = text.indexOf('\t');
                        text = tab < 0 ? text : text.substring(0, tab);
                        if (text.startsWith(prefix)) {
                            return text;
                        }
                    }
                } finally {
                    menu.notifyListeners(SWT.Hide, new Event());
                }
            }
        }
        return null;
    }

    /** Answers the prompt that closing opens (a modal dialog: its own event loop runs this), after a screenshot. */
    private static void answerPrompt(String button, String screenshot, AtomicReference<String> message) {
        long until = System.currentTimeMillis() + 10_000;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            for (Shell shell : Workbench.display().getShells()) {
                if (shell.isVisible() && Messages.Editor_closePromptTitle.equals(shell.getText())) {
                    List<String> texts = new ArrayList<>();
                    Workbench.find(shell, org.eclipse.swt.widgets.Label.class, l -> true).forEach(l -> texts.add(l.getText()));
                    message.set(String.join(" ", texts));
                    if (screenshot != null) {
                        try {
                            Screenshots.take(Workbench.window().getShell(), screenshot);
                        } catch (Exception e) {
                            // the screenshot is a bonus here
                        }
                    }
                    Workbench.press(shell, button);
                    return;
                }
            }
            if (System.currentTimeMillis() < until) {
                Workbench.display().timerExec(100, poll[0]);
            }
        };
        Workbench.display().timerExec(100, poll[0]);
    }

    @Test
    void closingWithUnsavedChangesPrompts() throws Exception {
        // Don't Save: the editor closes and the change is thrown away
        PartnershipEditor editor = openFromNavigator();
        type(editor.getOverviewPage().getNameText(Language.BG), CHANGED);
        assertTrue(editor.isDirty());
        AtomicReference<String> message = new AtomicReference<>();
        answerPrompt(Messages.Prompt_dontSave, "close-prompt", message);
        assertTrue(page.closeEditor(editor, true), "the editor closed");
        assertNotNull(message.get(), "the prompt appeared");
        assertTrue(message.get().contains(session.model().file().toString()), "the prompt names the file: " + message.get());
        assertTrue(message.get().contains(KnowledgeBaseCommands.label("setName")), "the prompt names the change: " + message.get());
        assertFalse(session.model().isDirty(), "the change was discarded");
        assertEquals(ORIGINAL, bulgarianName(digital()));

        // Cancel: the editor stays open, the change stays
        editor = openFromNavigator();
        type(editor.getOverviewPage().getNameText(Language.BG), CHANGED);
        message.set(null);
        answerPrompt(Messages.Prompt_cancel, null, message);
        assertFalse(page.closeEditor(editor, true), "cancelled: the editor stays open");
        assertNotNull(message.get());
        assertSame(editor, page.getActiveEditor());
        assertEquals(CHANGED, bulgarianName(digital()));

        // Save: the editor closes and the file has the change
        message.set(null);
        answerPrompt(Messages.Prompt_save, null, message);
        assertTrue(page.closeEditor(editor, true));
        assertNotNull(message.get());
        assertFalse(session.model().isDirty());
        KnowledgeBase onDisk = KnowledgeBaseFiles.load(session.model().file()).knowledgeBase();
        assertEquals(CHANGED, bulgarianName(onDisk.getPartnerships().stream()
                .filter(p -> "digital-transition".equals(p.getId())).findFirst().orElseThrow()));
    }

    @Test
    void sourcesPageConfirmsRejectsAndOpens() throws Exception {
        PartnershipEditor editor = openFromNavigator();
        editor.setActivePage(SourcesPage.ID);
        UiWait.idle(Workbench.display());
        SourcesPage sources = editor.getSourcesPage();
        TableViewer evidence = sources.getEvidenceViewer();
        List<Evidence> expected = SourcesPage.evidenceOf(digital());
        assertEquals(4, expected.size(), "digital transition has four pieces of evidence in the bundled base");
        assertEquals(expected.size(), evidence.getTable().getItemCount());

        Evidence first = (Evidence) evidence.getElementAt(0);
        evidence.setSelection(new StructuredSelection(first), true);
        assertTrue(sources.getRejectButton().isEnabled());
        assertFalse(sources.getConfirmButton().isEnabled(), "it is confirmed already");
        Workbench.click(sources.getRejectButton());
        assertEquals(EvidenceStatus.REJECTED, first.getStatus());
        assertEquals(KnowledgeBaseCommands.label("rejectEvidence"), session.model().editingDomain().getCommandStack().getUndoCommand().getLabel());
        evidence.setSelection(new StructuredSelection(first), true);
        Workbench.click(sources.getConfirmButton());
        assertEquals(EvidenceStatus.CONFIRMED, first.getStatus());
        Workbench.execute("org.eclipse.ui.edit.undo");
        assertEquals(EvidenceStatus.REJECTED, first.getStatus());
        Workbench.execute("org.eclipse.ui.edit.undo");
        assertEquals(EvidenceStatus.CONFIRMED, first.getStatus());
        assertFalse(session.model().isDirty());

        Workbench.waitForIndexing();
        evidence.setSelection(new StructuredSelection(first), true);
        Screenshots.take(Workbench.window().getShell(), "partnership-sources");
        Workbench.click(sources.getOpenButton());
        assertTrue(UiWait.until(Workbench.display(), () -> page.getActiveEditor() instanceof DocumentViewer viewer && viewer.isLoaded()),
                "the document viewer opened the evidence's document");
        DocumentViewer viewer = (DocumentViewer) page.getActiveEditor();
        assertNotNull(viewer.getDocument(), "the document is in the index");
        assertEquals(first.getDocument().getChecksum(), viewer.getDocument().sha256());
    }
}

package eu.urbanagenda.kb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertySheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.ui.emf.KbLabelProvider;
import eu.urbanagenda.kb.ui.emf.KbPropertySourceProvider;
import eu.urbanagenda.kb.ui.internal.PartnershipsPerspective;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorView;
import eu.urbanagenda.kb.ui.internal.validation.ValidationView;
import eu.urbanagenda.kb.ui.testing.Screenshots;
import eu.urbanagenda.kb.ui.testing.UiWait;
import eu.urbanagenda.kb.ui.testing.Workbench;

/**
 * The Properties view shows any selected model object through the item providers; a change there is an undoable
 * command; saving refreshes the Validation view, whose double-click selects the offending object in the navigator.
 */
class ValidationAndPropertiesTest {

    @AfterEach
    void cleanUp() throws Exception {
        KbSession session = Workbench.session();
        while (session.model().editingDomain().getCommandStack().canUndo() && session.model().isDirty()) {
            session.model().editingDomain().getCommandStack().undo();
        }
        Workbench.discardChanges();
    }

    @Test
    void propertiesEditIsUndoableAndValidationFollowsTheSave() throws Exception {
        KbSession session = Workbench.session();
        IWorkbenchPage page = Workbench.page();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(PartnershipsPerspective.ID));
        NavigatorView navigator = (NavigatorView) page.showView(NavigatorView.ID);
        Partnership housing = session.model().partnership("housing").orElseThrow();
        ValidationView validation = (ValidationView) page.showView(ValidationView.ID);
        validation.validate();
        int before = validation.getProblems().size();
        assertTrue(navigator.reveal(housing));
        page.activate(navigator);

        // the Properties view shows the selected partnership's properties
        PropertySheet properties = (PropertySheet) page.showView(IPageLayout.ID_PROP_SHEET);
        page.activate(navigator);
        UiWait.idle(Workbench.display());
        Tree tree = (Tree) properties.getCurrentPage().getControl();
        assertTrue(UiWait.until(Workbench.display(), () -> tree.getItemCount() > 0), "the Properties view is filled");
        assertTrue(Arrays.stream(allItems(tree)).anyMatch(i -> i.getText(0).equals("Start Year")),
                "properties of the partnership: " + Arrays.toString(Arrays.stream(allItems(tree)).map(i -> i.getText(0)).toArray()));

        // a change through the property source is a command
        KbLabelProvider labels = new KbLabelProvider(session.model().adapterFactory());
        try {
            IPropertySource source = new KbPropertySourceProvider(session.model().editingDomain(), labels).getPropertySource(housing);
            IPropertyDescriptor startYear = Arrays.stream(source.getPropertyDescriptors())
                    .filter(d -> d.getDisplayName().equals("Start Year")).findFirst().orElseThrow();
            assertNotNull(startYear.createPropertyEditor(tree), "the start year is editable");
            Integer original = housing.getStartYear();
            source.setPropertyValue(startYear.getId(), 1999);
            assertEquals(1999, housing.getStartYear());
            assertTrue(UiWait.until(Workbench.display(), () -> navigator.getViewer().getTree().getSelection().length == 1
                    && navigator.getViewer().getTree().getSelection()[0].getText().contains("1999")),
                    "the navigator's label follows the model: " + navigator.getViewer().getTree().getSelection()[0].getText());
            assertEquals("Set Start Year", session.model().editingDomain().getCommandStack().getUndoCommand().getLabel());
            Workbench.execute("org.eclipse.ui.edit.undo");
            assertEquals(original, housing.getStartYear());
            Workbench.execute("org.eclipse.ui.edit.redo");
            assertEquals(1999, housing.getStartYear());
        } finally {
            labels.dispose();
        }

        // Save with a view active saves the knowledge base; the Validation view refreshes and lists the rule broken
        page.showView(ValidationView.ID);
        assertEquals(before, validation.getProblems().size(), "the Validation view waits for the save");
        page.activate(navigator);
        assertTrue(Workbench.isEnabled("org.eclipse.ui.file.save"), "Save is enabled in the navigator while dirty");
        Workbench.execute("org.eclipse.ui.file.save");
        assertFalse(session.model().isDirty());
        // the view hears of the save through the event broker, on the UI thread
        UiWait.until(Workbench.display(), () -> validation.getProblems().stream().anyMatch(p -> p.object() == housing));
        ValidationView.Problem problem = validation.getProblems().stream().filter(p -> p.object() == housing).findFirst()
                .orElse(null);
        assertNotNull(problem, "the validation lists the year out of range: " + validation.getProblems());
        assertTrue(problem.message().contains("YearsInRange"), problem.message());
        assertEquals(before + 1, validation.getProblems().size());
        validation.getViewer().setSelection(new StructuredSelection(problem), true);
        page.activate(validation);
        Screenshots.take(Workbench.window().getShell(), "validation");

        // double-click: the navigator selects the partnership
        navigator.getViewer().setSelection(StructuredSelection.EMPTY);
        validation.open(problem);
        assertSame(housing, navigator.getViewer().getStructuredSelection().getFirstElement());

        // put it back
        Workbench.execute("org.eclipse.ui.edit.undo");
        page.activate(navigator);
        Workbench.execute("org.eclipse.ui.file.save");
        assertTrue(UiWait.until(Workbench.display(), () -> validation.getProblems().size() == before),
                "the rule holds again after the save: " + validation.getProblems());
    }

    private static TreeItem[] allItems(Tree tree) {
        java.util.List<TreeItem> items = new java.util.ArrayList<>();
        for (TreeItem item : tree.getItems()) {
            items.add(item);
            item.setExpanded(true);
            items.addAll(Arrays.asList(item.getItems()));
        }
        return items.toArray(new TreeItem[0]);
    }
}

package eu.urbanagenda.kb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.ui.internal.PartnershipsPerspective;
import eu.urbanagenda.kb.ui.internal.navigator.GroupNode;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorView;
import eu.urbanagenda.kb.ui.internal.overview.OverviewView;
import eu.urbanagenda.kb.ui.internal.validation.ValidationView;
import eu.urbanagenda.kb.ui.testing.Screenshots;
import eu.urbanagenda.kb.ui.testing.UiWait;
import eu.urbanagenda.kb.ui.testing.Workbench;

/** The workbench comes up as a user sees it: title, the Partnerships perspective and its views, filled. */
class WorkbenchStartTest {

    @Test
    void partnershipsPerspectiveShowsTheKnowledgeBase() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "a workbench window is open");
        Shell shell = window.getShell();
        assertEquals("Urban Agenda Knowledge Base", shell.getText());

        IWorkbenchPage page = window.getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(PartnershipsPerspective.ID));
        assertEquals(PartnershipsPerspective.ID, page.getPerspective().getId());
        for (String id : new String[] { NavigatorView.ID, IPageLayout.ID_PROP_SHEET, ValidationView.ID, OverviewView.ID }) {
            assertNotNull(page.findView(id), "the perspective has view " + id);
        }

        KbSession session = Workbench.session();
        NavigatorView navigator = (NavigatorView) page.findView(NavigatorView.ID);
        TreeViewer tree = navigator.getViewer();
        assertTrue(UiWait.until(shell.getDisplay(), () -> tree.getTree().getItemCount() == 1), "the knowledge base is the root");
        TreeItem root = tree.getTree().getItem(0);
        assertEquals("Urban Agenda for the EU", root.getText().strip());
        int partnerships = 0;
        for (Object group : ((org.eclipse.jface.viewers.ITreeContentProvider) tree.getContentProvider()).getChildren(session.model().knowledgeBase())) {
            if (group instanceof GroupNode node) {
                partnerships += ((org.eclipse.jface.viewers.ITreeContentProvider) tree.getContentProvider()).getChildren(node).length;
            }
        }
        assertEquals(21, partnerships, "the 21 partnerships, grouped by generation");

        Partnership digital = session.model().partnership("digital-transition").orElseThrow();
        page.closeAllEditors(false);
        tree.collapseAll();
        tree.expandToLevel(2);
        tree.expandToLevel(digital, 2);
        tree.getTree().setTopItem(tree.getTree().getItem(0));
        tree.setSelection(new StructuredSelection(digital), true);
        IViewPart properties = page.showView(IPageLayout.ID_PROP_SHEET);
        page.activate(navigator);
        assertTrue(page.isPartVisible(properties));
        Workbench.waitForIndexing();
        OverviewView overview = (OverviewView) page.showView(OverviewView.ID);
        assertTrue(UiWait.until(shell.getDisplay(), () -> !overview.getYearsChart().getBars().isEmpty()),
                "the Overview counts the indexed documents per year");
        assertTrue(overview.getSourcesChart().getBars().stream().anyMatch(b -> b.label().equals("Digital Transition")),
                "the Overview charts the sources per partnership");
        page.activate(navigator);

        Path png = Screenshots.take(shell, "partnerships-perspective");
        ImageData data = new ImageData(Files.newInputStream(png));
        assertEquals(shell.getBounds().width, data.width);
    }
}

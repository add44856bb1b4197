package eu.urbanagenda.kb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.ui.internal.PartnershipsPerspective;
import eu.urbanagenda.kb.ui.internal.SourcesView;

/** The product's workbench comes up as a user sees it: title, perspective, the Sources view with the seeds. */
class WorkbenchStartTest {

    @Test
    void windowShowsTitlePerspectiveAndSourcesView() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "a workbench window is open");
        Shell shell = window.getShell();
        assertEquals("Urban Agenda Knowledge Base", shell.getText());

        IWorkbenchPage page = window.getActivePage();
        assertEquals(PartnershipsPerspective.ID, page.getPerspective().getId());

        IViewPart view = page.findView(SourcesView.ID);
        assertNotNull(view, "the Sources view is part of the perspective");
        assertTrue(page.isPartVisible(view), "the Sources view is visible");

        Table table = findTable(view);
        assertTrue(UiWait.until(shell.getDisplay(), 5000, () -> table.getItemCount() == 5),
                "the Sources view lists the five seed documents, has " + table.getItemCount());

        Path png = Screenshots.take(shell, "workbench");
        ImageData data = new ImageData(Files.newInputStream(png));
        assertEquals(shell.getBounds().width, data.width);
        assertTrue(data.height > 200, "the screenshot has the window's height");
    }

    private static Table findTable(IViewPart view) {
        Table table = view.getAdapter(Table.class);
        if (table != null) {
            return table;
        }
        return (Table) ((org.eclipse.jface.viewers.TableViewer) view.getSite().getSelectionProvider()).getControl();
    }
}

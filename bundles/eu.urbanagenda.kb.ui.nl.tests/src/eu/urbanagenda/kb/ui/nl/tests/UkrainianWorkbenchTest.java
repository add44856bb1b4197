package eu.urbanagenda.kb.ui.nl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.widgets.Section;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.ui.internal.PartnershipsPerspective;
import eu.urbanagenda.kb.ui.internal.editor.PartnershipEditor;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorView;
import eu.urbanagenda.kb.ui.testing.Screenshots;
import eu.urbanagenda.kb.ui.testing.UiWait;
import eu.urbanagenda.kb.ui.testing.Workbench;

/** Started with -nl uk, the workbench speaks Ukrainian: menus, views, the model's names, the editor. */
class UkrainianWorkbenchTest {

    @Test
    void theWorkbenchIsInUkrainian() throws Exception {
        assertEquals("uk", Platform.getNL().substring(0, 2), "-nl uk reached the platform");
        assertEquals("uk", Locale.getDefault().getLanguage(), "and the default locale");

        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Shell shell = window.getShell();
        Display display = shell.getDisplay();
        assertEquals("Urban Agenda Knowledge Base", shell.getText(), "the window title stays English, for scripts");
        List<String> menus = new ArrayList<>();
        for (MenuItem item : shell.getMenuBar().getItems()) {
            menus.add(item.getText().replace("&", ""));
        }
        assertEquals(List.of("Файл", "Редагування", "База знань", "Вікно", "Довідка"), menus);

        IWorkbenchPage page = window.getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(PartnershipsPerspective.ID));
        assertEquals("Партнерства", page.getPerspective().getLabel());
        NavigatorView navigator = (NavigatorView) page.showView(NavigatorView.ID);
        assertEquals("Партнерства", navigator.getPartName());
        assertTrue(navigator.getFilterText().getMessage().startsWith("Фільтр партнерств"), navigator.getFilterText().getMessage());

        KbSession session = Workbench.session();
        TreeViewer tree = navigator.getViewer();
        assertTrue(UiWait.until(display, () -> tree.getTree().getItemCount() == 1));
        assertEquals("Порядок денний ЄС для міст", tree.getTree().getItem(0).getText().strip(), "the model's Ukrainian name");

        Partnership digital = session.model().partnership("digital-transition").orElseThrow();
        assertTrue(UiWait.until(display, () -> navigator.reveal(digital)));
        assertTrue(tree.getTree().getSelection()[0].getText().startsWith("Цифровий перехід"), tree.getTree().getSelection()[0].getText());
        PartnershipEditor editor = PartnershipEditor.open(page, digital);
        UiWait.idle(display);
        assertEquals("Цифровий перехід", editor.getPartName());
        List<String> sections = new ArrayList<>();
        collectSections(editor.getOverviewPage().getManagedForm().getForm().getBody(), sections);
        assertTrue(sections.containsAll(List.of("Назви", "Статус і роки", "Координатори", "Дії")), sections.toString());

        Screenshots.take(shell, "workbench-uk");
        page.closeAllEditors(false);
    }

    private static void collectSections(org.eclipse.swt.widgets.Control control, List<String> into) {
        if (control instanceof Section section) {
            into.add(section.getText());
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
                collectSections(child, into);
            }
        }
    }
}

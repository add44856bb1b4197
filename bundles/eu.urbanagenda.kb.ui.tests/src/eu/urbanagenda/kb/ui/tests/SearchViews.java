package eu.urbanagenda.kb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.ui.search.internal.SearchPerspective;
import eu.urbanagenda.kb.ui.search.internal.view.SearchView;
import eu.urbanagenda.kb.ui.search.internal.viewer.ChooseFileDialog;
import eu.urbanagenda.kb.ui.testing.UiWait;
import eu.urbanagenda.kb.ui.testing.Workbench;

/**
 * What the tests of the Search perspective share: before each, the knowledge base open and indexed and the Search view
 * shown; after each, no editor or dialog left open, no unsaved change, an empty query.
 */
abstract class SearchViews {

    protected KbSession session;
    protected IWorkbenchPage page;
    protected SearchView view;

    @BeforeEach
    void openSearchPerspective() throws Exception {
        session = Workbench.session();
        Workbench.waitForIndexing();
        page = Workbench.page();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(SearchPerspective.ID));
        view = (SearchView) page.showView(SearchView.ID);
        UiWait.idle(Workbench.display());
    }

    @AfterEach
    void cleanUp() {
        Workbench.closeShells(ChooseFileDialog.title());
        page.closeAllEditors(false);
        Workbench.discardChanges();
        view.getQueryField().setText("");
        UiWait.idle(Workbench.display());
    }

    /** Types a query as a user does and waits for the view to show its answer. */
    protected void search(String query) {
        Combo field = view.getQueryField();
        field.setFocus();
        field.setText(query);
        assertTrue(UiWait.until(Workbench.display(), () -> view.isSettled()), "the search finished: " + query);
    }
}

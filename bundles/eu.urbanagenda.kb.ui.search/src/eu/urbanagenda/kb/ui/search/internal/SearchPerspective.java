package eu.urbanagenda.kb.ui.search.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import eu.urbanagenda.kb.ui.KbCommands;
import eu.urbanagenda.kb.ui.search.internal.view.SearchView;

/**
 * Searching the sources: the Search view on the left, documents open in the viewer beside it, and the partnerships
 * below the Search view, to drop hits on.
 */
public class SearchPerspective implements IPerspectiveFactory {

    public static final String ID = KbCommands.SEARCH_PERSPECTIVE;

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.addView(SearchView.ID, IPageLayout.LEFT, 0.56f, editorArea);
        layout.addView(KbCommands.NAVIGATOR_VIEW, IPageLayout.BOTTOM, 0.68f, SearchView.ID);
        layout.addShowViewShortcut(SearchView.ID);
        layout.addShowViewShortcut(KbCommands.NAVIGATOR_VIEW);
        layout.addPerspectiveShortcut(KbCommands.PARTNERSHIPS_PERSPECTIVE);
    }
}

package eu.urbanagenda.kb.ui.search.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import eu.urbanagenda.kb.ui.internal.PartnershipsPerspective;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorView;
import eu.urbanagenda.kb.ui.search.internal.view.SearchView;

/**
 * Searching the sources: the Search view on the left, documents open in the viewer beside it, and the partnerships
 * below the Search view, to drop hits on.
 */
public class SearchPerspective implements IPerspectiveFactory {

    public static final String ID = PartnershipsPerspective.SEARCH_ID;

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.addView(SearchView.ID, IPageLayout.LEFT, 0.56f, editorArea);
        layout.addView(NavigatorView.ID, IPageLayout.BOTTOM, 0.68f, SearchView.ID);
        layout.addShowViewShortcut(SearchView.ID);
        layout.addShowViewShortcut(NavigatorView.ID);
        layout.addPerspectiveShortcut(PartnershipsPerspective.ID);
    }
}

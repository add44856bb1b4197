package eu.urbanagenda.kb.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import eu.urbanagenda.kb.ui.KbCommands;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorView;
import eu.urbanagenda.kb.ui.internal.overview.OverviewView;
import eu.urbanagenda.kb.ui.internal.validation.ValidationView;

/**
 * Browsing and editing partnerships: the navigator on the left, editors in the middle, Properties and Validation
 * below them and the Overview charts beside those.
 */
public class PartnershipsPerspective implements IPerspectiveFactory {

    public static final String ID = KbCommands.PARTNERSHIPS_PERSPECTIVE;
    /** The Search perspective (contributed by eu.urbanagenda.kb.ui.search). */
    public static final String SEARCH_ID = KbCommands.SEARCH_PERSPECTIVE;

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.addView(NavigatorView.ID, IPageLayout.LEFT, 0.27f, editorArea);
        IFolderLayout bottom = layout.createFolder("eu.urbanagenda.kb.ui.folder.bottom", IPageLayout.BOTTOM, 0.64f, editorArea);
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        bottom.addView(ValidationView.ID);
        IFolderLayout charts = layout.createFolder("eu.urbanagenda.kb.ui.folder.charts", IPageLayout.RIGHT, 0.5f,
                "eu.urbanagenda.kb.ui.folder.bottom");
        charts.addView(OverviewView.ID);

        layout.addShowViewShortcut(NavigatorView.ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(ValidationView.ID);
        layout.addShowViewShortcut(OverviewView.ID);
        layout.addPerspectiveShortcut(SEARCH_ID);
    }
}

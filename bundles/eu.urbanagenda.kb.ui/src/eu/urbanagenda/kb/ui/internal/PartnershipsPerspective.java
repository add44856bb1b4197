package eu.urbanagenda.kb.ui.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Browsing and editing partnerships: the navigator on the left, editors in the middle. */
public class PartnershipsPerspective implements IPerspectiveFactory {

    public static final String ID = "eu.urbanagenda.kb.ui.perspective.partnerships";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.addView(SourcesView.ID, IPageLayout.LEFT, 0.3f, editorArea);
        layout.addShowViewShortcut(SourcesView.ID);
    }
}

package eu.urbanagenda.kb.ui.internal.editor;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.localization.Localized;

/**
 * A partnership of the shared knowledge base, by id (so an editor finds its partnership again after the knowledge
 * base is reloaded). Not persisted: editors are not reopened at start, which keeps the first window fast.
 */
public class PartnershipEditorInput implements IEditorInput {

    private final String partnershipId;
    private final String name;
    private final String toolTip;

    /** The input of a partnership's editor; its name and tool tip are the partnership's as the editor opens. */
    public PartnershipEditorInput(Partnership partnership) {
        this.partnershipId = Objects.requireNonNull(partnership.getId());
        this.name = Localized.name(partnership);
        String english = Localized.englishName(partnership);
        this.toolTip = english == null || english.equals(name) ? name : name + " (" + english + ")";
    }

    public String getPartnershipId() {
        return partnershipId;
    }

    /** The partnership in a session, or {@code null}. */
    public Partnership resolve(KbSession session) {
        return session == null ? null : session.model().partnership(partnershipId).orElse(null);
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return toolTip;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PartnershipEditorInput other && other.partnershipId.equals(partnershipId);
    }

    @Override
    public int hashCode() {
        return partnershipId.hashCode();
    }
}

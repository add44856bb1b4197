package eu.urbanagenda.kb.ui.internal.editor;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.KbUi;

/**
 * A partnership of the shared knowledge base, by id (so an editor finds its partnership again after the knowledge
 * base is reloaded). Not persisted: editors are not reopened at start, which keeps the first window fast.
 */
public class PartnershipEditorInput implements IEditorInput {

    private final String partnershipId;

    public PartnershipEditorInput(String partnershipId) {
        this.partnershipId = Objects.requireNonNull(partnershipId);
    }

    public String getPartnershipId() {
        return partnershipId;
    }

    /** The partnership in the open session, or {@code null}. */
    public Partnership resolve() {
        KbSession session = KbUi.session();
        return session == null ? null : session.partnership(partnershipId).orElse(null);
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
        Partnership partnership = resolve();
        return partnership == null ? partnershipId : Localized.name(partnership);
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        Partnership partnership = resolve();
        String english = partnership == null ? null : Localized.englishName(partnership);
        return english == null || english.equals(getName()) ? getName() : getName() + " (" + english + ")";
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

package eu.urbanagenda.kb.ui.internal.editor;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.KbEditorInput;

/**
 * A partnership of the shared knowledge base, by id (so an editor finds its partnership again after the knowledge
 * base is reloaded).
 */
public class PartnershipEditorInput extends KbEditorInput<String> {

    private final String name;
    private final String toolTip;

    /** The input of a partnership's editor; its name and tool tip are the partnership's as the editor opens. */
    public PartnershipEditorInput(Partnership partnership) {
        super(partnership.getId());
        this.name = Localized.name(partnership);
        String english = Localized.englishName(partnership);
        this.toolTip = english == null || english.equals(name) ? name : name + " (" + english + ")";
    }

    public String getPartnershipId() {
        return key();
    }

    /** The partnership in a session, or {@code null}. */
    public Partnership resolve(KbSession session) {
        return session == null ? null : session.model().partnership(key()).orElse(null);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getToolTipText() {
        return toolTip;
    }
}

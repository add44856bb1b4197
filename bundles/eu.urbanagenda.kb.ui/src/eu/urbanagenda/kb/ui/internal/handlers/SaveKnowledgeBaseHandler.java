package eu.urbanagenda.kb.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.ui.SaveSupport;
import eu.urbanagenda.kb.ui.SessionFollower;

/**
 * {@code org.eclipse.ui.file.save} while a view (navigator, Properties, Validation…) is active: saves the knowledge
 * base, so changes made in the Properties view can be saved without an editor. In an editor the platform's handler
 * saves through the editor.
 */
public class SaveKnowledgeBaseHandler extends AbstractHandler implements SessionFollower.Listener {

    private final SessionFollower follower = new SessionFollower(PlatformUI.getWorkbench(), this);

    public SaveKnowledgeBaseHandler() {
        update();
    }

    @Override
    public void changedOrSaved(KbSession session) {
        update();
    }

    @Override
    public void commandStackChanged() {
        update();
    }

    private void update() {
        setBaseEnabled(follower.isDirty());
    }

    @Override
    public Object execute(ExecutionEvent event) {
        SaveSupport.save(HandlerUtil.getActiveShell(event), follower.session());
        update();
        return null;
    }

    @Override
    public void dispose() {
        follower.dispose();
        super.dispose();
    }
}

package eu.urbanagenda.kb.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.ui.KbUi;
import eu.urbanagenda.kb.ui.internal.CommandStackFollower;

/**
 * {@code org.eclipse.ui.file.save} while a view (navigator, Properties, Validation…) is active: saves the knowledge
 * base, so changes made in the Properties view can be saved without an editor. In an editor the platform's handler
 * saves through the editor.
 */
public class SaveKnowledgeBaseHandler extends AbstractHandler implements KbUi.Listener {

    private final CommandStackFollower stackFollower = new CommandStackFollower(event -> update());

    public SaveKnowledgeBaseHandler() {
        KbUi.addListener(this);
        sessionChanged(KbUi.session());
    }

    @Override
    public void sessionChanged(KbSession session) {
        stackFollower.follow(session);
        update();
    }

    @Override
    public void saved(KbSession session) {
        update();
    }

    private void update() {
        setBaseEnabled(KbUi.isDirty());
    }

    @Override
    public Object execute(ExecutionEvent event) {
        KbUi.save(HandlerUtil.getActiveShell(event));
        update();
        return null;
    }

    @Override
    public void dispose() {
        KbUi.removeListener(this);
        stackFollower.dispose();
        super.dispose();
    }
}

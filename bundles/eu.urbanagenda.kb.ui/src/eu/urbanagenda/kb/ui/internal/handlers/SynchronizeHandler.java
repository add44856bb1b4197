package eu.urbanagenda.kb.ui.internal.handlers;

import java.io.IOException;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.ui.ErrorMessages;
import eu.urbanagenda.kb.ui.SaveSupport;
import eu.urbanagenda.kb.ui.SessionFollower;
import eu.urbanagenda.kb.ui.internal.Messages;
import eu.urbanagenda.kb.ui.internal.history.SynchronizeJob;

/**
 * Knowledge Base > Synchronize: unsaved changes are saved first (with the user's say), the shared repository is asked
 * for the first time, then {@link SynchronizeJob} runs.
 */
public class SynchronizeHandler extends AbstractHandler implements SessionFollower.Listener {

    private final SessionFollower follower = new SessionFollower(PlatformUI.getWorkbench(), this);

    public SynchronizeHandler() {
        setBaseEnabled(follower.session() != null);
    }

    @Override
    public void sessionChanged(KbSession session) {
        setBaseEnabled(session != null);
    }

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        KbSession session = follower.session();
        if (session == null || !SaveSupport.promptToSave(shell, session, Messages.Sync_saveFirst)) {
            return null;
        }
        String url = null;
        try {
            if (session.history().remoteUrl().isEmpty()) {
                InputDialog ask = new InputDialog(shell, Messages.Sync_title, Messages.Sync_askRemote, "",
                        text -> text == null || text.isBlank() ? Messages.Sync_noRemote : null);
                if (ask.open() != Window.OK) {
                    return null;
                }
                url = ask.getValue().strip();
            }
        } catch (IOException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(shell, Messages.Sync_title, ErrorMessages.describe(e));
            return null;
        }
        new SynchronizeJob(session, url, shell).schedule();
        return null;
    }

    @Override
    public void dispose() {
        follower.dispose();
        super.dispose();
    }
}

package eu.urbanagenda.kb.ui;

import java.io.IOException;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import eu.urbanagenda.kb.core.KbModel;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.ui.internal.Messages;

/** Saving and discarding the knowledge base's changes the way every view and editor does it, with the user's say. */
public final class SaveSupport {

    private SaveSupport() {
    }

    /** Saves (atomically, through the model); shows a message and returns false when it cannot be saved. */
    public static boolean save(Shell shell, KbSession session) {
        if (session == null) {
            return false;
        }
        try {
            session.model().save();
            return true;
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(shell, Messages.Save_failedTitle,
                    NLS.bind(Messages.Save_failed, session.model().file(), ErrorMessages.describe(e)));
            return false;
        }
    }

    /**
     * Throws away unsaved changes: undoes back to the last save (objects keep their identity, so open editors stay),
     * or loads the file again when the commands cannot be undone.
     *
     * @return false when the file could not be loaded again (the message says why)
     */
    public static boolean discardChanges(Shell shell, KbSession session) {
        if (session == null || !session.model().isDirty()) {
            return true;
        }
        KbModel model = session.model();
        CommandStack stack = model.editingDomain().getCommandStack();
        while (model.isDirty() && stack.canUndo()) {
            stack.undo();
        }
        if (model.isDirty()) {
            try {
                model.reload();
                ((BasicCommandStack) stack).saveIsDone();
            } catch (IOException e) {
                MessageDialog.openError(shell, Messages.Error_openTitle, ErrorMessages.describe(e));
                return false;
            }
        }
        return true;
    }

    /**
     * Asks whether to save unsaved changes (Save / Don't Save / Cancel) and does what the user chose.
     *
     * @param question the question, with {0} for the knowledge-base file
     * @return false when the user cancelled or saving failed
     */
    public static boolean promptToSave(Shell shell, KbSession session, String question) {
        if (session == null || !session.model().isDirty()) {
            return true;
        }
        MessageDialog dialog = new MessageDialog(shell, Messages.Prompt_saveTitle, null,
                NLS.bind(question, session.model().file()), MessageDialog.QUESTION,
                new String[] { Messages.Prompt_save, Messages.Prompt_dontSave, Messages.Prompt_cancel }, 0);
        return switch (dialog.open()) {
        case 0 -> save(shell, session);
        case 1 -> discardChanges(shell, session);
        default -> false;
        };
    }
}

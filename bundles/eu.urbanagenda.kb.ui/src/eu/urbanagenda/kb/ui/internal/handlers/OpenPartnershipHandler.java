package eu.urbanagenda.kb.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.ui.KbCommands;
import eu.urbanagenda.kb.ui.internal.editor.PartnershipEditor;

/** Opens the selected partnerships (or the partnerships of selected coordinators, actions…) in the editor. */
public class OpenPartnershipHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        ISelection selection = HandlerUtil.getCurrentSelection(event);
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        if (!(selection instanceof IStructuredSelection structured) || page == null) {
            return null;
        }
        for (Object element : structured) {
            Partnership partnership = KbCommands.partnershipOf(element);
            if (partnership != null) {
                try {
                    PartnershipEditor.open(page, partnership);
                } catch (PartInitException e) {
                    throw new ExecutionException(e.getMessage(), e);
                }
            }
        }
        return null;
    }
}

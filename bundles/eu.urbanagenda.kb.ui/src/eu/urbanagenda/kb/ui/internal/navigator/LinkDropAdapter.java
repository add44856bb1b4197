package eu.urbanagenda.kb.ui.internal.navigator;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerDropAdapter;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.TransferData;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.model.Action;
import eu.urbanagenda.kb.model.EvidenceTarget;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.ui.KbUi;
import eu.urbanagenda.kb.ui.edit.KbEdits;

/**
 * Search results dropped on a partnership (or one of its actions) become confirmed evidence of it, with the document
 * added to the knowledge base when it is new: one undoable command ({@link KbEdits#linkDocuments}).
 */
public class LinkDropAdapter extends ViewerDropAdapter {

    public LinkDropAdapter(Viewer viewer) {
        super(viewer);
        setFeedbackEnabled(false);
        setSelectionFeedbackEnabled(true);
    }

    @Override
    public boolean validateDrop(Object target, int operation, TransferData transferType) {
        if (!LocalSelectionTransfer.getTransfer().isSupportedType(transferType)) {
            return false;
        }
        if (!(target instanceof Partnership || target instanceof Action)) {
            return false;
        }
        ISelection selection = LocalSelectionTransfer.getTransfer().getSelection();
        if (!hits(selection).isEmpty()) {
            overrideOperation(DND.DROP_LINK);
            return true;
        }
        return false;
    }

    @Override
    public boolean performDrop(Object data) {
        Object target = getCurrentTarget();
        List<SearchHit> hits = hits(data instanceof ISelection s ? s : LocalSelectionTransfer.getTransfer().getSelection());
        return link(hits, target);
    }

    /** Links the hits to the target partnership or action; false when there was nothing to link. */
    public static boolean link(List<SearchHit> hits, Object target) {
        KbSession session = KbUi.session();
        if (session == null || hits.isEmpty() || !(target instanceof EvidenceTarget evidenceTarget)) {
            return false;
        }
        Command command = KbEdits.linkDocuments(session.editingDomain(), session.knowledgeBase(), hits, evidenceTarget);
        if (command == null) {
            return false;
        }
        session.editingDomain().getCommandStack().execute(command);
        return true;
    }

    static List<SearchHit> hits(ISelection selection) {
        List<SearchHit> hits = new ArrayList<>();
        if (selection instanceof IStructuredSelection structured) {
            for (Object element : structured) {
                if (element instanceof SearchHit hit) {
                    hits.add(hit);
                }
            }
        }
        return hits;
    }
}

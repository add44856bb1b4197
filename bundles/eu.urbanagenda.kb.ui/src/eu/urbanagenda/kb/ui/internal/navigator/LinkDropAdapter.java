package eu.urbanagenda.kb.ui.internal.navigator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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
import eu.urbanagenda.kb.link.EvidenceEdits;

/**
 * Search results dropped on a partnership (or one of its actions) become confirmed evidence of it, with the document
 * added to the knowledge base when it is new: one undoable command ({@link EvidenceEdits#linkDocuments}).
 */
public class LinkDropAdapter extends ViewerDropAdapter {

    private final Supplier<KbSession> session;

    /**
     * @param session the open session, or {@code null} while none is open
     */
    public LinkDropAdapter(Viewer viewer, Supplier<KbSession> session) {
        super(viewer);
        this.session = session;
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
        return link(session.get(), hits, target);
    }

    /** Links the hits to the target partnership or action; false when there was nothing to link. */
    public static boolean link(KbSession session, List<SearchHit> hits, Object target) {
        if (session == null || hits.isEmpty() || !(target instanceof EvidenceTarget evidenceTarget)) {
            return false;
        }
        Command command = EvidenceEdits.linkDocuments(session.model().editingDomain(), session.model().knowledgeBase(), hits, evidenceTarget);
        if (command == null) {
            return false;
        }
        session.model().editingDomain().getCommandStack().execute(command);
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

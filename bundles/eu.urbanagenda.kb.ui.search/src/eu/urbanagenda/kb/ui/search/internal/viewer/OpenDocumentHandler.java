package eu.urbanagenda.kb.ui.search.internal.viewer;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.ui.KbCommands;

/**
 * Opens a document in the viewer: the file given as parameter (with the query to highlight), else the selected search
 * hit (a document in several files asks which one), source document or evidence.
 */
public class OpenDocumentHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        String path = event.getParameter(KbCommands.OPEN_DOCUMENT_PATH);
        String query = event.getParameter(KbCommands.OPEN_DOCUMENT_QUERY);
        Path file = path == null ? null : Path.of(path);
        try {
            if (file == null && page != null) {
                ISelection selection = HandlerUtil.getCurrentSelection(event);
                Object element = selection instanceof IStructuredSelection structured ? structured.getFirstElement() : null;
                if (element instanceof Evidence evidence) {
                    element = evidence.getDocument();
                }
                if (element instanceof SearchHit hit) {
                    openHit(page, HandlerUtil.getActiveShellChecked(event), hit, query);
                    return null;
                } else if (element instanceof SourceDocument document) {
                    file = KbCommands.fileOf(document);
                }
            }
            if (file == null || page == null) {
                return null;
            }
            open(page, file, query);
        } catch (PartInitException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return null;
    }

    /**
     * Opens a search hit: its file, or when the document is in several files, the one the user chooses (an archive's
     * member too: the viewer shows the text the index holds).
     *
     * @return the viewer, or {@code null} when the choice was cancelled
     */
    public static DocumentViewer openHit(IWorkbenchPage page, Shell shell, SearchHit hit, String query)
            throws PartInitException {
        Path file = hit.path();
        if (!hit.copies().isEmpty()) {
            ChooseFileDialog dialog = new ChooseFileDialog(shell, hit);
            if (dialog.open() != Window.OK || dialog.chosen() == null) {
                return null;
            }
            file = dialog.chosen();
        }
        return open(page, file, query);
    }

    /** Opens (or shows, with the new query's matches) the viewer of a document. */
    public static DocumentViewer open(IWorkbenchPage page, Path file, String query) throws PartInitException {
        DocumentEditorInput input = new DocumentEditorInput(file, query);
        IEditorPart existing = page.findEditor(input);
        if (existing instanceof DocumentViewer viewer) {
            page.activate(viewer);
            if (!input.getQuery().equals(((DocumentEditorInput) viewer.getEditorInput()).getQuery())) {
                viewer.setQuery(input.getQuery());
            }
            return viewer;
        }
        return (DocumentViewer) page.openEditor(input, DocumentViewer.ID);
    }
}

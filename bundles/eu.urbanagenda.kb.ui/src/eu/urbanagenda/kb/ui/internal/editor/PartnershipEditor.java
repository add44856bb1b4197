package eu.urbanagenda.kb.ui.internal.editor;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.ISaveablePart2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.eclipse.ui.views.properties.PropertySheetPage;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.SaveSupport;
import eu.urbanagenda.kb.ui.SessionFollower;
import eu.urbanagenda.kb.ui.emf.KbLabelProvider;
import eu.urbanagenda.kb.ui.emf.KbPropertySourceProvider;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * The partnership editor (Eclipse Forms): an Overview page (names in English, Bulgarian and Ukrainian with the
 * translation flag, status, generation, years, coordinators, actions) and a Sources page (linked documents and the
 * evidence snippets, to confirm or reject). Every change is a command on the shared editing domain (Edit > Undo /
 * Redo); the editor is dirty while the knowledge base has unsaved changes, and Save writes the knowledge base file.
 * Closing the last partnership editor with unsaved changes asks whether to save them.
 */
public class PartnershipEditor extends FormEditor implements ISaveablePart2, SessionFollower.Listener {

    public static final String ID = "eu.urbanagenda.kb.ui.editors.partnership";

    private KbSession session;
    private Partnership partnership;
    private KbLabelProvider labels;
    private OverviewPage overview;
    private SourcesPage sources;
    private CommandStack stack;
    private SessionFollower follower;

    /** Opens (or activates) the editor of a partnership. */
    public static PartnershipEditor open(IWorkbenchPage page, Partnership partnership) throws PartInitException {
        IEditorPart editor = page.openEditor(new PartnershipEditorInput(partnership), ID);
        return editor instanceof PartnershipEditor partnershipEditor ? partnershipEditor : null;
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof PartnershipEditorInput partnershipInput)) {
            throw new PartInitException(NLS.bind(Messages.Editor_wrongInput, input.getName()));
        }
        follower = new SessionFollower(site, this);
        session = follower.session();
        if (session == null) {
            follower.dispose();
            throw new PartInitException(follower.problem().orElse(Messages.Editor_noSession));
        }
        partnership = partnershipInput.resolve(session);
        if (partnership == null) {
            throw new PartInitException(NLS.bind(Messages.Editor_noPartnership, partnershipInput.getPartnershipId()));
        }
        super.init(site, input);
        labels = new KbLabelProvider(session.model().adapterFactory());
        stack = session.model().editingDomain().getCommandStack();
        updateTitle();
    }

    @Override
    protected void addPages() {
        try {
            overview = new OverviewPage(this);
            sources = new SourcesPage(this);
            addPage(overview);
            addPage(sources);
        } catch (PartInitException e) {
            throw new IllegalStateException(e);
        }
    }

    public KbSession getSession() {
        return session;
    }

    public Partnership getPartnership() {
        return partnership;
    }

    KbLabelProvider labels() {
        return labels;
    }

    public OverviewPage getOverviewPage() {
        return overview;
    }

    public SourcesPage getSourcesPage() {
        return sources;
    }

    /** Executes a command on the shared stack; {@code null} (nothing to change) is ignored. */
    void execute(Command command) {
        if (command != null) {
            stack.execute(command);
        }
    }

    @Override
    public void commandStackChanged() {
        modelChanged();
    }

    private void modelChanged() {
        if (!KnowledgeBaseCommands.isAlive(partnership, session.model().knowledgeBase())) {
            closeLater();
            return;
        }
        updateTitle();
        if (overview != null) {
            overview.refreshLabels();
        }
        if (sources != null) {
            sources.refresh();
        }
        firePropertyChange(org.eclipse.ui.IEditorPart.PROP_DIRTY);
    }

    private void updateTitle() {
        setPartName(Localized.name(partnership));
        String english = Localized.englishName(partnership);
        setTitleToolTip(english == null || english.equals(getPartName()) ? getPartName() : getPartName() + " (" + english + ")");
    }

    @Override
    public void sessionChanged(KbSession newSession) {
        if (newSession == null) {
            closeLater();
            return;
        }
        Partnership resolved = ((PartnershipEditorInput) getEditorInput()).resolve(newSession);
        if (newSession != session || resolved == null) {
            closeLater();
        } else if (resolved != partnership) {
            partnership = resolved;
            modelChanged();
        }
    }

    @Override
    public void saved(KbSession saved) {
        firePropertyChange(org.eclipse.ui.IEditorPart.PROP_DIRTY);
    }

    private void closeLater() {
        Display.getDefault().asyncExec(() -> {
            if (getSite() != null && getSite().getPage() != null) {
                getSite().getPage().closeEditor(this, false);
            }
        });
    }

    @Override
    public boolean isDirty() {
        return session != null && session.model().isDirty() || overview != null && overview.hasPendingEdits();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (overview != null) {
            overview.commitPendingEdits();
        }
        SaveSupport.save(getSite().getShell(), session);
        firePropertyChange(org.eclipse.ui.IEditorPart.PROP_DIRTY);
    }

    @Override
    public void doSaveAs() {
        // one knowledge base file per data directory: there is nothing to save "as"
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    /**
     * Asked by the workbench before closing while dirty. The knowledge base is shared: while another partnership
     * editor is open, its changes stay there (no question); the last one asks Save / Don't Save (discard) / Cancel.
     */
    @Override
    public int promptToSaveOnClose() {
        if (otherEditorsOpen()) {
            if (overview != null) {
                overview.commitPendingEdits();
            }
            return NO;
        }
        Command last = stack.getUndoCommand();
        String message = last == null || last.getLabel() == null
                ? NLS.bind(Messages.Editor_closePrompt, session.model().file())
                : NLS.bind(Messages.Editor_closePromptLast, session.model().file(), last.getLabel());
        MessageDialog dialog = new MessageDialog(getSite().getShell(), Messages.Editor_closePromptTitle, null, message,
                MessageDialog.QUESTION, new String[] { Messages.Prompt_save, Messages.Prompt_dontSave, Messages.Prompt_cancel }, 0);
        switch (dialog.open()) {
        case 0:
            return YES;
        case 1:
            if (overview != null) {
                overview.discardPendingEdits();
            }
            SaveSupport.discardChanges(getSite().getShell(), session);
            return NO;
        default:
            return CANCEL;
        }
    }

    private boolean otherEditorsOpen() {
        for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorReference reference : page.getEditorReferences()) {
                    if (ID.equals(reference.getId()) && reference.getEditor(false) != this) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IPropertySheetPage.class) {
            PropertySheetPage page = new PropertySheetPage();
            page.setPropertySourceProvider(new KbPropertySourceProvider(session.model().editingDomain(), labels));
            return adapter.cast(page);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void dispose() {
        if (follower != null) {
            follower.dispose();
        }
        super.dispose();
        if (labels != null) {
            labels.dispose();
        }
    }
}

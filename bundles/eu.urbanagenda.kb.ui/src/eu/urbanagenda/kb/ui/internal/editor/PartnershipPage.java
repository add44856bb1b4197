package eu.urbanagenda.kb.ui.internal.editor;

import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;

import eu.urbanagenda.kb.ui.PartResources;

/**
 * A page of the {@link PartnershipEditor}: a form whose viewers make the editor's selection; what it holds is released
 * with it.
 */
abstract class PartnershipPage extends FormPage {

    protected final PartnershipEditor editor;
    /** Released in {@link #dispose()}. */
    protected final PartResources resources = new PartResources();

    PartnershipPage(PartnershipEditor editor, String id, String title) {
        super(editor, id, title);
        this.editor = editor;
    }

    /**
     * Fills the page below a heading in the form's style.
     *
     * @param selection the viewers added to it make the editor's selection (for the Properties view)
     */
    protected abstract void createContent(FormToolkit toolkit, ScrolledForm form, SelectionMediator selection);

    @Override
    protected final void createFormContent(IManagedForm managed) {
        managed.getToolkit().decorateFormHeading(managed.getForm().getForm());
        SelectionMediator selection = new SelectionMediator(editor::getPartnership);
        createContent(managed.getToolkit(), managed.getForm(), selection);
        getSite().setSelectionProvider(selection);
    }

    @Override
    public void dispose() {
        resources.dispose(super::dispose);
    }
}

package eu.urbanagenda.kb.ui.internal.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.ExpandableComposite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;

import eu.urbanagenda.kb.link.LinkOptions;
import eu.urbanagenda.kb.model.Action;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseLabels;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.KbCommands;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * The partnership's sources: the evidence whose target is the partnership or one of its actions, with status, score,
 * document, language and snippet; Confirm and Reject set the status (commands, undoable), Open shows the document.
 */
public class SourcesPage extends FormPage {

    public static final String ID = "eu.urbanagenda.kb.ui.editors.partnership.sources";

    private final PartnershipEditor editor;
    private TableViewer evidence;
    private Button confirm;
    private Button reject;
    private Button open;
    private Label summary;
    private IManagedForm managedForm;

    public SourcesPage(PartnershipEditor editor) {
        super(editor, ID, Messages.Editor_sourcesPage);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm form) {
        managedForm = form;
        FormToolkit toolkit = form.getToolkit();
        ScrolledForm scrolled = form.getForm();
        toolkit.decorateFormHeading(scrolled.getForm());
        Composite body = scrolled.getBody();
        GridLayoutFactory.fillDefaults().margins(10, 10).applyTo(body);

        Section section = toolkit.createSection(body, ExpandableComposite.TITLE_BAR | Section.DESCRIPTION);
        section.setText(Messages.Editor_evidence);
        section.setDescription(NLS.bind(Messages.Editor_threshold,
                String.format(Locale.ROOT, "%.2f", LinkOptions.DEFAULT_THRESHOLD)));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(section);
        Composite client = toolkit.createComposite(section);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(client);

        Table table = toolkit.createTable(client, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(400, 300).span(1, 4).applyTo(table);
        evidence = new TableViewer(table);
        evidence.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Editor_evidenceStatus, 95, e -> KnowledgeBaseLabels.literal(e.getStatus()), e -> editor.labels().getImage(e));
        column(Messages.Editor_score, 55, e -> String.format(Locale.ROOT, "%.2f", e.getScore()), null);
        column(Messages.Editor_document, 260, e -> e.getDocument() == null ? "?" : editor.labels().getText(e.getDocument()), null);
        column(Messages.Editor_language, 60,
                e -> e.getDocument() == null || !e.getDocument().isSetLanguage() ? "" : e.getDocument().getLanguage().getLiteral(), null);
        column(Messages.Editor_linkedTo, 150, e -> e.getTarget() == null ? "" : Localized.name(e.getTarget()), null);
        column(Messages.Editor_snippet, 520, e -> e.getSnippet() == null ? "" : e.getSnippet(), null);
        evidence.addDoubleClickListener(e -> openSelected());

        confirm = toolkit.createButton(client, Messages.Editor_confirm, SWT.PUSH);
        confirm.setToolTipText(Messages.Editor_confirmTooltip);
        GridDataFactory.fillDefaults().applyTo(confirm);
        confirm.addListener(SWT.Selection, e -> setStatus(EvidenceStatus.CONFIRMED));
        reject = toolkit.createButton(client, Messages.Editor_reject, SWT.PUSH);
        reject.setToolTipText(Messages.Editor_rejectTooltip);
        GridDataFactory.fillDefaults().applyTo(reject);
        reject.addListener(SWT.Selection, e -> setStatus(EvidenceStatus.REJECTED));
        open = toolkit.createButton(client, Messages.Editor_open, SWT.PUSH);
        open.setToolTipText(Messages.Editor_openTooltip);
        GridDataFactory.fillDefaults().applyTo(open);
        open.addListener(SWT.Selection, e -> openSelected());
        toolkit.createLabel(client, "");
        summary = toolkit.createLabel(client, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(summary);
        evidence.addSelectionChangedListener(e -> updateButtons());
        section.setClient(client);

        SelectionMediator selection = new SelectionMediator(editor::getPartnership);
        selection.add(evidence);
        getSite().setSelectionProvider(selection);
        refresh();
    }

    private void column(String title, int width, java.util.function.Function<Evidence, String> text,
            java.util.function.Function<Evidence, Image> image) {
        TableViewerColumn column = new TableViewerColumn(evidence, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Evidence) element);
            }

            @Override
            public Image getImage(Object element) {
                return image == null ? null : image.apply((Evidence) element);
            }

            @Override
            public Color getForeground(Object element) {
                return ((Evidence) element).getStatus() == EvidenceStatus.REJECTED
                        ? evidence.getControl().getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY) : null;
            }
        });
    }

    /** The evidence of the partnership and its actions, confirmed first, then suggested by score, then rejected. */
    public static List<Evidence> evidenceOf(Partnership partnership) {
        List<Evidence> result = new ArrayList<>();
        if (partnership.eContainer() instanceof eu.urbanagenda.kb.model.KnowledgeBase kb) {
            for (Evidence each : kb.getEvidence()) {
                if (each.getTarget() == partnership
                        || each.getTarget() instanceof Action action && action.eContainer() == partnership) {
                    result.add(each);
                }
            }
        }
        result.sort(Comparator.comparingInt((Evidence e) -> order(e.getStatus())).thenComparing(Evidence::getScore,
                Comparator.reverseOrder()));
        return result;
    }

    private static int order(EvidenceStatus status) {
        return status == EvidenceStatus.CONFIRMED ? 0 : status == EvidenceStatus.SUGGESTED ? 1 : 2;
    }

    private List<Evidence> selected() {
        List<Evidence> selected = new ArrayList<>();
        for (Object element : evidence.getStructuredSelection()) {
            selected.add((Evidence) element);
        }
        return selected;
    }

    private void setStatus(EvidenceStatus status) {
        editor.execute(KnowledgeBaseCommands.setEvidenceStatus(editor.getSession().model().editingDomain(), selected(), status));
    }

    private void openSelected() {
        List<Evidence> selected = selected();
        if (selected.isEmpty() || selected.get(0).getDocument() == null) {
            return;
        }
        SourceDocument document = selected.get(0).getDocument();
        try {
            if (!KbCommands.openDocument(document, null, editor.getSite())) {
                MessageDialog.openInformation(getSite().getShell(), Messages.Editor_open, NLS.bind(Messages.Editor_noViewer,
                        KbCommands.fileOf(document)));
            }
        } catch (Exception e) {
            MessageDialog.openError(getSite().getShell(), Messages.Editor_open, e.getMessage());
        }
    }

    private void updateButtons() {
        List<Evidence> selected = selected();
        confirm.setEnabled(selected.stream().anyMatch(e -> e.getStatus() != EvidenceStatus.CONFIRMED));
        reject.setEnabled(selected.stream().anyMatch(e -> e.getStatus() != EvidenceStatus.REJECTED));
        open.setEnabled(selected.size() == 1 && selected.get(0).getDocument() != null);
    }

    /** Shows the model's evidence (after any command). */
    public void refresh() {
        if (managedForm == null || managedForm.getForm().isDisposed()) {
            return;
        }
        Partnership partnership = editor.getPartnership();
        managedForm.getForm().setText(NLS.bind(Messages.Editor_sourcesTitle, Localized.name(partnership)));
        List<Evidence> all = evidenceOf(partnership);
        evidence.setInput(all);
        long confirmed = all.stream().filter(e -> e.getStatus() == EvidenceStatus.CONFIRMED).count();
        long suggested = all.stream().filter(e -> e.getStatus() == EvidenceStatus.SUGGESTED).count();
        long rejected = all.size() - confirmed - suggested;
        summary.setText(NLS.bind(Messages.Editor_evidenceSummary, new Object[] { confirmed, suggested, rejected }));
        summary.getParent().layout();
        updateButtons();
    }

    public TableViewer getEvidenceViewer() {
        return evidence;
    }

    public Button getConfirmButton() {
        return confirm;
    }

    public Button getRejectButton() {
        return reject;
    }

    public Button getOpenButton() {
        return open;
    }
}

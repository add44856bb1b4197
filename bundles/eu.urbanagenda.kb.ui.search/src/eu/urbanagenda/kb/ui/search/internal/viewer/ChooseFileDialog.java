package eu.urbanagenda.kb.ui.search.internal.viewer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.ui.search.internal.Columns;
import eu.urbanagenda.kb.ui.search.internal.DocumentLabels;
import eu.urbanagenda.kb.ui.search.internal.Messages;

/**
 * Which file of a document to open, when the document is in several (copies, a PDF export, a scan): the file the search
 * showed first and chosen already, so Enter opens it, as Eclipse's own Open dialogs do.
 */
public class ChooseFileDialog extends Dialog {

    /** A file of the document, as the dialog lists it. */
    record Choice(Path path, String format) {
    }

    private final SearchHit hit;
    private final List<Choice> choices = new ArrayList<>();
    private TableViewer table;
    private Path chosen;

    public ChooseFileDialog(Shell parent, SearchHit hit) {
        super(parent);
        this.hit = hit;
        choices.add(new Choice(hit.path(), DocumentLabels.format(hit.format(), hit.metadata().ocrConfidence())));
        for (SearchHit.Copy copy : hit.copies()) {
            choices.add(new Choice(copy.path(), DocumentLabels.format(copy.format(), copy.ocrConfidence())));
        }
    }

    /** The title of the dialog's shell. */
    public static String title() {
        return Messages.Search_chooseTitle;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title());
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label message = new Label(area, SWT.WRAP);
        String name = hit.title() == null || hit.title().isBlank() ? DocumentLabels.name(hit.path()) : hit.title();
        message.setText(NLS.bind(Messages.Search_chooseMessage, name, choices.size()));
        GridDataFactory.fillDefaults().grab(true, false).hint(760, SWT.DEFAULT).applyTo(message);

        table = new TableViewer(area, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Search_chooseFile, 330, c -> DocumentLabels.name(c.path()));
        column(Messages.Search_format, 180, Choice::format);
        column(Messages.Search_chooseFolder, 380, c -> DocumentLabels.location(c.path()));
        table.setInput(choices);
        table.setSelection(new StructuredSelection(choices.get(0)));
        table.addDoubleClickListener(e -> okPressed());
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, Math.min(10, choices.size() + 1)
                * table.getTable().getItemHeight() + table.getTable().getHeaderHeight()).applyTo(table.getControl());
        return area;
    }

    private void column(String title, int width, java.util.function.Function<Choice, String> text) {
        Columns.add(table, title, width, SWT.LEFT, text, null, null);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Search_open, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        if (table.getStructuredSelection().getFirstElement() instanceof Choice choice) {
            chosen = choice.path();
        }
        super.okPressed();
    }

    /** The file chosen, or {@code null} when cancelled. */
    public Path chosen() {
        return chosen;
    }

    /** The files listed, the one shown by the search first (tests). */
    public TableViewer getTableViewer() {
        return table;
    }
}

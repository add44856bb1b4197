package eu.urbanagenda.kb.ui.search.internal.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import eu.urbanagenda.kb.index.SkippedFile;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.ui.search.internal.Columns;
import eu.urbanagenda.kb.ui.search.internal.Messages;

/**
 * What an import did: the counts, and each file skipped with the reason (then those added, updated and removed). Does
 * not block the workbench: it stays open while the user goes on working.
 */
public class ImportSummaryDialog extends Dialog {

    /** The title, by which tests find the shell. */
    public static String title() {
        return Messages.Import_summaryTitle;
    }

    /** A row of the table. */
    public record Row(String what, Path file, String reason, boolean problem) {
    }

    private final List<Path> sources;
    private final UpdateReport report;
    private final String problem;
    private TableViewer table;

    public ImportSummaryDialog(Shell parent, List<Path> sources, UpdateReport report, String problem) {
        super(parent);
        this.sources = sources;
        this.report = report;
        this.problem = problem;
        setShellStyle(SWT.DIALOG_TRIM | SWT.RESIZE | SWT.MODELESS);
        setBlockOnOpen(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title());
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        Label icon = new Label(area, SWT.NONE);
        boolean failed = report == null;
        icon.setImage(PlatformUI.getWorkbench().getSharedImages()
                .getImage(failed ? ISharedImages.IMG_OBJS_ERROR_TSK : ISharedImages.IMG_OBJS_INFO_TSK));
        Label headline = new Label(area, SWT.WRAP);
        headline.setText(headline());
        GridDataFactory.fillDefaults().grab(true, false).hint(560, SWT.DEFAULT).applyTo(headline);
        Label from = new Label(area, SWT.WRAP);
        from.setText(NLS.bind(Messages.Import_sources, String.join(", ", sources.stream().map(Path::toString).toList())));
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(560, SWT.DEFAULT).applyTo(from);

        if (report != null) {
            table = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
            Table control = table.getTable();
            control.setHeaderVisible(true);
            control.setLinesVisible(true);
            GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(620, 240).applyTo(control);
            table.setContentProvider(ArrayContentProvider.getInstance());
            column(Messages.Import_what, 90, Row::what, true);
            column(Messages.Import_file, 300, r -> r.file().getFileName() == null ? r.file().toString() : r.file().getFileName().toString(), false);
            column(Messages.Import_reason, 330, r -> r.reason() == null ? r.file().getParent() == null ? "" : r.file().getParent().toString() : r.reason(), false);
            table.setInput(rows());
        }
        return area;
    }

    private String headline() {
        if (report == null) {
            return NLS.bind(Messages.Import_failed, problem);
        }
        String counts = NLS.bind(Messages.Import_counts, new Object[] { report.added().size(), report.updated().size(),
                report.removed().size(), report.unchanged(), report.skipped().size() });
        String time = String.format(Locale.ROOT, "%.1f", report.elapsed().toMillis() / 1000.0);
        String line = NLS.bind(Messages.Import_summary, new Object[] { counts, time, report.documents() });
        return report.cancelled() ? line + "\n" + Messages.Import_cancelledKept : line;
    }

    /** Skipped files first (with their reasons), then the added, updated and removed ones. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        if (report == null) {
            return rows;
        }
        for (SkippedFile skipped : report.skipped()) {
            rows.add(new Row(Messages.Import_skipped, skipped.file(), skipped.reason(), true));
        }
        report.added().forEach(p -> rows.add(new Row(Messages.Import_added, p, null, false)));
        report.updated().forEach(p -> rows.add(new Row(Messages.Import_updated, p, null, false)));
        report.removed().forEach(p -> rows.add(new Row(Messages.Import_removed, p, null, false)));
        return rows;
    }

    private void column(String title, int width, java.util.function.Function<Row, String> text, boolean icon) {
        Columns.add(table, title, width, SWT.NONE, text, null, (Row row) -> icon && row.problem()
                ? PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_WARN_TSK) : null);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    public UpdateReport getReport() {
        return report;
    }

    public String getProblem() {
        return problem;
    }
}

package eu.urbanagenda.kb.ui.search.internal.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import eu.urbanagenda.kb.ui.search.internal.Messages;

/** Which files and folders to import: a list, filled with the system's file and folder choosers. */
public class ImportDialog extends TitleAreaDialog {

    private final List<Path> paths = new ArrayList<>();
    private org.eclipse.swt.widgets.List list;
    private Button remove;

    public ImportDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Import_dialogTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.Import_dialogTitle);
        setMessage(Messages.Import_dialogMessage);
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
        list = new org.eclipse.swt.widgets.List(body, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).hint(420, 160).span(1, 4).applyTo(list);
        Button files = button(body, Messages.Import_addFiles);
        files.addListener(SWT.Selection, e -> addFiles());
        Button folder = button(body, Messages.Import_addFolder);
        folder.addListener(SWT.Selection, e -> addFolder());
        remove = button(body, Messages.Import_remove);
        remove.addListener(SWT.Selection, e -> removeSelected());
        list.addListener(SWT.Selection, e -> update());
        return area;
    }

    private static Button button(Composite parent, String text) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        GridDataFactory.fillDefaults().applyTo(button);
        return button;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Import_start, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        update();
    }

    private void addFiles() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN | SWT.MULTI);
        dialog.setText(Messages.Import_addFiles);
        dialog.setFilterExtensions(new String[] { "*.txt;*.html;*.htm;*.pdf", "*" });
        if (dialog.open() != null) {
            for (String name : dialog.getFileNames()) {
                add(Path.of(dialog.getFilterPath(), name));
            }
        }
    }

    private void addFolder() {
        DirectoryDialog dialog = new DirectoryDialog(getShell());
        dialog.setText(Messages.Import_addFolder);
        String folder = dialog.open();
        if (folder != null) {
            add(Path.of(folder));
        }
    }

    private void add(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!paths.contains(absolute)) {
            paths.add(absolute);
            list.add(absolute.toString());
        }
        update();
    }

    private void removeSelected() {
        int[] indices = list.getSelectionIndices();
        for (int i = indices.length - 1; i >= 0; i--) {
            paths.remove(indices[i]);
        }
        list.remove(indices);
        update();
    }

    private void update() {
        if (remove != null) {
            remove.setEnabled(list.getSelectionCount() > 0);
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(!paths.isEmpty());
        }
    }

    public List<Path> getPaths() {
        return List.copyOf(paths);
    }
}

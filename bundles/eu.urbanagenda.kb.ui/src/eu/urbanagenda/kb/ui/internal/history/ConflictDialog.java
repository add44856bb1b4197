package eu.urbanagenda.kb.ui.internal.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import eu.urbanagenda.kb.compare.Conflict;
import eu.urbanagenda.kb.compare.Side;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * The conflicts of a merge side by side, one row each: what both changed, mine, theirs, and a choice per row. Nothing is
 * taken until OK; Cancel leaves the knowledge base as it is.
 */
public class ConflictDialog extends Dialog {

    private final String title;
    private final List<Conflict> conflicts;
    private final Map<String, Side> choices = new LinkedHashMap<>();

    public ConflictDialog(Shell parent, String title, List<Conflict> conflicts) {
        super(parent);
        this.title = title;
        this.conflicts = conflicts;
        conflicts.forEach(c -> choices.put(c.id(), Side.MINE));
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(Messages.Conflict_intro);
        GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(intro);
        Composite grid = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).equalWidth(false).applyTo(grid);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(grid);
        header(grid, Messages.Conflict_what);
        header(grid, Messages.Conflict_mine);
        header(grid, Messages.Conflict_theirs);
        for (Conflict conflict : conflicts) {
            Label what = new Label(grid, SWT.WRAP);
            what.setText((conflict.subject().isEmpty() ? "" : conflict.subject() + "\n") + conflict.what()
                    + (conflict.reason().isEmpty() ? "" : "\n(" + conflict.reason() + ")"));
            GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).applyTo(what);
            // the two sides of a row in a composite of their own: radio buttons exclude their siblings only
            Composite sides = new Composite(grid, SWT.NONE);
            GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).applyTo(sides);
            GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(sides);
            Button mine = new Button(sides, SWT.RADIO | SWT.WRAP);
            mine.setText(conflict.mine());
            mine.setSelection(true);
            Button theirs = new Button(sides, SWT.RADIO | SWT.WRAP);
            theirs.setText(conflict.theirs());
            GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(mine);
            GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(theirs);
            mine.addListener(SWT.Selection, e -> {
                if (mine.getSelection()) {
                    choices.put(conflict.id(), Side.MINE);
                }
            });
            theirs.addListener(SWT.Selection, e -> {
                if (theirs.getSelection()) {
                    choices.put(conflict.id(), Side.THEIRS);
                }
            });
        }
        return area;
    }

    private static void header(Composite grid, String text) {
        Label label = new Label(grid, SWT.NONE);
        label.setText(text);
        label.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Conflict_take, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** The side taken per conflict id (mine unless changed). */
    public Map<String, Side> choices() {
        return Map.copyOf(choices);
    }
}

package eu.urbanagenda.kb.ui.search.internal.view;

import org.eclipse.jface.dialogs.PopupDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import eu.urbanagenda.kb.ui.search.internal.Messages;

/** The query syntax, in a small pop-up under the query field. */
public class SyntaxHelp extends PopupDialog {

    private final Control anchor;

    public SyntaxHelp(Shell parent, Control anchor) {
        super(parent, PopupDialog.INFOPOPUPRESIZE_SHELLSTYLE, true, false, false, false, false, Messages.Search_syntaxTitle,
                Messages.Search_syntaxFooter);
        this.anchor = anchor;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Text text = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP);
        text.setText(Messages.Search_syntax);
        GridDataFactory.fillDefaults().grab(true, true).hint(520, SWT.DEFAULT).applyTo(text);
        return area;
    }

    @Override
    protected Point getDefaultLocation(Point initialSize) {
        Point at = anchor.toDisplay(0, anchor.getSize().y);
        return new Point(at.x, at.y + 2);
    }
}

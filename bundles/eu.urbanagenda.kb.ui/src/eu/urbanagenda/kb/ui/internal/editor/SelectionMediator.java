package eu.urbanagenda.kb.ui.internal.editor;

import java.util.function.Supplier;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.swt.events.FocusAdapter;
import org.eclipse.swt.events.FocusEvent;

/**
 * A page's selection for the workbench (Properties view): the selection of the table that last had the focus, or the
 * page's main object when nothing is selected there.
 */
class SelectionMediator implements ISelectionProvider {

    private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
    private final Supplier<Object> main;
    private StructuredViewer current;

    SelectionMediator(Supplier<Object> main) {
        this.main = main;
    }

    void add(StructuredViewer viewer) {
        viewer.getControl().addFocusListener(new FocusAdapter() {
            @Override
            public void focusGained(FocusEvent e) {
                current = viewer;
                fire();
            }
        });
        viewer.addSelectionChangedListener(event -> {
            if (viewer == current) {
                fire();
            }
        });
    }

    /** The main object is the selection again (e.g. focus moved to a form field). */
    void reset() {
        current = null;
        fire();
    }

    void fire() {
        SelectionChangedEvent event = new SelectionChangedEvent(this, getSelection());
        for (ISelectionChangedListener listener : listeners) {
            listener.selectionChanged(event);
        }
    }

    @Override
    public ISelection getSelection() {
        if (current != null && !current.getControl().isDisposed()) {
            IStructuredSelection selection = current.getStructuredSelection();
            if (!selection.isEmpty()) {
                return selection;
            }
        }
        Object object = main.get();
        return object == null ? StructuredSelection.EMPTY : new StructuredSelection(object);
    }

    @Override
    public void setSelection(ISelection selection) {
        if (current != null) {
            current.setSelection(selection, true);
        }
    }

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.remove(listener);
    }
}

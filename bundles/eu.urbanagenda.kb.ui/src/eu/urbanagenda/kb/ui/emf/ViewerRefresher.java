package eu.urbanagenda.kb.ui.emf;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.Notifier;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Keeps a viewer in step with the model: an adapter on a resource set (or any notifier, with everything it contains)
 * that refreshes the viewer on the UI thread once per burst of notifications (one command, a load). Remove it with
 * {@link #dispose()}; it removes itself when the viewer's control is disposed.
 */
public class ViewerRefresher extends EContentAdapter {

    private final StructuredViewer viewer;
    private final Runnable refresh;
    private Notifier target;
    private boolean pending;

    /** Refreshes {@code viewer} (labels included). */
    public ViewerRefresher(StructuredViewer viewer) {
        this(viewer, () -> viewer.refresh(true));
    }

    /** Runs {@code refresh} instead of refreshing the viewer (e.g. a form that reads several values). */
    public ViewerRefresher(StructuredViewer viewer, Runnable refresh) {
        this.viewer = viewer;
        this.refresh = refresh;
        viewer.getControl().addDisposeListener(e -> dispose());
    }

    /** Starts listening to {@code notifier} and everything it contains (stops listening to the previous one). */
    public void attach(Notifier notifier) {
        if (target == notifier) {
            return;
        }
        if (target != null) {
            target.eAdapters().remove(this);
        }
        target = notifier;
        if (notifier != null) {
            notifier.eAdapters().add(this);
        }
    }

    @Override
    public void notifyChanged(Notification notification) {
        super.notifyChanged(notification);
        if (notification.isTouch()) {
            return;
        }
        Control control = viewer.getControl();
        if (pending || control.isDisposed()) {
            return;
        }
        pending = true;
        Display display = control.getDisplay();
        display.asyncExec(() -> {
            pending = false;
            if (!viewer.getControl().isDisposed()) {
                refresh.run();
            }
        });
    }

    /** Stops listening. */
    public void dispose() {
        attach(null);
    }
}

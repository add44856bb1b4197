package eu.urbanagenda.kb.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;
import eu.urbanagenda.kb.index.IndexLockedException;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * The workbench's access to the one shared {@link KbSession}, which comes from the {@link KbSessionService} OSGi
 * service and nowhere else. Views and editors read the session here and listen for it to open, close (data directory
 * changed), be saved, or for the index to change; every listener is told on the UI thread.
 * <p>
 * The session is opened by a background job once the first window is open (so the window shows at once), or
 * synchronously by the first caller of {@link #sessionOrOpen()}. When it cannot be opened (a corrupt knowledge-base
 * file, an unwritable directory) {@link #problem()} says why in a sentence naming the file; nothing is written.
 */
public final class KbUi {

    /** Told on the UI thread. */
    public interface Listener {

        /** A session was opened ({@code session} non-null) or closed or failed to open ({@code null}). */
        default void sessionChanged(KbSession session) {
        }

        /** The knowledge base was saved. */
        default void saved(KbSession session) {
        }

        /** Documents were added to or removed from the index. */
        default void indexChanged(KbSession session) {
        }
    }

    private static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();
    private static ServiceTracker<KbSessionService, KbSessionService> tracker;
    private static volatile String problem;
    private static volatile Job opening;
    private static boolean serviceListenerAdded;

    private KbUi() {
    }

    /** The session service; the workbench cannot run without it. */
    public static synchronized KbSessionService service() {
        if (tracker == null) {
            Bundle bundle = FrameworkUtil.getBundle(KbUi.class);
            BundleContext context = bundle.getBundleContext();
            if (context == null) {
                throw new IllegalStateException("bundle " + bundle.getSymbolicName() + " is not active");
            }
            tracker = new ServiceTracker<>(context, KbSessionService.class, null);
            tracker.open();
        }
        KbSessionService service;
        try {
            service = tracker.waitForService(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            service = tracker.getService();
        }
        if (service == null) {
            throw new IllegalStateException("the KbSessionService OSGi service is not available (is org.apache.felix.scr started?)");
        }
        if (!serviceListenerAdded) {
            serviceListenerAdded = true;
            service.addListener(new KbSessionService.Listener() {
                @Override
                public void sessionOpened(KbSession session) {
                    problem = null;
                    fire(l -> l.sessionChanged(session));
                }

                @Override
                public void sessionClosed(KbSession session) {
                    fire(l -> l.sessionChanged(null));
                }
            });
        }
        return service;
    }

    /** The open session, or {@code null} while it is not open (yet, or because it failed: see {@link #problem()}). */
    public static KbSession session() {
        KbSessionService service = service();
        if (!service.isOpen()) {
            return null;
        }
        try {
            return service.session();
        } catch (IOException e) {
            return null;
        }
    }

    /** The session, opened now if needed; {@code null} when it cannot be opened ({@link #problem()} says why). */
    public static KbSession sessionOrOpen() {
        try {
            return service().session();
        } catch (IOException | RuntimeException e) {
            failed(e);
            return null;
        }
    }

    /** Why the session could not be opened, in a sentence for the user; {@code null} when it could. */
    public static String problem() {
        return problem;
    }

    /** Opens the session in a job (after the first window opens); listeners hear of it on the UI thread. */
    public static synchronized Job openInBackground() {
        if (opening != null) {
            return opening;
        }
        Job job = Job.create(Messages.Job_openKnowledgeBase, (IProgressMonitor monitor) -> {
            try {
                service().session();
            } catch (IOException | RuntimeException e) {
                failed(e);
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
            @Override
            public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                synchronized (KbUi.class) {
                    opening = null;
                }
            }
        });
        opening = job;
        job.schedule();
        return job;
    }

    private static void failed(Throwable e) {
        problem = describe(e);
        fire(l -> l.sessionChanged(null));
    }

    /** Whether the open session has unsaved changes. */
    public static boolean isDirty() {
        KbSession session = session();
        return session != null && session.isDirty();
    }

    /**
     * Saves the knowledge base (atomically, through the model's save) and tells the listeners. Shows a message and
     * returns false when it cannot be saved.
     */
    public static boolean save(Shell shell) {
        KbSession session = session();
        if (session == null) {
            return false;
        }
        try {
            session.save();
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(shell, Messages.Save_failedTitle,
                    NLS.bind(Messages.Save_failed, session.knowledgeBaseFile(), describe(e)));
            return false;
        }
        fire(l -> l.saved(session));
        return true;
    }

    /**
     * Throws away unsaved changes: undoes back to the last save (objects keep their identity, so open editors stay),
     * or loads the file again when the commands cannot be undone.
     */
    public static void discardChanges() {
        KbSession session = session();
        if (session == null || !session.isDirty()) {
            return;
        }
        CommandStack stack = session.editingDomain().getCommandStack();
        while (session.isDirty() && stack.canUndo()) {
            stack.undo();
        }
        if (session.isDirty()) {
            try {
                session.reload();
                ((BasicCommandStack) stack).saveIsDone();
                fire(l -> l.sessionChanged(session));
            } catch (IOException e) {
                problem = describe(e);
                fire(l -> l.sessionChanged(null));
            }
        }
    }

    /**
     * Asks whether to save unsaved changes (Save / Don't Save / Cancel) and does what the user chose.
     *
     * @return false when the user cancelled or saving failed
     */
    public static boolean promptToSave(Shell shell, String question) {
        KbSession session = session();
        if (session == null || !session.isDirty()) {
            return true;
        }
        MessageDialog dialog = new MessageDialog(shell, Messages.Prompt_saveTitle, null,
                NLS.bind(question, session.knowledgeBaseFile()), MessageDialog.QUESTION,
                new String[] { Messages.Prompt_save, Messages.Prompt_dontSave, Messages.Prompt_cancel }, 0);
        switch (dialog.open()) {
        case 0:
            return save(shell);
        case 1:
            discardChanges();
            return true;
        default:
            return false;
        }
    }

    /** Tells the listeners that documents were added to or removed from the index (any thread). */
    public static void fireIndexChanged() {
        KbSession session = session();
        if (session != null) {
            fire(l -> l.indexChanged(session));
        }
    }

    public static void addListener(Listener listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(Listener listener) {
        LISTENERS.remove(listener);
    }

    private static void fire(java.util.function.Consumer<Listener> event) {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        Runnable run = () -> {
            for (Listener listener : LISTENERS) {
                event.accept(listener);
            }
        };
        if (Display.getCurrent() == display) {
            run.run();
        } else if (!display.isDisposed()) {
            display.asyncExec(run);
        }
    }

    /** A sentence for the user about what went wrong, naming the file; never a stack trace. */
    public static String describe(Throwable e) {
        if (e instanceof KnowledgeBaseLoadException load) {
            return NLS.bind(Messages.Error_corruptKnowledgeBase,
                    new Object[] { load.getFile(), load.getLine(), load.getColumn(), load.getProblem() });
        }
        if (e instanceof IndexLockedException locked) {
            return NLS.bind(Messages.Error_indexLocked, locked.directory(), locked.getMessage());
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message;
    }

    /** An error status with {@link #describe(Throwable)} as its message, for jobs. */
    public static IStatus error(Throwable e) {
        return Status.error(describe(e));
    }

    /** The data directory of the session service (also when no session is open). */
    public static Path dataDirectory() {
        return service().dataDirectory();
    }
}

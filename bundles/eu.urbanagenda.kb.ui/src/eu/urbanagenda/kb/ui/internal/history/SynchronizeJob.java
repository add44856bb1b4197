package eu.urbanagenda.kb.ui.internal.history;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import eu.urbanagenda.kb.compare.Side;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.git.GitCredentials;
import eu.urbanagenda.kb.git.SyncPlan;
import eu.urbanagenda.kb.git.SyncReport;
import eu.urbanagenda.kb.git.Synchronizer;
import eu.urbanagenda.kb.ui.ErrorMessages;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * Knowledge Base > Synchronize: fetch, merge, push in the background. The user chooses in conflicts (side by side, on the
 * UI thread); the merge is taken into the open knowledge base on the UI thread as one undoable command and saved, which
 * records it. Credentials come by Git's conventions (its credential helpers, ~/.netrc); none is shown or stored here.
 */
public class SynchronizeJob extends Job {

    /** The family of synchronization jobs (tests join it). */
    public static final Object FAMILY = new Object();

    private final KbSession session;
    private final String url;
    private final Display display;
    private final Shell shell;
    private volatile SyncReport report;

    /** @param url the shared repository, or {@code null} for the one remembered */
    public SynchronizeJob(KbSession session, String url, Shell shell) {
        super(Messages.Sync_job);
        this.session = session;
        this.url = url;
        this.shell = shell;
        this.display = shell.getDisplay();
        setUser(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /** What the last run did, or {@code null}. */
    public SyncReport report() {
        return report;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        GitCredentials credentials = new GitCredentials(false);
        try {
            report = new Synchronizer(session.history(), credentials).run(url, new Synchronizer.Merger() {
                @Override
                public Map<String, Side> decide(SyncPlan plan) {
                    AtomicReference<Map<String, Side>> chosen = new AtomicReference<>();
                    display.syncExec(() -> {
                        ConflictDialog dialog = new ConflictDialog(shell, NLS.bind(Messages.Sync_conflicts, plan.url()),
                                plan.merge().conflicts());
                        chosen.set(dialog.open() == Window.OK ? dialog.choices() : null);
                    });
                    return chosen.get();
                }

                @Override
                public void apply(SyncPlan plan, Map<String, Side> choices) throws IOException {
                    AtomicReference<IOException> failed = new AtomicReference<>();
                    display.syncExec(() -> {
                        try {
                            session.model().takeMerge(plan.merge(), choices);
                        } catch (IOException e) {
                            failed.set(e);
                        }
                    });
                    if (failed.get() != null) {
                        throw failed.get();
                    }
                }
            }, monitor);
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            return ErrorMessages.error(e);
        }
        credentials.approve();
        SyncReport done = report;
        String what = done.stopped() ? Messages.Sync_stopped
                : NLS.bind(Messages.Sync_done, new Object[] { done.plan().url(), done.taken().size(), done.sent() });
        return new Status(IStatus.OK, "eu.urbanagenda.kb.ui", what);
    }
}

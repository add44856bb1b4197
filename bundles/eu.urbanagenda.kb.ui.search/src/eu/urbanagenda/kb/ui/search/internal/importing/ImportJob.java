package eu.urbanagenda.kb.ui.search.internal.importing;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.ui.ErrorMessages;
import eu.urbanagenda.kb.ui.KbPreferences;
import eu.urbanagenda.kb.ui.jobs.KbJobs;
import eu.urbanagenda.kb.ui.search.internal.Messages;

/**
 * Indexes files and folders (a user job: progress in the status line and the Progress view, cancellable; what was
 * indexed before a cancel is kept), then shows the summary: what was added, updated, removed and skipped, and why.
 * Holds the index-write rule, so it never runs beside another import or the first-use indexing.
 */
public class ImportJob extends KbJobs.IndexJob {

    private final List<Path> paths;
    private volatile UpdateReport report;
    private volatile String problem;

    private final KbSessionService sessions;

    public ImportJob(KbSessionService sessions, List<Path> paths) {
        super(NLS.bind(Messages.Import_job, paths.size() == 1 ? paths.get(0).getFileName() : paths.size() + ""));
        this.paths = List.copyOf(paths);
        this.sessions = sessions;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            KbSession session = sessions.session();
            report = session.library().update(paths, KbPreferences.updateOptions(), monitor);
        } catch (OperationCanceledException e) {
            problem = Messages.Import_cancelled;
        } catch (Exception e) {
            problem = ErrorMessages.describe(e);
        }
        showSummary();
        return Status.OK_STATUS;
    }

    private void showSummary() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(() -> {
            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            Shell shell = window == null ? display.getActiveShell() : window.getShell();
            new ImportSummaryDialog(shell, paths, report, problem).open();
        });
    }

    public UpdateReport getReport() {
        return report;
    }

    public String getProblem() {
        return problem;
    }
}

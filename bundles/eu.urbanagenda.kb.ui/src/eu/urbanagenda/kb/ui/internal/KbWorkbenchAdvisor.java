package eu.urbanagenda.kb.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.statushandlers.StatusManager;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

import eu.urbanagenda.kb.cli.service.CommandService;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.ui.ErrorMessages;
import eu.urbanagenda.kb.ui.KbPreferences;
import eu.urbanagenda.kb.ui.SaveSupport;
import eu.urbanagenda.kb.ui.SessionFollower;
import eu.urbanagenda.kb.ui.internal.editor.PartnershipEditor;
import eu.urbanagenda.kb.ui.jobs.KbJobs;

public class KbWorkbenchAdvisor extends WorkbenchAdvisor implements SessionFollower.Listener {

    /** The bundle that weaves ServiceLoader calls across bundles (see {@link #startServiceLoaderWeaving()}). */
    private static final String SERVICE_LOADER_WEAVING = "org.apache.aries.spifly.dynamic.bundle";

    /** How long closing waits for commands of scripts that the workbench runs (an index run commits first). */
    private static final long COMMANDS_STOP_SECONDS = 20;

    private SessionFollower follower;
    private KbSession seeded;
    private KbJobs.Watching watching;
    private volatile String shownProblem;
    private CommandService commands;

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        // Remember open views and window size between sessions, as users of Eclipse tools expect.
        configurer.setSaveAndRestore(true);
    }

    @Override
    public void preStartup() {
        // The data directory chosen in Preferences (kept with this workbench's state) wins over the start script's.
        follower = new SessionFollower(getWorkbenchConfigurer().getWorkbench(), this);
        Path chosen = KbPreferences.dataDirectory();
        if (chosen != null) {
            follower.service().setDataDirectory(chosen);
        }
        // likewise the search engine chosen there over the environment's (KB_BACKEND)
        KbPreferences.backend(System.getenv()).ifPresent(follower.service()::setBackend);
    }

    /**
     * While the workbench is open, `kb` commands for its data directory (a script's search, an index run) are run here, on
     * the open knowledge base and index, and their edits of the model on the UI thread, like the user's own.
     */
    @Override
    public void postStartup() {
        startServiceLoaderWeaving();
        Display display = getWorkbenchConfigurer().getWorkbench().getDisplay();
        follower.service().setModelExecutor(task -> {
            try {
                display.asyncExec(task);
            } catch (SWTException disposed) {
                throw new RejectedExecutionException("the workbench has closed", disposed);
            }
        });
        commands = CommandService.follow(follower.service(), "the workbench, pid " + ProcessHandle.current().pid(),
                problem -> ILog.of(KbWorkbenchAdvisor.class).warn(problem));
    }

    /**
     * SPI Fly weaves the ServiceLoader calls of the document libraries (their logging), which an import loads. The product
     * starts it only now, after the first window: its start reads the headers of every bundle, a quarter of the
     * workbench's start-up. Started transiently, so that the next start does not start it early either.
     */
    private static void startServiceLoaderWeaving() {
        Job job = Job.create("Start SPI Fly", monitor -> { // a system job: its name is never shown
            for (Bundle bundle : FrameworkUtil.getBundle(KbWorkbenchAdvisor.class).getBundleContext().getBundles()) {
                if (SERVICE_LOADER_WEAVING.equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.ACTIVE) {
                    try {
                        bundle.start(Bundle.START_TRANSIENT);
                    } catch (BundleException e) {
                        ILog.of(KbWorkbenchAdvisor.class).warn("SPI Fly could not be started: " + e.getMessage());
                    }
                }
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    @Override
    public void postShutdown() {
        stopWatching();
        stopCommands();
        super.postShutdown();
    }

    /** Stops taking commands and lets the running ones end, which may need the UI thread for their edits meanwhile. */
    private void stopCommands() {
        if (commands == null) {
            return;
        }
        Display display = Display.getCurrent();
        CompletableFuture<Void> stopped = commands.stop();
        stopped.whenComplete((result, failure) -> {
            try {
                display.wake();
            } catch (SWTException disposed) {
                // closed meanwhile: nobody waits
            }
        });
        display.timerExec((int) TimeUnit.SECONDS.toMillis(COMMANDS_STOP_SECONDS), () -> {
            // wakes the loop below at the latest then
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(COMMANDS_STOP_SECONDS);
        while (!stopped.isDone() && System.nanoTime() < end) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        follower.service().setModelExecutor(null);
    }

    @Override
    public void sessionChanged(KbSession session) {
        String problem = follower.problem().orElse(null);
        if (session != null && session != seeded) {
            // first use of a data directory: index the bundled seeds, in the background
            seeded = session;
            KbJobs.ensureIndexed(session);
            watch(session);
        } else if (session == null) {
            stopWatching();
            if (problem != null && !problem.equals(shownProblem)) {
                shownProblem = problem;
                Throwable failure = follower.service().failure().orElse(null);
                if (failure instanceof KnowledgeBaseLoadException) {
                    offerBackup(problem);
                } else {
                    Display.getCurrent().asyncExec(() -> showProblem(problem, null));
                }
            }
        }
    }

    /** While the session is open, what changes in its sources is indexed without an import. */
    private void watch(KbSession session) {
        stopWatching();
        try {
            watching = KbJobs.watchSources(session);
        } catch (IOException e) {
            StatusManager.getManager().handle(ErrorMessages.error(e), StatusManager.LOG);
        }
    }

    private void stopWatching() {
        if (watching != null) {
            watching.close();
            watching = null;
        }
    }

    /** A damaged knowledge base: looks for the newest backup that loads (in a job: it reads them), then says so. */
    private void offerBackup(String problem) {
        Path file = KbSession.knowledgeBaseFile(follower.service().dataDirectory());
        Display display = Display.getCurrent();
        Job.create(Messages.Error_openTitle, monitor -> {
            Optional<KnowledgeBaseBackups.Backup> backup;
            try {
                backup = KnowledgeBaseBackups.newestGood(file);
            } catch (IOException e) {
                backup = Optional.empty();
            }
            Optional<KnowledgeBaseBackups.Backup> found = backup;
            display.asyncExec(() -> showProblem(problem, found.orElse(null)));
        }).schedule();
    }

    /** The problem, and with a good backup the offer to restore it (the damaged file is kept beside it). */
    private void showProblem(String problem, KnowledgeBaseBackups.Backup backup) {
        IWorkbenchWindow window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
        Shell shell = window == null ? null : window.getShell();
        if (backup == null) {
            MessageDialog.openError(shell, Messages.Error_openTitle, problem + "\n\n" + Messages.Error_openAdvice);
            return;
        }
        String saved = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(backup.savedAt().atZone(ZoneId.systemDefault()));
        MessageDialog dialog = new MessageDialog(shell, Messages.Error_openTitle, null,
                problem + "\n\n" + NLS.bind(Messages.Error_restoreOffer, backup.number(), saved), MessageDialog.ERROR,
                new String[] { NLS.bind(Messages.Error_restore, backup.number()), Messages.Error_keep }, 0);
        if (dialog.open() == 0) {
            restore(backup);
        }
    }

    private void restore(KnowledgeBaseBackups.Backup backup) {
        KbSessionService sessions = follower.service();
        Path file = KbSession.knowledgeBaseFile(sessions.dataDirectory());
        Job job = Job.create(NLS.bind(Messages.Error_restoreJob, backup.number()), monitor -> {
            try {
                KnowledgeBaseBackups.restore(file, backup);
                shownProblem = null;
                sessions.open();
            } catch (IOException e) {
                StatusManager.getManager().handle(Status.error(NLS.bind(Messages.Error_restoreFailed, ErrorMessages.describe(e))),
                        StatusManager.SHOW | StatusManager.LOG);
            }
        });
        job.setUser(true);
        job.schedule();
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return PartnershipsPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new KbWorkbenchWindowAdvisor(configurer);
    }

    /**
     * Before the workbench closes: unsaved changes of the knowledge base are saved or discarded as the user says
     * (Cancel keeps the workbench open). Closed by a signal (logout, kill), nobody can answer: the changes are written
     * beside the knowledge base ({@code urban-agenda.unsaved-<time>.xmi}), never over it.
     */
    @Override
    public boolean preShutdown() {
        commitPendingEdits();
        if (!follower.isDirty()) {
            return true;
        }
        if (KbApplication.isClosingOnSignal()) {
            keepUnsavedChanges();
            return true;
        }
        IWorkbenchWindow window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
        return SaveSupport.promptToSave(window == null ? null : window.getShell(), follower.session(), Messages.Prompt_saveOnExit);
    }

    private void commitPendingEdits() {
        for (IWorkbenchWindow window : getWorkbenchConfigurer().getWorkbench().getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorReference reference : page.getEditorReferences()) {
                    if (reference.getEditor(false) instanceof PartnershipEditor editor && editor.getOverviewPage() != null) {
                        editor.getOverviewPage().commitPendingEdits();
                    }
                }
            }
        }
    }

    private void keepUnsavedChanges() {
        KbSession session = follower.session();
        if (session == null) {
            return;
        }
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path copy = session.dataDirectory().resolve("urban-agenda.unsaved-" + time + ".xmi");
        try {
            // a plain copy beside the knowledge base, whatever state the edits are in: no backups, no checks to refuse it
            Files.write(copy, KnowledgeBaseFiles.toBytes(session.model().knowledgeBase()));
            System.out.println("urbanagenda-kb: unsaved changes kept in " + copy);
        } catch (IOException e) {
            System.err.println("urbanagenda-kb: unsaved changes could not be kept: " + ErrorMessages.describe(e));
        }
    }
}

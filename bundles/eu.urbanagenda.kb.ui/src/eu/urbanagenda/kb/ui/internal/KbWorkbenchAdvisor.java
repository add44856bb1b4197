package eu.urbanagenda.kb.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.ui.KbPreferences;
import eu.urbanagenda.kb.ui.ErrorMessages;
import eu.urbanagenda.kb.ui.SaveSupport;
import eu.urbanagenda.kb.ui.SessionFollower;
import eu.urbanagenda.kb.ui.internal.editor.PartnershipEditor;
import eu.urbanagenda.kb.ui.jobs.KbJobs;

public class KbWorkbenchAdvisor extends WorkbenchAdvisor implements SessionFollower.Listener {

    private SessionFollower follower;
    private KbSession seeded;
    private String shownProblem;

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

    @Override
    public void sessionChanged(KbSession session) {
        String problem = follower.problem().orElse(null);
        if (session != null && session != seeded) {
            // first use of a data directory: index the bundled seeds, in the background
            seeded = session;
            KbJobs.ensureIndexed(session);
        } else if (session == null && problem != null && !problem.equals(shownProblem)) {
            shownProblem = problem;
            org.eclipse.swt.widgets.Display.getCurrent().asyncExec(() -> showProblem(problem));
        }
    }

    private void showProblem(String problem) {
        IWorkbenchWindow window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
        Shell shell = window == null ? null : window.getShell();
        MessageDialog.openError(shell, Messages.Error_openTitle, problem + "\n\n" + Messages.Error_openAdvice);
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
            KnowledgeBaseFiles.save(session.model().knowledgeBase(), copy);
            System.out.println("urbanagenda-kb: unsaved changes kept in " + copy);
        } catch (IOException e) {
            System.err.println("urbanagenda-kb: unsaved changes could not be kept: " + ErrorMessages.describe(e));
        }
    }
}

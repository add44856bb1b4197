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
import eu.urbanagenda.kb.ui.KbUi;
import eu.urbanagenda.kb.ui.internal.editor.PartnershipEditor;
import eu.urbanagenda.kb.ui.jobs.KbJobs;

public class KbWorkbenchAdvisor extends WorkbenchAdvisor {

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
        Path chosen = KbPreferences.dataDirectory();
        if (chosen != null) {
            try {
                KbUi.service().setDataDirectory(chosen);
            } catch (IOException e) {
                // the session then opens at the start script's directory; the preference page shows both
            }
        }
        KbUi.addListener(new KbUi.Listener() {
            @Override
            public void sessionChanged(KbSession session) {
                if (session != null && session != seeded) {
                    // first use of a data directory: index the bundled seeds, in the background
                    seeded = session;
                    KbJobs.ensureIndexed();
                } else if (session == null && KbUi.problem() != null && !KbUi.problem().equals(shownProblem)) {
                    shownProblem = KbUi.problem();
                    String problem = shownProblem;
                    org.eclipse.swt.widgets.Display.getCurrent().asyncExec(() -> showProblem(problem));
                }
            }
        });
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
        if (!KbUi.isDirty()) {
            return true;
        }
        if (KbApplication.isClosingOnSignal()) {
            keepUnsavedChanges();
            return true;
        }
        IWorkbenchWindow window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
        return KbUi.promptToSave(window == null ? null : window.getShell(), Messages.Prompt_saveOnExit);
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

    private static void keepUnsavedChanges() {
        KbSession session = KbUi.session();
        if (session == null) {
            return;
        }
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path copy = session.dataDirectory().resolve("urban-agenda.unsaved-" + time + ".xmi");
        try {
            KnowledgeBaseFiles.save(session.knowledgeBase(), copy);
            System.out.println("urbanagenda-kb: unsaved changes kept in " + copy);
        } catch (IOException e) {
            System.err.println("urbanagenda-kb: unsaved changes could not be kept: " + KbUi.describe(e));
        }
    }
}

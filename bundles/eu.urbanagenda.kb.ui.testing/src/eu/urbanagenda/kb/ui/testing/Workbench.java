package eu.urbanagenda.kb.ui.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.dialogs.PreferencesUtil;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;
import eu.urbanagenda.kb.ui.ErrorMessages;
import eu.urbanagenda.kb.ui.SaveSupport;
import eu.urbanagenda.kb.ui.jobs.KbJobs;

/** What the workbench tests do again and again: wait, run commands, find shells and widgets, press buttons. */
public final class Workbench {

    private Workbench() {
    }

    public static Display display() {
        return PlatformUI.getWorkbench().getDisplay();
    }

    public static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        return window;
    }

    public static IWorkbenchPage page() {
        return window().getActivePage();
    }

    /** Opens the Preferences dialog on a page without blocking, and lets it lay itself out; the caller closes it. */
    public static PreferenceDialog openPreferences(String pageId) {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window().getShell(), pageId, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        UiWait.idle(display());
        return dialog;
    }

    /** The session service, as the workbench's parts get it. */
    public static KbSessionService sessions() {
        return PlatformUI.getWorkbench().getService(KbSessionService.class);
    }

    /** The shared session, waiting (with the event loop running) for the background open and the first indexing. */
    public static KbSession session() {
        assertTrue(UiWait.until(display(), () -> sessions().current().isPresent()),
                () -> "the knowledge base opened: " + sessions().failure().map(ErrorMessages::describe).orElse("not yet"));
        return sessions().current().orElseThrow();
    }

    /** Throws away the session's unsaved changes, as Don't Save does. */
    public static void discardChanges() {
        sessions().current().ifPresent(session -> SaveSupport.discardChanges(window().getShell(), session));
    }

    /** Waits for the index writers (first-use seeding, imports) to finish. */
    public static void waitForIndexing() {
        assertTrue(UiWait.until(display(), () -> Job.getJobManager().find(KbJobs.INDEX_FAMILY).length == 0),
                "indexing finished");
        UiWait.idle(display());
    }

    /** Runs a command as a key binding or menu item would. */
    public static Object execute(String commandId) throws Exception {
        return execute(commandId, Map.of());
    }

    public static Object execute(String commandId, Map<String, Object> parameters) throws Exception {
        IHandlerService handlers = window().getService(IHandlerService.class);
        ICommandService commands = window().getService(ICommandService.class);
        ParameterizedCommand command = ParameterizedCommand.generateCommand(commands.getCommand(commandId), parameters);
        assertNotNull(command, commandId);
        return handlers.executeCommand(command, null);
    }

    /** Whether a command is enabled now. */
    public static boolean isEnabled(String commandId) {
        ICommandService commands = window().getService(ICommandService.class);
        return commands.getCommand(commandId).isEnabled();
    }

    /** A visible shell with this title, waiting for it. */
    public static Shell shell(String title) {
        Shell[] found = new Shell[1];
        boolean ok = UiWait.until(display(), () -> {
            for (Shell shell : display().getShells()) {
                if (!shell.isDisposed() && shell.isVisible() && title.equals(shell.getText())) {
                    found[0] = shell;
                    return true;
                }
            }
            return false;
        });
        if (!ok) {
            List<String> titles = new ArrayList<>();
            for (Shell shell : display().getShells()) {
                titles.add(shell.getText());
            }
            fail("no shell titled '" + title + "' appeared; shells: " + titles);
        }
        return found[0];
    }

    /**
     * Handles a modal dialog that is about to open: a modal dialog runs its own event loop until it is closed, so the
     * test cannot wait for it afterwards. A timer (run by that loop) finds the shell by title and hands it over.
     *
     * @return whether the shell was found (read it after the code that opens the dialog has returned)
     */
    public static java.util.concurrent.atomic.AtomicBoolean whenShellAppears(String title,
            java.util.function.Consumer<Shell> action) {
        java.util.concurrent.atomic.AtomicBoolean found = new java.util.concurrent.atomic.AtomicBoolean();
        long until = System.currentTimeMillis() + UiWait.PATIENCE;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            for (Shell shell : display().getShells()) {
                if (!shell.isDisposed() && shell.isVisible() && title.equals(shell.getText())) {
                    found.set(true);
                    action.accept(shell);
                    return;
                }
            }
            if (System.currentTimeMillis() < until) {
                display().timerExec(100, poll[0]);
            }
        };
        display().timerExec(100, poll[0]);
        return found;
    }

    /** The texts of a shell's labels, one a line. */
    public static String labels(Shell shell) {
        List<String> texts = new ArrayList<>();
        find(shell, org.eclipse.swt.widgets.Label.class, l -> !l.getText().isEmpty()).forEach(l -> texts.add(l.getText()));
        return String.join("\n", texts);
    }

    /** Closes the visible shells with this title (a failed test may leave one open). */
    public static void closeShells(String title) {
        for (Shell shell : display().getShells()) {
            if (!shell.isDisposed() && title.equals(shell.getText())) {
                shell.close();
            }
        }
    }

    /** All widgets under a control that match. */
    public static <T extends Widget> List<T> find(Control root, Class<T> type, Predicate<T> filter) {
        List<T> result = new ArrayList<>();
        collect(root, type, filter, result);
        return result;
    }

    private static <T extends Widget> void collect(Control control, Class<T> type, Predicate<T> filter, List<T> into) {
        if (type.isInstance(control) && filter.test(type.cast(control))) {
            into.add(type.cast(control));
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, filter, into);
            }
        }
    }

    /** Presses the button with this text (mnemonics ignored), as a click would. */
    public static void press(Shell shell, String text) {
        String wanted = text.replace("&", "");
        List<Button> buttons = find(shell, Button.class, b -> b.getText().replace("&", "").equals(wanted));
        if (buttons.isEmpty()) {
            List<String> texts = new ArrayList<>();
            find(shell, Button.class, b -> true).forEach(b -> texts.add(b.getText()));
            fail("no button '" + wanted + "' in '" + shell.getText() + "'; buttons: " + texts);
        }
        click(buttons.get(0));
    }

    public static void click(Button button) {
        if ((button.getStyle() & (SWT.CHECK | SWT.RADIO | SWT.TOGGLE)) != 0) {
            button.setSelection(!button.getSelection());
        }
        button.notifyListeners(SWT.Selection, new Event());
    }
}

package eu.urbanagenda.kb.ui.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * The workbench application: one display, one workbench, the Partnerships perspective first.
 * A termination signal (kill, logout) closes the workbench the way File > Exit does, so open
 * views and window state are saved instead of lost.
 */
public class KbApplication implements IApplication {

    /** Printed when the workbench has closed and the application is about to return. */
    public static final String CLOSED_MARKER = "urbanagenda-kb: workbench closed";

    private static final long SHUTDOWN_GRACE_SECONDS = 20;

    private final CountDownLatch finished = new CountDownLatch(1);

    private static volatile boolean closingOnSignal;

    /** Whether the workbench is closing because of a termination signal (nobody is there to answer questions). */
    public static boolean isClosingOnSignal() {
        return closingOnSignal;
    }

    @Override
    public Object start(IApplicationContext context) {
        Thread onSignal = new Thread(this::closeOnSignal, "urbanagenda-kb termination");
        Runtime.getRuntime().addShutdownHook(onSignal);
        Display display = PlatformUI.createDisplay();
        try {
            int code = PlatformUI.createAndRunWorkbench(display, new KbWorkbenchAdvisor());
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
            System.out.println(CLOSED_MARKER);
            System.out.flush();
            removeHook(onSignal);
            finished.countDown();
        }
    }

    private void closeOnSignal() {
        closingOnSignal = true;
        if (PlatformUI.isWorkbenchRunning()) {
            IWorkbench workbench = PlatformUI.getWorkbench();
            Display display = workbench.getDisplay();
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (!display.isDisposed()) {
                        workbench.close();
                    }
                });
            }
        }
        try {
            finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is what closed us; nothing to remove.
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}

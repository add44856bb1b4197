package eu.urbanagenda.kb.ui.testing;

import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

/**
 * Waiting on the UI thread means running its event loop; these helpers do that. Tests wait for conditions, never for
 * a time: a busy machine only makes them slower.
 */
public final class UiWait {

    /**
     * How long a test waits for a condition before it fails: long, because a loaded machine is slow (the workbench has
     * taken 21 s to open under load); a condition that holds ends the wait at once.
     */
    public static final long PATIENCE = 180_000;

    private UiWait() {
    }

    /**
     * Runs the event loop until the workbench has nothing left to do: no event or runnable waiting for the UI thread and
     * no job running or waiting (searches, the viewer's loading, the Overview's counting), so what follows sees their
     * results laid out and painted.
     */
    public static void idle(Display display) {
        until(display, PATIENCE, () -> {
            boolean dispatched = false;
            while (display.readAndDispatch()) {
                dispatched = true;
            }
            return !dispatched && Job.getJobManager().isIdle();
        });
    }

    /** Runs the event loop until the condition holds; false when it did not within {@link #PATIENCE}. */
    public static boolean until(Display display, BooleanSupplier condition) {
        return until(display, PATIENCE, condition);
    }

    /** Runs the event loop until the condition holds; false when it did not within the timeout. */
    public static boolean until(Display display, long timeoutMillis, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                return false;
            }
            if (!display.readAndDispatch()) {
                sleepBriefly();
            }
        }
        return true;
    }

    /**
     * Lets the given time pass with the event loop running: only to pace input as a person would (a typist's keys), never
     * to wait for something to happen.
     */
    public static void pace(Display display, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                sleepBriefly();
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package eu.urbanagenda.kb.ui.tests;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Waiting on the UI thread means running its event loop; these helpers do that. */
public final class UiWait {

    private UiWait() {
    }

    /** Runs the event loop for the given time, so layouts, paints and async runnables happen. */
    public static void settle(Display display, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                sleepBriefly();
            }
        }
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

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

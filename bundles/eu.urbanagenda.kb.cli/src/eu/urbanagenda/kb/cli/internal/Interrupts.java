package eu.urbanagenda.kb.cli.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What asks a running command to stop early: Ctrl+C or a termination signal for `kb` itself, or, for a command a service
 * runs, the same passed on by its client, or the client going away.
 */
@FunctionalInterface
public interface Interrupts {

    /** How long an ending process waits for a command to stop (an index run commits what it has done). */
    long STOP_SECONDS = 30;

    /**
     * Calls {@code onInterrupt} (once, on another thread) when the command is asked to stop, until the registration is
     * closed; closing it also tells an ending process that the command has stopped.
     */
    Registration onInterrupt(Runnable onInterrupt);

    /** Ends an {@link #onInterrupt} registration. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** This process's Ctrl+C and termination signals: the JVM's shutdown waits for the command to stop. */
    Interrupts SIGNALS = onInterrupt -> {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            onInterrupt.run();
            try {
                stopped.await(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kb: stop on Ctrl+C");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook waited for us
            }
        };
    };
}

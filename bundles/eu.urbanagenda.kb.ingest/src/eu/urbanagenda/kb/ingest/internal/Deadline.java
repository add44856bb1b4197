package eu.urbanagenda.kb.ingest.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The time limit of reading one document. The work runs on a thread of its own while the caller waits; when the time
 * is up the work is interrupted and abandoned, and the content handlers and streams of the parsers check
 * {@link #check()} so that a parser that keeps producing or reading stops soon after. Long steps that are limited by
 * themselves (an OCR page) {@link #postpone(Duration) postpone} the deadline.
 */
public final class Deadline {

    /** Thrown inside the work when the time is up. */
    public static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super("time limit reached", null, false, false);
        }
    }

    /** Reported to the caller when the time is up. */
    public static final class TimedOut extends Exception {
        private static final long serialVersionUID = 1L;

        TimedOut(Duration limit) {
            super("took longer than " + limit.toSeconds() + " s", null, false, false);
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kb-extract-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final Duration limit;
    private volatile long endNanos;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.endNanos = System.nanoTime() + limit.toNanos();
    }

    /**
     * Runs work within a time limit.
     *
     * @param <T> the result type
     * @param limit the time limit
     * @param work the work
     * @return its result
     * @throws TimedOut if the time ran out
     * @throws Exception what the work threw
     */
    public static <T> T run(Duration limit, Callable<T> work) throws Exception {
        Deadline deadline = new Deadline(limit);
        Future<T> future = POOL.submit(() -> {
            CURRENT.set(deadline);
            try {
                return work.call();
            } finally {
                CURRENT.remove();
            }
        });
        try {
            while (true) {
                long left = deadline.endNanos - System.nanoTime();
                try {
                    return future.get(Math.max(1, left), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (deadline.endNanos - System.nanoTime() <= 0) {
                        future.cancel(true);
                        throw new TimedOut(limit);
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Expired) {
                throw new TimedOut(limit);
            }
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /**
     * Gives the work of the current thread more time (from now), for a step that has a limit of its own.
     *
     * @param more the time from now
     */
    public static void postpone(Duration more) {
        Deadline d = CURRENT.get();
        if (d != null) {
            d.endNanos = Math.max(d.endNanos, System.nanoTime() + more.toNanos());
        }
    }

    /** Throws {@link Expired} when the work of the current thread is out of time or was interrupted. */
    public static void check() {
        Deadline d = CURRENT.get();
        if (d != null && (System.nanoTime() - d.endNanos > 0 || Thread.currentThread().isInterrupted())) {
            throw new Expired();
        }
    }
}

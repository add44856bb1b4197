package eu.urbanagenda.kb.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a command's time goes, printed on stderr when KB_TIMINGS=1 (or -Dkb.timings=true): from the process
 * start to the Equinox launcher (JVM), to the application (OSGi start), then each step of the command.
 */
public final class Timings {

    private static final boolean ON = "1".equals(System.getenv("KB_TIMINGS")) || Boolean.getBoolean("kb.timings");
    private static final List<String> MARKS = new ArrayList<>();
    private static long last = -1;

    private Timings() {
    }

    public static boolean on() {
        return ON;
    }

    /** The first mark: the JVM's and the framework's share, from the process start and the launcher's clock. */
    public static void applicationStarted() {
        if (!ON) {
            return;
        }
        long now = System.currentTimeMillis();
        long processStart = processStart(now);
        long launcherStart = Long.getLong("eclipse.startTime", processStart);
        MARKS.add(String.format("%6d ms  start script and JVM start, to the Equinox launcher", launcherStart - processStart));
        MARKS.add(String.format("%6d ms  OSGi framework and bundles started, application running", now - launcherStart));
        last = now;
    }

    /** Marks the end of a step. */
    public static void mark(String step) {
        if (!ON || last < 0) {
            return;
        }
        long now = System.currentTimeMillis();
        MARKS.add(String.format("%6d ms  %s", now - last, step));
        last = now;
    }

    public static void print(PrintStream err) {
        if (!ON || last < 0) {
            return;
        }
        long processStart = processStart(last);
        MARKS.forEach(line -> err.println("kb timings: " + line));
        err.println(String.format("kb timings: %6d ms  in all, from the start script", System.currentTimeMillis() - processStart));
    }

    /**
     * When the start script began (it passes -Dkb.started, in milliseconds); else the process's start, which
     * Linux only knows to the second.
     */
    static long processStart(long fallback) {
        Long started = Long.getLong("kb.started");
        if (started != null && started > 0) {
            return started;
        }
        return ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(fallback);
    }
}

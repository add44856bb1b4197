package eu.urbanagenda.kb.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a command's time goes, printed on stderr when KB_TIMINGS=1 (or -Dkb.timings=true): from the process start to
 * the Equinox launcher (JVM), to the application (OSGi start), then each step of the command. A command run by a
 * service counts from when the service took it.
 */
public final class Timings {

    private final boolean on;
    private final long start;
    private final String origin;
    private final List<String> marks = new ArrayList<>();
    private long last;

    private Timings(boolean on, long start, String origin) {
        this.on = on;
        this.start = start;
        this.origin = origin;
        this.last = start;
    }

    /** Nothing is timed. */
    public static Timings off() {
        return new Timings(false, 0, "");
    }

    /**
     * The timings of this process, with its first marks: the JVM's and the framework's share, from the start script's
     * clock and the launcher's.
     */
    public static Timings ofProcess() {
        boolean on = "1".equals(System.getenv("KB_TIMINGS")) || Boolean.getBoolean("kb.timings");
        long now = System.currentTimeMillis();
        long processStart = processStart(now);
        Timings timings = new Timings(on, processStart, "start script");
        if (on) {
            long launcherStart = Long.getLong("eclipse.startTime", processStart);
            timings.marks.add(String.format(Locale.ROOT, "%6d ms  start script and JVM start, to the Equinox launcher", launcherStart - processStart));
            timings.marks.add(String.format(Locale.ROOT, "%6d ms  OSGi framework and bundles started, application running", now - launcherStart));
            timings.last = now;
        }
        return timings;
    }

    /** Timings of a command a service runs, from now. */
    public static Timings ofService(boolean on) {
        return new Timings(on, System.currentTimeMillis(), "service taking the command");
    }

    public boolean on() {
        return on;
    }

    /** Marks the end of a step. */
    public void mark(String step) {
        if (!on) {
            return;
        }
        long now = System.currentTimeMillis();
        marks.add(String.format(Locale.ROOT, "%6d ms  %s", now - last, step));
        last = now;
    }

    public void print(PrintStream err) {
        if (!on) {
            return;
        }
        marks.forEach(line -> err.println("kb timings: " + line));
        err.println(String.format(Locale.ROOT, "kb timings: %6d ms  in all, from the %s", System.currentTimeMillis() - start, origin));
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

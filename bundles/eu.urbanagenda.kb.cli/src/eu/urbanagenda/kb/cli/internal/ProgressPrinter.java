package eu.urbanagenda.kb.cli.internal;

import java.io.PrintStream;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Progress of a long command on stderr: a redrawn bar on a terminal, a plain line every tenth of
 * the work (and at least every five seconds) otherwise, so logs stay short.
 */
public final class ProgressPrinter implements IProgressMonitor {

    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private String task = "";
    private String subTask = "";
    private int total = UNKNOWN;
    private double done;
    private long lastDraw;
    private int lastTenth = -1;
    private boolean barShown;
    private String lastPlain = "";
    private volatile boolean canceled;

    public ProgressPrinter(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void beginTask(String name, int totalWork) {
        task = name == null ? "" : name;
        total = totalWork;
        done = 0;
        draw(true);
    }

    @Override
    public void done() {
        if (terminal && barShown) {
            err.print("\r\u001b[K");
            err.flush();
            barShown = false;
        }
    }

    @Override
    public void internalWorked(double work) {
        done += work;
        draw(false);
    }

    @Override
    public void worked(int work) {
        internalWorked(work);
    }

    @Override
    public boolean isCanceled() {
        return canceled;
    }

    @Override
    public void setCanceled(boolean value) {
        canceled = value;
    }

    @Override
    public void setTaskName(String name) {
        task = name == null ? "" : name;
    }

    @Override
    public void subTask(String name) {
        subTask = name == null ? "" : name;
        draw(false);
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        int percent = total > 0 ? (int) Math.min(100, Math.round(100 * done / total)) : -1;
        if (terminal) {
            if (!force && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            StringBuilder line = new StringBuilder("\r\u001b[K").append(task);
            if (percent >= 0) {
                int filled = percent * BAR_WIDTH / 100;
                line.append(" [").append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ")
                        .append(percent).append('%');
            }
            if (!subTask.isEmpty()) {
                line.append(' ').append(Console.escapeControls(shorten(subTask, 50)));
            }
            err.print(line);
            err.flush();
            barShown = true;
            return;
        }
        int tenth = percent >= 0 ? percent / 10 : -1;
        // slow steps (an OCR page takes seconds) are shown as they start, at most once a second
        boolean slowStep = subTask.startsWith("OCR ") && !subTask.equals(lastPlain) && now - lastDraw > 1_000_000_000L;
        if (force || tenth > lastTenth || slowStep || now - lastDraw > PLAIN_EVERY_NANOS) {
            lastPlain = subTask;
            lastTenth = Math.max(lastTenth, tenth);
            lastDraw = now;
            err.println(Console.escapeControls(task + (percent >= 0 ? ": " + percent + "%" : "") + (subTask.isEmpty() ? "" : " " + subTask)));
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : "…" + text.substring(text.length() - max + 1);
    }
}

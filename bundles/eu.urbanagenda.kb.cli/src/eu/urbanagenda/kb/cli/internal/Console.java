package eu.urbanagenda.kb.cli.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

import eu.urbanagenda.kb.index.Highlight;
import eu.urbanagenda.kb.index.Snippet;

/**
 * Where a command writes: results to stdout (human text, or JSON lines with --json), progress and
 * errors to stderr. Whether each stream is a terminal comes from the start script (`[ -t 1 ]`), since
 * Java cannot tell for stdout and stderr separately.
 */
public final class Console {

    /** Makes the console once the command line says whether output is JSON. */
    @FunctionalInterface
    public interface Factory {
        Console create(boolean json);
    }

    private static final String BOLD = "\u001b[1m";
    private static final String PLAIN = "\u001b[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean outTerminal;
    private final boolean errTerminal;
    private final boolean json;
    /** Made on first use: only JSON output needs it, and it costs a hundred classes at start-up. */
    private Gson gson;

    private final CheckedStream checkedOut;

    public Console(OutputStream out, OutputStream err, boolean outTerminal, boolean errTerminal, boolean json) {
        this.checkedOut = new CheckedStream(out);
        this.out = new PrintStream(checkedOut, false, StandardCharsets.UTF_8);
        this.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        this.outTerminal = outTerminal;
        this.errTerminal = errTerminal;
        this.json = json;
    }

    /** The process's own streams; terminal flags from -Dkb.stdout.tty / -Dkb.stderr.tty, colour unless NO_COLOR. */
    public static Console system(boolean json) {
        boolean color = System.getenv("NO_COLOR") == null || System.getenv("NO_COLOR").isEmpty();
        return new Console(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                new java.io.FileOutputStream(java.io.FileDescriptor.err),
                color && Boolean.getBoolean("kb.stdout.tty"), Boolean.getBoolean("kb.stderr.tty"), json);
    }

    public boolean json() {
        return json;
    }

    public boolean errTerminal() {
        return errTerminal;
    }

    /** A line of text for people: control characters of the data in it (a file name, a title) are shown escaped. */
    public void println(String line) {
        out.println(escapeControls(line));
    }

    public void println() {
        out.println();
    }

    /**
     * The line with every control character but the tab written as {@code \xHH}, except the bold and plain marks this
     * console makes itself: a file name or title with terminal escape sequences in it cannot clear or rewrite the
     * user's terminal.
     */
    static String escapeControls(String line) {
        StringBuilder b = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean control = c < 0x20 && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0;
            if (control && c == '\u001b' && (line.startsWith(BOLD, i) || line.startsWith(PLAIN, i))) {
                control = false;
            }
            if (control && b == null) {
                b = new StringBuilder(line.length() + 16).append(line, 0, i);
            }
            if (control) {
                b.append(String.format("\\x%02X", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? line : b.toString();
    }

    /** Text as it is (e.g. a whole export). */
    public void print(String text) {
        out.print(text);
    }

    /** One JSON object a line. */
    public void jsonLine(JsonElement element) {
        out.println(gson().toJson(element));
    }

    public Gson gson() {
        if (gson == null) {
            gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
        }
        return gson;
    }

    /** Bold on a terminal, plain otherwise. */
    public String bold(String text) {
        return outTerminal ? BOLD + text + PLAIN : text;
    }

    /** A passage on one line, its matched words in bold on a terminal. */
    public String snippet(Snippet snippet) {
        if (snippet == null) {
            return "";
        }
        String text = snippet.text();
        if (!outTerminal) {
            return text.replace('\n', ' ');
        }
        StringBuilder b = new StringBuilder(text.length() + snippet.highlights().size() * 8);
        int pos = 0;
        for (Highlight h : snippet.highlights()) {
            b.append(text, pos, h.start()).append(BOLD).append(text, h.start(), h.end()).append(PLAIN);
            pos = h.end();
        }
        return b.append(text, pos, text.length()).toString().replace('\n', ' ');
    }

    public PrintStream err() {
        return err;
    }

    /** One line on stderr, its control characters escaped as on stdout. */
    public void error(String message) {
        err.println(escapeControls(message));
    }

    /** Text of several lines that this program wrote itself (help), as it is. */
    public void printText(String text) {
        out.print(text.endsWith("\n") ? text : text + "\n");
    }

    public void flush() {
        out.flush();
        err.flush();
    }

    /**
     * Why standard output could not be written (a full disk, a device error), or {@code null} when all of it was
     * written; a reader that went away (a pipe closed by {@code head}) is no failure.
     */
    public IOException outputFailure() {
        out.flush();
        return checkedOut.failure;
    }

    /** Keeps the first error of writing, which a PrintStream would swallow. */
    private static final class CheckedStream extends FilterOutputStream {
        IOException failure;
        boolean readerGone;

        CheckedStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            guard(() -> out.write(b, off, len));
        }

        @Override
        public void write(int b) throws IOException {
            guard(() -> out.write(b));
        }

        @Override
        public void flush() throws IOException {
            guard(out::flush);
        }

        private interface Write {
            void run() throws IOException;
        }

        private void guard(Write write) throws IOException {
            if (failure != null || readerGone) {
                return; // nothing more goes out once it failed
            }
            try {
                write.run();
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("Broken pipe")) {
                    readerGone = true;
                } else {
                    failure = e;
                }
                throw e;
            }
        }
    }
}

package eu.urbanagenda.kb.cli.internal;

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

    public Console(OutputStream out, OutputStream err, boolean outTerminal, boolean errTerminal, boolean json) {
        this.out = new PrintStream(out, false, StandardCharsets.UTF_8);
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

    public void println(String line) {
        out.println(line);
    }

    public void println() {
        out.println();
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

    /** A snippet whose matches are marked <b>…</b>: bold on a terminal, plain text when piped (as grep does). */
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

    /** One line on stderr. */
    public void error(String message) {
        err.println(message);
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}

package eu.urbanagenda.kb.cli.internal;

import java.io.IOException;
import java.nio.file.Path;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;

/** What a command runs with: the console, the data directory, and the session opened on first need. */
public final class Context implements AutoCloseable {

    private final Console console;
    private final Path dataDirectory;
    private KbSession session;

    public Context(Console console, Path dataDirectory) {
        this.console = console;
        this.dataDirectory = dataDirectory;
    }

    public Console console() {
        return console;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Opens the data directory (setting it up on first use); notices go to stderr. */
    public KbSession session() throws DataException {
        if (session == null) {
            try {
                session = KbSession.open(dataDirectory);
            } catch (KnowledgeBaseLoadException e) {
                // refused, so that no command works on (and `link` or `index` saves) part of it
                StringBuilder message = new StringBuilder("kb: the knowledge base cannot be loaded: " + e.getMessage());
                message.append("\nkb: the file was left as it is").append(e.getProblems().size() > 1 ? "; 'kb validate' lists every problem" : "");
                RestoreAdvice.line(dataDirectory, Path.of(e.getFile())).ifPresent(line -> message.append("\nkb: ").append(line));
                throw new DataException(message.toString(), e);
            } catch (IOException e) {
                throw new DataException("kb: " + e.getMessage(), e);
            }
            Timings.mark("knowledge base loaded");
            session.notices().forEach(this::notice);
            session.onNotice(this::notice);
        }
        return session;
    }

    private void notice(String text) {
        console.error("kb: " + text);
    }

    @Override
    public void close() {
        if (session != null) {
            try {
                session.close();
            } catch (IOException e) {
                console.error("kb: closing " + dataDirectory + " failed: " + e.getMessage());
            }
            session = null;
        }
    }
}

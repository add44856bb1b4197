package eu.urbanagenda.kb.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;

/** What a command runs with: the console, and the session of the {@link KbSessionService}, opened on first need. */
public final class Context {

    private final Console console;
    private final KbSessionService sessions;
    private KbSession session;

    public Context(Console console, KbSessionService sessions) {
        this.console = console;
        this.sessions = sessions;
    }

    public Console console() {
        return console;
    }

    public Path dataDirectory() {
        return sessions.dataDirectory();
    }

    /** The session (the data directory is set up on first use); its notices go to stderr. */
    public KbSession session() throws DataException {
        if (session == null) {
            KbSession opened;
            try {
                opened = sessions.session();
            } catch (KnowledgeBaseLoadException e) {
                // refused, so that no command works on (and `link` or `index` saves) part of it
                List<String> more = new ArrayList<>();
                more.add("kb: the file was left as it is" + (e.getProblems().size() > 1 ? "; 'kb validate' lists every problem" : ""));
                RestoreAdvice.line(dataDirectory(), Path.of(e.getFile())).ifPresent(line -> more.add("kb: " + line));
                throw new DataException("kb: the knowledge base cannot be loaded: " + e.getMessage(), more, e);
            } catch (IOException e) {
                throw new DataException("kb: " + e.getMessage(), e);
            }
            Timings.mark("knowledge base loaded");
            opened.notices().forEach(this::notice);
            opened.onNotice(this::notice);
            session = opened;
        }
        return session;
    }

    private void notice(String text) {
        console.error("kb: " + text);
    }
}

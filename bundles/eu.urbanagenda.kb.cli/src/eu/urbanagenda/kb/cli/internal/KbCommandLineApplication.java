package eu.urbanagenda.kb.cli.internal;

import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The headless Equinox application behind `kb COMMAND`: returns the command's exit status. */
public class KbCommandLineApplication implements IApplication {

    /**
     * Lucene logs a warning through java.util.logging when the incubating Vector API is not enabled; the
     * command line leaves it off (its warning would be printed on every start) and keeps stderr for its own
     * messages. Held here, since a logger without a strong reference forgets its level.
     */
    private static final Logger LUCENE_VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

    @Override
    public Object start(IApplicationContext context) {
        String[] raw = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        List<String> args = Arrays.asList(raw);
        Timings.applicationStarted();
        LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
        context.applicationRunning();
        int status = new KbCli().run(args, Console::system);
        Timings.print(System.err);
        return status;
    }

    @Override
    public void stop() {
        // Commands run to their end; an interrupted index run keeps its last commit.
    }
}

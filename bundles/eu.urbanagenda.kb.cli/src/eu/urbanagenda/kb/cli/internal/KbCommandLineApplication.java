package eu.urbanagenda.kb.cli.internal;

import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import eu.urbanagenda.kb.core.KbSessionService;

/** The headless Equinox application behind `kb COMMAND`: returns the command's exit status. */
public class KbCommandLineApplication implements IApplication {

    /**
     * Lucene logs a warning through java.util.logging when the incubating Vector API is not enabled; the
     * command line leaves it off (its warning would be printed on every start) and keeps stderr for its own
     * messages. Held here, since a logger without a strong reference forgets its level.
     */
    private static final Logger LUCENE_VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

    /** Declarative Services registers the session service as the framework starts; it is there at once in practice. */
    private static final long SERVICE_WAIT_MILLIS = 10_000;

    @Override
    public Object start(IApplicationContext context) {
        String[] raw = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        List<String> args = Arrays.asList(raw);
        Timings.applicationStarted();
        LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
        context.applicationRunning();
        int status;
        ServiceTracker<KbSessionService, KbSessionService> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(KbCommandLineApplication.class).getBundleContext(), KbSessionService.class, null);
        tracker.open();
        try {
            KbSessionService sessions = tracker.waitForService(SERVICE_WAIT_MILLIS);
            if (sessions == null) {
                System.err.println("kb: internal error: the knowledge-base session service did not start (is "
                        + "org.apache.felix.scr in the product?)");
                return ExitStatus.DATA;
            }
            status = new KbCli().run(args, Console::system, sessions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.DATA;
        } finally {
            tracker.close();
        }
        Timings.print(System.err);
        return status;
    }

    @Override
    public void stop() {
        // Commands run to their end; an interrupted index run keeps its last commit.
    }
}

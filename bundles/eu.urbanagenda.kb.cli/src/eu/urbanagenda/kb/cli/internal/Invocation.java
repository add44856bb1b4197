package eu.urbanagenda.kb.cli.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of `kb`: the command line and everything of the caller's that what it prints may depend on. Standalone, the
 * caller is this process; a service runs a command with its client's.
 *
 * @param arguments        the command line, as given to `kb`
 * @param workingDirectory what relative paths in it are relative to
 * @param consoles         the caller's standard output and error
 * @param stdin            the caller's standard input
 * @param interrupts       what asks the command to stop
 * @param timings          where the time goes (KB_TIMINGS=1)
 * @param served           whether a service runs it, on the knowledge base and index it has open for others too
 */
public record Invocation(List<String> arguments, Path workingDirectory, Console.Factory consoles, InputStream stdin,
        Interrupts interrupts, Timings timings, boolean served) {

    /** This process's own command line, streams and signals. */
    public static Invocation standalone(List<String> arguments, Timings timings) {
        return new Invocation(arguments, Path.of("").toAbsolutePath(), Console::system, System.in, Interrupts.SIGNALS,
                timings, false);
    }

    /** A path of the command line, absolute and normalized. */
    public Path path(String path) {
        return workingDirectory.resolve(path).toAbsolutePath().normalize();
    }
}

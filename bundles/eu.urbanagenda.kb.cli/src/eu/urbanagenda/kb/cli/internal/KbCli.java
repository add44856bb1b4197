package eu.urbanagenda.kb.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import eu.urbanagenda.kb.cli.internal.commands.DiffCommand;
import eu.urbanagenda.kb.cli.internal.commands.ExportCommand;
import eu.urbanagenda.kb.cli.internal.commands.HistoryCommand;
import eu.urbanagenda.kb.cli.internal.commands.IndexCommand;
import eu.urbanagenda.kb.cli.internal.commands.LinkCommand;
import eu.urbanagenda.kb.cli.internal.commands.PartnershipsCommand;
import eu.urbanagenda.kb.cli.internal.commands.RestoreCommand;
import eu.urbanagenda.kb.cli.internal.commands.SearchCommand;
import eu.urbanagenda.kb.cli.internal.commands.ServeCommand;
import eu.urbanagenda.kb.cli.internal.commands.SetCommand;
import eu.urbanagenda.kb.cli.internal.commands.ShowCommand;
import eu.urbanagenda.kb.cli.internal.commands.SyncCommand;
import eu.urbanagenda.kb.cli.internal.commands.ValidateCommand;
import eu.urbanagenda.kb.core.KbSessionService;

/**
 * `kb [--data DIR] [--backend URL] [--json] COMMAND [OPTIONS] [OPERANDS]`: finds the command, parses its arguments, runs it,
 * and turns every failure into one line on stderr and an exit status.
 */
public final class KbCli {

    private final List<Command> commands;

    public KbCli() {
        this(List.of(new IndexCommand(), new SearchCommand(), new PartnershipsCommand(), new ShowCommand(),
                new ValidateCommand(), new RestoreCommand(), new ExportCommand(), new LinkCommand(), new SetCommand(),
                new HistoryCommand(), new DiffCommand(), new SyncCommand(), new ServeCommand()));
    }

    public KbCli(List<Command> commands) {
        this.commands = commands;
    }

    public List<Command> commands() {
        return commands;
    }

    /**
     * Runs a command line; global options may come before or after the command.
     *
     * @param sessions the session service the commands work through; {@code --data} sets its data directory (a service
     *                 serves one data directory, which it checked is the client's), {@code --backend} its search engine
     */
    public int run(Invocation invocation, KbSessionService sessions) {
        List<String> arguments = invocation.arguments();
        Console.Factory consoles = invocation.consoles();
        Path dataDirectory = null;
        String backend = null;
        boolean json = false;
        boolean help = false;
        boolean version = false;
        String commandName = null;
        List<String> rest = new ArrayList<>();
        Console console = consoles.create(false);
        try {
            boolean optionsEnded = false;
            for (int i = 0; i < arguments.size(); i++) {
                String arg = arguments.get(i);
                if (optionsEnded) {
                    rest.add(arg);
                } else if (arg.equals("--")) {
                    optionsEnded = true;
                    rest.add(arg);
                } else if (arg.equals("--data") || arg.startsWith("--data=")) {
                    String value = arg.startsWith("--data=") ? arg.substring(7) : (i + 1 < arguments.size() ? arguments.get(++i) : null);
                    if (value == null || value.isBlank()) {
                        throw new UsageException("kb: option '--data' needs a directory");
                    }
                    dataDirectory = invocation.path(value);
                } else if (arg.equals("--backend") || arg.startsWith("--backend=")) {
                    String value = arg.startsWith("--backend=") ? arg.substring(10) : (i + 1 < arguments.size() ? arguments.get(++i) : null);
                    if (value == null || value.isBlank()) {
                        throw new UsageException("kb: option '--backend' needs the URL of an OpenSearch cluster, or 'local'");
                    }
                    backend = value;
                } else if (arg.equals("--json")) {
                    json = true;
                } else if (commandName == null && (arg.equals("--help") || arg.equals("-h"))) {
                    help = true;
                } else if (commandName == null && arg.equals("--version")) {
                    version = true;
                } else if (commandName == null && !arg.startsWith("-")) {
                    commandName = arg;
                } else if (commandName == null) {
                    throw new UsageException("kb: unknown option '" + arg + "'; see 'kb --help'");
                } else {
                    rest.add(arg);
                }
            }
            console = consoles.create(json);
            if (version) {
                console.println("kb (Urban Agenda Knowledge Base) " + version() + ", Java " + Runtime.version());
                return ExitStatus.OK;
            }
            if (commandName == null || commandName.equals("help")) {
                if (commandName != null && !rest.isEmpty()) {
                    Command command = find(rest.get(0));
                    console.printText(Help.command(command));
                } else {
                    console.printText(Help.overview(commands));
                }
                return help || commandName != null ? ExitStatus.OK : ExitStatus.USAGE;
            }
            Command command = find(commandName);
            ParsedArgs parsed = ParsedArgs.parse(command.name(), rest, withHelp(command.options()));
            if (parsed.has("help")) {
                console.printText(Help.command(command));
                return ExitStatus.OK;
            }
            if (dataDirectory != null && !invocation.served()) {
                sessions.setDataDirectory(dataDirectory);
            }
            if (backend != null) {
                if (invocation.served()) {
                    // the service's engine is the workbench's or kb serve's; the start script runs such commands itself
                    throw new UsageException("kb: --backend is not taken by a command the service runs; run it with KB_SERVICE=off");
                }
                // the URL from here, credentials and CA certificate from the environment (never from the command line)
                sessions.setBackend(sessions.backend().withUrl(backend.equals("local") ? null : backend));
            }
            try (Context context = new Context(console, sessions, invocation)) {
                int status = command.run(parsed, context);
                return outputWritten(console, status);
            }
        } catch (UsageException e) {
            console.error(e.getMessage());
            return ExitStatus.USAGE;
        } catch (DataException e) {
            console.error(e.getMessage());
            e.more().forEach(console::error);
            return ExitStatus.DATA;
        } catch (RuntimeException | Error e) {
            console.error("kb: internal error: " + e + " (please report it)");
            if (Boolean.getBoolean("kb.debug")) {
                e.printStackTrace(console.err());
            }
            return ExitStatus.DATA;
        } finally {
            invocation.timings().print(console.err());
            console.flush();
        }
    }

    /** A command's status, unless what it wrote to stdout was lost (a full disk): that is no success (exit 3). */
    private static int outputWritten(Console console, int status) {
        java.io.IOException failure = console.outputFailure();
        if (failure == null) {
            return status;
        }
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        console.error("kb: the output could not be written to standard output: " + reason);
        return ExitStatus.DATA;
    }

    private Command find(String name) throws UsageException {
        for (Command command : commands) {
            if (command.name().equals(name)) {
                return command;
            }
        }
        throw new UsageException("kb: unknown command '" + name + "'; see 'kb --help'");
    }

    private static List<OptionSpec> withHelp(List<OptionSpec> options) {
        List<OptionSpec> all = new ArrayList<>(options);
        all.add(OptionSpec.flag("help", "show this help"));
        return all;
    }

    static String version() {
        Bundle bundle = FrameworkUtil.getBundle(KbCli.class);
        return bundle == null ? "(development)" : bundle.getVersion().toString();
    }
}

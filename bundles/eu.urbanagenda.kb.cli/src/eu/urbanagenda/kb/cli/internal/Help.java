package eu.urbanagenda.kb.cli.internal;

import java.util.List;
import java.util.Locale;

/** The texts of `kb --help` and `kb COMMAND --help`. */
final class Help {

    private Help() {
    }

    static String overview(List<Command> commands) {
        StringBuilder text = new StringBuilder();
        text.append("Usage: kb [--data DIR] [--backend URL] [--json] COMMAND [OPTIONS] [ARGUMENTS]\n");
        text.append("       kb                 (no command: the workbench, when there is a display)\n\n");
        text.append("The Urban Agenda for the EU knowledge base: partnerships, coordinators, actions, and full-text\n");
        text.append("search over Ukrainian and Bulgarian source documents.\n\nCommands:\n");
        for (Command command : commands) {
            text.append(String.format(Locale.ROOT, "  %-14s %s%n", command.name(), command.summary()));
        }
        text.append("""

                Global options:
                  --data DIR     where the knowledge base and the index live (default:
                                 $XDG_DATA_HOME/urbanagenda-kb, else ~/.local/share/urbanagenda-kb);
                                 set up on first use with the bundled knowledge base and seed documents
                  --backend URL  search and index the documents in an OpenSearch cluster that has the
                                 plugin urbanagenda-kb-analysis, e.g. https://search1:9200,search2:9200/kb
                                 (several nodes: fail-over; index urbanagenda-kb unless named); 'local'
                                 for the index in DIR. Default: $KB_BACKEND, else local. Credentials:
                                 $KB_BACKEND_USER and $KB_BACKEND_PASSWORD (or user:password@ in the URL),
                                 a CA certificate to trust: $KB_BACKEND_CA (PEM). The knowledge base
                                 itself stays in DIR.
                  --json         JSON lines on stdout: one object per hit or record
                  --help, -h     this help; `kb COMMAND --help` for a command's
                  --version      the version

                Exit status: 0 success (also a search that finds nothing), 1 validation errors,
                2 usage errors (unknown option, bad query syntax), 3 input or data errors (unreadable
                path, locked index, a knowledge base that does not load cleanly: every command refuses
                it and leaves it as it is; kb validate lists its problems, kb restore puts back a backup;
                a search cluster that cannot be used).""");
        return text.toString();
    }

    static String command(Command command) {
        StringBuilder text = new StringBuilder();
        text.append("Usage: kb ").append(command.name());
        if (!command.options().isEmpty()) {
            text.append(" [OPTIONS]");
        }
        if (!command.operands().isEmpty()) {
            text.append(' ').append(command.operands());
        }
        text.append("\n\n").append(command.summary()).append('\n');
        if (!command.description().isEmpty()) {
            text.append('\n').append(command.description().strip()).append('\n');
        }
        if (!command.options().isEmpty()) {
            text.append("\nOptions:\n");
            for (OptionSpec option : command.options()) {
                text.append(String.format(Locale.ROOT, "  %-24s %s%n", option.synopsis(), option.help()));
            }
        }
        text.append(String.format(Locale.ROOT, "  %-24s %s%n", "--help", "this help"));
        text.append("\nGlobal options --data DIR, --backend URL and --json apply too (see kb --help).");
        return text.toString();
    }
}

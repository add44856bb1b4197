package eu.urbanagenda.kb.cli.internal;

import java.util.List;

/** One `kb` command: its name, help, options, and what it does. */
public interface Command {

    String name();

    /** One line for `kb --help`. */
    String summary();

    /** The operands, e.g. "QUERY" or "[PATH...]", for the usage line; none by default. */
    default String operands() {
        return "";
    }

    /** Paragraphs after the usage line of `kb COMMAND --help`. */
    String description();

    /** The options it takes; none by default. */
    default List<OptionSpec> options() {
        return List.of();
    }

    /**
     * Runs the command.
     *
     * @return the exit status ({@link ExitStatus})
     * @throws UsageException for wrong arguments (exit status 2)
     * @throws DataException  for unusable input or data (exit status 3)
     */
    int run(ParsedArgs args, Context context) throws UsageException, DataException;
}

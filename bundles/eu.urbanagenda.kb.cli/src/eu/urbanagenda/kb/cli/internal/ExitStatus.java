package eu.urbanagenda.kb.cli.internal;

/** The exit statuses of every command, as documented in `kb --help`. */
public final class ExitStatus {

    /** Success, also when a search finds nothing. */
    public static final int OK = 0;
    /** Validation found errors. */
    public static final int VALIDATION_ERRORS = 1;
    /** Unknown option, missing argument, bad query syntax. */
    public static final int USAGE = 2;
    /** Unreadable path, locked index, corrupt model. */
    public static final int DATA = 3;

    private ExitStatus() {
    }
}

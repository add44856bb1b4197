package eu.urbanagenda.kb.cli.internal;

/** The command line was wrong (unknown option, missing value, bad query syntax): exit status 2. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

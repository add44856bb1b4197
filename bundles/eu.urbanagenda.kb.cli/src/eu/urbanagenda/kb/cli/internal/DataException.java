package eu.urbanagenda.kb.cli.internal;

/** Input or data could not be used (unreadable path, locked index, corrupt model): exit status 3. */
public class DataException extends Exception {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}

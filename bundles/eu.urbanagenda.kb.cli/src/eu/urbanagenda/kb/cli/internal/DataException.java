package eu.urbanagenda.kb.cli.internal;

import java.util.List;

/** Input or data could not be used (unreadable path, locked index, corrupt model): exit status 3. */
public class DataException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> more;

    public DataException(String message) {
        this(message, null);
    }

    public DataException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    /** A message and lines that follow it (e.g. what to do next), each printed as a line of its own. */
    public DataException(String message, List<String> more, Throwable cause) {
        super(message, cause);
        this.more = List.copyOf(more);
    }

    /** The lines after the message. */
    public List<String> more() {
        return more;
    }
}

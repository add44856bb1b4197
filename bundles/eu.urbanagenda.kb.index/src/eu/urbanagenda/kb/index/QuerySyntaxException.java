package eu.urbanagenda.kb.index;

/**
 * A query that cannot be parsed. {@link #getMessage()} is a sentence for the user (no stack trace, no parser jargon);
 * {@link #position()} is where the problem is.
 */
public class QuerySyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The query text. */
    private final String query;
    /** The 0-based position of the problem, or -1. */
    private final int position;

    /**
     * @param message a human-readable message, including the position
     * @param query the query
     * @param position the 0-based character index in {@code query} of the problem, or -1 if unknown
     */
    public QuerySyntaxException(String message, String query, int position) {
        super(message);
        this.query = query;
        this.position = position;
    }

    /** @return the query text */
    public String query() {
        return query;
    }

    /** @return the 0-based character index of the problem in the query, or -1 if unknown */
    public int position() {
        return position;
    }
}

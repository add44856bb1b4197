package eu.urbanagenda.kb.index;

/**
 * A query whose work would exceed the bounds every search keeps to (a regular expression or wildcard that expands too
 * far, too many terms, more time than the search may take). {@link #getMessage()} says in words what was too costly
 * and how to narrow the query; {@link #position()} is where in the query, or -1. A kind of
 * {@link QuerySyntaxException}, so callers that show a bad query's message show this one too.
 */
public class QueryTooCostlyException extends QuerySyntaxException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a human-readable message
     * @param query the query
     * @param position the 0-based character index in {@code query} of the costly part, or -1
     */
    public QueryTooCostlyException(String message, String query, int position) {
        super(message, query, position);
    }
}

package eu.urbanagenda.kb.index.opensearch;

import java.io.IOException;

/**
 * A cluster that cannot be used, or a request it could not serve. The message is a sentence for the user that names the
 * cluster (URL without password) or index and the problem, e.g. "Cannot reach OpenSearch at http://127.0.0.1:9200:
 * connection refused."; the cause is kept for the log.
 */
public class ClusterException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the sentence for the user
     * @param cause the underlying failure, or {@code null}
     */
    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}

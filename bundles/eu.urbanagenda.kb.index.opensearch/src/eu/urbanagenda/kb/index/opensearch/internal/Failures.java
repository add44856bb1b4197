package eu.urbanagenda.kb.index.opensearch.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.httpclient5.ResponseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a failed request says, whichever way it failed (the typed client's {@link OpenSearchException}, the transport's
 * {@link ResponseException}, an {@link ErrorAnswer} of {@link Cluster#send}, or a network exception): its status and
 * error types, whether retrying can help, and the reason in words.
 */
public final class Failures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Failures() {
    }

    /** An error answer to a request sent with {@link Cluster#send}: its status and the error's type and reason. */
    public static final class ErrorAnswer extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String type;

        ErrorAnswer(int status, String type, String reason) {
            super(reason);
            this.status = status;
            this.type = type;
        }

        /** @return the HTTP status */
        public int status() {
            return status;
        }

        /** @return the error type, e.g. resource_already_exists_exception, or "" */
        public String type() {
            return type;
        }
    }

    static JsonNode parse(byte[] bytes) {
        try {
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.createObjectNode(); // not JSON (e.g. a proxy's page): the status tells enough
        }
    }

    /**
     * @return the JSON answer the exception carries (its message ends with the answer, as it was buffered; its
     *         response object is not public), or an empty object
     */
    static JsonNode body(ResponseException e) {
        String m = e.getMessage();
        int start = m == null ? -1 : m.indexOf("\n{");
        return start < 0 ? JSON.createObjectNode() : parse(m.substring(start + 1).getBytes(StandardCharsets.UTF_8));
    }

    static ErrorAnswer errorAnswer(int status, String statusText, JsonNode answer) {
        JsonNode error = answer.path("error");
        List<String> types = new ArrayList<>();
        String reason = error.isTextual() ? error.asText()
                : error.path("reason").asText(statusText == null ? "" : statusText);
        for (JsonNode c = error; c.isObject(); c = c.path("caused_by")) {
            types.add(c.path("type").asText(""));
            String cause = c.path("reason").asText("");
            if (c != error && !cause.isEmpty() && !reason.contains(cause)) {
                reason += " (" + cause + ")";
            }
        }
        error.path("root_cause").forEach(c -> types.add(c.path("type").asText("")));
        return new ErrorAnswer(status, String.join(" ", types).strip(), reason);
    }

    /**
     * @param e a failure
     * @return whether the cluster would likely serve the request soon: no node reachable, a node gone, shards or the
     *         manager moving, too many requests
     */
    public static boolean isTransient(Throwable e) {
        List<String> types = errorTypes(e);
        if (types.stream().anyMatch(t -> PERMANENT.stream().anyMatch(t::contains))) {
            return false;
        }
        if (types.stream().anyMatch(t -> TRANSIENT.stream().anyMatch(t::contains))) {
            return true;
        }
        int status = status(e);
        if (status == 429 || status >= 500) {
            // too busy, or a node or shard missing while the cluster heals (a request's own error is permanent above)
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof UnknownHostException) {
                return false;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof java.net.SocketException
                    || t instanceof org.apache.hc.core5.http.ConnectionClosedException
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param type an OpenSearch error type
     * @return whether it says a node or shard is missing for now
     */
    public static boolean isTransientType(String type) {
        return type != null && PERMANENT.stream().noneMatch(type::contains) && TRANSIENT.stream().anyMatch(type::contains);
    }

    /**
     * @param e a failed search
     * @return the reason, if the query itself was refused (e.g. it expands to too many terms), else {@code null}
     */
    public static String queryProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OpenSearchException ose && ose.error() != null) {
                List<String> types = errorTypes(ose);
                if (types.stream().anyMatch(x -> x.contains("too_many") || x.contains("query_shard")
                        || x.contains("parsing_exception") || x.contains("illegal_argument"))) {
                    ErrorCause root = ose.error().rootCause() == null || ose.error().rootCause().isEmpty()
                            ? ose.error() : ose.error().rootCause().get(0);
                    return describe(root);
                }
            }
        }
        return null;
    }

    /** Errors of the request itself: retrying cannot help (a query phase fails so when it runs out of time). */
    private static final List<String> PERMANENT = List.of("query_shard", "query_phase_execution", "parsing_exception", "illegal_argument",
            "too_many_clauses", "too_many_nested_clauses", "mapper_parsing", "index_not_found", "x_content_parse",
            "strict_dynamic_mapping", "document_parsing", "security_exception", "script_exception");
    /** A node or shard is missing for now: a healthy cluster recovers. */
    private static final List<String> TRANSIENT = List.of("unavailable_shards", "no_shard_available",
            "node_disconnected", "node_not_connected", "node_closed", "cluster_block", "not_master",
            "not_cluster_manager", "process_cluster_event_timeout", "shard_not_found", "no_node_available",
            "primary_missing", "rejected_execution", "circuit_breaking", "search_phase_execution",
            "connect_transport", "receive_timeout_transport", "send_request_transport");

    /**
     * @param e a failure
     * @return the HTTP status of the answer it carries, or 0
     */
    public static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OpenSearchException ose) {
                return ose.status();
            }
            if (t instanceof ResponseException re) {
                return re.status();
            }
            if (t instanceof ErrorAnswer ea) {
                return ea.status();
            }
        }
        return 0;
    }

    /**
     * @param e a failed search
     * @return whether it ran out of the time it was given (the engine's {@code timeout}, without partial results)
     */
    public static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OpenSearchException ose && ose.error() != null) {
                List<ErrorCause> causes = new ArrayList<>();
                for (ErrorCause c = ose.error(); c != null; c = c.causedBy()) {
                    causes.add(c);
                }
                if (ose.error().rootCause() != null) {
                    causes.addAll(ose.error().rootCause());
                }
                if (causes.stream().anyMatch(c -> TIME_EXCEEDED.equals(c.reason()))) {
                    return true;
                }
            }
            if (t instanceof ErrorAnswer || t instanceof ResponseException) {
                String m = t.getMessage();
                if (m != null && m.contains(TIME_EXCEEDED)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The reason of a query phase stopped by the search's timeout when partial results are not allowed. */
    private static final String TIME_EXCEEDED = "Time exceeded";

    /**
     * @param e a failure
     * @return the OpenSearch error type (e.g. index_not_found_exception), also of root causes, or {@code null}
     */
    public static String errorType(Throwable e) {
        List<String> types = errorTypes(e);
        return types.isEmpty() ? null : String.join(" ", types);
    }

    private static List<String> errorTypes(Throwable e) {
        List<String> types = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ErrorAnswer ea && !ea.type().isEmpty()) {
                types.addAll(List.of(ea.type().split(" ")));
            }
            if (t instanceof ResponseException re) {
                ErrorAnswer ea = errorAnswer(re.status(), null, body(re));
                if (!ea.type().isEmpty()) {
                    types.addAll(List.of(ea.type().split(" ")));
                }
            }
            if (t instanceof OpenSearchException ose && ose.error() != null) {
                for (ErrorCause c = ose.error(); c != null; c = c.causedBy()) {
                    types.add(String.valueOf(c.type()));
                }
                if (ose.error().rootCause() != null) {
                    ose.error().rootCause().forEach(c -> types.add(String.valueOf(c.type())));
                }
            }
        }
        return types;
    }

    /** @return "type: reason" of an error, with its first cause */
    public static String describe(ErrorCause error) {
        StringBuilder b = new StringBuilder();
        b.append(error.reason() == null ? error.type() : error.reason());
        ErrorCause cause = error.causedBy();
        if (cause == null && error.rootCause() != null && !error.rootCause().isEmpty()) {
            cause = error.rootCause().get(0);
        }
        if (cause != null && cause.reason() != null && !cause.reason().equals(error.reason())) {
            b.append(" (").append(cause.reason()).append(')');
        }
        return b.toString();
    }
}

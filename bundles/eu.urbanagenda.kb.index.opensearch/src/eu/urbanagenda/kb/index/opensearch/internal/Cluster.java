package eu.urbanagenda.kb.index.opensearch.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.parsson.api.JsonConfig;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.urbanagenda.kb.index.opensearch.ClusterException;
import eu.urbanagenda.kb.index.opensearch.OpenSearchOptions;

/**
 * The connection to a cluster: the opensearch-java client on the Apache HttpClient 5 transport with the Jackson mapper,
 * sending each request to the next live node of the URL (a node that does not answer, or answers 502/503/504, is
 * skipped for a while); basic authentication and TLS with an extra CA certificate. Requests go through
 * {@link #call(String, Request)}, which retries what a healthy cluster would soon serve again (no node reachable, a node
 * leaving, shards moving, too many requests) for {@link OpenSearchOptions#retryFor()}, and turns every failure into a
 * {@link ClusterException} with a sentence for the user.
 * <p>
 * The client finds its JSON-P implementation (Parsson) with {@code JsonProvider.provider()}, a {@link ServiceLoader}
 * lookup through the thread's context class loader, mostly in static initialisers that may run on the HTTP client's
 * own threads. Inside OSGi no such loader sees a provider (Parsson does not export its implementation package), so the
 * client's classes that hold a provider are initialised here, once, with Parsson's own bundle class loader as context
 * class loader, and every request runs with it too.
 */
public final class Cluster implements Closeable {

    /** The class loader that sees Parsson's provider and its META-INF/services entry. */
    private static final ClassLoader JSON_P = JsonConfig.class.getClassLoader();

    static {
        try {
            withJsonProvider(() -> {
                for (String c : List.of("org.opensearch.client.json.JsonpUtils",
                        "org.opensearch.client.json.jackson.JsonValueParser$DefaultJsonProvider")) {
                    try {
                        Class.forName(c, true, Cluster.class.getClassLoader());
                    } catch (ClassNotFoundException e) {
                        // another client version: its classes find the provider on first use inside a request
                    }
                }
                return null;
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A request to the cluster. */
    @FunctionalInterface
    public interface Request<T> {
        /** @return the response */
        T run() throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCAN_PAGE = 5000;

    private final ClusterAddress address;
    private final OpenSearchOptions options;
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchClient client;

    private Cluster(ClusterAddress address, OpenSearchOptions options, ApacheHttpClient5Transport transport) {
        this.address = address;
        this.options = options;
        this.transport = transport;
        this.client = new OpenSearchClient(transport);
    }

    /**
     * Builds the client; sends nothing yet.
     *
     * @param address the nodes, credentials and index
     * @param options options
     * @return the connection
     * @throws ClusterException if the CA certificate cannot be read
     */
    public static Cluster connect(ClusterAddress address, OpenSearchOptions options) throws ClusterException {
        HttpHost[] hosts = address.hosts().stream().map(h -> new HttpHost(address.scheme(), h.name(), h.port()))
                .toArray(HttpHost[]::new);
        String user = options.user() != null ? options.user() : address.user();
        String password = options.user() != null ? options.password() : address.password();
        SSLContext ssl = TrustedAuthorities.sslContext(options.caCertificate());
        Timeout timeout = Timeout.ofMilliseconds(options.timeout().toMillis());
        ApacheHttpClient5Transport transport = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .setHttpClientConfigCallback(builder -> {
                    if (user != null) {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        for (HttpHost host : hosts) {
                            credentials.setCredentials(new AuthScope(host),
                                    new UsernamePasswordCredentials(user, password == null ? new char[0]
                                            : password.toCharArray()));
                        }
                        builder.setDefaultCredentialsProvider(credentials);
                    }
                    return builder.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnPerRoute(10).setMaxConnTotal(30)
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(Timeout.ofSeconds(Math.min(5, options.timeout().toSeconds())))
                                    .setSocketTimeout(timeout).build())
                            .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(ssl).build()).build())
                            // OpenSearch speaks HTTP/1.1 (HTTP/2 only with an optional transport)
                            .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1);
                })
                .setRequestConfigCallback(config -> config.setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout))
                .build();
        return new Cluster(address, options, transport);
    }

    /**
     * Runs code that may look up the JSON-P provider, with Parsson's class loader as context class loader.
     *
     * @param code the code
     * @return its result
     * @throws IOException as the code does
     */
    public static <T> T withJsonProvider(Request<T> code) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JSON_P);
        try {
            return code.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Sends a request with a JSON (or NDJSON) body and reads the JSON answer; for the calls the typed client does not
     * cover or does not decode leniently (index creation with every mapping option, bulk answers that report replica
     * failures, waits that answer 408).
     *
     * @param method HTTP method
     * @param endpoint path, e.g. "/kb/_bulk"
     * @param query query parameters
     * @param body the body, or {@code null}
     * @param contentType its type, e.g. "application/json"
     * @param accepted statuses besides 2xx whose answer is returned rather than thrown
     * @return the answer
     * @throws Failures.ErrorAnswer for another status
     * @throws IOException if the request fails
     */
    public JsonNode send(String method, String endpoint, Map<String, String> query, byte[] body, String contentType,
            int... accepted) throws IOException {
        Requests.JsonBodyBuilder b = Requests.builder().method(method).endpoint(endpoint).query(query);
        if (body != null) {
            b.body(Body.from(body, contentType));
        }
        int status;
        JsonNode answer = JSON.createObjectNode();
        String statusText;
        try (Response r = client.generic().execute(b.build())) {
            status = r.getStatus();
            statusText = r.getReason();
            if (r.getBody().isPresent()) {
                try (InputStream in = r.getBody().get().body()) {
                    answer = Failures.parse(in.readAllBytes());
                }
            }
        } catch (ResponseException e) {
            // the transport throws for statuses other than 2xx and 400-405, with the answer buffered
            status = e.status();
            statusText = "HTTP " + status;
            answer = Failures.body(e);
        }
        int s = status;
        if (status / 100 == 2 || Arrays.stream(accepted).anyMatch(a -> a == s)) {
            return answer;
        }
        throw Failures.errorAnswer(status, statusText, answer);
    }

    /**
     * @param value a JSON value
     * @return it as bytes of UTF-8 JSON
     */
    public static byte[] bytes(JsonNode value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads some fields of every document of the index, page by page in the order of a keyword field (search_after).
     *
     * @param what what the reading is for, for the message
     * @param sortField a keyword field with a distinct value per document
     * @param fields the fields to read from each source
     * @param each receives each document's source
     * @throws ClusterException if the index cannot be read
     */
    public void scan(String what, String sortField, List<String> fields, Consumer<JsonNode> each)
            throws ClusterException {
        List<FieldValue> after = null;
        for (;;) {
            List<FieldValue> from = after;
            SearchResponse<ObjectNode> page = call(what, () -> client.search(s -> {
                s.index(address.index()).size(SCAN_PAGE).trackTotalHits(t -> t.enabled(false))
                        .query(q -> q.matchAll(m -> m))
                        .sort(o -> o.field(f -> f.field(sortField).order(SortOrder.Asc)))
                        .source(c -> c.filter(f -> f.includes(fields)));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, ObjectNode.class));
            List<Hit<ObjectNode>> hits = page.hits().hits();
            for (Hit<ObjectNode> hit : hits) {
                if (hit.source() != null) {
                    each.accept(hit.source());
                }
            }
            if (hits.size() < SCAN_PAGE) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** @return the client */
    public OpenSearchClient client() {
        return client;
    }

    /** @return the nodes and index, for messages (no password) */
    public ClusterAddress address() {
        return address;
    }

    /**
     * Runs a request, retrying transient failures for {@link OpenSearchOptions#retryFor()}.
     *
     * @param what what the request does, for the message ("search", "write 500 documents")
     * @param request the request
     * @return its response
     * @throws ClusterException if it fails, or keeps failing
     */
    public <T> T call(String what, Request<T> request) throws ClusterException {
        long deadline = System.nanoTime() + options.retryFor().toNanos();
        long pause = 100;
        for (;;) {
            try {
                return withJsonProvider(request);
            } catch (IOException | RuntimeException e) {
                if (!Failures.isTransient(e) || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) > deadline) {
                    throw problem(what, e);
                }
            }
            sleep(pause);
            pause = Math.min(2000, pause * 2);
        }
    }

    /**
     * Runs a request once.
     *
     * @param what what the request does, for the message
     * @param request the request
     * @return its response
     * @throws ClusterException if it fails
     */
    public <T> T once(String what, Request<T> request) throws ClusterException {
        try {
            return withJsonProvider(request);
        } catch (IOException | RuntimeException e) {
            throw problem(what, e);
        }
    }

    /** Waits before a retry. */
    public static void sleep(long millis) throws ClusterException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while waiting for OpenSearch.", e);
        }
    }

    /**
     * @param what what was asked, e.g. "search"
     * @param e its failure
     * @return a failure with a sentence for the user that names the cluster and the problem
     */
    public ClusterException problem(String what, Throwable e) {
        if (e instanceof ClusterException ce) {
            return ce;
        }
        String where = "OpenSearch at " + address.display();
        int status = Failures.status(e);
        if (status == 401) {
            return new ClusterException(where + " refused the credentials"
                    + (credentialsUser() == null ? " (none were given; put them in the URL or the options)"
                            : " of user \"" + credentialsUser() + "\"")
                    + " (401 Unauthorized).", e);
        }
        if (status == 403) {
            return new ClusterException(where + ": the user \"" + credentialsUser() + "\" may not " + what
                    + " on index " + address.index() + " (403 Forbidden).", e);
        }
        if (e instanceof OpenSearchException ose && ose.error() != null) {
            return new ClusterException(where + ": " + what + " failed on index " + address.index() + ": "
                    + Failures.describe(ose.error()) + " (" + ose.status() + ").", e);
        }
        Failures.ErrorAnswer answer = e instanceof Failures.ErrorAnswer ea ? ea
                : e instanceof ResponseException re ? Failures.errorAnswer(re.status(), null, Failures.body(re)) : null;
        if (answer != null && !answer.getMessage().isEmpty()) {
            return new ClusterException(where + ": " + what + " failed on index " + address.index() + ": "
                    + answer.getMessage() + " (" + answer.status() + ").", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new ClusterException("Cannot reach " + where + ": connection refused (is OpenSearch running"
                        + " there, and is the port right?).", e);
            }
            if (t instanceof UnknownHostException) {
                return new ClusterException("Cannot reach " + where + ": unknown host " + t.getMessage() + ".", e);
            }
            if (t instanceof NoRouteToHostException) {
                return new ClusterException("Cannot reach " + where + ": no route to the host.", e);
            }
            if (t instanceof SocketTimeoutException || t instanceof org.apache.hc.core5.util.TimeoutValueException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return new ClusterException(where + " did not answer within " + seconds(options.timeout()) + " ("
                        + what + ").", e);
            }
            if (t instanceof SSLException) {
                boolean http = address.scheme().equals("https") && String.valueOf(t.getMessage()).contains("plaintext");
                return new ClusterException("Cannot connect to " + where + " over TLS: "
                        + (http ? "the cluster speaks plain HTTP; use an http:// URL"
                                : t.getMessage() + " (if its certificate is signed by your organisation's authority,"
                                        + " give that certificate as the CA certificate option)")
                        + ".", e);
            }
        }
        if (status != 0) {
            return new ClusterException(where + ": " + what + " failed on index " + address.index() + " (HTTP "
                    + status + ").", e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ClusterException(where + ": " + what + " failed on index " + address.index() + ": " + message
                + ".", e);
    }

    private String credentialsUser() {
        return options.user() != null ? options.user() : address.user();
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}

package eu.urbanagenda.kb.index.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.eclipse.core.runtime.IProgressMonitor;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.urbanagenda.kb.analysis.KbAnalyzers;
import eu.urbanagenda.kb.index.DocumentMetadata;
import eu.urbanagenda.kb.index.Facets;
import eu.urbanagenda.kb.index.FormatChange;
import eu.urbanagenda.kb.index.Highlight;
import eu.urbanagenda.kb.index.IndexUpdate;
import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.Snippet;
import eu.urbanagenda.kb.index.SortOrder;
import eu.urbanagenda.kb.index.StoredDocument;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.index.internal.BackendState;
import eu.urbanagenda.kb.index.internal.DocumentMapper;
import eu.urbanagenda.kb.index.internal.QueryLimits;
import eu.urbanagenda.kb.index.internal.QueryParsing;
import eu.urbanagenda.kb.index.opensearch.internal.Cluster;
import eu.urbanagenda.kb.index.opensearch.internal.ClusterAddress;
import eu.urbanagenda.kb.index.opensearch.internal.ClusterSetup;
import eu.urbanagenda.kb.index.opensearch.internal.ClusterTerms;
import eu.urbanagenda.kb.index.opensearch.internal.FacetAggregations;
import eu.urbanagenda.kb.index.opensearch.internal.Failures;
import eu.urbanagenda.kb.index.opensearch.internal.Highlighting;
import eu.urbanagenda.kb.index.opensearch.internal.OpenSearchTarget;
import eu.urbanagenda.kb.index.opensearch.internal.QueryTranslator;
import eu.urbanagenda.kb.index.opensearch.internal.SourceDocument;
import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.Language;

/**
 * The knowledge base's documents in an index of an OpenSearch cluster, searched and updated exactly as the desktop
 * index ({@link eu.urbanagenda.kb.index.KbIndex}):
 * <ul>
 * <li>the cluster analyses documents with the product's own analyzers (the plugin {@code urbanagenda-kb-analysis});</li>
 * <li>queries are parsed on the client by the product's parser, and the resulting Lucene query is sent as its DSL
 * equivalent, which the engine turns into the same Lucene query;</li>
 * <li>files are read and extracted on the client ({@link eu.urbanagenda.kb.ingest.DocumentExtractor}), and updates are
 * incremental against what the index holds;</li>
 * <li>snippets and highlights are made on the client by the desktop's code, from the beginning of each hit's text.</li>
 * </ul>
 * Open with {@link #open(String, OpenSearchOptions)}. Thread-safe.
 */
public final class OpenSearchBackend implements SearchBackend {

    /** Returns the beginning of a hit's text (in its language's field) for its snippet. */
    private static final String HEAD_SCRIPT = "def s = params._source; def f = params.fields[s.lang];"
            + " if (f == null || s[f] == null) { return ''; } String t = s[f];"
            + " if (t.length() <= params.max) { return t; } int cut = params.max;"
            + " if (Character.isHighSurrogate(t.charAt(cut - 1))) { cut--; } return t.substring(0, cut);";
    private static final String HEAD = "head";
    private static final String DOCUMENTS = "kb_documents";

    private final Cluster cluster;
    private final String index;
    private final OpenSearchOptions options;
    private final Analyzer analyzer = KbFields.analyzer();
    private final QueryParsing queries = new QueryParsing(KbFields.queryAnalyzer(), KbAnalyzers.translit(true));
    private final Highlighting highlighting = new Highlighting(analyzer, queries);
    private final ClusterTerms terms;
    private final FormatChange formatChange;
    private final BackendState state;

    private OpenSearchBackend(Cluster cluster, OpenSearchOptions options, FormatChange formatChange) {
        this.cluster = cluster;
        this.index = cluster.address().index();
        this.options = options;
        this.formatChange = formatChange;
        this.terms = new ClusterTerms(cluster, index);
        this.state = new BackendState("the connection to " + location());
    }

    /**
     * Connects to a cluster and opens the index, creating it if missing. Fails with a {@link ClusterException} whose
     * message names the cluster or index and the problem: the URL is not valid, no node answers, the credentials are
     * refused, a node lacks the analysis plugin or has another version of it, the index is red, or the index was built
     * by another version of the product (unless {@link OpenSearchOptions#rebuild()}: then it is rebuilt empty, and
     * {@link #formatChange()} lists the files to index again).
     *
     * @param url {@code http[s]://[user[:password]@]host[:port][,host[:port]…][/index]}; the port defaults to 9200,
     *            the index to {@code urbanagenda-kb}
     * @param options credentials, CA certificate, shards and replicas of a new index, rebuild, timeouts
     * @return the open index
     * @throws ClusterException if the cluster or index cannot be used
     */
    public static OpenSearchBackend open(String url, OpenSearchOptions options) throws ClusterException {
        ClusterAddress address;
        try {
            address = ClusterAddress.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ClusterException(capitalised(e.getMessage()), null);
        }
        Cluster cluster = Cluster.connect(address, options);
        try {
            FormatChange change = new ClusterSetup(cluster, options).prepare();
            return new OpenSearchBackend(cluster, options, change);
        } catch (ClusterException | RuntimeException e) {
            try {
                cluster.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e instanceof RuntimeException re ? cluster.problem("open the index", re) : (ClusterException) e;
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public String location() {
        return "OpenSearch index " + index + " at " + cluster.address().display();
    }

    @Override
    public Optional<FormatChange> formatChange() {
        return Optional.ofNullable(formatChange);
    }

    @Override
    public UpdateReport update(UpdateRequest request, IProgressMonitor monitor) throws IOException {
        return state.update(monitor,
                () -> new ClusterException("Another update of " + location() + " is running in this program.", null),
                progress -> {
                    Files.createDirectories(options.workDirectory());
                    return new IndexUpdate(new OpenSearchTarget(cluster, state::isClosed, options.retryFor().toNanos(),
                            options.workDirectory()), request, progress).run();
                });
    }

    @Override
    public SearchResult search(SearchRequest request) throws QuerySyntaxException, IOException {
        ensureOpen();
        long start = System.nanoTime();
        QueryLimits.Deadline deadline = new QueryLimits.Deadline(QueryLimits.TIME_BUDGET);
        org.apache.lucene.search.Query parsed = parse(request.query(), request.fields(), deadline);
        Query query = translate(parsed, request.query());
        Map<String, Query> filters = FacetAggregations.filters(request);
        int offset = Math.min(request.offset(), SearchRequest.MAX_WINDOW);
        int size = Math.max(0, Math.min(SearchRequest.MAX_WINDOW, request.offset() + request.limit()) - offset);
        boolean snippets = request.snippets() && size > 0;
        boolean byDate = request.sort() != SortOrder.RELEVANCE;
        SearchResponse<ObjectNode> response;
        try {
            response = cluster.call("search", () -> cluster.client().search(s -> {
                // the rest of the time budget: the engine gives up in its place, as the desktop index does
                s.index(index).query(query).from(offset).size(size).trackTotalHits(t -> t.enabled(true))
                        .timeout(Math.max(1, deadline.remaining().toMillis()) + "ms").allowPartialSearchResults(false)
                        .source(c -> c.filter(f -> f.includes(List.of(SourceDocument.HIT_FIELDS))));
                if (!filters.isEmpty()) {
                    s.postFilter(FacetAggregations.all(filters.values()));
                }
                if (request.facets()) {
                    s.aggregations(FacetAggregations.aggregations(request, filters));
                }
                // copies of one document are one hit: the best-ranked file of each group, and the documents counted
                s.collapse(c -> c.field(DocumentMapper.GROUP));
                s.aggregations(DOCUMENTS, FacetAggregations.documentCount(filters));
                if (byDate) {
                    // newest (or oldest) first, documents without a date last, then by relevance
                    org.opensearch.client.opensearch._types.SortOrder order = request.sort() == SortOrder.DATE_DESC
                            ? org.opensearch.client.opensearch._types.SortOrder.Desc
                            : org.opensearch.client.opensearch._types.SortOrder.Asc;
                    s.sort(o -> o.field(f -> f.field(KbFields.DATE).order(order).missing(FieldValue.of("_last"))));
                    s.sort(o -> o.score(sc -> sc.order(org.opensearch.client.opensearch._types.SortOrder.Desc)));
                }
                if (snippets) {
                    s.scriptFields(HEAD, f -> f.script(sc -> sc.inline(i -> i.source(HEAD_SCRIPT)
                            .params("max", JsonData.of(Highlighting.SNIPPET_TEXT))
                            .params("fields", JsonData.of(textFields())))));
                }
                return s;
            }, ObjectNode.class));
        } catch (ClusterException e) {
            if (Failures.timedOut(e)) {
                throw QueryParsing.timeUp(request.query());
            }
            String problem = Failures.queryProblem(e);
            if (problem != null) {
                throw new QuerySyntaxException("Invalid query: " + problem, request.query(), -1);
            }
            throw e;
        }
        if (Boolean.TRUE.equals(response.timedOut())) {
            throw QueryParsing.timeUp(request.query());
        }
        List<Hit<ObjectNode>> hits = response.hits().hits();
        List<ExtractedDocument> documents = new ArrayList<>(hits.size());
        List<Charset> overrides = new ArrayList<>(hits.size());
        for (Hit<ObjectNode> hit : hits) {
            documents.add(SourceDocument.toExtracted(hit.source(), snippets ? head(hit) : ""));
            overrides.add(SourceDocument.override(hit.source()));
        }
        Snippet[] marked = snippets
                ? highlighting.snippets(documents, overrides, parsed, request.query(), request.fields(), deadline)
                : null;
        Map<Long, List<SearchHit.Copy>> copies = copies(hits.stream().map(Hit::source).toList());
        List<SearchHit> out = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            ExtractedDocument d = documents.get(i);
            ObjectNode source = hits.get(i).source();
            List<SearchHit.Copy> others = copies.getOrDefault(source.path(DocumentMapper.GROUP).asLong(), List.of())
                    .stream().filter(c -> !c.path().equals(d.path())).toList();
            out.add(new SearchHit(d.path(), d.title(), d.language(), d.format(), d.encoding(), d.date(),
                    score(hits.get(i), byDate), d.sha256(), marked == null ? null : marked[i],
                    new DocumentMetadata(d.author(), d.created(), d.modified(), d.ocrConfidence()), others));
        }
        Facets facets = request.facets() ? FacetAggregations.read(response.aggregations(), request) : Facets.EMPTY;
        long total = response.hits().total() == null ? out.size() : response.hits().total().value();
        return new SearchResult(total, Duration.ofNanos(System.nanoTime() - start), out, facets,
                FacetAggregations.documentCount(response.aggregations().get(DOCUMENTS)));
    }

    /**
     * The files of the groups of copies among the hits (all of them, matching the query or not), by group: one request
     * for the groups of the page (the documents do not carry their group's size, which would change in every copy).
     */
    private Map<Long, List<SearchHit.Copy>> copies(List<ObjectNode> sources) throws ClusterException {
        List<FieldValue> groups = new ArrayList<>();
        for (ObjectNode source : sources) {
            groups.add(FieldValue.of(source.path(DocumentMapper.GROUP).asLong()));
        }
        if (groups.isEmpty()) {
            return Map.of();
        }
        int size = Math.min(SearchRequest.MAX_WINDOW, 64 * groups.size());
        SearchResponse<ObjectNode> r = cluster.call("read the copies of documents", () -> cluster.client().search(s -> s
                .index(index).size(size).query(q -> q.terms(t -> t.field(DocumentMapper.GROUP).terms(v -> v.value(groups))))
                .sort(o -> o.field(f -> f.field(KbFields.PATH)))
                .source(c -> c.filter(f -> f.includes(KbFields.PATH, KbFields.FORMAT, KbFields.SHA256,
                        DocumentMapper.OCR, DocumentMapper.GROUP))), ObjectNode.class));
        Map<Long, List<SearchHit.Copy>> byGroup = new HashMap<>();
        for (Hit<ObjectNode> hit : r.hits().hits()) {
            ObjectNode c = hit.source();
            JsonNode ocr = c.get(DocumentMapper.OCR);
            byGroup.computeIfAbsent(c.path(DocumentMapper.GROUP).asLong(), g -> new ArrayList<>())
                    .add(new SearchHit.Copy(Path.of(c.path(KbFields.PATH).asText()),
                            DocumentFormat.fromId(c.path(KbFields.FORMAT).asText()), c.path(KbFields.SHA256).asText(),
                            ocr == null || ocr.isNull() ? null : ocr.asLong() / 100.0));
        }
        return byGroup;
    }

    /**
     * Parses as the desktop index does ({@link QueryParsing}), asking the cluster for the document frequencies the
     * parser needs ({@link ClusterTerms}; it cannot list the index's words, so a Latin word is read through the
     * dictionary and the Bulgarian spellings only). A query of more terms than Lucene allows is refused here, as the
     * desktop index refuses it, rather than by the engine.
     */
    private org.apache.lucene.search.Query parse(String query, List<String> fields, QueryLimits.Deadline deadline)
            throws QuerySyntaxException, IOException {
        org.apache.lucene.search.Query parsed;
        try {
            parsed = queries.parse(query, fields, false, terms, deadline);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the cluster did not answer for the terms
        }
        try {
            // a searcher's rewrite counts the clauses as the desktop's does; over no documents it costs nothing
            new IndexSearcher(new MultiReader()).rewrite(parsed);
        } catch (IndexSearcher.TooManyClauses e) {
            throw QueryParsing.tooManyClauses(query);
        }
        return parsed;
    }

    private static Query translate(org.apache.lucene.search.Query parsed, String query) throws QuerySyntaxException {
        try {
            return QueryTranslator.translate(parsed);
        } catch (IllegalArgumentException e) {
            throw new QuerySyntaxException("Invalid query: " + e.getMessage(), query, -1);
        }
    }

    /** The field of each language's text, for the script that returns the beginning of a hit's text. */
    private static Map<String, String> textFields() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Language l : Language.values()) {
            m.put(l.code(), KbFields.textField(l));
        }
        return m;
    }

    private static String head(Hit<ObjectNode> hit) {
        JsonData value = hit.fields().get(HEAD);
        if (value == null) {
            return "";
        }
        jakarta.json.JsonValue json = value.toJson();
        if (json instanceof jakarta.json.JsonArray array && !array.isEmpty()) {
            return array.getString(0, "");
        }
        return json instanceof jakarta.json.JsonString s ? s.getString() : "";
    }

    private static float score(Hit<ObjectNode> hit, boolean byDate) {
        if (byDate) {
            List<FieldValue> sort = hit.sort();
            return sort.size() > 1 && sort.get(1).isDouble() ? (float) sort.get(1).doubleValue() : Float.NaN;
        }
        return hit.score() == null ? Float.NaN : hit.score().floatValue();
    }

    @Override
    public Optional<StoredDocument> document(Path file, String query) throws QuerySyntaxException, IOException {
        ensureOpen();
        QueryLimits.Deadline deadline = new QueryLimits.Deadline(QueryLimits.TIME_BUDGET);
        org.apache.lucene.search.Query parsed = query == null || query.isBlank() ? null
                : parse(query, List.of(), deadline);
        String id = SourceDocument.id(file.toAbsolutePath().normalize().toString());
        GetResponse<ObjectNode> r = cluster.call("read a document",
                () -> cluster.client().get(g -> g.index(index).id(id), ObjectNode.class));
        if (!r.found() || r.source() == null) {
            return Optional.empty();
        }
        ObjectNode source = r.source();
        ExtractedDocument d = SourceDocument.toExtracted(source, null);
        Charset override = SourceDocument.override(source);
        List<Highlight> highlights = parsed == null ? List.of()
                : highlighting.highlights(d, override, parsed, query, deadline);
        List<SearchHit.Copy> others = copies(List.of(source)).getOrDefault(source.path(DocumentMapper.GROUP).asLong(),
                List.of()).stream().filter(c -> !c.path().equals(d.path())).toList();
        return Optional.of(new StoredDocument(d.path(), d.title(), d.description(), d.language(), d.format(),
                d.encoding(), d.encodingSource(), d.date(), d.size(), d.lastModified(), d.sha256(), d.text(),
                highlights, new DocumentMetadata(d.author(), d.created(), d.modified(), d.ocrConfidence()), others));
    }

    @Override
    public void refresh() throws IOException {
        ensureOpen();
        cluster.call("refresh", () -> cluster.client().indices().refresh(r -> r.index(index)));
    }

    @Override
    public int documentCount() throws IOException {
        ensureOpen();
        return (int) cluster.call("count the documents", () -> cluster.client().count(c -> c.index(index))).count();
    }

    private void ensureOpen() {
        state.ensureOpen();
    }

    /** Closes the connection; a running update is cancelled and waited for. */
    @Override
    public void close() throws IOException {
        state.close(cluster::close);
    }
}

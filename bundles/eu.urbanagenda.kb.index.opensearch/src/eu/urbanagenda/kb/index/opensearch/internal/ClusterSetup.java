package eu.urbanagenda.kb.index.opensearch.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.lucene.util.Version;
import org.opensearch.client.opensearch.indices.AnalyzeResponse;
import org.opensearch.client.opensearch.indices.analyze.AnalyzeToken;

import com.fasterxml.jackson.databind.JsonNode;

import eu.urbanagenda.kb.analysis.KbAnalyzers;
import eu.urbanagenda.kb.index.FormatChange;
import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.opensearch.ClusterException;
import eu.urbanagenda.kb.index.opensearch.OpenSearchOptions;

/**
 * What opening an index checks, in order, each failure a message of its own: a node answers; every node has the
 * analysis plugin; the index exists (else it is created with the mapping of {@link IndexSchema}) and is not red; its
 * {@code _meta} records this version's format (else it is rebuilt, or opening fails, as the options say); and the
 * plugin analyses a probe text in every field exactly as this client does.
 */
public final class ClusterSetup {

    /** How long opening waits for an index that is red (e.g. recovering after a restart), at most. */
    private static final long HEALTH_WAIT_SECONDS = 10;
    private static final String JSON_TYPE = "application/json";

    private final Cluster cluster;
    private final OpenSearchOptions options;
    private final String index;
    private final String where;

    /**
     * @param cluster the connection
     * @param options options
     */
    public ClusterSetup(Cluster cluster, OpenSearchOptions options) {
        this.cluster = cluster;
        this.options = options;
        this.index = cluster.address().index();
        this.where = "OpenSearch index " + index + " at " + cluster.address().display();
    }

    /**
     * @return the notice of a rebuild, or {@code null}
     * @throws ClusterException naming the problem
     */
    public FormatChange prepare() throws ClusterException {
        cluster.once("connect", () -> cluster.client().info());
        checkPlugin();
        boolean exists = cluster.once("look for the index",
                () -> cluster.client().indices().exists(e -> e.index(index))).value();
        FormatChange change = null;
        if (!exists) {
            create();
        } else {
            checkHealth();
            Map<String, String> recorded = recordedFormat();
            if (!IndexSchema.compatible(recorded)) {
                if (!options.rebuild()) {
                    throw new ClusterException(where + " was built by another version of the product ("
                            + describe(recorded) + "); this version needs " + describe(IndexSchema.currentFormat())
                            + ". Open it with the rebuild option to delete it and index the documents anew (everyone"
                            + " who uses the index then needs this version), or use the version that built it.", null);
                }
                List<Path> previous = paths();
                cluster.once("delete the index of another version",
                        () -> cluster.client().indices().delete(d -> d.index(index)));
                create();
                change = new FormatChange(recorded.getOrDefault("kb.lucene", "unknown"),
                        recorded.getOrDefault("kb.analysis", "unknown"), Version.LATEST.toString(),
                        KbAnalyzers.ANALYZER_VERSION, previous);
            }
        }
        checkAnalysis();
        return change;
    }

    private void checkPlugin() throws ClusterException {
        JsonNode nodes = cluster.once("list the plugins of its nodes", () -> cluster.send("GET", "/_nodes/plugins",
                Map.of("filter_path", "nodes.*.name,nodes.*.plugins.name"), null, null)).path("nodes");
        TreeSet<String> lacking = new TreeSet<>();
        nodes.forEach(node -> {
            boolean has = false;
            for (JsonNode p : node.path("plugins")) {
                has |= IndexSchema.PLUGIN.equals(p.path("name").asText());
            }
            if (!has) {
                lacking.add(node.path("name").asText("?"));
            }
        });
        if (!lacking.isEmpty()) {
            throw new ClusterException("OpenSearch at " + cluster.address().display() + ": "
                    + (lacking.size() == nodes.size() ? "the cluster lacks" : "node(s) " + String.join(", ", lacking)
                            + " lack")
                    + " the plugin " + IndexSchema.PLUGIN + ", which analyses documents as this product does. Install"
                    + " the plugin zip of this version (published with the update site, opensearch/"
                    + IndexSchema.PLUGIN + "-*.zip) on every node with bin/opensearch-plugin install"
                    + " file:///…/the.zip, and restart them.", null);
        }
    }

    private void create() throws ClusterException {
        try {
            cluster.once("create the index", () -> cluster.send("PUT", "/" + index, Map.of(),
                    Cluster.bytes(IndexSchema.creation(options.shards(), options.replicas())), JSON_TYPE));
        } catch (ClusterException e) {
            String type = Failures.errorType(e.getCause());
            if (type == null || !type.contains("resource_already_exists")) {
                throw e; // (another client created it meanwhile: fine)
            }
        }
        checkHealth();
    }

    private void checkHealth() throws ClusterException {
        long wait = Math.max(1, Math.min(HEALTH_WAIT_SECONDS, options.retryFor().toSeconds()));
        // answers 408 if the index is not yellow when the time is up
        JsonNode health = cluster.once("check the health of the index", () -> cluster.send("GET",
                "/_cluster/health/" + index, Map.of("wait_for_status", "yellow", "timeout", wait + "s"), null, null,
                408));
        if ("red".equals(health.path("status").asText())) {
            throw new ClusterException(where + " is red: " + health.path("unassigned_shards").asInt()
                    + " of its shards have no node (a node that held them is down, or lacks the plugin "
                    + IndexSchema.PLUGIN + "); searches would miss documents. Bring the nodes back, then try again.",
                    null);
        }
    }

    private Map<String, String> recordedFormat() throws ClusterException {
        JsonNode mapping = cluster.once("read the mapping", () -> cluster.send("GET", "/" + index + "/_mapping",
                Map.of(), null, null));
        Map<String, String> recorded = new LinkedHashMap<>();
        mapping.forEach(m -> m.path("mappings").path("_meta").fields()
                .forEachRemaining(e -> recorded.put(e.getKey(), e.getValue().asText())));
        return recorded;
    }

    private static String describe(Map<String, String> format) {
        if (format.isEmpty()) {
            return "no version recorded";
        }
        List<String> parts = new ArrayList<>();
        format.forEach((k, v) -> parts.add(k.replace("kb.", "") + " " + v));
        return String.join(", ", parts);
    }

    /** The files an index of another version holds, to index them again. */
    private List<Path> paths() throws ClusterException {
        List<Path> paths = new ArrayList<>();
        cluster.scan("list the indexed files", KbFields.PATH, List.of(KbFields.PATH), source -> {
            if (source.hasNonNull(KbFields.PATH)) {
                paths.add(Path.of(source.get(KbFields.PATH).asText()));
            }
        });
        return paths;
    }

    /** The plugin must analyse as this client: else the index and the queries would not meet. */
    private void checkAnalysis() throws ClusterException {
        Map<String, List<String>> expected;
        try {
            expected = IndexSchema.probeTerms(KbFields.analyzer());
        } catch (IOException e) {
            throw new ClusterException("Cannot analyse the probe text on this computer: " + e.getMessage(), e);
        }
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            String field = e.getKey();
            AnalyzeResponse r = cluster.once("analyse a probe text", () -> cluster.client().indices()
                    .analyze(a -> a.index(index).field(field).text(IndexSchema.PROBE)));
            List<String> actual = new ArrayList<>();
            for (AnalyzeToken t : r.tokens()) {
                actual.add(t.token() + "@" + t.position());
            }
            if (!actual.equals(e.getValue())) {
                throw new ClusterException(where + ": the plugin " + IndexSchema.PLUGIN + " on the cluster analyses"
                        + " field " + field + " differently from this version of the product (another version of the"
                        + " plugin is installed). Install the plugin of this version on every node and restart them;"
                        + " then open the index with the rebuild option.", null);
            }
        }
    }
}

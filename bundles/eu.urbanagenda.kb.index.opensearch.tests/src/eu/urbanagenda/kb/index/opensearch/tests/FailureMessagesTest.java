package eu.urbanagenda.kb.index.opensearch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.index.FormatChange;
import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.index.opensearch.ClusterException;
import eu.urbanagenda.kb.index.opensearch.OpenSearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchOptions;

/**
 * A cluster that cannot be used is one sentence naming it and the problem, without class names or stack traces, and
 * nothing is left behind that the next run cannot repair.
 */
class FailureMessagesTest {

    @TempDir
    Path tmp;

    private static void assertReadable(ClusterException e, String... parts) {
        String m = e.getMessage();
        for (String part : parts) {
            assertTrue(m.contains(part), "\"" + part + "\" in: " + m);
        }
        assertFalse(m.contains("Exception") || m.contains("\tat ") || m.contains("\n"), m);
    }

    @Test
    void unreachableUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        ClusterException e = assertThrows(ClusterException.class,
                () -> OpenSearchBackend.open(url + "/kb", OpenSearchOptions.defaults()));
        assertReadable(e, "Cannot reach OpenSearch at " + url, "connection refused");
    }

    @Test
    void invalidUrlAndPlainHttpSpokenAsTls() throws Exception {
        ClusterException bad = assertThrows(ClusterException.class,
                () -> OpenSearchBackend.open("ftp://user:secret@host:9200/kb", OpenSearchOptions.defaults()));
        assertReadable(bad, "ftp://user:***@host:9200/kb", "http or https");
        assertFalse(bad.getMessage().contains("secret"));
        ClusterException upper = assertThrows(ClusterException.class,
                () -> OpenSearchBackend.open("http://localhost:9200/KB", OpenSearchOptions.defaults()));
        assertReadable(upper, "\"KB\" is not a valid index name");

        String https = TestCluster.shared().url().replace("http://", "https://");
        ClusterException tls = assertThrows(ClusterException.class,
                () -> OpenSearchBackend.open(https + "/kb", OpenSearchOptions.defaults()));
        assertReadable(tls, "OpenSearch at " + https, "TLS");
    }

    @Test
    void aClusterWithoutThePlugin() throws Exception {
        try (TestCluster bare = TestCluster.start("kb-bare", 1, false, "256m")) {
            ClusterException e = assertThrows(ClusterException.class,
                    () -> OpenSearchBackend.open(bare.url("kb"), OpenSearchOptions.defaults()));
            assertReadable(e, "OpenSearch at " + bare.url(), "lacks the plugin urbanagenda-kb-analysis",
                    "bin/opensearch-plugin install");
            assertFalse(bare.send("GET", "/_cat/indices?h=index", null).contains("kb"), "no index was created");
        }
    }

    @Test
    void anIndexOfAnotherVersionIsRefusedOrRebuilt() throws Exception {
        String url = TestCluster.shared().url(Indices.fresh("old-version"));
        String index = url.substring(url.lastIndexOf('/') + 1);
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Path a = Files.writeString(docs.resolve("a.txt"), "Громада Львова обговорила бюджет.");
        Path b = Files.writeString(docs.resolve("b.txt"), "Общината на София прие бюджета.");
        OpenSearchOptions options = OpenSearchOptions.builder().workDirectory(tmp.resolve("work")).build();
        try (SearchBackend first = OpenSearchBackend.open(url, options)) {
            first.update(UpdateRequest.of(docs), null);
        }
        // as an index written by an older release records it
        TestCluster.shared().send("PUT", "/" + index + "/_mapping",
                "{\"_meta\": {\"kb.schema\": \"1\", \"kb.lucene\": \"9.12.0\", \"kb.analysis\": \"kb-analysis-0\","
                        + " \"kb.opensearch.mapping\": \"1\"}}");

        ClusterException refused = assertThrows(ClusterException.class,
                () -> OpenSearchBackend.open(url, OpenSearchOptions.defaults()));
        assertReadable(refused, "OpenSearch index " + index + " at ", "built by another version", "kb-analysis-0",
                "rebuild option");

        try (SearchBackend rebuilt = OpenSearchBackend.open(url,
                OpenSearchOptions.builder().rebuild(true).workDirectory(tmp.resolve("work")).build())) {
            FormatChange change = rebuilt.formatChange().orElseThrow();
            assertEquals("kb-analysis-0", change.previousAnalysis());
            assertEquals(Set.of(a, b), Set.copyOf(change.previousFiles()));
            assertEquals(0, rebuilt.documentCount());
            rebuilt.update(UpdateRequest.builder().sources(change.previousFiles()).build(), null);
            assertEquals(1, rebuilt.search(SearchRequest.of("громадами")).totalHits());
        }
        try (SearchBackend again = OpenSearchBackend.open(url, OpenSearchOptions.defaults())) {
            assertTrue(again.formatChange().isEmpty(), "the rebuilt index is of this version");
            assertEquals(2, again.documentCount());
        }
    }

    @Test
    void aRedIndex() throws Exception {
        String index = Indices.fresh("red");
        // a primary shard that no node may hold
        TestCluster.shared().send("PUT", "/" + index + "?wait_for_active_shards=0", "{\"settings\": {\"number_of_replicas\": 0,"
                + " \"index.routing.allocation.require._name\": \"nowhere\"}}");
        ClusterException e = assertThrows(ClusterException.class, () -> OpenSearchBackend.open(
                TestCluster.shared().url(index), OpenSearchOptions.builder().retryFor(Duration.ofSeconds(2)).build()));
        assertReadable(e, "OpenSearch index " + index + " at ", "is red", "shards");
    }
}

package eu.urbanagenda.kb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import eu.urbanagenda.kb.bench.SearchBench.Q;
import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.index.opensearch.OpenSearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchOptions;
import eu.urbanagenda.kb.index.opensearch.tests.TestCluster;

/**
 * The same documents and queries on three engines, one run: the local index ({@link KbIndex}), a one-node and a
 * three-node OpenSearch cluster (3 shards, 1 replica) on this machine, through {@link OpenSearchBackend}. Indexing is
 * the product's full update (listing, reading, extraction on this JVM; analysis and indexing on the engine); queries are
 * {@link SearchBench#QUERIES}, full (snippets and facets) and bare, as the workbench sends them. Memory: this JVM's
 * peak heap and each node's resident set (peak and at the end). The nodes are started by the tests' {@link TestCluster}
 * (the distribution unpacked by the build, the plugin zip, nodes as nobody when run as root).
 */
public final class ClusterBench {

    private final SearchBench corpusMaker;
    private final Path work;
    private final int docs;
    private final int threads;
    private final int rounds;
    private final String heap;
    private final StringBuilder report = new StringBuilder();

    private ClusterBench(BenchOptions options) {
        this.corpusMaker = new SearchBench(options);
        this.work = options.work();
        this.docs = options.docs();
        this.threads = options.threads();
        this.rounds = options.rounds();
        this.heap = options.own("--node-heap", "1g");
    }

    public static void main(String[] args) throws Exception {
        new ClusterBench(BenchOptions.parse(args, List.of("--node-heap"))).run();
    }

    /** One engine: how to open its index, and its nodes (none for the local index). */
    private interface Engine extends AutoCloseable {
        SearchBackend open() throws IOException;

        List<Long> nodePids();

        @Override
        void close();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        Path big = work.resolve("corpus-" + docs);
        corpusMaker.generate(big);
        List<Path> files = SearchBench.files(List.of(big));
        long bytes = SearchBench.bytes(files);
        line("# Search on OpenSearch: local index, 1 node, 3 nodes, " + Instant.now());
        line("");
        line(String.format(Locale.ROOT, "Java %s, %d processors, client max heap %d MiB, %d extraction threads, "
                + "%d query rounds; %,d documents, %.1f MB (%s); OpenSearch nodes with %s heap each.",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, threads, rounds, files.size(), bytes / 1e6, big, heap));
        line("");
        line("| engine | indexing s | MB/s | docs/s | client peak heap MiB (indexing) | full p50 ms | full p99 ms "
                + "| bare p50 ms | bare p99 ms | client peak heap MiB (queries) | node RSS MiB, peak / end |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");

        Path localDir = work.resolve("cluster-bench-local");
        SearchBench.clean(localDir);
        measure("local index (KbIndex)", big, files.size(), bytes, new Engine() {
            @Override
            public SearchBackend open() throws IOException {
                return KbIndex.open(localDir);
            }

            @Override
            public List<Long> nodePids() {
                return List.of();
            }

            @Override
            public void close() {
            }
        });
        for (int size : List.of(1, 3)) {
            TestCluster cluster = TestCluster.start("bench-" + size, size, true, heap);
            OpenSearchOptions options = (size == 1 ? OpenSearchOptions.builder()
                    : OpenSearchOptions.builder().shards(3).replicas(1)).workDirectory(work.resolve("cluster-bench-work"))
                    .build();
            measure(size == 1 ? "OpenSearch, 1 node (1 shard)" : "OpenSearch, 3 nodes (3 shards, 1 replica)", big,
                    files.size(), bytes, new Engine() {
                        @Override
                        public SearchBackend open() throws IOException {
                            return OpenSearchBackend.open(cluster.url("bench"), options);
                        }

                        @Override
                        public List<Long> nodePids() {
                            return cluster.nodes().stream().map(TestCluster.Node::pid).toList();
                        }

                        @Override
                        public void close() {
                            cluster.close();
                        }
                    });
        }
        line("");
        line("Load average at the end: " + SearchBench.load() + ".");
        Files.writeString(work.resolve("results-cluster.md"), report);
        System.out.println("\nWritten to " + work.resolve("results-cluster.md"));
    }

    private void measure(String name, Path root, int n, long bytes, Engine engine) throws Exception {
        try (engine; SearchBackend backend = engine.open()) {
            SearchBench.resetPeaks();
            long t0 = System.nanoTime();
            UpdateReport r = backend.update(UpdateRequest.builder().source(root).threads(threads).build(), null);
            double seconds = SearchBench.seconds(t0);
            long indexingHeap = SearchBench.peakHeap();
            if (r.documents() != n) {
                throw new IllegalStateException(name + ": " + r.summary() + " " + r.skipped());
            }
            long[][] full = new long[SearchBench.QUERIES.size()][rounds];
            long[][] bare = new long[SearchBench.QUERIES.size()][rounds];
            for (int warm = 0; warm < 10; warm++) {
                for (Q q : SearchBench.QUERIES) {
                    backend.search(SearchRequest.builder(q.query()).page(0, 10).build());
                    backend.search(SearchRequest.builder(q.query()).page(0, 10).snippets(false).facets(false).build());
                }
            }
            System.gc();
            SearchBench.resetPeaks();
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < SearchBench.QUERIES.size(); i++) {
                    String q = SearchBench.QUERIES.get(i).query();
                    long t = System.nanoTime();
                    backend.search(SearchRequest.builder(q).page(0, 10).build());
                    full[i][round] = System.nanoTime() - t;
                    t = System.nanoTime();
                    backend.search(SearchRequest.builder(q).page(0, 10).snippets(false).facets(false).build());
                    bare[i][round] = System.nanoTime() - t;
                }
            }
            long queryHeap = SearchBench.peakHeap();
            line(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.0f | %d | %.2f | %.2f | %.2f | %.2f | %d | %s |",
                    name, seconds, bytes / 1e6 / seconds, n / seconds, indexingHeap >> 20, SearchBench.pct(full, 50),
                    SearchBench.pct(full, 99), SearchBench.pct(bare, 50), SearchBench.pct(bare, 99), queryHeap >> 20,
                    rss(engine.nodePids())));
        }
    }

    /** @return "peak / now" resident set of each node in MiB, or of this JVM for the local index */
    private static String rss(List<Long> pids) throws IOException {
        List<Long> of = pids.isEmpty() ? List.of(ProcessHandle.current().pid()) : pids;
        List<String> parts = new ArrayList<>();
        for (long pid : of) {
            long peak = 0;
            long now = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                } else if (line.startsWith("VmRSS:")) {
                    now = Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
            parts.add(peak + " / " + now);
        }
        return (pids.isEmpty() ? "(this JVM) " : "") + String.join("; ", parts);
    }

    private void line(String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }
}

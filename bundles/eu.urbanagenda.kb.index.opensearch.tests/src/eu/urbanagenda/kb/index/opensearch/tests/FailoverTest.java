package eu.urbanagenda.kb.index.opensearch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.index.opensearch.OpenSearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchOptions;

/**
 * A three-node cluster (3 shards, 1 replica) loses its elected manager to kill -9 while the product searches and
 * indexes in a loop: no search fails, no update fails, and once the node is back every document is there.
 */
class FailoverTest {

    private static final int BATCH = 20;

    @TempDir
    Path tmp;

    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();

    private void writeBatch(Path docs, int batch) throws Exception {
        for (int i = 0; i < BATCH; i++) {
            Files.writeString(docs.resolve(String.format("batch%03d-%02d.txt", batch, i)), "Партія " + batch
                    + ". Громада міста обговорила документ номер " + i + " і цифрову трансформацію послуг.");
        }
    }

    private void waitUntil(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline || !failures.isEmpty()) {
                throw new AssertionError("waiting for " + what + ": " + failures);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void aKilledNodeLosesNoSearchAndNoDocument() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        try (TestCluster cluster = TestCluster.start("kb-failover", 3, true, "384m");
                SearchBackend backend = OpenSearchBackend.open(cluster.url("failover"),
                        OpenSearchOptions.builder().shards(3).replicas(1).workDirectory(tmp.resolve("work")).build())) {
            writeBatch(docs, 0);
            assertEquals(BATCH, backend.update(UpdateRequest.of(docs), null).added().size());

            Thread searcher = new Thread(() -> {
                List<String> queries = List.of("громада", "hromada", "*:*", "\"цифрову трансформацію\"", "партія");
                while (!stop.get()) {
                    String q = queries.get(searches.get() % queries.size());
                    try {
                        if (backend.search(SearchRequest.of(q)).totalHits() < BATCH) {
                            failures.add("search " + q + " found fewer than the first batch");
                        }
                        searches.incrementAndGet();
                    } catch (Exception | AssertionError e) {
                        failures.add("search " + q + ": " + e);
                    }
                }
            }, "searching");
            Thread indexer = new Thread(() -> {
                while (!stop.get()) {
                    int batch = batches.get() + 1;
                    try {
                        writeBatch(docs, batch);
                        UpdateReport r = backend.update(UpdateRequest.of(docs), null);
                        if (r.added().size() != BATCH || !r.skipped().isEmpty()) {
                            failures.add("update " + batch + ": " + r.summary() + " " + r.skipped());
                        }
                        batches.incrementAndGet();
                    } catch (Exception | AssertionError e) {
                        failures.add("update " + batch + ": " + e);
                    }
                }
            }, "indexing");
            searcher.start();
            indexer.start();
            try {
                waitUntil("the loops to run", () -> batches.get() >= 2 && searches.get() >= 20);
                String manager = cluster.send("GET", "/_cat/cluster_manager?h=node", null).strip();
                TestCluster.Node victim = cluster.nodes().stream().filter(n -> n.name.equals(manager)).findFirst()
                        .orElseThrow(() -> new AssertionError("no elected manager named " + manager));
                victim.kill();
                int batchesAtKill = batches.get();
                int searchesAtKill = searches.get();
                long killed = System.nanoTime();
                TestCluster.log("killed the elected manager " + manager + " (kill -9) after " + batchesAtKill
                        + " updates and " + searchesAtKill + " searches");
                String health = cluster.send("GET", "/_cluster/health?wait_for_nodes=2&timeout=60s", null);
                assertTrue(health.contains("\"number_of_nodes\":2"), health);
                waitUntil("updates and searches without the node", () -> batches.get() >= batchesAtKill + 2
                        && searches.get() >= searchesAtKill + 20);
                TestCluster.log((batches.get() - batchesAtKill) + " updates and " + (searches.get() - searchesAtKill)
                        + " searches without it in " + TestCluster.seconds(killed));
                cluster.restart(victim);
                int batchesBack = batches.get();
                waitUntil("an update with the node back", () -> batches.get() >= batchesBack + 1);
            } finally {
                stop.set(true);
                searcher.join(120_000);
                indexer.join(120_000);
            }
            assertEquals(List.of(), failures);

            List<Path> written;
            try (var files = Files.list(docs)) {
                written = files.sorted().toList();
            }
            backend.refresh();
            assertEquals(written.size(), backend.documentCount(), "every written file is in the index");
            assertEquals(written.size(), backend.search(SearchRequest.of("партія")).totalHits());
            for (Path file : written) {
                assertTrue(backend.document(file, null).isPresent(), file + " is in the index");
            }
        }
    }
}

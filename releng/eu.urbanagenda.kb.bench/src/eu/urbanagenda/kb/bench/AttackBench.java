package eu.urbanagenda.kb.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.QueryTooCostlyException;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.index.tests.HostileQueries;

/**
 * The standing attack (not a test): fuzzed hostile queries ({@link HostileQueries}, fixed seed) against an index of
 * the corpus, each as the workbench sends it (snippets and facets), one after the other in one JVM. Prints how many
 * ended with hits, as a bad query, as a too costly query, or otherwise (failures), the slowest, the 99th percentile,
 * the most memory one query allocated and the peak heap. Run it with {@code attack.sh}.
 */
public final class AttackBench {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of("../shared/corpus");
        Path work = Path.of("target/attack");
        int n = 2500;
        long seed = 20261128L;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--queries" -> n = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        try (KbIndex index = KbIndex.open(work.resolve("index"))) {
            index.update(UpdateRequest.builder().source(corpus.resolve("uk")).source(corpus.resolve("bg")).build(),
                    null);
            List<String> words = new ArrayList<>();
            try (Stream<Path> files = Stream.concat(Files.list(corpus.resolve("uk")).limit(40),
                    Files.list(corpus.resolve("bg")).limit(20))) {
                for (Path f : files.toList()) {
                    words.addAll(Arrays.asList(Files.readString(f).split("\\s+")).subList(0, 50));
                }
            }
            words.removeIf(String::isBlank);
            List<String> queries = new HostileQueries(seed, words).next(n);
            // warm-up: the analyzers and dictionary load once
            index.search(SearchRequest.of("громада"));
            SearchBench.resetPeaks();
            long[] nanos = new long[queries.size()];
            long maxAllocated = 0;
            String slowest = "";
            String hungriest = "";
            Map<String, Integer> outcomes = new LinkedHashMap<>(Map.of("hits", 0, "bad query", 0, "too costly", 0,
                    "failure", 0));
            Map<String, Integer> messages = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i);
                long allocated = threads.getCurrentThreadAllocatedBytes();
                long t = System.nanoTime();
                String outcome;
                try {
                    index.search(SearchRequest.of(q));
                    outcome = "hits";
                } catch (QueryTooCostlyException e) {
                    outcome = "too costly";
                    messages.merge(e.getMessage().replaceAll("[\\d,]+", "N").replaceAll("[\"/«].*?[\"/»]", "…"), 1,
                            Integer::sum);
                } catch (QuerySyntaxException e) {
                    outcome = "bad query";
                    messages.merge(e.getMessage().replaceAll("\\d+", "N").replaceAll("\".*?\"", "…"), 1,
                            Integer::sum);
                } catch (Throwable e) {
                    outcome = "failure";
                    failures.add(shown(q) + ": " + e);
                }
                nanos[i] = System.nanoTime() - t;
                long used = threads.getCurrentThreadAllocatedBytes() - allocated;
                if (nanos[i] == Arrays.stream(nanos, 0, i + 1).max().orElse(0)) {
                    slowest = shown(q);
                }
                if (used > maxAllocated) {
                    maxAllocated = used;
                    hungriest = shown(q);
                }
                outcomes.merge(outcome, 1, Integer::sum);
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "# Attack benchmark, %s%n%nJava %s, max heap %d MiB, %d documents, seed %d."
                    + "%n%n", Instant.now(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20, index.documentCount(), seed);
            System.out.println("| queries | hits | bad query | too costly | failures | p50 ms | p99 ms | max ms | max "
                    + "allocated by one query MiB | peak heap MiB |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %d | %d |%n",
                    queries.size(), outcomes.get("hits"), outcomes.get("bad query"), outcomes.get("too costly"),
                    outcomes.get("failure"), sorted[sorted.length / 2] / 1e6,
                    sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6,
                    maxAllocated >> 20, SearchBench.peakHeap() >> 20);
            System.out.println("\nSlowest: " + slowest + "\nMost memory: " + hungriest);
            System.out.println("\nMessages (digits as N, quoted parts as …):");
            messages.forEach((m, c) -> System.out.println(c + "\t" + m));
            failures.forEach(f -> System.out.println("FAILURE " + f));
        }
    }

    private static String shown(String q) {
        String s = q.length() > 60 ? q.substring(0, 60) + "…" : q;
        return "«" + s.replaceAll("\\p{Cntrl}", "·") + "» (" + q.length() + " chars)";
    }
}

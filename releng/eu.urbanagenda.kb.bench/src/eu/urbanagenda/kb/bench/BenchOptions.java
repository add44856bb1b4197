package eu.urbanagenda.kb.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of the search benchmarks ({@link SearchBench}, {@link ClusterBench}): --corpus, --work, --docs, --threads,
 * --rounds, and the options of a benchmark's own, each with one value.
 */
record BenchOptions(Path corpus, Path work, int docs, int threads, int rounds, Map<String, String> own) {

    static BenchOptions parse(String[] args, List<String> ownOptions) {
        Path corpus = Path.of("../shared/corpus");
        Path work = Path.of("target/bench");
        int docs = 100_000;
        int threads = Runtime.getRuntime().availableProcessors();
        int rounds = 30;
        Map<String, String> own = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--docs" -> docs = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> {
                    if (!ownOptions.contains(args[i])) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    own.put(args[i], args[++i]);
                }
            }
        }
        return new BenchOptions(corpus.toAbsolutePath().normalize(), work.toAbsolutePath().normalize(), docs, threads,
                rounds, Map.copyOf(own));
    }

    /** The value of an option of the benchmark's own, or its default. */
    String own(String option, String byDefault) {
        return own.getOrDefault(option, byDefault);
    }
}

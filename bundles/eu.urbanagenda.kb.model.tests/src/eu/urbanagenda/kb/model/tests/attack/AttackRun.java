package eu.urbanagenda.kb.model.tests.attack;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.tests.Fifo;
import eu.urbanagenda.kb.model.tests.LoopbackServer;
import eu.urbanagenda.kb.model.tests.TestFiles;
import eu.urbanagenda.kb.model.tests.attack.Mutations.Mutation;

/**
 * One run of the attack: the mutations of the bundled knowledge base written to files and loaded one by one, each
 * bounded in time, with a loopback HTTP server, a silent one, a FIFO and a file outside as the targets of their
 * references; every verdict counted. Shared by {@link AttackSuiteTest} and the bench (which runs it on older builds).
 */
public final class AttackRun {

    /** What the run found. */
    public record Result(int mutations, Map<String, Map<Verdict.Kind, Integer>> counts, List<String> wrong, List<String> requests,
        boolean fifoOpened, double seconds) {

        /** A table: one row a kind of mutation, one column a verdict that occurred. */
        public String table() {
            EnumMap<Verdict.Kind, Integer> totals = new EnumMap<>(Verdict.Kind.class);
            counts.values().forEach(row -> row.forEach((kind, n) -> totals.merge(kind, n, Integer::sum)));
            StringBuilder out = new StringBuilder("| mutation | count |");
            totals.keySet().forEach(kind -> out.append(' ').append(kind.words()).append(" |"));
            out.append("\n|---|---|").append("---|".repeat(totals.size())).append('\n');
            counts.forEach((mutation, row) -> {
                out.append("| ").append(mutation).append(" | ").append(row.values().stream().mapToInt(Integer::intValue).sum()).append(" |");
                totals.keySet().forEach(kind -> out.append(' ').append(row.getOrDefault(kind, 0)).append(" |"));
                out.append('\n');
            });
            out.append("| **all** | ").append(mutations).append(" |");
            totals.values().forEach(n -> out.append(" **").append(n).append("** |"));
            return out.append(String.format("%n%nconnections to the loopback servers: %d; FIFO opened: %s; %.1f s%n", requests.size(),
                fifoOpened ? "yes" : "no", seconds)).toString();
        }
    }

    private AttackRun() {
    }

    /**
     * @param extraCheck for a refusal, a further check (e.g. of the kind of problem): a failure message or null
     */
    public static Result run(Path folder, long seed, int scale, Duration bound,
        BiFunction<Mutation, KnowledgeBaseLoadException, String> extraCheck) throws Exception {
        byte[] original;
        try (InputStream in = BundledKnowledgeBase.open()) {
            original = in.readAllBytes();
        }
        KnowledgeBase expected = BundledKnowledgeBase.load().knowledgeBase();
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Path secret = TestFiles.write(outside.resolve("secret.xmi"),
            TestFiles.knowledgeBase("  <actors id=\"x\" kind=\"city\" country=\"BG\"><names language=\"en\" value=\"X\"/></actors>\n"));
        Path files = Files.createDirectories(folder.resolve("mutated"));
        Map<String, Map<Verdict.Kind, Integer>> counts = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        long started = System.nanoTime();
        try (LoopbackServer server = LoopbackServer.answering(); LoopbackServer silent = LoopbackServer.silent();
            Fifo fifo = new Fifo(outside.resolve("pipe"))) {
            List<Mutation> mutations = Mutations.of(original, seed, new Mutations.Targets(server.url(""), silent.url(""),
                secret.toUri().toString(), fifo.path().toUri().toString()), scale);
            ExecutorService loader = Executors.newSingleThreadExecutor(daemon());
            for (int i = 0; i < mutations.size(); i++) {
                Mutation mutation = mutations.get(i);
                Path file = Files.write(files.resolve(i + ".xmi"), mutation.bytes());
                // loading and judging both bounded: judging writes the model, which may resolve what the load left as proxies
                Future<Verdict> judged = loader.submit(() -> {
                    Object outcome;
                    try {
                        outcome = KnowledgeBaseFiles.load(file);
                    } catch (KnowledgeBaseLoadException e) {
                        outcome = e;
                    }
                    Verdict verdict = Verdict.of(mutation, file, outcome, expected);
                    String extra = verdict.kind() == Verdict.Kind.REFUSED_IN_WORDS && extraCheck != null
                        ? extraCheck.apply(mutation, (KnowledgeBaseLoadException) outcome) : null;
                    return extra == null ? verdict : new Verdict(Verdict.Kind.REFUSED_WITH_A_MISLEADING_MESSAGE, extra);
                });
                Verdict verdict;
                try {
                    verdict = judged.get(bound.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    verdict = new Verdict(Verdict.Kind.FAILED_OTHERWISE, String.valueOf(e.getCause()));
                } catch (TimeoutException e) {
                    verdict = Verdict.of(mutation, file, null, expected);
                    loader.shutdownNow(); // the hung thread is a daemon; a new one loads the rest
                    loader = Executors.newSingleThreadExecutor(daemon());
                }
                counts.computeIfAbsent(mutation.kind(), k -> new EnumMap<>(Verdict.Kind.class)).merge(verdict.kind(), 1, Integer::sum);
                if (!verdict.kind().right()) {
                    wrong.add("#" + i + " " + mutation.kind() + " (" + mutation.description() + "): " + verdict.kind().words() + ": "
                        + verdict.detail());
                }
                Files.deleteIfExists(file);
            }
            loader.shutdownNow();
            List<String> requests = new ArrayList<>(server.requests());
            requests.addAll(silent.requests());
            return new Result(mutations.size(), counts, wrong, requests, fifo.wasOpened(), (System.nanoTime() - started) / 1e9);
        }
    }

    private static ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "attack-loader");
            thread.setDaemon(true);
            return thread;
        };
    }
}

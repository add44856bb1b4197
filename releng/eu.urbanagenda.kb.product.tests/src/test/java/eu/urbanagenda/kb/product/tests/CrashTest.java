package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the real `kb` at a random moment of first use and of indexing: afterwards the index is sound (Lucene's
 * CheckIndex), and the next run completes what was interrupted, with the same documents as a run never killed. A few
 * trials in the build ({@code kb.crash.trials}, default 2 each); the crash benchmark runs many
 * ({@code releng/eu.urbanagenda.kb.bench/crash-bench.sh}).
 */
class CrashTest {

    private static final int TRIALS = Integer.getInteger("kb.crash.trials", 2);

    @TempDir
    static Path work;

    @Test
    void aKilledFirstUseIsCompletedByTheNextRun() throws Exception {
        Random random = new Random(Long.getLong("kb.crash.seed", 20261128L));
        List<String> wrong = new ArrayList<>();
        int killed = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path data = work.resolve("first-use-" + trial);
            // the first use of a data directory: the base copied, the seeds indexed
            if (killAfter(Product.command(work.resolve("home"), "--data", data.toString(), "search", "громада"),
                    200 + random.nextInt(1800))) {
                killed++;
            }
            String problem = checkIndex(data.resolve("index"));
            Cli.Result next = Cli.run(Product.command(work.resolve("home"), "--data", data.toString(), "search", "громада"));
            if (problem != null) {
                wrong.add("trial " + trial + ": " + problem);
            } else if (next.exit() != 0 || !next.out().contains("001_be425302bce8815f.txt")) {
                wrong.add("trial " + trial + ": the next run did not find the seeds:\n" + next);
            }
        }
        record("first use", killed, wrong);
        assertEquals(List.of(), wrong);
    }

    @Test
    void aKilledIndexRunLeavesASoundIndexThatTheNextRunCompletes() throws Exception {
        Path folder = Path.of(System.getProperty("kb.shared"), "corpus", "bg");
        Path reference = work.resolve("reference");
        Cli.Result clean = Cli.run(reference, "index", folder.toString());
        assertEquals(0, clean.exit(), clean.toString());
        java.util.Set<String> expected = indexedFiles(reference);
        Random random = new Random(Long.getLong("kb.crash.seed", 20261128L) + 1);
        List<String> wrong = new ArrayList<>();
        int killed = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path data = work.resolve("index-" + trial);
            assertEquals(0, Cli.run(data, "search", "громада").exit(), "set up before the trial");
            if (killAfter(Product.command(data.resolveSibling(data.getFileName() + "-home"), "--data", data.toString(), "index",
                    folder.toString()), 500 + random.nextInt(4000))) {
                killed++;
            }
            String problem = checkIndex(data.resolve("index"));
            Cli.Result next = Cli.run(data, "index", folder.toString());
            if (problem != null) {
                wrong.add("trial " + trial + ": " + problem);
            } else if (next.exit() != 0) {
                wrong.add("trial " + trial + ": the next run failed:\n" + next);
            } else if (!indexedFiles(data).equals(expected)) {
                wrong.add("trial " + trial + ": " + indexedFiles(data).size() + " files indexed, not the " + expected.size()
                        + " of a run without a kill");
            }
        }
        record("indexing", killed, wrong);
        assertEquals(List.of(), wrong);
    }

    /** Starts the command and kills it (the start script's JVM and all) after the given time; whether it still ran. */
    private static boolean killAfter(ProcessBuilder builder, long millis) throws IOException, InterruptedException {
        builder.environment().remove("DISPLAY");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        boolean ended = process.waitFor(millis, TimeUnit.MILLISECONDS);
        if (ended) {
            return false;
        }
        // the start script exec's the JVM: the process is the JVM; its descendants (OCR) go too
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "killed");
        return true;
    }

    /** What Lucene's CheckIndex finds wrong, or null for a sound index (or none yet). */
    private static String checkIndex(Path index) throws IOException {
        if (!Files.isDirectory(index)) {
            return null;
        }
        try (Stream<Path> files = Files.list(index)) {
            if (files.noneMatch(f -> f.getFileName().toString().startsWith("segments_"))) {
                return null; // killed before the first commit
            }
        }
        try (Directory directory = FSDirectory.open(index); CheckIndex check = new CheckIndex(directory)) {
            check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_INTEGRITY_CHECKS);
            CheckIndex.Status status = check.checkIndex();
            return status.clean ? null : "CheckIndex: the index " + index + " is not clean";
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            return "the index " + index + " is still locked after the kill";
        }
    }

    /** Every file in the index, the copies of each document included. */
    private static java.util.Set<String> indexedFiles(Path data) throws IOException, InterruptedException {
        Cli.Result all = Cli.run(data, "--json", "search", "*:*", "--limit", "10000");
        assertEquals(0, all.exit(), all.toString());
        java.util.Set<String> files = new java.util.TreeSet<>();
        for (var hit : all.jsonLines()) {
            if (hit.has("path")) {
                files.add(hit.get("path").getAsString());
                hit.getAsJsonArray("copies").forEach(c -> files.add(c.getAsJsonObject().get("path").getAsString()));
            }
        }
        return files;
    }

    /** The counts, for the crash benchmark (appended to target/crash-trials.txt). */
    private static void record(String what, int killed, List<String> wrong) throws IOException {
        Path out = Path.of(System.getProperty("kb.target", "target"), "crash-trials.txt");
        try (PrintStream print = new PrintStream(Files.newOutputStream(out, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND), true, StandardCharsets.UTF_8)) {
            print.printf("%s: %d trials, %d killed while running, %d failures%n", what, TRIALS, killed, wrong.size());
        }
    }
}

package eu.urbanagenda.kb.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import eu.urbanagenda.kb.model.tests.attack.AttackRun;
import eu.urbanagenda.kb.model.tests.persistence.KillTrials;

/**
 * The robustness bench of knowledge-base files, outside OSGi, on whichever build of the model bundle is on the class
 * path (attack-bench.sh runs it on this checkout and on a reference revision): the attack suite's mutations at bench
 * size, judged by the same rules as the test, and kill -9 during saves.
 *
 * <pre>AttackBench --label NAME --work DIR [--scale 10] [--trials 40] [--bound-seconds 10] [--allowed REGEX]...</pre>
 */
public final class AttackBench {

    public static void main(String[] args) throws Exception {
        String label = "build";
        Path work = Path.of("target/attack-bench");
        int scale = 10;
        int trials = 40;
        int bound = 10;
        List<String> allowed = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--label" -> label = args[++i];
                case "--work" -> work = Path.of(args[++i]);
                case "--scale" -> scale = Integer.parseInt(args[++i]);
                case "--trials" -> trials = Integer.parseInt(args[++i]);
                case "--bound-seconds" -> bound = Integer.parseInt(args[++i]);
                case "--allowed" -> allowed.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(work);
        AttackRun.Result attack = AttackRun.run(Files.createDirectories(work.resolve("attack")), Long.getLong("kb.attack.seed", 20261128L),
            scale, Duration.ofSeconds(bound), null);
        String java = ProcessHandle.current().info().command().orElseThrow();
        KillTrials.Result kills = KillTrials.run(Files.createDirectories(work.resolve("kills")), trials, Long.getLong("kb.crash.seed", 42),
            java, System.getProperty("java.class.path"), allowed, null);
        StringBuilder report = new StringBuilder("### " + label + "\n\n" + attack.table() + "\n" + kills.summary() + "\n");
        List<String> wrong = new ArrayList<>(attack.wrong());
        wrong.addAll(kills.wrong());
        if (!wrong.isEmpty()) {
            report.append("\nExamples of what went wrong:\n\n");
            wrong.stream().limit(12).forEach(w -> report.append("- ").append(w.length() > 300 ? w.substring(0, 300) + "…" : w).append('\n'));
        }
        System.out.print(report);
        Files.writeString(work.resolve("results.md"), report);
        System.exit(0); // hung loads may still hold daemon threads on a FIFO or a silent server
    }
}

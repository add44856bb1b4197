package eu.urbanagenda.kb.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;

/**
 * Warm load and save times of the bundled knowledge base (83 kB) on whichever model build is on the class path: what
 * a command pays to open it, and what a save costs (on this checkout: serializing, loading back, the backup, the file,
 * each forced to disk). attack-bench.sh runs it in turns with the reference build, since the machine may be busy.
 *
 * <pre>LoadSaveTimes LABEL FOLDER</pre>
 */
public final class LoadSaveTimes {

    public static void main(String[] args) throws Exception {
        Path file = Files.createDirectories(Path.of(args[1])).resolve("urban-agenda.xmi");
        Files.write(file, BundledKnowledgeBase.open().readAllBytes());
        KnowledgeBase kb = KnowledgeBaseFiles.load(file).knowledgeBase();
        for (int i = 0; i < 200; i++) {
            KnowledgeBaseFiles.load(file).resource().unload();
            KnowledgeBaseFiles.save(kb, file);
        }
        long[] loads = new long[400];
        for (int i = 0; i < loads.length; i++) {
            long started = System.nanoTime();
            KnowledgeBaseFiles.load(file).resource().unload();
            loads[i] = System.nanoTime() - started;
        }
        long[] saves = new long[100];
        for (int i = 0; i < saves.length; i++) {
            kb.getNames().get(0).setValue("Urban Agenda for the EU " + i);
            long started = System.nanoTime();
            KnowledgeBaseFiles.save(kb, file);
            saves[i] = System.nanoTime() - started;
        }
        System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", args[0], percentile(loads, 10), percentile(loads, 50),
            percentile(saves, 10), percentile(saves, 50));
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
    }
}

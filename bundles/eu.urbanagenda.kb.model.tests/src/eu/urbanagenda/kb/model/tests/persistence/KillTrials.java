package eu.urbanagenda.kb.model.tests.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.persistence.LoadResult;

/**
 * kill -9 during saves: a child JVM runs {@link SaveLoop} on a knowledge base and is killed with SIGKILL at a random
 * moment; then the file must load cleanly as one whole version, the last one saved or the one being saved, and one
 * more save (here) must leave no leftovers beside it. Counts what happened. Shared by {@link CrashDuringSaveTest} and
 * the bench (which runs it on older builds too, so it uses only what every version of the persistence API has).
 */
public final class KillTrials {

    /** What the trials found; {@code wrong} lists each trial that went wrong and how. */
    public record Result(int trials, int lastSaveKept, int inProgressSaveKept, int notLoadedWhole, int killsThatLeftFiles, int savesThatLeftFiles,
        List<String> leftAtTheEnd, List<String> wrong, double seconds) {

        public String summary() {
            return String.format("kill -9 trials: %d; afterwards the file loaded cleanly as the last save %d times, as the save in progress"
                + " %d times, not at all or not whole %d times; kills that left temporary files %d; next saves that left files %d;"
                + " files beside it at the end: %d %s; %.1f s", trials, lastSaveKept, inProgressSaveKept, notLoadedWhole,
                killsThatLeftFiles, savesThatLeftFiles, leftAtTheEnd.size(),
                leftAtTheEnd.stream().limit(4).toList(), seconds);
        }
    }

    /** A check after each kill, before the next save (e.g. of the backups); returns what is wrong, or null. */
    @FunctionalInterface
    public interface Check {
        String after(Path file) throws IOException;
    }

    private KillTrials() {
    }

    /**
     * @param java      the java executable for the child
     * @param classPath EMF, the model and {@link SaveLoop}
     * @param allowed   names beside the file that are no leftovers (e.g. its backup folder)
     */
    public static Result run(Path folder, int trials, long seed, String java, String classPath, List<String> allowed, Check check)
        throws IOException, InterruptedException {
        Path file = folder.resolve("urban-agenda.xmi");
        Files.write(file, BundledKnowledgeBase.open().readAllBytes());
        Random random = new Random(seed);
        int lastSaveKept = 0;
        int inProgressSaveKept = 0;
        int notLoadedWhole = 0;
        int killsThatLeftFiles = 0;
        int savesThatLeftFiles = 0;
        List<String> left = List.of();
        List<String> wrong = new ArrayList<>();
        long started = System.nanoTime();
        for (int trial = 1; trial <= trials; trial++) {
            Path progress = Files.createTempFile("save-loop", ".txt");
            Path log = Files.createTempFile("save-loop", ".log");
            Process child = new ProcessBuilder(java, "-cp", classPath, SaveLoop.class.getName(), file.toString(), progress.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int wanted = 1 + random.nextInt(3);
            while (lastSaved(progress) < wanted && child.isAlive()) {
                Thread.sleep(2);
            }
            if (!child.isAlive()) {
                throw new IOException("the save loop stopped by itself:\n" + Files.readString(log));
            }
            // a moment anywhere in the next save (which takes about as long as the last one) or just after it
            Thread.sleep((long) (random.nextDouble() * 1.2 * lastDuration(progress)));
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                throw new IOException("the save loop did not die");
            }
            int lastReported = lastSaved(progress);
            Files.delete(progress);
            Files.delete(log);

            if (leftovers(folder, allowed).size() > left.size()) {
                killsThatLeftFiles++;
            }
            KnowledgeBase kb;
            try {
                LoadResult result = KnowledgeBaseFiles.load(file);
                if (!result.problems().isEmpty()) {
                    notLoadedWhole++;
                    wrong.add("trial " + trial + ": loaded with problems: " + result.problems());
                    continue;
                }
                kb = result.knowledgeBase();
            } catch (KnowledgeBaseLoadException e) {
                notLoadedWhole++;
                wrong.add("trial " + trial + ": does not load: " + e.getMessage());
                continue;
            }
            int version = version(kb);
            if (version < 0) {
                notLoadedWhole++;
                wrong.add("trial " + trial + ": loaded, but not one whole version");
            } else if (version == lastReported) {
                lastSaveKept++;
            } else if (version == lastReported + 1) {
                inProgressSaveKept++;
            } else {
                wrong.add("trial " + trial + ": holds version " + version + ", neither the last save " + lastReported + " nor the next");
            }
            String problem = check == null ? null : check.after(file);
            if (problem != null) {
                wrong.add("trial " + trial + ": " + problem);
            }
            KnowledgeBaseFiles.save(kb, file);
            left = leftovers(folder, allowed);
            if (!left.isEmpty()) {
                savesThatLeftFiles++;
                wrong.add("trial " + trial + ": the next save left " + left);
            }
        }
        return new Result(trials, lastSaveKept, inProgressSaveKept, notLoadedWhole, killsThatLeftFiles, savesThatLeftFiles, left, wrong,
            (System.nanoTime() - started) / 1e9);
    }

    /** What is beside the file, and in the allowed folders, that is neither the file nor allowed: temporary files. */
    private static List<String> leftovers(Path folder, List<String> allowed) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString())
                .filter(name -> !name.equals("urban-agenda.xmi") && allowed.stream().noneMatch(name::matches)).sorted().toList();
        }
    }

    /** The number of the last save the progress file reports ("saved N in T ms"), 0 for none. */
    static int lastSaved(Path progress) throws IOException {
        String[] last = lastLine(progress);
        return last == null ? 0 : Integer.parseInt(last[1]);
    }

    private static long lastDuration(Path progress) throws IOException {
        String[] last = lastLine(progress);
        return last == null ? 100 : Long.parseLong(last[3]);
    }

    private static String[] lastLine(Path progress) throws IOException {
        List<String> lines = Files.readAllLines(progress);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).matches("saved \\d+ in \\d+ ms")) {
                return lines.get(i).split(" ");
            }
        }
        return null;
    }

    /** The description of each version is "version N " repeated: a whole version has one N throughout; -1 otherwise. */
    private static int version(KnowledgeBase kb) {
        LocalizedString description = kb.getDescriptions().stream().filter(d -> d.getLanguage() == Language.OTHER).findFirst().orElse(null);
        if (description == null) {
            return 0;
        }
        String value = description.getValue();
        String first = value.substring(0, value.indexOf(' ', 8) + 1);
        return first.repeat(SaveLoop.REPEAT).equals(value) ? Integer.parseInt(first.substring("version ".length()).strip()) : -1;
    }
}

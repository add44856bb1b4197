package eu.urbanagenda.kb.model.tests.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.LoadResult;
import eu.urbanagenda.kb.model.tests.TestFiles;

/**
 * A real crash: a child JVM saves the knowledge base in a loop and is killed with SIGKILL at random moments. After
 * each kill the file loads cleanly and holds one whole version, the old or the new one; every backup loads cleanly;
 * and the next save leaves nothing behind. {@code -Dkb.crash.trials=N} (default 5) sets the number of kills; the
 * counts go to {@code target/crash-trials.txt} for releng/eu.urbanagenda.kb.bench/attack-bench.sh.
 */
class CrashDuringSaveTest {

    private static final int TRIALS = Integer.getInteger("kb.crash.trials", 5);

    @TempDir
    Path folder;

    @Test
    void aProcessKilledWhileSavingLeavesALoadableFileAndTheNextSaveNoLeftovers() throws Exception {
        Path file = BundledKnowledgeBase.copyTo(folder.resolve("urban-agenda.xmi"));
        Path backups = KnowledgeBaseBackups.folderOf(file);
        Random random = new Random(Long.getLong("kb.crash.seed", 42));
        int lastSaveKept = 0;
        int inProgressSaveKept = 0;
        int temporaryLeft = 0;
        int backupTemporaryLeft = 0;
        long started = System.nanoTime();
        for (int trial = 1; trial <= TRIALS; trial++) {
            Path progress = Files.createTempFile("save-loop", ".txt");
            Path log = Files.createTempFile("save-loop", ".log");
            Process child = new ProcessBuilder(javaExecutable(), "-cp", classPath(), SaveLoop.class.getName(), file.toString(),
                progress.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int wanted = 1 + random.nextInt(3);
            while (lastSaved(progress) < wanted) {
                assertTrue(child.isAlive(), () -> "the save loop stopped by itself:\n" + read(log));
                Thread.sleep(2);
            }
            Thread.sleep(random.nextInt(120));
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            int lastReported = lastSaved(progress);
            Files.delete(progress);
            Files.delete(log);

            List<String> names = TestFiles.names(folder);
            temporaryLeft += (int) names.stream().filter(n -> n.endsWith(".tmp")).count();
            backupTemporaryLeft += (int) TestFiles.names(backups).stream().filter(n -> n.endsWith(".tmp")).count();
            int finalTrial = trial;
            LoadResult result = KnowledgeBaseFiles.load(file);
            KnowledgeBase kb = result.knowledgeBase();
            assertEquals(21, kb.getPartnerships().size());
            int version = version(kb, finalTrial);
            assertTrue(version == lastReported || version == lastReported + 1,
                "trial " + trial + ": the old version (" + lastReported + ") or the new one, not " + version);
            if (version == lastReported) {
                lastSaveKept++;
            } else {
                inProgressSaveKept++;
            }
            for (KnowledgeBaseBackups.Backup backup : KnowledgeBaseBackups.list(file)) {
                assertTrue(KnowledgeBaseBackups.load(backup).problems().isEmpty(), backup.toString());
            }

            KnowledgeBaseFiles.save(kb, file);
            assertEquals(List.of("urban-agenda.xmi", "urban-agenda.xmi.backups"), TestFiles.names(folder), "trial " + trial + ": leftovers");
            List<String> kept = TestFiles.names(backups);
            assertTrue(kept.stream().allMatch(n -> n.equals(".lock") || n.matches("\\d{6}-\\d{8}T\\d{6}Z\\.xmi")), kept.toString());
            assertTrue(kept.size() <= KnowledgeBaseBackups.KEPT + 1, kept.toString());
        }
        String summary = String.format("kill -9 trials: %d; afterwards the file held the last reported save %d times, the save in progress"
            + " %d times; temporary files left by the kill %d (beside the file) + %d (in the backup folder), all removed by the next save;"
            + " %.1f s", TRIALS, lastSaveKept, inProgressSaveKept, temporaryLeft, backupTemporaryLeft, (System.nanoTime() - started) / 1e9);
        System.out.println(summary);
        Files.createDirectories(TestFiles.target());
        Files.writeString(TestFiles.target().resolve("crash-trials.txt"), summary + "\n");
    }

    private static int lastSaved(Path progress) throws IOException {
        List<String> lines = Files.readAllLines(progress);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("saved ")) {
                return Integer.parseInt(lines.get(i).substring(6));
            }
        }
        return 0;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The description of each version is "version N " repeated: a whole version has one N throughout. */
    private static int version(KnowledgeBase kb, int trial) {
        LocalizedString description = kb.getDescriptions().stream().filter(d -> d.getLanguage() == Language.OTHER).findFirst().orElseThrow();
        String value = description.getValue();
        String first = value.substring(0, value.indexOf(' ', 8) + 1);
        assertEquals(first.repeat(SaveLoop.REPEAT), value, "trial " + trial + ": a whole version, not a mix of two");
        return Integer.parseInt(first.substring("version ".length()).strip());
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** EMF and our bundles, as plain jars or class folders: the child runs without OSGi. */
    static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : new Class<?>[] { org.eclipse.emf.common.util.URI.class, org.eclipse.emf.ecore.EObject.class,
            org.eclipse.emf.ecore.xmi.XMIResource.class, KnowledgeBase.class, SaveLoop.class, SaveOnce.class }) {
            Bundle bundle = FrameworkUtil.getBundle(type);
            File location = FileLocator.getBundleFile(bundle);
            File classes = new File(location, "target/classes");
            entries.add(location.isDirectory() && classes.isDirectory() ? classes.getPath() : location.getPath());
        }
        return String.join(File.pathSeparator, entries);
    }
}

package eu.urbanagenda.kb.model.tests.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.FileLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.tests.TestFiles;

/**
 * A real crash ({@link KillTrials}): a child JVM saves the knowledge base in a loop and is killed with SIGKILL at
 * random moments. After each kill the file loads cleanly and holds one whole version, the old or the new one; every
 * backup loads cleanly; and the next save leaves nothing behind. {@code -Dkb.crash.trials=N} (default 5) sets the
 * number of kills; the counts go to {@code target/crash-trials.txt}.
 */
class CrashDuringSaveTest {

    private static final int TRIALS = Integer.getInteger("kb.crash.trials", 5);

    @TempDir
    Path folder;

    @Test
    void aProcessKilledWhileSavingLeavesALoadableFileAndTheNextSaveNoLeftovers() throws Exception {
        KillTrials.Result result = KillTrials.run(folder, TRIALS, Long.getLong("kb.crash.seed", 42), javaExecutable(), classPath(),
            List.of("urban-agenda\\.xmi\\.backups/(\\.lock|\\d{6}-\\d{8}T\\d{6}Z\\.xmi)"), CrashDuringSaveTest::backupsLoad);
        System.out.println(result.summary());
        Files.createDirectories(TestFiles.target());
        Files.writeString(TestFiles.target().resolve("crash-trials.txt"), result.summary() + "\n");
        assertEquals(List.of(), result.wrong());
        assertEquals(TRIALS, result.lastSaveKept() + result.inProgressSaveKept());
        assertTrue(KnowledgeBaseBackups.list(folder.resolve("urban-agenda.xmi")).size() <= KnowledgeBaseBackups.KEPT, "rotated");
    }

    private static String backupsLoad(Path file) throws IOException {
        for (KnowledgeBaseBackups.Backup backup : KnowledgeBaseBackups.list(file)) {
            try {
                KnowledgeBaseBackups.load(backup).resource().unload();
            } catch (KnowledgeBaseLoadException e) {
                return "a backup does not load: " + e.getMessage();
            }
        }
        // a kill between writing the newest backup and removing the oldest leaves one more, until the next save
        return KnowledgeBaseBackups.list(file).size() > KnowledgeBaseBackups.KEPT + 1 ? "more backups than kept" : null;
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** EMF and our bundles, as plain jars or class folders: the child runs without OSGi. */
    static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : new Class<?>[] { org.eclipse.emf.common.util.URI.class, org.eclipse.emf.ecore.EObject.class,
            org.eclipse.emf.ecore.xmi.XMIResource.class, KnowledgeBase.class, SaveLoop.class }) {
            Bundle bundle = FrameworkUtil.getBundle(type);
            File location = FileLocator.getBundleFile(bundle);
            File classes = new File(location, "target/classes");
            entries.add(location.isDirectory() && classes.isDirectory() ? classes.getPath() : location.getPath());
        }
        return String.join(File.pathSeparator, entries);
    }
}

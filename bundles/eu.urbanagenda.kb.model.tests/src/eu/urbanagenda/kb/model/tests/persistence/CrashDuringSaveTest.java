package eu.urbanagenda.kb.model.tests.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.LoadResult;

/**
 * A real crash: a child JVM saves the knowledge base in a loop and is killed with SIGKILL at random moments. After
 * each kill the file must load without any problem and hold one whole version (its description intact).
 */
class CrashDuringSaveTest {

    private static final int KILLS = 8;

    @TempDir
    Path folder;

    @Test
    void aProcessKilledWhileSavingLeavesALoadableFile() throws Exception {
        Path file = BundledKnowledgeBase.copyTo(folder.resolve("urban-agenda.xmi"));
        Random random = new Random(42);
        int savesSeen = 0;
        for (int round = 0; round < KILLS; round++) {
            Process child = new ProcessBuilder(javaExecutable(), "-cp", classPath(), SaveLoop.class.getName(), file.toString())
                .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            int wanted = 2 + random.nextInt(3);
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("saved ") && Integer.parseInt(line.substring(6)) >= wanted) {
                    break;
                }
            }
            assertTrue(line != null, () -> "the save loop stopped by itself:\n" + String.join("\n", lines));
            Thread.sleep(random.nextInt(40));
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            savesSeen += wanted;

            LoadResult result = KnowledgeBaseFiles.load(file);
            assertTrue(result.problems().isEmpty(), () -> "round " + " problems: " + result.problems());
            KnowledgeBase kb = result.knowledgeBase();
            assertEquals(21, kb.getPartnerships().size());
            LocalizedString description = kb.getDescriptions().stream().filter(d -> d.getLanguage() == Language.OTHER).findFirst().orElseThrow();
            String version = description.getValue().substring(0, description.getValue().indexOf(' ', 8) + 1);
            assertEquals(version.repeat(20_000), description.getValue(), "a whole version, not a mix of two");
        }
        assertTrue(savesSeen >= 2 * KILLS);
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** EMF and our bundles, as plain jars or class folders: the child runs without OSGi. */
    private static String classPath() throws IOException {
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

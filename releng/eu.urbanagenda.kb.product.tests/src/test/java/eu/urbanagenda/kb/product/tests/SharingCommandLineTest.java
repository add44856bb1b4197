package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * kb set, kb history, kb diff and kb sync of the real product, two coordinators sharing a bare repository made by the
 * real Git; and kill -9 of kb sync, after which the next kb sync completes.
 */
class SharingCommandLineTest {

    @TempDir
    Path work;

    /** kb as one coordinator (Git's author variables name them, as for git itself). */
    private Cli.Result kb(String who, String... args) throws IOException, InterruptedException {
        return Cli.run(command(who, args));
    }

    private ProcessBuilder command(String who, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--data", work.resolve(who).toString()));
        all.addAll(List.of(args));
        ProcessBuilder builder = Product.command(work.resolve(who + "-home"), all.toArray(String[]::new));
        builder.environment().put("GIT_AUTHOR_NAME", who);
        builder.environment().put("GIT_AUTHOR_EMAIL", who.toLowerCase() + "@example.eu");
        return builder;
    }

    private static String git(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "git " + String.join(" ", args) + ":\n" + out);
        return out;
    }

    private Path bare() throws IOException, InterruptedException {
        Path shared = Files.createDirectories(work.resolve("shared.git"));
        git(shared, "init", "--bare", "--quiet", "--initial-branch=main");
        return shared;
    }

    private static void ok(Cli.Result result) {
        assertEquals(0, result.exit(), result.toString());
    }

    @Test
    void twoCoordinatorsShareEditsSeeEachOthersHistoryAndResolveAConflict() throws Exception {
        Cli.Result help = kb("ana", "set", "--help");
        ok(help);
        assertTrue(help.out().contains("name.LANG") && help.out().contains("status") && help.out().contains("completed"), help.out());

        String shared = bare().toString();
        Cli.Result set = kb("ana", "set", "digital-transition", "status", "active");
        ok(set);
        assertTrue(set.out().contains("saved as version"), set.out());
        ok(kb("ana", "sync", "--remote", shared));
        ok(kb("boris", "set", "housing", "name.bg", "Жилищно настаняване"));
        Cli.Result merged = kb("boris", "sync", "--remote", shared);
        ok(merged);
        assertTrue(merged.out().contains("Status: completed \u2192 active"), merged.out());
        ok(kb("ana", "sync"));

        Cli.Result history = kb("ana", "--json", "history", "housing");
        ok(history);
        JsonObject latest = history.jsonLines().get(0);
        assertEquals("boris", latest.get("author").getAsString(), history.out());
        assertEquals("Set Name", latest.get("message").getAsString().lines().findFirst().orElseThrow(), history.out());
        Cli.Result diff = kb("ana", "diff", latest.get("id").getAsString().substring(0, 7) + "~1", latest.get("id").getAsString());
        ok(diff);
        assertTrue(diff.out().contains("Name (bg) changed"), diff.out());

        // the same feature changed two ways: listed, exit 1, the knowledge base exactly as it was
        ok(kb("ana", "set", "digital-transition", "status", "completed"));
        ok(kb("ana", "sync"));
        ok(kb("boris", "set", "digital-transition", "status", "starting"));
        Path file = work.resolve("boris/urban-agenda.xmi");
        byte[] before = Files.readAllBytes(file);
        Cli.Result conflict = kb("boris", "sync");
        assertEquals(1, conflict.exit(), conflict.toString());
        assertTrue(conflict.out().contains("digital-transition.status"), conflict.out());
        assertTrue(conflict.out().contains("mine:   ") && conflict.out().contains("starting"), conflict.out());
        assertArrayEquals(before, Files.readAllBytes(file));
        ok(kb("boris", "sync", "--take", "digital-transition.status=theirs"));
        ok(kb("ana", "sync"));
        assertArrayEquals(Files.readAllBytes(work.resolve("ana/urban-agenda.xmi")), Files.readAllBytes(file));
        git(work.resolve("shared.git"), "fsck", "--strict");
    }

    @Test
    void anUnreachableRepositoryIsOneClearMessage() throws Exception {
        Cli.Result result = kb("ana", "sync", "--remote", work.resolve("nowhere.git").toString());
        assertEquals(3, result.exit(), result.toString());
        assertEquals(1, result.err().lines().filter(l -> l.startsWith("kb sync:")).count(), "one message: " + result.err());
        assertEquals(0, result.err().lines().filter(l -> !l.startsWith("kb")).count(), "nothing else: " + result.err());
        assertTrue(result.err().contains("cannot reach the shared repository") && result.err().contains("nowhere.git"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @Test
    void aKilledSyncIsCompletedByTheNext() throws Exception {
        String shared = bare().toString();
        ok(kb("ana", "sync", "--remote", shared));
        Random random = new Random(Long.getLong("kb.crash.seed", 20261128L));
        int trials = Integer.getInteger("kb.crash.trials", 2);
        for (int trial = 0; trial < trials; trial++) {
            ok(kb("ana", "set", "food", "name.bg", "Храна " + trial));
            ok(kb("ana", "sync"));
            ok(kb("boris", "set", "housing", "name.uk", "Житло " + trial));
            ProcessBuilder sync = command("boris", "sync", "--remote", shared);
            sync.environment().remove("DISPLAY");
            sync.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            Process process = sync.start();
            if (!process.waitFor(300 + random.nextInt(2500), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            }
            // the same command again (a sync killed before it remembered the address needs it once more)
            Cli.Result next = kb("boris", "sync", "--remote", shared);
            ok(next);
            ok(kb("ana", "sync"));
            assertArrayEquals(Files.readAllBytes(work.resolve("ana/urban-agenda.xmi")), Files.readAllBytes(work.resolve("boris/urban-agenda.xmi")),
                    "trial " + trial);
            assertTrue(Files.readString(work.resolve("ana/urban-agenda.xmi")).contains("Житло " + trial), "trial " + trial);
            git(work.resolve("boris"), "fsck", "--strict");
            git(work.resolve("shared.git"), "fsck", "--strict");
        }
    }
}

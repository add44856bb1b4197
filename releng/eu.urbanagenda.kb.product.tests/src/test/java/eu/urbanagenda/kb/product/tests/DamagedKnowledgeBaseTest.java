package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged knowledge base in a data directory, through the real `kb`: every command refuses it with exit status 3,
 * naming the file, the line and the problem, and leaves it byte for byte as it is (`kb link` used to save what it
 * could read over it); `kb validate` lists every problem and prints the command that restores the newest good backup;
 * that command restores it.
 */
class DamagedKnowledgeBaseTest {

    @TempDir
    static Path work;

    private static byte[] insertBefore(byte[] bytes, String marker, byte[] inserted) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.substring(0, text.indexOf(marker)).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static int lineOf(byte[] bytes, String marker) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return (int) text.substring(0, text.indexOf(marker)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void everyCommandRefusesADamagedKnowledgeBaseAndLeavesIt() throws Exception {
        Path data = work.resolve("damaged");
        Cli.Result setUp = Cli.run(data, "link");
        assertEquals(0, setUp.exit(), setUp.toString());
        Path file = data.resolve("urban-agenda.xmi");
        byte[] good = Files.readAllBytes(file);
        String text = new String(good, StandardCharsets.UTF_8);

        Map<String, byte[]> damages = new LinkedHashMap<>();
        damages.put("invalid UTF-8 byte 0xFF at line " + lineOf(good, "  <documents"), insertBefore(good, "  <documents", new byte[] { (byte) 0xff }));
        damages.put("it was probably cut off", java.util.Arrays.copyOf(good, good.length * 2 / 3));
        damages.put("the id 'food' is already used", text.replaceFirst("id=\"housing\"", "id=\"food\"").getBytes(StandardCharsets.UTF_8));
        damages.put("no object has the id 'seed-999'", text.replace("document=\"seed-004\"", "document=\"seed-999\"").getBytes(StandardCharsets.UTF_8));
        damages.put("outside this file", text.replaceFirst("actor=\"city-oulu\"", "actor=\"http://127.0.0.1:9/other.xmi#x\"")
            .getBytes(StandardCharsets.UTF_8));
        boolean firstDamage = true;
        for (Map.Entry<String, byte[]> damage : damages.entrySet()) {
            Files.write(file, damage.getValue());
            // every command refuses through the same session; `link` is the one that saved what it could read
            List<List<String>> commands = firstDamage ? List.of(List.of("partnerships"), List.of("link"), List.of("--json", "show", "housing"))
                : List.of(List.of("link"));
            firstDamage = false;
            for (List<String> command : commands) {
                Cli.Result result = Cli.run(data, command.toArray(String[]::new));
                assertEquals(3, result.exit(), damage.getKey() + ", " + command + ": " + result);
                String first = result.err().lines().findFirst().orElse("");
                assertTrue(first.startsWith("kb: the knowledge base cannot be loaded: " + file + ":"), first);
                assertTrue(first.contains(damage.getKey()), damage.getKey() + " in " + first);
                assertFalse(result.err().contains("Exception"), result.err());
                assertEquals("", result.out(), "nothing printed as if it were the knowledge base");
                assertArrayEquals(damage.getValue(), Files.readAllBytes(file), damage.getKey() + ", " + command + ": the file is unchanged");
            }
        }

        // the first damage again: validate lists the problem and the way back, and that way works
        byte[] damaged = damages.values().iterator().next();
        Files.write(file, damaged);
        Cli.Result validate = Cli.run(data, "validate");
        assertEquals(3, validate.exit(), validate.toString());
        assertTrue(validate.err().contains("invalid UTF-8 byte 0xFF at line " + lineOf(good, "  <documents")), validate.toString());
        Matcher restore = Pattern.compile("the newest good backup is (\\d+), saved [-0-9: ]+; restore it with: (kb .*)").matcher(validate.err());
        assertTrue(restore.find(), validate.toString());
        assertEquals("kb --data " + data + " restore " + restore.group(1), restore.group(2));
        assertArrayEquals(damaged, Files.readAllBytes(file), "validate changes nothing");

        Cli.Result list = Cli.run(data, "restore", "--list");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().contains(file + ": does not load cleanly: "), list.toString());
        assertTrue(list.out().matches("(?s).*\\n +" + restore.group(1) + "  [-0-9: ]+ +[0-9.]+ kB  good, 21 partnerships\\n.*"), list.toString());

        Cli.Result restored = Cli.run(data, "restore", restore.group(1));
        assertEquals(0, restored.exit(), restored.toString());
        assertTrue(restored.out().startsWith("Restored " + file + " from backup " + restore.group(1)), restored.toString());
        try (Stream<Path> files = Files.list(data)) {
            Path kept = files.filter(p -> p.getFileName().toString().matches("urban-agenda\\.replaced-\\d{8}T\\d{6}Z\\.xmi")).findFirst()
                .orElseThrow(() -> new AssertionError("the damaged file is kept aside: " + restored));
            assertArrayEquals(damaged, Files.readAllBytes(kept));
        }
        Cli.Result after = Cli.run(data, "partnerships");
        assertEquals(0, after.exit(), after.toString());
        assertTrue(after.out().contains("21 of 21 partnerships"), after.toString());
        Cli.Result nothingToDo = Cli.run(data, "restore");
        assertEquals(0, nothingToDo.exit(), nothingToDo.toString());
        assertTrue(nothingToDo.out().contains("loads cleanly; nothing was restored"), nothingToDo.toString());
    }

    @Test
    void aFifoAsTheKnowledgeBaseIsRefusedWithoutWaiting() throws Exception {
        Path data = work.resolve("fifo");
        Files.createDirectories(data);
        Process mkfifo = new ProcessBuilder("mkfifo", data.resolve("urban-agenda.xmi").toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        Cli.Result result = Cli.run(data, "validate");
        assertEquals(3, result.exit(), result.toString());
        assertTrue(result.err().contains("is not a regular file"), result.toString());
    }

    /** The sync of the folder after the rename failed unnoticed: `kb link` said it saved, exit 0. */
    @Test
    void aFailedFolderSyncMakesTheSaveFailNamingTheFile() throws Exception {
        Process probe = new ProcessBuilder("strace", "-f", "-qq", "-o", "/dev/null", "true").redirectErrorStream(true).start();
        Assumptions.assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "strace cannot trace here");
        Path data = work.resolve("sync");
        assertEquals(0, Cli.run(data, "search", "громада").exit(), "set up, seeds indexed");
        ProcessBuilder link = Product.command(data.resolveSibling("sync-home"), "--data", data.toString(), "link");
        link.command().addAll(0, List.of("strace", "-f", "-qq", "-o", "/dev/null", "-P", data.toString(), "-e", "trace=fsync",
            "-e", "inject=fsync:error=EIO"));
        Cli.Result result = Cli.run(link);
        assertEquals(3, result.exit(), result.toString());
        assertTrue(result.err().contains("Cannot save " + data.resolve("urban-agenda.xmi") + ": the folder " + data
            + " could not be forced to disk"), result.toString());
    }
}

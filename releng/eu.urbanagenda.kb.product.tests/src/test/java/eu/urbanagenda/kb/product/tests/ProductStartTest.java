package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product's start script brings up the workbench, and a termination signal closes it cleanly. */
class ProductStartTest {

    static final String WINDOW_OPEN = "urbanagenda-kb: workbench window open";
    static final String CLOSED = "urbanagenda-kb: workbench closed";

    @TempDir
    Path home;

    @Test
    void startScriptOpensTheWorkbenchAndClosesItOnTerm() throws Exception {
        String display = System.getenv("DISPLAY");
        assertNotNull(display, "this test needs a display: run it as the README says, under xvfb-run");

        Process process = Product.command(home).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = drain(process, output);
        try {
            assertTrue(waitFor(output, WINDOW_OPEN, 90), "the first window opened; output:\n" + String.join("\n", output));
            assertTrue(process.isAlive(), "the workbench keeps running once its window is open");

            // SIGTERM, as a logout or `kill` sends it (through the handle: Process.destroy() would close our pipes)
            process.toHandle().destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the workbench exits after SIGTERM");
            reader.join(5000);
            assertTrue(output.contains(CLOSED), "the workbench closed itself; output:\n" + String.join("\n", output));

            Path workbenchState = home.resolve("urbanagenda-kb/workbench/.metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi");
            assertTrue(Files.isRegularFile(workbenchState), "window state was saved on close: " + workbenchState);
            assertFalse(output.stream().anyMatch(line -> line.startsWith("!ENTRY") && line.contains(" 4 ")),
                    "no errors logged: \n" + String.join("\n", output));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void withoutDisplayTheWorkbenchSaysSoInOneLine() throws Exception {
        assertNoDisplayLine(Product.command(home));
        assertNoDisplayLine(Product.command(home, "-nl", "uk")); // a workbench option's value is no command
        assertNoDisplayLine(Product.command(home, "--data", home.resolve("data").toString(), "-nl", "bg"));
    }

    private static void assertNoDisplayLine(ProcessBuilder command) throws Exception {
        ProcessBuilder builder = command.redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("no display"), text);
        assertEquals(2, process.exitValue());
    }

    @Test
    void productShipsTheSeedsAndTheStartScript() throws IOException {
        Path seeds = Product.dir().resolve("seeds");
        Path checkoutSeeds = Path.of(System.getProperty("kb.root")).resolve("seeds");
        try (Stream<Path> files = Files.list(checkoutSeeds)) {
            for (Path seed : files.toList()) {
                Path shipped = seeds.resolve(seed.getFileName());
                assertTrue(Files.isRegularFile(shipped), "shipped: " + shipped);
                assertEquals(-1L, Files.mismatch(seed, shipped), "byte for byte: " + shipped);
            }
        }
        assertTrue(Files.isRegularFile(Product.dir().resolve("lib/find-java.sh")));
    }

    static Thread drain(Process process, List<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    sink.add(line);
                }
            } catch (IOException e) {
                sink.add("(reading the output failed: " + e + ")");
            }
        }, "product output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static boolean waitFor(List<String> output, String prefix, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (output.stream().anyMatch(line -> line.startsWith(prefix))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}

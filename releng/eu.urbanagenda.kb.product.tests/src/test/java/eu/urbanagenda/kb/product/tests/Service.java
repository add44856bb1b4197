package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A `kb --data DIR serve` of the product under test, as a user starts it in a terminal. */
final class Service {

    static final String SERVING = "kb serve: serving ";

    private final Path data;
    private final Process process;
    private final Path log;

    private Service(Path data, Process process, Path log) {
        this.data = data;
        this.process = process;
        this.log = log;
    }

    /** Starts it and waits until it serves. */
    static Service start(Path data) throws IOException, InterruptedException {
        Path log = Files.createTempFile("kb-serve", ".txt");
        ProcessBuilder builder = Product.command(data.resolveSibling(data.getFileName() + "-home"), "--data", data.toString(), "serve");
        builder.environment().remove("DISPLAY");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Service service = new Service(data, builder.start(), log);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!service.log().contains(SERVING)) {
            assertTrue(service.process.isAlive(), "kb serve ended before it served:\n" + service.log());
            assertTrue(System.nanoTime() < end, "kb serve serves within 180 s:\n" + service.log());
            Thread.sleep(50);
        }
        return service;
    }

    Path data() {
        return data;
    }

    long pid() {
        return process.pid();
    }

    /** What it printed so far (stdout and stderr). */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** SIGTERM, as a logout or `kill` sends it; returns its exit status. */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kb serve ends on SIGTERM");
        return process.exitValue();
    }

    /** SIGKILL: the process ends at once, with nothing cleaned up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }

    boolean alive() {
        return process.isAlive();
    }
}

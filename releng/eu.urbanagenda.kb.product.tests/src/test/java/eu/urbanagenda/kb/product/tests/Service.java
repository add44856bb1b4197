package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A `kb --data DIR serve` of the product under test, as a user starts it in a terminal.
 *
 * @param logFile where its standard output and error go
 */
record Service(Path data, Process process, Path logFile) {

    static final String SERVING = "kb serve: serving ";

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

    long pid() {
        return process.pid();
    }

    /** What it printed so far (stdout and stderr). */
    String log() throws IOException {
        return Files.readString(logFile, StandardCharsets.UTF_8);
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

package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The materialized product under test (built by the repository module before these tests run). */
final class Product {

    private Product() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("kb.product.dir", "missing")).toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(dir.resolve("kb")), "the materialized product with its start script: " + dir);
        return dir;
    }

    static Path startScript() {
        return dir().resolve("kb");
    }

    /** A process of the start script with its own data directory and a clean environment. */
    static ProcessBuilder command(Path dataHome, String... args) throws IOException {
        Files.createDirectories(dataHome);
        String[] command = new String[args.length + 1];
        command[0] = startScript().toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_DATA_HOME", dataHome.toString());
        builder.environment().put("HOME", dataHome.toString());
        builder.environment().put("XDG_CACHE_HOME", dataHome.resolve(".cache").toString());
        return builder;
    }
}

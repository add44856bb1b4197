package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs `kb --data DIR ARGS...` through the product's start script, as a script or a person would: standalone, or handed
 * to a `kb serve` of the data directory ({@link Mode}), which must print the same.
 */
final class Cli {

    /** How commands run. */
    enum Mode {
        /** Each in a process of its own (KB_SERVICE=off). */
        STANDALONE,
        /** Each handed to a `kb serve` of its data directory, started on first need (KB_SERVICE=only). */
        SERVED
    }

    private static Mode mode = Mode.STANDALONE;
    private static final Map<Path, Service> SERVICES = new LinkedHashMap<>();

    record Result(int exit, String out, String err) {

        List<JsonObject> jsonLines() {
            List<JsonObject> objects = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    objects.add(JsonParser.parseString(line).getAsJsonObject());
                }
            }
            return objects;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    /** From now on, commands run this way; returns the folder under ROOT for this way's files. */
    static Path use(Mode how, Path root) throws IOException {
        mode = how;
        return Files.createDirectories(root.resolve(how.name().toLowerCase(Locale.ROOT)));
    }

    static Mode mode() {
        return mode;
    }

    /**
     * Stops the services started for {@link Mode#SERVED} (each ends cleanly on SIGTERM, as it says); commands run
     * standalone again.
     */
    static void stopServices() throws IOException, InterruptedException {
        mode = Mode.STANDALONE;
        for (Service service : SERVICES.values()) {
            int status = service.stop();
            assertTrue(status == 0 || status == 143, "kb serve ended on SIGTERM (" + status + "):\n" + service.log());
            assertTrue(service.log().contains("kb serve: stopped"), service.log());
        }
        SERVICES.clear();
    }

    static Result run(Path data, String... args) throws IOException, InterruptedException {
        return run(command(data, args));
    }

    /** The process of `kb --data DIR ARGS...` in the current mode (its service started when needed). */
    static ProcessBuilder command(Path data, String... args) throws IOException, InterruptedException {
        if (mode == Mode.SERVED && !SERVICES.containsKey(data)) {
            SERVICES.put(data, Service.start(data));
        }
        List<String> all = new ArrayList<>(List.of("--data", data.toString()));
        all.addAll(List.of(args));
        ProcessBuilder builder = Product.command(data.resolveSibling(data.getFileName() + "-home"), all.toArray(String[]::new));
        builder.environment().put("KB_SERVICE", mode == Mode.SERVED ? "only" : "off");
        return builder;
    }

    /** Without --data: the default data directory under the given home. */
    static Result runRaw(Path home, String... args) throws IOException, InterruptedException {
        return run(Product.command(home, args));
    }

    /** Runs a command of the start script (see {@link Product#command}) without a display. */
    static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        builder.environment().remove("DISPLAY");
        builder.environment().putIfAbsent("KB_SERVICE", mode == Mode.SERVED ? "only" : "off");
        Path out = Files.createTempFile("kb-out", ".txt");
        Path err = Files.createTempFile("kb-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), String.join(" ", builder.command()) + " finished");
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}

package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Runs `kb --data DIR ARGS...` through the product's start script, as a script or a person would. */
final class Cli {

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

    static Result run(Path data, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--data", data.toString()));
        all.addAll(List.of(args));
        return runRaw(data.resolveSibling(data.getFileName() + "-home"), all.toArray(String[]::new));
    }

    /** Without --data: the default data directory under the given home. */
    static Result runRaw(Path home, String... args) throws IOException, InterruptedException {
        return run(Product.command(home, args));
    }

    /** Runs a command of the start script (see {@link Product#command}) without a display. */
    static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        builder.environment().remove("DISPLAY");
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

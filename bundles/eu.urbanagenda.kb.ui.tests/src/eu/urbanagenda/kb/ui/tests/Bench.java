package eu.urbanagenda.kb.ui.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Timings seen by the tests, written to target/benchmarks-ui.txt (measured, never asserted). */
public final class Bench {

    private Bench() {
    }

    public static void record(String what, long millis) {
        try {
            Path file = Path.of(System.getProperty("kb.target", "target"), "benchmarks-ui.txt");
            Files.writeString(file, what + "\t" + millis + " ms\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a missing benchmark line is no test failure
        }
        System.out.println("benchmark: " + what + ": " + millis + " ms");
    }
}

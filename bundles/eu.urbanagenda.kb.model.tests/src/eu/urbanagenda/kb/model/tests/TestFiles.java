package eu.urbanagenda.kb.model.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import eu.urbanagenda.kb.model.persistence.Checksums;

/** Paths the build hands to every test JVM, and small file helpers. */
public final class TestFiles {

    private TestFiles() {
    }

    /** The checkout (system property kb.root). */
    public static Path root() {
        return Path.of(System.getProperty("kb.root", "."));
    }

    /** This module's target folder (system property kb.target). */
    public static Path target() {
        return Path.of(System.getProperty("kb.target", "target"));
    }

    /** The committed bundled knowledge base in the checkout. */
    public static Path bundledBaseInCheckout() {
        return root().resolve("bundles/eu.urbanagenda.kb.model/base/urban-agenda.xmi");
    }

    public static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A minimal well-formed knowledge-base file around {@code body}. */
    public static String knowledgeBase(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<kb:KnowledgeBase xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:kb=\"http://urbanagenda.eu/kb/model/1.0\" id=\"test\">\n"
            + "  <names language=\"en\" value=\"Test\"/>\n" + body + "</kb:KnowledgeBase>\n";
    }

    /** Every file under {@code folder}: relative path to SHA-256, to assert that nothing changed. */
    public static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(path)) {
                    files.put(folder.relativize(path).toString(), Checksums.sha256(path));
                }
            }
        }
        return files;
    }

    /** The names in {@code folder}, sorted. */
    public static java.util.List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

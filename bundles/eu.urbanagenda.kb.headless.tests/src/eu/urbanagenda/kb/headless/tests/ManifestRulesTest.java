package eu.urbanagenda.kb.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The manifests say what the code does, and the compiler holds the code to them: every dependency has a version range,
 * every exported package a version, an internal package is {@code x-internal} or names friends that exist, and every
 * bundle compiles with the shared settings that make a use of another bundle's internals an error.
 */
class ManifestRulesTest {

    private static final Path ROOT = Path.of(System.getProperty("kb.root", "."));
    /** Packages of the Java runtime, which the system bundle exports without a version. */
    private static final List<String> JRE_PACKAGES = List.of("java.", "javax.", "jdk.", "org.xml.", "org.w3c.", "org.ietf.",
            "com.sun.net.httpserver");

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> folders = Files.list(ROOT.resolve("bundles"))) {
            return folders.filter(f -> Files.isRegularFile(f.resolve("META-INF/MANIFEST.MF"))).sorted().toList();
        }
    }

    private static Manifest manifest(Path bundle) throws IOException {
        try (InputStream in = Files.newInputStream(bundle.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    /** The entries of a header, split at commas outside quotes. */
    static List<String> entries(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    @Test
    void everyDependencyHasAVersionRange() throws IOException {
        List<String> unversioned = new ArrayList<>();
        for (Path bundle : bundles()) {
            var main = manifest(bundle).getMainAttributes();
            for (String entry : entries(main.getValue("Require-Bundle"))) {
                if (!entry.contains("bundle-version=\"[") && !entry.contains("bundle-version=\"(")) {
                    unversioned.add(bundle.getFileName() + " requires " + entry);
                }
            }
            for (String entry : entries(main.getValue("Import-Package"))) {
                boolean fromTheJre = JRE_PACKAGES.stream().anyMatch(entry::startsWith);
                if (!fromTheJre && !entry.contains("version=\"[") && !entry.contains("version=\"(")) {
                    unversioned.add(bundle.getFileName() + " imports " + entry);
                }
            }
        }
        assertEquals(List.of(), unversioned);
    }

    @Test
    void exportsAreVersionedAndInternalsSayWhoMayUseThem() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path bundle : bundles()) {
            for (String entry : entries(manifest(bundle).getMainAttributes().getValue("Export-Package"))) {
                String name = entry.split(";")[0];
                if (!entry.contains("version=\"")) {
                    wrong.add(bundle.getFileName() + " exports " + name + " without a version");
                }
                boolean internal = name.contains(".internal");
                if (internal && !entry.contains("x-internal:=true") && !entry.contains("x-friends:=")) {
                    wrong.add(bundle.getFileName() + " exports " + name + " to everyone");
                }
                int friends = entry.indexOf("x-friends:=\"");
                if (friends >= 0) {
                    String list = entry.substring(friends + 12, entry.indexOf('"', friends + 12));
                    for (String friend : list.split(",")) {
                        if (!Files.isDirectory(ROOT.resolve("bundles").resolve(friend.strip()))) {
                            wrong.add(bundle.getFileName() + " names a friend that does not exist: " + friend);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyBundleCompilesWithTheSharedSettings() throws IOException {
        String shared = Files.readString(ROOT.resolve("releng/settings/org.eclipse.jdt.core.prefs"));
        List<String> different = new ArrayList<>();
        for (Path bundle : bundles()) {
            Path prefs = bundle.resolve(".settings/org.eclipse.jdt.core.prefs");
            if (!Files.isRegularFile(prefs) || !Files.readString(prefs).equals(shared)) {
                different.add(bundle.getFileName().toString());
            }
        }
        assertEquals(List.of(), different, "copy releng/settings/org.eclipse.jdt.core.prefs into their .settings (see its README)");
    }
}

package eu.urbanagenda.kb.core;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where things are: the user's data directory (knowledge base and index), and the source documents the
 * product ships with (its {@code seeds/} folder).
 */
public final class KbLocations {

    /** The data directory's name under the user's data home. */
    public static final String DATA_DIRECTORY_NAME = "urbanagenda-kb";

    private KbLocations() {
    }

    /**
     * The data directory: the system property {@code kb.data} (set by the start script from --data), else
     * {@code $XDG_DATA_HOME/urbanagenda-kb}, else {@code ~/.local/share/urbanagenda-kb}.
     */
    public static Path defaultDataDirectory() {
        String explicit = System.getProperty("kb.data");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, DATA_DIRECTORY_NAME);
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", DATA_DIRECTORY_NAME);
    }

    /**
     * The folder of the bundled seed documents: {@code kb.seeds}, else {@code seeds/} of the product
     * ({@code kb.install}, or the OSGi install area), else {@code seeds/} of the checkout ({@code kb.root},
     * set for tests). Empty when none exists (e.g. installed into another Eclipse from the update site).
     */
    public static Optional<Path> seedsDirectory() {
        for (String candidate : new String[] { System.getProperty("kb.seeds"), folder("kb.install", "seeds"),
                folder("kb.root", "seeds"), installArea("seeds") }) {
            if (candidate != null && Files.isDirectory(Path.of(candidate))) {
                return Optional.of(Path.of(candidate).toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /**
     * The bundled seed documents (the seeds folder's files but its README, which is about them), sorted; empty when
     * there is no seeds folder.
     */
    public static List<Path> seedDocuments() throws IOException {
        Optional<Path> seeds = seedsDirectory();
        if (seeds.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(seeds.get())) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted().toList();
        }
    }

    /**
     * The folder that relative document locations ({@code seeds/<file>}) are resolved against: the parent of
     * the seeds folder, i.e. the product or the checkout.
     */
    public static Optional<Path> productRoot() {
        return seedsDirectory().map(Path::getParent);
    }

    /**
     * Where the knowledge base records a document: {@code seeds/<name>} for a file of the bundled seeds folder (so the
     * location stays true when the product moves), else the absolute path.
     */
    public static String documentLocation(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Optional<Path> seeds = seedsDirectory();
        if (seeds.isPresent() && seeds.get().equals(absolute.getParent())) {
            return "seeds/" + absolute.getFileName();
        }
        return absolute.toString();
    }

    private static String folder(String property, String child) {
        String base = System.getProperty(property);
        return base == null || base.isBlank() ? null : Path.of(base, child).toString();
    }

    private static String installArea(String child) {
        String area = System.getProperty("osgi.install.area");
        if (area == null) {
            return null;
        }
        try {
            return Path.of(new URL(area).toURI()).resolve(child).toString();
        } catch (URISyntaxException | IllegalArgumentException | java.net.MalformedURLException e) {
            return null;
        }
    }
}

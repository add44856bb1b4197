package eu.urbanagenda.kb.ui.internal.preferences;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;

/**
 * The user-interface language of the next start, the way Eclipse keeps it: the {@code osgi.nl} property of the
 * configuration area's {@code config.ini}, which Equinox reads at start (and makes the JVM's default locale) unless
 * {@code -nl} is given on the command line. The line is replaced or appended; the rest of the file is kept as is.
 */
public final class UiLanguage {

    static final String PROPERTY = "osgi.nl";

    private UiLanguage() {
    }

    /** The configuration's {@code config.ini}. */
    public static Path configIni() throws IOException {
        Location location = Platform.getConfigurationLocation();
        URL url = location == null ? null : location.getURL();
        if (url == null) {
            throw new IOException("no configuration area (-configuration)");
        }
        try {
            return Path.of(url.toURI()).resolve("config.ini");
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(url.getPath()).resolve("config.ini");
        }
    }

    /** The language stored for the next start ({@code ""}: the system's). */
    public static String stored() {
        try {
            return stored(configIni());
        } catch (IOException e) {
            return "";
        }
    }

    public static String stored(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith(PROPERTY + "=")) {
                return trimmed.substring(PROPERTY.length() + 1).strip();
            }
        }
        return "";
    }

    /** Stores the language for the next start ({@code ""}: the system's). */
    public static void store(String nl) throws IOException {
        store(configIni(), nl);
    }

    public static void store(Path file, String nl) throws IOException {
        List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : new ArrayList<>();
        List<String> result = new ArrayList<>();
        boolean replaced = false;
        for (String line : lines) {
            if (line.strip().startsWith(PROPERTY + "=")) {
                if (!replaced && nl != null && !nl.isBlank()) {
                    result.add(PROPERTY + "=" + nl.strip());
                }
                replaced = true;
            } else {
                result.add(line);
            }
        }
        if (!replaced && nl != null && !nl.isBlank()) {
            result.add(PROPERTY + "=" + nl.strip());
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, result, StandardCharsets.ISO_8859_1);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package eu.urbanagenda.kb.model.persistence;

import java.net.URI;
import java.nio.file.Path;

import eu.urbanagenda.kb.model.SourceDocument;

/**
 * Where a {@link SourceDocument} is on disk. Its {@code location} is {@code seeds/<file name>} for the documents
 * shipped with the product (relative to the product's or the checkout's root folder), or an absolute file URI or path.
 */
public final class DocumentLocations {

    private DocumentLocations() {
    }

    /** The document's file; relative locations are resolved against {@code root} (the product or the checkout). */
    public static Path resolve(SourceDocument document, Path root) {
        String location = document.getLocation();
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("source document '" + document.getId() + "' has no location");
        }
        if (location.startsWith("file:")) {
            return Path.of(URI.create(location));
        }
        Path path = Path.of(location);
        return path.isAbsolute() ? path : root.resolve(path).normalize();
    }
}

package eu.urbanagenda.kb.model.persistence;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The knowledge base the product ships with: {@value #PATH} inside the bundle {@code eu.urbanagenda.kb.model}
 * (21 partnerships, their coordinators, priorities and actions, the pillars, the cross-cutting issues, the five seed
 * documents and their evidence). It is read-only; to edit it, copy it to a file and load that.
 */
public final class BundledKnowledgeBase {

    /** Where the bundled knowledge base lives in the model bundle (and in the checkout, under the bundle's folder). */
    public static final String PATH = "base/urban-agenda.xmi";

    private BundledKnowledgeBase() {
    }

    /** The bundled file's URL (a bundle entry in Eclipse, a jar or folder entry on a plain class path). */
    public static URL url() throws FileNotFoundException {
        URL url = BundledKnowledgeBase.class.getResource("/" + PATH);
        if (url == null) {
            throw new FileNotFoundException(PATH + " is missing from the bundle eu.urbanagenda.kb.model");
        }
        return url;
    }

    public static InputStream open() throws IOException {
        return url().openStream();
    }

    /** Loads a fresh in-memory copy (its own resource set); save it with {@link KnowledgeBaseFiles#save}. */
    public static LoadResult load() throws IOException {
        return KnowledgeBaseFiles.load(url(), KnowledgeBaseFiles.createResourceSet());
    }

    /**
     * Writes the bundled file to {@code target} atomically, as a save does: checked to load cleanly, and kept as the
     * first backup ({@link KnowledgeBaseBackups}).
     */
    public static Path copyTo(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        byte[] bytes;
        try (InputStream in = open()) {
            bytes = in.readAllBytes();
        }
        try {
            KnowledgeBaseFiles.checkLoadsBack(bytes, absolute, false).resource().unload();
            KnowledgeBaseFiles.write(absolute, bytes);
        } catch (IOException e) {
            throw new IOException("Cannot copy the bundled knowledge base to " + absolute + ": " + e.getMessage(), e);
        }
        return target;
    }

    /**
     * Gives a user a knowledge base to work on: copies the bundled one to {@code target} unless a file is already
     * there. Returns true when it copied.
     */
    public static boolean copyIfMissing(Path target) throws IOException {
        if (Files.exists(target)) {
            return false;
        }
        copyTo(target);
        return true;
    }
}

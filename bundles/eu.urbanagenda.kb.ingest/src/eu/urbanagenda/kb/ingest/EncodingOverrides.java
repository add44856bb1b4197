package eu.urbanagenda.kb.ingest;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodings configured per folder: a file uses the override of its nearest configured ancestor folder. An override
 * replaces guessing only; a byte order mark or valid UTF-8 still wins (see {@link TextDecoder}).
 */
public final class EncodingOverrides {

    /** No overrides. */
    public static final EncodingOverrides NONE = new EncodingOverrides(Map.of());

    private final TreeMap<Path, Charset> byFolder = new TreeMap<>();

    /**
     * @param byFolder folder → encoding
     */
    public EncodingOverrides(Map<Path, Charset> byFolder) {
        byFolder.forEach((k, v) -> this.byFolder.put(k.toAbsolutePath().normalize(), v));
    }

    /**
     * @param file a file
     * @return the encoding configured for its nearest ancestor folder, or {@code null}
     */
    public Charset forFile(Path file) {
        for (Path p = file.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            Charset cs = byFolder.get(p);
            if (cs != null) {
                return cs;
            }
        }
        return null;
    }

    /** @return whether no override is configured */
    public boolean isEmpty() {
        return byFolder.isEmpty();
    }
}

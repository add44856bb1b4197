package eu.urbanagenda.kb.ingest;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * Encodings configured per folder: a file uses the override of its nearest configured ancestor folder. An override
 * replaces guessing only; a byte order mark or valid UTF-8 still wins (see {@link TextDecoder}).
 */
public final class EncodingOverrides extends FolderOverrides<Charset> {

    /** No overrides. */
    public static final EncodingOverrides NONE = new EncodingOverrides(Map.of());

    /**
     * @param byFolder folder → encoding
     */
    public EncodingOverrides(Map<Path, Charset> byFolder) {
        super(byFolder);
    }
}

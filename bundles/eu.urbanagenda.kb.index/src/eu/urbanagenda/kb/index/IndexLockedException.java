package eu.urbanagenda.kb.index;

import java.io.IOException;
import java.nio.file.Path;

/** Another writer (process or thread) holds the index: only one update runs at a time per index directory. */
public class IndexLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path directory;

    /**
     * @param directory the index directory
     * @param owner what is known of the holder (e.g. "pid 1234 on host, since 10:42:07"), or {@code null}
     */
    public IndexLockedException(Path directory, String owner) {
        super("index is locked by another process (" + (owner == null ? "unknown writer" : owner) + "; index "
                + directory + ")");
        this.directory = directory;
    }

    /** @return the index directory */
    public Path directory() {
        return directory;
    }
}

package eu.urbanagenda.kb.ingest;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A setting configured per folder: a file uses the value of its nearest configured ancestor folder.
 *
 * @param <T> the type of the setting
 */
public class FolderOverrides<T> {

    private final TreeMap<Path, T> byFolder = new TreeMap<>();

    /**
     * @param byFolder folder → value
     */
    public FolderOverrides(Map<Path, T> byFolder) {
        byFolder.forEach((k, v) -> this.byFolder.put(k.toAbsolutePath().normalize(), v));
    }

    /**
     * @param file a file
     * @return the value configured for its nearest ancestor folder, or {@code null}
     */
    public T forFile(Path file) {
        for (Path p = file.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            T value = byFolder.get(p);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** @return whether nothing is configured */
    public boolean isEmpty() {
        return byFolder.isEmpty();
    }
}

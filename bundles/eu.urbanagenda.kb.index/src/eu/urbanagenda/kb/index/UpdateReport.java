package eu.urbanagenda.kb.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link KbIndex#update}.
 *
 * @param added files indexed for the first time
 * @param updated files whose content changed and were indexed again
 * @param removed files under the sources that no longer exist, removed from the index
 * @param unchanged number of files whose size, time and checksum show no change
 * @param skipped files (and folders) not indexed, each with the reason
 * @param cancelled whether the run was cancelled; what was done before is committed
 * @param bytesRead bytes of the files read and indexed
 * @param elapsed wall time
 * @param documents documents in the index afterwards
 */
public record UpdateReport(List<Path> added, List<Path> updated, List<Path> removed, int unchanged,
        List<SkippedFile> skipped, boolean cancelled, long bytesRead, Duration elapsed, int documents) {

    /** @return a one-line summary, e.g. "12 added, 1 updated, 0 removed, 300 unchanged, 2 skipped" */
    public String summary() {
        return added.size() + " added, " + updated.size() + " updated, " + removed.size() + " removed, " + unchanged
                + " unchanged, " + skipped.size() + " skipped" + (cancelled ? " (cancelled)" : "");
    }
}

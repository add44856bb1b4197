package eu.urbanagenda.kb.index;

import java.nio.file.Path;
import java.util.List;

/**
 * The notice that an index was rebuilt because it had been written by another Lucene version or analysis version.
 * The index is empty after the rebuild; {@link KbIndex#update(UpdateRequest, org.eclipse.core.runtime.IProgressMonitor)}
 * with {@link #previousFiles()} restores it.
 *
 * @param previousLucene the Lucene version recorded in the old index, or "unknown"
 * @param previousAnalysis the analysis version recorded in the old index, or "unknown"
 * @param currentLucene the Lucene version now in use
 * @param currentAnalysis the analysis version now in use
 * @param previousFiles the files the old index held, as far as it could be read
 */
public record FormatChange(String previousLucene, String previousAnalysis, String currentLucene,
        String currentAnalysis, List<Path> previousFiles) {

    /** @return a notice for the user */
    public String message() {
        return "The search index was built with Lucene " + previousLucene + " and analysis \"" + previousAnalysis
                + "\"; this version uses Lucene " + currentLucene + " and analysis \"" + currentAnalysis
                + "\". The index was rebuilt empty; " + previousFiles.size()
                + " previously indexed files need to be indexed again.";
    }
}

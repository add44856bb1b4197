package eu.urbanagenda.kb.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A search engine holding the indexed documents: the local Lucene index ({@link KbIndex}) or a cluster
 * ({@code eu.urbanagenda.kb.index.opensearch}). The command line and the workbench use only this interface: queries,
 * filters, facets, order, paging, snippets and incremental updates behave the same on every engine. Implementations are
 * thread-safe.
 */
public interface SearchBackend extends AutoCloseable {

    /**
     * Indexes files and folders incrementally: new files are added, changed files (size, time and then checksum differ)
     * indexed again, files missing under the sources removed; files that cannot be used are skipped with a reason.
     *
     * @param request files, folders and options
     * @param monitor progress and cancellation, or {@code null}
     * @return what was done
     * @throws IndexLockedException if another update of this index is running (local index)
     * @throws IOException if the index cannot be written; the message names the index and the problem
     */
    UpdateReport update(UpdateRequest request, IProgressMonitor monitor) throws IOException;

    /**
     * Searches.
     *
     * @param request the query, filters, order, page and options
     * @return total hits, time, the page of hits and facet counts
     * @throws QuerySyntaxException if the query cannot be parsed (readable message with position)
     * @throws IOException if the index cannot be searched; the message names the index and the problem
     */
    SearchResult search(SearchRequest request) throws QuerySyntaxException, IOException;

    /**
     * A stored document with the matches of a query, for the document viewer.
     *
     * @param file the file
     * @param query a query whose matches are returned as highlights, or {@code null}
     * @return the document, or empty if the file is not in the index
     * @throws QuerySyntaxException if the query cannot be parsed
     * @throws IOException if the index cannot be read
     */
    Optional<StoredDocument> document(Path file, String query) throws QuerySyntaxException, IOException;

    /** @return the notice that the index was rebuilt for another format or analysis version when opened, if it was */
    Optional<FormatChange> formatChange();

    /**
     * Makes searches see every change made so far, also by other processes, at once.
     *
     * @throws IOException if the index cannot be read
     */
    void refresh() throws IOException;

    /**
     * @return the number of documents visible to searches
     * @throws IOException if the index cannot be read
     */
    int documentCount() throws IOException;

    /** @return where the documents are, for messages: "index /home/…/index", "OpenSearch index kb at https://…" */
    String location();

    /** Closes the connection or index; a running update is cancelled and waited for. */
    @Override
    void close() throws IOException;
}

package eu.urbanagenda.kb.index;

import java.time.Duration;
import java.util.List;

/**
 * The result of a search. Copies of one document (files with the same or nearly the same text) are one hit.
 *
 * @param totalHits the number of matching files
 * @param took the time the search took, including facets and snippets
 * @param hits the requested page of hits (documents)
 * @param facets facet counts of files ({@link Facets#EMPTY} when not requested)
 * @param totalDocuments the number of matching documents (copies counted once)
 */
public record SearchResult(long totalHits, Duration took, List<SearchHit> hits, Facets facets, long totalDocuments) {
}

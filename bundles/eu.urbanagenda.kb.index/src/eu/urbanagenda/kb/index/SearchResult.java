package eu.urbanagenda.kb.index;

import java.time.Duration;
import java.util.List;

/**
 * The result of a search.
 *
 * @param totalHits the number of matching documents
 * @param took the time the search took, including facets and snippets
 * @param hits the requested page of hits
 * @param facets facet counts ({@link Facets#EMPTY} when not requested)
 */
public record SearchResult(long totalHits, Duration took, List<SearchHit> hits, Facets facets) {
}

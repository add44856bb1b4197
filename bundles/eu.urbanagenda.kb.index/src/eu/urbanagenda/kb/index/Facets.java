package eu.urbanagenda.kb.index;

import java.util.List;

/**
 * Facet counts of a search, each sorted by count (descending), then value. A dimension that is filtered in the request
 * is counted as if its own filter were absent (the other filters apply), so a user can widen a selection.
 *
 * @param languages by language code
 * @param years by publication year (documents without a date are not counted)
 * @param formats by format id
 * @param folders by the folder that contains the file (at most 100)
 * @param groups by group id of {@link SearchRequest#groups()}
 */
public record Facets(List<FacetCount> languages, List<FacetCount> years, List<FacetCount> formats,
        List<FacetCount> folders, List<FacetCount> groups) {

    /** No facets. */
    public static final Facets EMPTY = new Facets(List.of(), List.of(), List.of(), List.of(), List.of());
}

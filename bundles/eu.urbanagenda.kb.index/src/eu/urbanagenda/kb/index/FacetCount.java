package eu.urbanagenda.kb.index;

/**
 * A facet value and the number of matching documents that have it.
 *
 * @param value the value (language code, year, format id, folder path or group id)
 * @param count matching documents
 */
public record FacetCount(String value, long count) {
}

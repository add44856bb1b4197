package eu.urbanagenda.kb.index;

/** The order of search hits. */
public enum SortOrder {
    /** Best match first (BM25 over the text, title and transliteration fields). */
    RELEVANCE,
    /** Newest publication date first; documents without a date last; ties by relevance. */
    DATE_DESC,
    /** Oldest publication date first; documents without a date last; ties by relevance. */
    DATE_ASC
}
